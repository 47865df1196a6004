/**
 * Which public SDK method sends which operation, read from the generated SDK module
 * (generated/<api>.sdk.ts): `methodByOperationId` names the method, `sdkMethods` (the table the
 * clients are built from) says how it sends. The docs landing page, the drift report's SDK impact
 * and the contract suite all ask here.
 */
import { pathToFileURL } from 'node:url';
import type { MethodInfo, MethodTable } from '../../src/core/operation-table.js';
import { type ApiEntry, fromRoot } from './apis.js';

/** The two exports of a generated SDK module that tooling reads. */
export interface SdkModule {
  sdkMethods: MethodTable;
  methodByOperationId: Readonly<Record<string, string>>;
}

export interface SdkMethodRef {
  /** `namespace.method`, e.g. `payments.create`. */
  name: string;
  namespace: string;
  method: string;
  info: MethodInfo;
}

/** Loads an API's generated SDK module from wherever its entry says it was generated. */
export async function loadSdkModule(api: ApiEntry): Promise<SdkModule> {
  const module = (await import(pathToFileURL(fromRoot(api.sdk)).href)) as Partial<SdkModule>;
  if (!module.sdkMethods || !module.methodByOperationId) throw new Error(`${api.sdk} lacks sdkMethods or methodByOperationId: run \`npm run generate\``);
  return { sdkMethods: module.sdkMethods, methodByOperationId: module.methodByOperationId };
}

/** operationId → the method that sends it, with its table entry. */
export function methodsByOperation(sdk: SdkModule): Map<string, SdkMethodRef> {
  const out = new Map<string, SdkMethodRef>();
  for (const [operationId, name] of Object.entries(sdk.methodByOperationId)) {
    const [namespace = '', method = ''] = name.split('.');
    const info = sdk.sdkMethods[namespace]?.[method];
    if (!info) throw new Error(`${operationId}: ${name} is not in the generated method table`);
    out.set(operationId, { name, namespace, method, info });
  }
  return out;
}

/** operationId → full SDK method names, `client.namespace.method` (from a loaded module). */
export function sdkMethodMapOf(api: ApiEntry, sdk: SdkModule): Record<string, string[]> {
  return Object.fromEntries(Object.entries(sdk.methodByOperationId).map(([operationId, name]) => [operationId, [`${api.client}.${name}`]]));
}

/** operationId → full SDK method names, e.g. `['justifi.payments.create']` for JustiFi's payment creation. */
export async function sdkMethodMap(api: ApiEntry): Promise<Record<string, string[]>> {
  return sdkMethodMapOf(api, await loadSdkModule(api));
}
