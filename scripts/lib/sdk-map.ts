/**
 * Which public SDK method calls which operation, found by calling every method of every namespace
 * and watching the requests it makes. The drift report uses it to name the SDK methods a spec
 * change affects; the coverage test uses the same walk against a real server.
 */
import { createJustifiClient } from '../../src/justifi/index.js';
import { createPaymentsClient } from '../../src/payments/index.js';
import { apis, type ApiEntry } from './apis.js';
import { loadBundle, operationMatcher } from './spec-model.js';

/** Calls every method of every namespace of a client with placeholder arguments, in order. */
export async function callEveryMethod(client: object, onCall: (method: string) => void): Promise<void> {
  for (const [ns, resource] of Object.entries(client)) {
    if (!resource || typeof resource !== 'object') continue;
    for (const [name, fn] of Object.entries(resource as Record<string, unknown>)) {
      if (typeof fn !== 'function') continue;
      onCall(`${ns}.${name}`);
      // Methods whose first parameter is an id take a string there; the rest take objects.
      const takesId = /^\(?\s*(id|token|\w+Id)\b/.test(fn.toString());
      const args = Array.from({ length: fn.length }, (_, i) => (i === 0 && takesId ? 'id_1' : {}));
      await (fn as (...a: unknown[]) => PromiseLike<unknown>)(...args);
    }
  }
}

const cannedBody = JSON.stringify({ id: null, type: 'array', data: [], page_info: { has_next: false, has_previous: false }, meta: {}, access_token: 'token' });

/** operationId → SDK methods that call it, e.g. `createPayment → ['justifi.payments.create']`. */
export async function sdkMethodMap(api: ApiEntry): Promise<Record<string, string[]>> {
  const match = operationMatcher(loadBundle(api));
  const map: Record<string, string[]> = {};
  let current = '';
  // Introspection only: nothing leaves the process, every request gets the same canned answer.
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    const operationId = match(request.method, new URL(request.url).pathname);
    if (operationId) (map[operationId] ??= []).includes(current) || map[operationId]!.push(current);
    return new Response(cannedBody, { status: 200, headers: { 'content-type': 'application/json' } });
  };
  const base = { baseUrl: 'http://sdk-map.invalid', fetch, maxRetries: 0 };
  const prefix = api.name === 'justifi-v1' ? 'justifi' : 'payments';
  const client =
    api.name === 'justifi-v1'
      ? createJustifiClient({ clientId: 'test_map', clientSecret: 'map_secret', subAccount: 'acc', ...base })
      : createPaymentsClient({ apiKey: 'map_api_key_0000', accountId: 'acc', businessId: 'biz', ...base });
  await callEveryMethod(client, (method) => {
    current = `${prefix}.${method}`;
  });
  // The token request is made by the client's auth, not by a namespace method.
  if (api.name === 'justifi-v1') map.createAccessToken = ['justifi (automatic, on first call)'];
  return map;
}

export async function sdkMethodMaps(): Promise<Record<string, Record<string, string[]>>> {
  return Object.fromEntries(await Promise.all(apis.map(async (api) => [api.name, await sdkMethodMap(api)] as const)));
}
