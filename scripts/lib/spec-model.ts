/**
 * Reading a bundled spec: load it, list its operations, walk it. Shared by the spec tests, the SDK
 * coverage test, the contract suite and the drift/docs scripts, so they all see the same operations.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { type ApiEntry, fromRoot } from './apis.js';

export type JsonObject = Record<string, unknown>;

export const httpMethods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
export type HttpMethod = (typeof httpMethods)[number];

export interface OperationEntry {
  method: HttpMethod;
  path: string;
  operationId: string;
  operation: JsonObject;
  /** Path-level and operation-level parameters, operation-level winning (resolved, not $refs). */
  parameters: JsonObject[];
  /** JSON pointer to the operation inside the bundle. */
  pointer: string;
}

const cache = new Map<string, JsonObject>();

/** Loads generated/<api>.yaml (parsed once per process). */
export function loadBundle(api: ApiEntry): JsonObject {
  let doc = cache.get(api.bundle);
  if (!doc) {
    doc = parse(readFileSync(fromRoot(api.bundle), 'utf8')) as JsonObject;
    cache.set(api.bundle, doc);
  }
  return doc;
}

export function escapePointer(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Resolves a local `#/...` JSON pointer inside a document. */
export function resolvePointer(doc: JsonObject, ref: string): unknown {
  if (!ref.startsWith('#')) throw new Error(`only local $refs are supported, got ${ref}`);
  return ref
    .slice(1)
    .split('/')
    .filter(Boolean)
    .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>((node, key) => (node as JsonObject | undefined)?.[key], doc);
}

/** Follows `$ref` chains until a concrete object. */
export function deref<T = JsonObject>(doc: JsonObject, node: unknown): T {
  let current = node as JsonObject;
  for (let hops = 0; current && typeof current.$ref === 'string'; hops++) {
    if (hops > 32) throw new Error(`$ref chain too long at ${String(current.$ref)}`);
    current = resolvePointer(doc, current.$ref) as JsonObject;
  }
  return current as T;
}

/** Every operation of a bundled spec, in document order. */
export function listOperations(doc: JsonObject): OperationEntry[] {
  const out: OperationEntry[] = [];
  for (const [path, rawItem] of Object.entries((doc.paths ?? {}) as JsonObject)) {
    const item = deref(doc, rawItem);
    const shared = ((item.parameters ?? []) as unknown[]).map((p) => deref(doc, p));
    for (const method of httpMethods) {
      const operation = item[method] as JsonObject | undefined;
      if (!operation) continue;
      const own = ((operation.parameters ?? []) as unknown[]).map((p) => deref(doc, p));
      const key = (p: JsonObject) => `${String(p.in)}:${String(p.name).toLowerCase()}`;
      const merged = new Map(shared.map((p) => [key(p), p]));
      for (const p of own) merged.set(key(p), p);
      out.push({
        method,
        path,
        operationId: String(operation.operationId),
        operation,
        parameters: [...merged.values()],
        pointer: `#/paths/${escapePointer(path)}/${method}`,
      });
    }
  }
  return out;
}

/**
 * Visits every object in a document depth-first with its JSON pointer. `$ref`s are not followed,
 * so each schema is visited once, where it is written.
 */
export function walk(node: unknown, visit: (value: JsonObject, pointer: string) => void, pointer = '#'): void {
  if (Array.isArray(node)) {
    node.forEach((child, i) => walk(child, visit, `${pointer}/${i}`));
  } else if (node && typeof node === 'object') {
    visit(node as JsonObject, pointer);
    for (const [key, child] of Object.entries(node)) walk(child, visit, `${pointer}/${escapePointer(key)}`);
  }
}

/** Maps a request (method, URL path) back to its operationId; literal segments win over `{param}` ones. */
export function operationMatcher(doc: JsonObject): (method: string, pathname: string) => string | undefined {
  const ops = listOperations(doc)
    .map((op) => ({ ...op, re: new RegExp(`^${op.path.replace(/\{[^}]+\}/g, '[^/]+')}$`), params: (op.path.match(/\{/g) ?? []).length }))
    .sort((a, b) => a.params - b.params);
  return (method, pathname) => ops.find((o) => o.method.toUpperCase() === method.toUpperCase() && o.re.test(pathname.split('?')[0]!))?.operationId;
}
