/**
 * Our operation behind an operation of another spec: the SDK-method table (`sdkMethodMap`) is
 * keyed by the operationIds of our bundle, while a vendor's spec (or any other copy) names the
 * same operation differently. So the lookup goes by method and path (path-match.ts), and falls
 * back to the operationId only for an operation whose path changed in a version of our own spec.
 */
import { type ApiEntry } from '../lib/apis.js';
import { loadBundle, type JsonObject } from '../lib/spec-model.js';
import { documentSites, matchOperations } from './path-match.js';

export interface OperationLike {
  method: string;
  path: string;
  operationId?: string;
}

/** A lookup from an operation of `doc` (a self-contained spec of `api`) to our operationId. */
export function ourOperationIdsFor(api: ApiEntry, doc: JsonObject): (op: OperationLike) => string | undefined {
  const ours = documentSites(loadBundle(api));
  const match = matchOperations(ours, documentSites(doc));
  const byPlace = new Map(match.pairs.map((p) => [`${p.theirs.method.toLowerCase()} ${p.theirs.path}`, p.ours.operationId]));
  const ourIds = new Set(ours.map((o) => o.operationId));
  return (op) => byPlace.get(`${op.method.toLowerCase()} ${op.path}`) ?? (op.operationId && ourIds.has(op.operationId) ? op.operationId : undefined);
}
