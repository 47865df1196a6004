/**
 * Which public SDK method sends which operation, read from the generated method table
 * (generated/<api>.sdk.ts) — the table the clients themselves are built from. The docs landing
 * page, the drift report's SDK impact and the contract suite all ask here.
 */
import { pathToFileURL } from 'node:url';
import type { MethodInfo, MethodTable } from '../../src/core/operation-table.js';
import { type ApiEntry, fromRoot } from './apis.js';

export interface SdkMethodRef {
  namespace: string;
  method: string;
  info: MethodInfo;
}

/** Loads an API's generated method table from wherever its entry says it was generated. */
export async function loadMethodTable(api: ApiEntry): Promise<MethodTable> {
  const module = (await import(pathToFileURL(fromRoot(api.sdk)).href)) as { sdkMethods?: MethodTable };
  if (!module.sdkMethods) throw new Error(`${api.sdk} exports no sdkMethods: run \`npm run generate\``);
  return module.sdkMethods;
}

/** operationId → the method that sends it. */
export function methodsByOperation(table: MethodTable): Map<string, SdkMethodRef> {
  const out = new Map<string, SdkMethodRef>();
  for (const [namespace, methods] of Object.entries(table)) {
    for (const [method, info] of Object.entries(methods)) out.set(info.operationId, { namespace, method, info });
  }
  return out;
}

/** operationId → full SDK method names, e.g. `createPayment → ['justifi.payments.create']` (sync, from a loaded table). */
export function sdkMethodMapOf(api: ApiEntry, table: MethodTable): Record<string, string[]> {
  return Object.fromEntries([...methodsByOperation(table)].map(([operationId, ref]) => [operationId, [`${api.client}.${ref.namespace}.${ref.method}`]]));
}

/** operationId → full SDK method names, e.g. `createPayment → ['justifi.payments.create']`. */
export async function sdkMethodMap(api: ApiEntry): Promise<Record<string, string[]>> {
  return sdkMethodMapOf(api, await loadMethodTable(api));
}
