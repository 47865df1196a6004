/**
 * Which operations a place in a spec touches. Redocly reports a change to a shared component once,
 * at the first operation that reaches it; a change to `Payment` is still a change to every
 * operation that sends or returns a payment, so the SDK-impact report follows `$ref`s instead.
 */
import { escapePointer, httpMethods, listOperations, resolvePointer, walk, type JsonObject } from '../lib/spec-model.js';

export interface OperationRef {
  operationId: string;
  method: string;
  path: string;
}

/** `#/components/schemas/Payment/properties/id` → `#/components/schemas/Payment`. */
function componentOf(pointer: string): string | undefined {
  const parts = pointer.split('/');
  return parts[1] === 'components' && parts.length >= 4 ? parts.slice(0, 4).join('/') : undefined;
}

function decode(token: string): string {
  return token.replace(/~1/g, '/').replace(/~0/g, '~');
}

function refsIn(node: unknown): Set<string> {
  const found = new Set<string>();
  walk(node, (value) => {
    const component = typeof value.$ref === 'string' ? componentOf(value.$ref) : undefined;
    if (component) found.add(component);
  });
  return found;
}

/**
 * Indexes a bundled document once and returns a lookup from a JSON pointer (into `paths` or
 * `components`) to the operations it belongs to or is reachable from.
 */
export function operationReach(doc: JsonObject): (pointer: string) => OperationRef[] {
  const direct = new Map<string, Set<string>>();
  const refsOf = (component: string): Set<string> => {
    let refs = direct.get(component);
    if (!refs) {
      refs = refsIn(resolvePointer(doc, component));
      direct.set(component, refs);
    }
    return refs;
  };
  const paths = (doc.paths ?? {}) as JsonObject;
  const operations = listOperations(doc).map((op) => {
    // Everything the operation uses: its own tree, its path item's shared parameters, and on.
    const reached = new Set([...refsIn(op.operation), ...refsIn((paths[op.path] as JsonObject | undefined)?.parameters)]);
    for (const component of reached) for (const next of refsOf(component)) reached.add(next);
    return { ref: { operationId: op.operationId, method: op.method.toUpperCase(), path: op.path }, reached };
  });

  return (pointer) => {
    const tokens = pointer.replace(/^#\//, '').split('/').map(decode);
    if (tokens[0] === 'paths' && tokens[1] !== undefined) {
      const method = tokens[2]?.toLowerCase();
      const onMethod = method !== undefined && (httpMethods as readonly string[]).includes(method);
      return operations.filter((o) => o.ref.path === tokens[1] && (!onMethod || o.ref.method.toLowerCase() === method)).map((o) => o.ref);
    }
    if (tokens[0] === 'components' && tokens[1] !== undefined && tokens[2] !== undefined) {
      const component = `#/components/${escapePointer(tokens[1])}/${escapePointer(tokens[2])}`;
      return operations.filter((o) => o.reached.has(component)).map((o) => o.ref);
    }
    return [];
  };
}
