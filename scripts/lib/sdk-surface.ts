/**
 * The SDK surface as the spec states it: for every operation of a bundled spec, the method it
 * becomes (`x-sdk-method: <namespace>.<method>`), its positional arguments, the headers it takes,
 * how its 2xx body is read and how it pages. The generator emits this; nothing else decides it.
 */
import { deref, type JsonObject, listOperations, type OperationEntry } from './spec-model.js';

/** The name rule redocly.yaml lints too: `<namespace>.<method>`, both camelCase letters. */
export const sdkMethodPattern = /^[a-z][A-Za-z]*\.[a-z][A-Za-z]*$/;

export type BodyRule = 'required' | 'optional' | 'none';
export type PagingStyleName = 'cursor' | 'starting-after' | 'page-number';

export interface SdkOperation {
  operationId: string;
  namespace: string;
  method: string;
  httpMethod: string;
  path: string;
  /** Path parameter names in the order they appear in the path: the method's first arguments. */
  pathParams: string[];
  /** `requestBody.required: true` → required; a request body that is not required → optional. */
  body: BodyRule;
  /** Takes query parameters (always an optional argument). */
  query: boolean;
  /** Header parameters by exact name: the idempotency and scope headers among them. */
  headers: Record<string, 'required' | 'optional'>;
  parseAs: 'json' | 'text';
  /** A list: the style that pages it (page parameters in the query, or in the body when there is no query). */
  paging?: PagingStyleName | undefined;
  /** False when the spec says the operation takes no credentials (`security: []`). */
  auth: boolean;
  deprecated: boolean;
  summary: string;
}

export class SdkSurfaceError extends Error {
  override name = 'SdkSurfaceError';
}

function propertiesOf(doc: JsonObject, schema: unknown): JsonObject {
  return (deref(doc, schema)?.properties ?? {}) as JsonObject;
}

function jsonSchemaOf(doc: JsonObject, holder: unknown): unknown {
  const content = (deref(doc, holder)?.content ?? {}) as JsonObject;
  const json = Object.entries(content).find(([type]) => type.includes('json'))?.[1] as JsonObject | undefined;
  return json?.schema;
}

function isArray(doc: JsonObject, schema: unknown): boolean {
  const type = deref(doc, schema)?.type;
  return type === 'array' || (Array.isArray(type) && type.includes('array'));
}

/**
 * Pagination is read from the spec rather than declared a second time: the page parameter says
 * the style and the 2xx body must carry what that style reads, or generation stops.
 * - `cursor`: an `after_cursor` query parameter, a `page_info` and a `data` array in the body;
 * - `starting-after`: a `starting_after` query parameter and a `data` array;
 * - `page-number`: a `page` property in the JSON request body and a `data` array, and no query
 *   parameters (the page parameters travel in the body of a method that has no query argument).
 */
function pagingOf(doc: JsonObject, op: OperationEntry, success: unknown): SdkOperation['paging'] {
  const query = new Set(op.parameters.filter((p) => p.in === 'query').map((p) => String(p.name)));
  const body = propertiesOf(doc, jsonSchemaOf(doc, op.operation.requestBody));
  const style: PagingStyleName | undefined = query.has('after_cursor') ? 'cursor' : query.has('starting_after') ? 'starting-after' : 'page' in body ? 'page-number' : undefined;
  if (!style) return undefined;
  const returned = propertiesOf(doc, success);
  const missing: string[] = [];
  if (style === 'cursor' && !('page_info' in returned)) missing.push('`page_info`');
  if (!isArray(doc, returned.data)) missing.push('`data` array');
  if (missing.length) throw new SdkSurfaceError(`${op.operationId}: its parameters page with ${style}, but its 2xx body has no ${missing.join(' and no ')}`);
  if (style === 'page-number' && query.size > 0) throw new SdkSurfaceError(`${op.operationId}: pages by a \`page\` in its body but also takes query parameters, which the SDK cannot tell apart`);
  return style;
}

function successResponse(op: OperationEntry): unknown {
  return Object.entries(op.operation.responses as JsonObject).find(([status]) => status.startsWith('2'))?.[1];
}

function parseAsOf(doc: JsonObject, success: unknown): 'json' | 'text' {
  const types = Object.keys((deref(doc, success)?.content ?? {}) as JsonObject);
  return types.length > 0 && !types.some((t) => t.includes('json')) ? 'text' : 'json';
}

function describe(doc: JsonObject, op: OperationEntry): SdkOperation {
  const name = op.operation['x-sdk-method'];
  if (typeof name !== 'string') throw new SdkSurfaceError(`${op.operationId} (${op.method.toUpperCase()} ${op.path}) has no x-sdk-method`);
  if (!sdkMethodPattern.test(name)) throw new SdkSurfaceError(`${op.operationId}: x-sdk-method "${name}" does not match ${sdkMethodPattern.source}`);
  const [namespace, method] = name.split('.') as [string, string];
  const success = successResponse(op);
  const requestBody = op.operation.requestBody ? deref(doc, op.operation.requestBody) : undefined;
  const security = (op.operation.security ?? doc.security ?? []) as JsonObject[];
  return {
    operationId: op.operationId,
    namespace,
    method,
    httpMethod: op.method.toUpperCase(),
    path: op.path,
    pathParams: [...op.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!),
    body: !requestBody ? 'none' : requestBody.required === true ? 'required' : 'optional',
    query: op.parameters.some((p) => p.in === 'query'),
    headers: Object.fromEntries(op.parameters.filter((p) => p.in === 'header').map((p) => [String(p.name), p.required === true ? 'required' : 'optional'])),
    parseAs: parseAsOf(doc, success),
    paging: pagingOf(doc, op, jsonSchemaOf(doc, success)),
    auth: security.length > 0 && !security.some((s) => Object.keys(s).length === 0),
    deprecated: op.operation.deprecated === true,
    summary: typeof op.operation.summary === 'string' ? op.operation.summary.trim() : '',
  };
}

/** Every operation of a bundled spec as an SDK method, in document order; throws on a missing, malformed or shared name. */
export function sdkSurface(doc: JsonObject): SdkOperation[] {
  const operations = listOperations(doc).map((op) => describe(doc, op));
  const seen = new Map<string, string>();
  for (const op of operations) {
    const name = `${op.namespace}.${op.method}`;
    const first = seen.get(name);
    if (first) throw new SdkSurfaceError(`x-sdk-method "${name}" is used by both ${first} and ${op.operationId}`);
    seen.set(name, op.operationId);
  }
  return operations;
}

/** The operations grouped by namespace, namespaces and methods in document order. */
export function byNamespace(operations: SdkOperation[]): Map<string, SdkOperation[]> {
  const groups = new Map<string, SdkOperation[]>();
  for (const op of operations) groups.set(op.namespace, [...(groups.get(op.namespace) ?? []), op]);
  return groups;
}
