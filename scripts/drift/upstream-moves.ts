/**
 * "Moved?" hints for operations only one side has. Matching never guesses (an operation is the
 * same only at the same method and path), but an operation of ours missing from the vendor's spec
 * next to a vendor-only one with the same method, parameters and body fields is most likely the
 * same operation at a new path, and the report says so beside both findings.
 */
import { servedAt } from './path-match.js';
import type { SpecNode } from './spec-resolver.js';
import type { SideOperation, SpecSide } from './upstream-side.js';

/** How alike two signatures must be (Jaccard index) to call one operation the other, moved. */
const alike = 0.8;
/** Fewer features than this say too little (every empty POST looks alike). */
const minFeatures = 4;
const maxFieldDepth = 3;

function fieldPaths(side: SpecSide, nodes: SpecNode[], prefix: string, out: Set<string>, depth = 0): void {
  if (depth > maxFieldDepth) return;
  const shape = side.shapes.shapeOfAll(nodes);
  if (!shape.known) return;
  for (const [name, children] of shape.properties) {
    out.add(`${prefix}${name}`);
    fieldPaths(side, children, `${prefix}${name}.`, out, depth + 1);
  }
  if (shape.items.length > 0) fieldPaths(side, shape.items, `${prefix}[].`, out, depth + 1);
}

/** What a client sends and gets: parameter keys (except the path's), request fields, success-response fields. */
function signature(side: SpecSide, op: SideOperation): Set<string> {
  const out = new Set<string>();
  for (const key of side.parameters(op).byKey.keys()) if (!key.startsWith('path:')) out.add(`param ${key}`);
  const request = side.requestBody(op);
  const requestBody = request ? side.body(request.target) : undefined;
  if (requestBody) fieldPaths(side, [requestBody.schema], 'request ', out);
  const success = [...side.responses(op)].find(([status]) => status.startsWith('2'));
  const response = success ? side.resolver.deref(success[1]) : undefined;
  const responseBody = response ? side.body(response) : undefined;
  if (responseBody) fieldPaths(side, [responseBody.schema], 'response ', out);
  return out;
}

function jaccard(a: Set<string>, b: Set<string>): number {
  const shared = [...a].filter((x) => b.has(x)).length;
  const all = new Set([...a, ...b]).size;
  return all === 0 ? 0 : shared / all;
}

/** Hints for the unmatched operations of both sides, keyed by the operation. */
export function movedHints(ours: SpecSide, theirs: SpecSide, oursOnly: SideOperation[], theirsOnly: SideOperation[]): Map<SideOperation, string> {
  const hints = new Map<SideOperation, string>();
  const theirSignatures = new Map(theirsOnly.map((op) => [op, signature(theirs, op)]));
  for (const op of oursOnly) {
    const mine = signature(ours, op);
    if (mine.size < minFeatures) continue;
    const scored = theirsOnly
      .filter((t) => t.method === op.method)
      .map((t) => ({ t, score: jaccard(mine, theirSignatures.get(t)!) }))
      .sort((a, b) => b.score - a.score);
    const [best, next] = scored;
    if (!best || best.score < alike || (next && next.score === best.score) || hints.has(best.t)) continue;
    hints.set(op, `the vendor's spec has ${best.t.method.toUpperCase()} ${servedAt(best.t)} with the same parameters and fields: moved?`);
    hints.set(best.t, `it has the parameters and fields of our ${op.operationId} (${op.method.toUpperCase()} ${servedAt(op)}): moved?`);
  }
  return hints;
}
