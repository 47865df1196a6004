/** The operation table of one API: what the spec defines and which SDK method calls it. */
import type { ApiEntry } from '../lib/apis.js';
import { sdkMethodMap } from '../lib/sdk-method-map.js';
import { type JsonObject, listOperations } from '../lib/spec-model.js';
import { hasInferredPath } from './inferred.js';

export interface OperationRow {
  method: string;
  path: string;
  operationId: string;
  summary: string;
  /** SDK methods that send this operation; empty when only `client.raw` reaches it. */
  sdkMethods: string[];
  /** The operation's URL was reconstructed (`x-inferred-path: true` on it or its path item). */
  inferredPath: boolean;
}

/** One row per operation of the bundle, in document order. */
export async function operationRows(api: ApiEntry, doc: JsonObject): Promise<OperationRow[]> {
  const sdk = await sdkMethodMap(api);
  return listOperations(doc).map((op) => ({
    method: op.method.toUpperCase(),
    path: op.path,
    operationId: op.operationId,
    summary: typeof op.operation.summary === 'string' ? op.operation.summary : '',
    sdkMethods: sdk[op.operationId] ?? [],
    inferredPath: hasInferredPath(doc, op),
  }));
}
