/**
 * The bundled spec as the sandbox reads it: every operation with its method, path template,
 * parameters, request body and documented responses, `$ref`s between OpenAPI objects followed.
 * Schemas stay where they are in the document, so validation errors can name their JSON pointer.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export type JsonObject = Record<string, unknown>;

/** The repository root (sandbox/core/ is two levels down). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface ParameterSpec {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required: boolean;
  schema: JsonObject;
  /** `form` + `explode: true` (the default for query) means repeated keys; otherwise comma-separated. */
  explode: boolean;
}

export interface MediaSpec {
  /** e.g. `application/json`. */
  type: string;
  schema: JsonObject | undefined;
}

export interface OperationSpec {
  operationId: string;
  /** Upper case, e.g. `POST`. */
  method: string;
  /** Path template as the spec writes it, e.g. `/payments/{id}/refunds`. */
  path: string;
  parameters: ParameterSpec[];
  requestBody: { required: boolean; media: MediaSpec[] } | undefined;
  /** Documented responses by status code (`'201'`, `'4XX'`, `'default'`); `media` is empty for bodiless ones. */
  responses: Record<string, MediaSpec[]>;
  /** Effective security requirements (operation-level, else document-level); `[]` means public. */
  security: unknown[];
}

export interface SpecModel {
  /** Path of the bundle, relative to the repository. */
  bundle: string;
  doc: JsonObject;
  operations: OperationSpec[];
  byId: ReadonlyMap<string, OperationSpec>;
  /** The path part of the first server URL (`/v1` for JustiFi), which the sandbox also accepts as a prefix. */
  basePath: string;
  /** JSON pointer of every object in the document, for naming the schema a validation error came from. */
  pointerOf(node: object): string | undefined;
}

const httpMethods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

function unescape(token: string): string {
  return token.replace(/~1/g, '/').replace(/~0/g, '~');
}

function resolvePointer(doc: JsonObject, ref: string): unknown {
  if (!ref.startsWith('#')) throw new Error(`only local $refs are supported, got ${ref}`);
  return ref
    .slice(1)
    .split('/')
    .filter(Boolean)
    .reduce<unknown>((node, token) => (node as JsonObject | undefined)?.[unescape(token)], doc);
}

/** Follows `$ref`s between OpenAPI objects (parameters, responses, request bodies) to the object itself. */
function deref(doc: JsonObject, node: unknown): JsonObject {
  let current = node as JsonObject;
  for (let hops = 0; current && typeof current.$ref === 'string'; hops++) {
    if (hops > 32) throw new Error(`$ref chain too long at ${String(current.$ref)}`);
    current = resolvePointer(doc, current.$ref) as JsonObject;
  }
  return current;
}

function mediaOf(content: unknown): MediaSpec[] {
  if (!content || typeof content !== 'object') return [];
  return Object.entries(content as JsonObject).map(([type, media]) => ({ type: type.toLowerCase(), schema: (media as JsonObject | undefined)?.schema as JsonObject | undefined }));
}

function readOperations(doc: JsonObject): OperationSpec[] {
  const out: OperationSpec[] = [];
  for (const [template, rawItem] of Object.entries((doc.paths ?? {}) as JsonObject)) {
    const item = deref(doc, rawItem);
    const shared = ((item.parameters ?? []) as unknown[]).map((p) => deref(doc, p));
    for (const method of httpMethods) {
      const op = item[method] as JsonObject | undefined;
      if (!op) continue;
      const key = (p: JsonObject) => `${String(p.in)}:${String(p.name).toLowerCase()}`;
      const merged = new Map(shared.map((p) => [key(p), p]));
      for (const p of ((op.parameters ?? []) as unknown[]).map((q) => deref(doc, q))) merged.set(key(p), p);
      const parameters = [...merged.values()].map((p): ParameterSpec => {
        const where = String(p.in) as ParameterSpec['in'];
        const style = typeof p.style === 'string' ? p.style : where === 'query' ? 'form' : 'simple';
        return {
          name: String(p.name),
          in: where,
          required: p.required === true || where === 'path',
          schema: (p.schema as JsonObject | undefined) ?? {},
          explode: typeof p.explode === 'boolean' ? p.explode : style === 'form',
        };
      });
      const body = op.requestBody ? deref(doc, op.requestBody) : undefined;
      const responses: Record<string, MediaSpec[]> = {};
      for (const [status, response] of Object.entries((op.responses ?? {}) as JsonObject)) responses[status] = mediaOf(deref(doc, response).content);
      out.push({
        operationId: String(op.operationId),
        method: method.toUpperCase(),
        path: template,
        parameters,
        requestBody: body ? { required: body.required === true, media: mediaOf(body.content) } : undefined,
        responses,
        security: (op.security ?? doc.security ?? []) as unknown[],
      });
    }
  }
  return out;
}

function indexPointers(doc: JsonObject): WeakMap<object, string> {
  const index = new WeakMap<object, string>();
  const visit = (node: unknown, pointer: string) => {
    if (!node || typeof node !== 'object') return;
    if (!Array.isArray(node) && !index.has(node)) index.set(node, pointer);
    for (const [key, child] of Object.entries(node)) visit(child, `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`);
  };
  visit(doc, '#');
  return index;
}

const cache = new Map<string, SpecModel>();

/** Loads and reads a bundled spec (`generated/<api>.yaml`, relative to the repository), once per process. */
export function loadSpec(bundle: string): SpecModel {
  let model = cache.get(bundle);
  if (model) return model;
  const doc = parse(readFileSync(path.resolve(repoRoot, bundle), 'utf8')) as JsonObject;
  const operations = readOperations(doc);
  const byId = new Map(operations.map((op) => [op.operationId, op]));
  if (byId.size !== operations.length) throw new Error(`${bundle}: operationIds are not unique`);
  const server = ((doc.servers ?? []) as JsonObject[])[0]?.url;
  let basePath = '';
  try {
    basePath = typeof server === 'string' ? new URL(server).pathname.replace(/\/+$/, '') : '';
  } catch {
    basePath = '';
  }
  const pointers = indexPointers(doc);
  model = { bundle, doc, operations, byId, basePath, pointerOf: (node) => pointers.get(node) };
  cache.set(bundle, model);
  return model;
}
