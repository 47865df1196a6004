/**
 * What a spec marks as inferred: `x-inferred: true` on a schema, property, response or parameter
 * (modelled from prose and samples because the vendor's reference does not show it), and
 * `x-inferred-path: true` on an operation (its URL was reconstructed). The landing page lists these
 * so a reader knows which parts to double-check against the live API.
 */
import { deref, type JsonObject, listOperations, type OperationEntry, walk } from '../lib/spec-model.js';

export type InferredKind = 'schema' | 'property' | 'response' | 'parameter' | 'other';

export interface InferredPart {
  kind: InferredKind;
  /** Readable location, e.g. `Payment.card.brand`, `GET /payouts/{id} → 200`. */
  label: string;
  /** JSON pointer inside the bundle. */
  pointer: string;
}

export interface InferredOperation {
  method: string;
  path: string;
  operationId: string;
}

export interface InferredReport {
  /** Every node with `x-inferred: true`, in document order. */
  parts: InferredPart[];
  /** Every operation with `x-inferred-path: true`. */
  operations: InferredOperation[];
  /** Number of parts of each kind (kinds with none are left out). */
  counts: Partial<Record<InferredKind, number>>;
}

const decode = (token: string) => token.replace(/~1/g, '/').replace(/~0/g, '~');

/** `properties/a/items/properties/b` → `.a[].b`: the schema-relative path a reader recognises. */
function schemaPath(tokens: string[]): string {
  let out = '';
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t === 'properties' && i + 1 < tokens.length) out += `.${tokens[++i]}`;
    else if (t === 'items') out += '[]';
    else if (t === 'additionalProperties') out += '{*}';
    else if (/^(allOf|oneOf|anyOf)$/.test(t) && i + 1 < tokens.length) out += `.${t}[${tokens[++i]}]`;
    else out += `/${t}`;
  }
  return out;
}

function kindOf(rest: string[], fallback: InferredKind): InferredKind {
  return rest.includes('properties') || rest.at(-1) === 'items' ? 'property' : fallback;
}

/** Names a pointer the way the reference pages do. Exported for its tests. */
export function describePointer(pointer: string): Pick<InferredPart, 'kind' | 'label'> {
  const tokens = pointer.replace(/^#\/?/, '').split('/').map(decode);
  const [root, section, name, ...rest] = tokens;
  if (root === 'components' && name !== undefined) {
    if (section === 'schemas') return { kind: rest.length ? kindOf(rest, 'schema') : 'schema', label: name + schemaPath(rest) };
    if (section === 'responses' && !rest.length) return { kind: 'response', label: name };
    if (section === 'parameters' && !rest.length) return { kind: 'parameter', label: name };
  }
  if (root === 'paths' && section !== undefined && name !== undefined) {
    const where = `${name.toUpperCase()} ${section}`;
    if (rest[0] === 'responses' && rest[1] !== undefined && rest.length === 2) return { kind: 'response', label: `${where} → ${rest[1]}` };
    const inSchema = rest.indexOf('schema');
    if (inSchema >= 0) return { kind: kindOf(rest.slice(inSchema + 1), 'schema'), label: `${where} ${rest.slice(0, inSchema).join(' ')}${schemaPath(rest.slice(inSchema + 1))}` };
  }
  return { kind: 'other', label: tokens.join('/') };
}

/** The operation's URL was reconstructed: flagged on the operation or on its whole path item. */
export function hasInferredPath(doc: JsonObject, op: OperationEntry): boolean {
  const item = deref(doc, (doc.paths as JsonObject | undefined)?.[op.path]);
  return op.operation['x-inferred-path'] === true || item?.['x-inferred-path'] === true;
}

/** Collects every inferred part and inferred operation path of a bundled spec. */
export function findInferred(doc: JsonObject): InferredReport {
  const parts: InferredPart[] = [];
  walk(doc, (node, pointer) => {
    if (node['x-inferred'] === true) parts.push({ ...describePointer(pointer), pointer });
  });
  const operations = listOperations(doc)
    .filter((op) => hasInferredPath(doc, op))
    .map(({ method, path, operationId }) => ({ method: method.toUpperCase(), path, operationId }));
  const counts: InferredReport['counts'] = {};
  for (const part of parts) counts[part.kind] = (counts[part.kind] ?? 0) + 1;
  return { parts, operations, counts };
}
