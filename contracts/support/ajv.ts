// Ajv set up the way the contract suite reads OpenAPI 3.1 schemas: draft 2020-12, ajv-formats,
// OpenAPI-only keywords tolerated, and `$ref: "#/components/..."` resolved against the document.
//
// How refs work: the OpenAPI document is registered once per Ajv instance under a private id, and
// a schema taken out of it is compiled from a copy whose local `#...` refs are prefixed with that id.
// So a sub-schema compiles on its own and its refs still land in the right document.
//
// Direction: OpenAPI says a `required` property that is `readOnly` is only required in responses
// (and `writeOnly` only in requests). Plain JSON Schema does not know that, so for a direction we
// register a copy of the document whose `required` lists leave those properties out.
import Ajv2020Module from 'ajv/dist/2020.js';
import type { ErrorObject, ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { isObject, isSkipped, type Direction, type Schema } from './schema-utils.js';

export type { Direction } from './schema-utils.js';

// Both packages are CommonJS: under NodeNext the default import is typed as the module object,
// while at runtime it may be either the module or its default export. Accept both.
const cjsDefault = <T>(mod: unknown): T => ((mod as { default?: T }).default ?? mod) as T;
const Ajv2020 = cjsDefault<typeof Ajv2020Module.default>(Ajv2020Module);
export type Ajv = InstanceType<typeof Ajv2020>;
const addFormats = cjsDefault<(ajv: Ajv) => Ajv>(addFormatsModule);

// OpenAPI keywords that are not JSON Schema 2020-12 keywords (or not known to Ajv); registered as
// annotations so they are accepted even if someone turns `strict` back on. `x-*` keys cannot be
// listed up front; `strict: false` is what lets them through.
const OPENAPI_KEYWORDS = ['example', 'discriminator', 'xml', 'externalDocs', 'deprecated', 'readOnly', 'writeOnly', 'nullable'];

export function createAjv(root?: object): Ajv {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  for (const keyword of OPENAPI_KEYWORDS) if (!ajv.RULES.keywords[keyword]) ajv.addKeyword(keyword);
  if (root) registerRoot(ajv, root, undefined);
  return ajv;
}

// Stands in for "no document", so schemas without refs still share one registration and cache.
const noRoot = {};

type Registered = { id: string; validators: WeakMap<object, ValidateFunction> };
const registry = new WeakMap<Ajv, WeakMap<object, Map<string, Registered>>>();
let counter = 0;

function registerRoot(ajv: Ajv, root: object, direction: Direction | undefined): Registered {
  let byRoot = registry.get(ajv);
  if (!byRoot) registry.set(ajv, (byRoot = new WeakMap()));
  let byDirection = byRoot.get(root);
  if (!byDirection) byRoot.set(root, (byDirection = new Map()));
  const key = direction ?? 'any';
  let entry = byDirection.get(key);
  if (!entry) {
    entry = { id: `https://openapi.invalid/document-${++counter}-${key}.json`, validators: new WeakMap() };
    // The document is not itself a schema: skip meta-validation, Ajv only needs it to resolve pointers.
    ajv.addSchema(prepare(root, '', root, direction) as object, entry.id, undefined, false);
    byDirection.set(key, entry);
  }
  return entry;
}

/** Deep copy with local refs prefixed by `id` and, for a direction, `required` relaxed. */
function prepare(node: unknown, id: string, root: object, direction: Direction | undefined): unknown {
  if (Array.isArray(node)) return node.map((v) => prepare(v, id, root, direction));
  if (!isObject(node)) return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) {
    out[k] = k === '$ref' && typeof v === 'string' && v.startsWith('#') ? id + v : prepare(v, id, root, direction);
  }
  const props = node.properties;
  if (direction && isObject(props) && Array.isArray(node.required)) {
    out.required = node.required.filter((name) => !isSkipped(props[String(name)], root, direction));
  }
  return out;
}

/** Compile (once) a schema that may point into `root` with local refs. */
export function compileSchema(ajv: Ajv, schema: Schema, root: object = noRoot, direction?: Direction): ValidateFunction {
  const entry = registerRoot(ajv, root, direction);
  if (typeof schema === 'boolean') return ajv.compile(schema);
  const cached = entry.validators.get(schema);
  if (cached) return cached;
  const validate = ajv.compile(prepare(schema, entry.id, root, direction) as object);
  entry.validators.set(schema, validate);
  return validate;
}

const shared = new WeakMap<object, Ajv>();

/** One Ajv instance per document, so callers do not have to carry one around. */
export function ajvFor(root: object = noRoot): Ajv {
  let ajv = shared.get(root);
  if (!ajv) shared.set(root, (ajv = createAjv()));
  return ajv;
}

export interface ReadableError {
  instancePath: string;
  keyword: string;
  message: string;
  params: Record<string, unknown>;
  /** e.g. `/amount must be >= 1` */
  text: string;
}

export function readable(errors: ErrorObject[] | null | undefined): ReadableError[] {
  return (errors ?? []).map((e) => ({
    instancePath: e.instancePath,
    keyword: e.keyword,
    message: e.message ?? e.keyword,
    params: e.params as Record<string, unknown>,
    text: `${e.instancePath || '/'} ${e.message ?? e.keyword}`,
  }));
}

export interface ValidationResult {
  valid: boolean;
  /** One line per error, e.g. `/amount must be >= 1` (prints well inside a template string). */
  errors: string[];
  /** The same errors with keyword, path and params, for callers that need to reason about them. */
  details: ReadableError[];
}

/** Validate `value` against `schema` (which may `$ref` into `root`), compiling once per schema. */
export function validateAgainst(schema: unknown, value: unknown, root: object = noRoot, direction?: Direction): ValidationResult {
  if (!isObject(schema) && typeof schema !== 'boolean') throw new Error(`not a schema: ${JSON.stringify(schema)}`);
  const validate = compileSchema(ajvFor(root), schema, root, direction);
  const valid = validate(value);
  const details = valid ? [] : readable(validate.errors);
  return { valid, errors: details.map((d) => d.text), details };
}
