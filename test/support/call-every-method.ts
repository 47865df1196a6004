/**
 * Calls every public method of a client once, for the reachability test. The methods are found on
 * the client itself; how many positional arguments each takes (path parameters, body, query) is
 * read from the generated method table the client was built from.
 */
import type { MethodTable } from '../../src/core/operation-table.js';
import { pathParamNames } from '../../src/core/operation-table.js';
import { sdkMethods as justifiMethods } from '../../generated/justifi-v1.sdk.js';
import { sdkMethods as paymentsMethods } from '../../generated/payments-v1.3.sdk.js';

type Namespaces = Record<string, Record<string, unknown>>;

const namespacesOf = (client: object) => Object.entries(client).filter(([, v]) => v && typeof v === 'object').map(([k]) => k).sort().join();

/** The generated table whose namespaces are exactly the client's. */
function tableOf(client: object): MethodTable {
  const table = [justifiMethods, paymentsMethods].find((t) => Object.keys(t).sort().join() === namespacesOf(client));
  if (!table) throw new Error(`no generated method table has the namespaces ${namespacesOf(client)}`);
  return table;
}

/** Calls every method of every namespace with placeholder arguments, in order; `onCall` hears `namespace.method` first. */
export async function callEveryMethod(client: object, onCall: (method: string) => void): Promise<void> {
  const table = tableOf(client);
  for (const [namespace, resource] of Object.entries(client as Namespaces)) {
    if (!resource || typeof resource !== 'object') continue;
    for (const [name, fn] of Object.entries(resource)) {
      if (typeof fn !== 'function') continue;
      const info = table[namespace]?.[name];
      if (!info) throw new Error(`${namespace}.${name} is not in the generated method table`);
      onCall(`${namespace}.${name}`);
      const args: unknown[] = pathParamNames(info.path).map(() => 'id_1');
      if (info.body) args.push({});
      if (info.query) args.push({});
      await (fn as (...a: unknown[]) => PromiseLike<unknown>)(...args);
    }
  }
}
