/**
 * Request and response validation against the bundled spec, with Ajv validators compiled once per
 * operation and process: on the operation's first request (or all at once with `compileAll`), then
 * shared by every server of the same spec (see `createValidators` for why).
 *
 * Three Ajv instances, because the rules differ by direction: parameters arrive as strings and are
 * coerced to their schema types (`limit=10` → 10, a single value → a one-item array); JSON bodies
 * are never coerced (`"amount": "10"` is a client bug the API reports); responses are checked with
 * `verbose` so a violation can name the exact schema (its JSON pointer in the bundle).
 */
import Ajv2020Module from 'ajv/dist/2020.js';
import type { ErrorObject, ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { problemsFrom } from './problems.js';
import type { JsonObject, MediaSpec, OperationSpec, ParameterSpec, SpecModel } from './spec.js';
import type { RequestProblem } from './types.js';

// Both packages are CommonJS; under NodeNext the default import may be the module or its default.
const cjsDefault = <T>(mod: unknown): T => ((mod as { default?: T }).default ?? mod) as T;
const Ajv2020 = cjsDefault<typeof Ajv2020Module.default>(Ajv2020Module);
type Ajv = InstanceType<typeof Ajv2020>;
const addFormats = cjsDefault<(ajv: Ajv) => Ajv>(addFormatsModule);

/** Header parameters OpenAPI says to ignore (they are described by other means). */
const ignoredHeaders = new Set(['accept', 'content-type', 'authorization']);

export interface RequestInput {
  params: Record<string, string>;
  search: URLSearchParams;
  headers: Headers;
  /** Parsed JSON body, or undefined when none was sent. */
  body: unknown;
  hasBody: boolean;
}

export interface ValidatedRequest {
  params: Record<string, string>;
  query: Record<string, unknown>;
  problems: RequestProblem[];
}

export interface ResponseViolation {
  status: number;
  /** e.g. `/data/amount must be integer`, or `status 418 is not documented`. */
  detail: string;
  /** JSON pointer of the schema that failed, e.g. `#/components/schemas/Payment/properties/amount/type`. */
  schemaPath: string | undefined;
}

export interface OperationValidators {
  request(input: RequestInput): ValidatedRequest;
  /** Undefined when the response is what the spec documents for this status and media type. */
  response(status: number, contentType: string, body: unknown): ResponseViolation | undefined;
}

export interface ValidatorOptions {
  /** Header parameters left to someone else (the idempotency header, owned by the API's policy). */
  skipHeaders?: readonly string[];
  /** Query parameters whose wrong-typed value becomes the schema default instead of a problem. */
  lenientQuery?: readonly string[];
}

function newAjv(id: string, doc: JsonObject, options: ConstructorParameters<typeof Ajv2020>[0]): Ajv {
  // strict: false lets OpenAPI's own keywords (example, x-*, discriminator…) through.
  const ajv = new Ajv2020({ strict: false, ...options });
  addFormats(ajv);
  // The document is not a schema itself: no meta-validation, Ajv only resolves pointers into it.
  ajv.addSchema(doc, id, undefined, false);
  return ajv;
}

function refTo(id: string, spec: SpecModel, node: object): { $ref: string } {
  const pointer = spec.pointerOf(node);
  if (!pointer) throw new Error(`${spec.bundle}: schema outside the document`);
  return { $ref: `${id}#${pointer.slice(1).split('/').map(encodeURIComponent).join('/')}` };
}

/** The schema itself when it is a `$ref` chain, for reading `type` and `default`. */
function resolved(spec: SpecModel, schema: JsonObject): JsonObject {
  let current = schema;
  for (let hops = 0; typeof current.$ref === 'string' && hops < 32; hops++) {
    const target = current.$ref
      .slice(1)
      .split('/')
      .filter(Boolean)
      .reduce<unknown>((n, t) => (n as JsonObject | undefined)?.[t.replace(/~1/g, '/').replace(/~0/g, '~')], spec.doc);
    if (!target || typeof target !== 'object') break;
    current = target as JsonObject;
  }
  return current;
}

/** Calls a validator without its type guard, which would narrow the mutable data to `never` on failure. */
const passes = (validate: ValidateFunction, data: unknown): boolean => validate(data) as boolean;

const isArraySchema = (schema: JsonObject) => schema.type === 'array' || (Array.isArray(schema.type) && schema.type.includes('array'));

function objectSchema(id: string, spec: SpecModel, params: ParameterSpec[]): object {
  return {
    type: 'object',
    properties: Object.fromEntries(params.map((p) => [p.name, refTo(id, spec, p.schema)])),
    required: params.filter((p) => p.required).map((p) => p.name),
  };
}

/** The request body media type a `Content-Type` header selects, if the operation documents it. */
export function mediaFor(media: MediaSpec[], contentType: string): MediaSpec | undefined {
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  return media.find((m) => m.type === type) ?? media.find((m) => m.type === '*/*');
}

/** The three Ajv instances of one spec (see the module comment), shared by every server of that spec in the process. */
interface SpecAjvs {
  id: string;
  params: Ajv;
  body: Ajv;
  response: Ajv;
  /** Error responses share schemas (e.g. JustiFi's ErrorResponse): each schema object is compiled once. */
  responses: Map<object, ValidateFunction>;
}

const ajvsBySpec = new WeakMap<SpecModel, SpecAjvs>();

function ajvsFor(spec: SpecModel): SpecAjvs {
  let ajvs = ajvsBySpec.get(spec);
  if (!ajvs) {
    const id = `sandbox:${spec.bundle}`;
    ajvs = {
      id,
      params: newAjv(id, spec.doc, { allErrors: true, coerceTypes: 'array' }),
      body: newAjv(id, spec.doc, { allErrors: true }),
      response: newAjv(id, spec.doc, { allErrors: false, verbose: true }),
      responses: new Map(),
    };
    ajvsBySpec.set(spec, ajvs);
  }
  return ajvs;
}

/** The validators of one spec's operations; see `createValidators`. */
export interface ValidatorTable {
  /** The validators of `operationId`, compiled on its first use. Throws for an operation the spec does not have. */
  get(operationId: string): OperationValidators;
  /** Compiles every operation's validators now, so a schema Ajv cannot compile fails here rather than on a request. */
  compileAll(): void;
}

const tablesBySpec = new WeakMap<SpecModel, Map<string, ValidatorTable>>();

/**
 * The validators of every operation of one spec. Compiling them all costs seconds (the bundles are
 * large), and a test run builds dozens of sandboxes, most of which call a handful of operations:
 * so each operation is compiled on its first request, and what is compiled is kept for the process
 * and shared by every server of the same spec and options. The checks themselves are the same
 * either way; `compileAll` restores compile-at-start where failing early matters more.
 */
export function createValidators(spec: SpecModel, options: ValidatorOptions = {}): ValidatorTable {
  const skip = [...new Set((options.skipHeaders ?? []).map((h) => h.toLowerCase()))].sort();
  const lenient = [...new Set(options.lenientQuery ?? [])].sort();
  const key = JSON.stringify([skip, lenient]);
  let tables = tablesBySpec.get(spec);
  if (!tables) tablesBySpec.set(spec, (tables = new Map()));
  let table = tables.get(key);
  if (table) return table;

  const ajvs = ajvsFor(spec);
  const settings = { skip: new Set(skip), lenient: new Set(lenient) };
  const compiled = new Map<string, OperationValidators>();
  const get = (operationId: string): OperationValidators => {
    let validators = compiled.get(operationId);
    if (!validators) {
      const op = spec.byId.get(operationId);
      if (!op) throw new Error(`${spec.bundle} has no operation ${operationId}`);
      compiled.set(operationId, (validators = compileOperation(spec, ajvs, op, settings)));
    }
    return validators;
  };
  table = {
    get,
    compileAll: () => {
      for (const op of spec.operations) get(op.operationId);
    },
  };
  tables.set(key, table);
  return table;
}

/** Compiles one operation's request and response validators. */
function compileOperation(spec: SpecModel, ajvs: SpecAjvs, op: OperationSpec, settings: { skip: ReadonlySet<string>; lenient: ReadonlySet<string> }): OperationValidators {
  const { id } = ajvs;
  const { skip, lenient } = settings;
  const compileResponse = (schema: object) => {
    let validate = ajvs.responses.get(schema);
    if (!validate) ajvs.responses.set(schema, (validate = ajvs.response.compile(refTo(id, spec, schema))));
    return validate;
  };

  const path = op.parameters.filter((p) => p.in === 'path');
  const query = op.parameters.filter((p) => p.in === 'query');
  const header = op.parameters.filter((p) => p.in === 'header' && !skip.has(p.name.toLowerCase()) && !ignoredHeaders.has(p.name.toLowerCase()));
  const validatePath = ajvs.params.compile(objectSchema(id, spec, path));
  const validateQuery = ajvs.params.compile(objectSchema(id, spec, query));
  const validateHeaders = ajvs.params.compile(objectSchema(id, spec, header));
  const queryInfo = query.map((p) => ({ p, schema: resolved(spec, p.schema) }));
  const bodyMedia = op.requestBody?.media.find((m) => m.type === 'application/json' || m.type.endsWith('+json'));
  const validateBody = bodyMedia?.schema ? ajvs.body.compile(refTo(id, spec, bodyMedia.schema)) : undefined;
  const responses = new Map<string, { type: string; validate: ValidateFunction | undefined }[]>();
  for (const [status, media] of Object.entries(op.responses)) {
    responses.set(status, media.map((m) => ({ type: m.type, validate: m.schema ? compileResponse(m.schema) : undefined })));
  }

  const request = (input: RequestInput): ValidatedRequest => {
    const problems: RequestProblem[] = [];
    const params: Record<string, unknown> = { ...input.params };
    if (!passes(validatePath, params)) problems.push(...problemsFrom('path', validatePath.errors));

    const q: Record<string, unknown> = {};
    for (const [name, value] of input.search) if (!(name in q)) q[name] = value;
    for (const { p, schema } of queryInfo) {
      const values = input.search.getAll(p.name);
      if (values.length === 0) {
        if (schema.default !== undefined) q[p.name] = structuredClone(schema.default);
        else delete q[p.name];
      } else if (isArraySchema(schema)) {
        q[p.name] = p.explode ? values : values.flatMap((v) => v.split(','));
      } else {
        q[p.name] = values.length === 1 ? values[0] : values;
      }
    }
    if (!passes(validateQuery, q)) {
      const errors = (validateQuery.errors ?? []).filter((e) => {
        const name = e.instancePath.split('/')[1];
        const info = name === undefined ? undefined : queryInfo.find((i) => i.p.name === name);
        if (info && lenient.has(name!) && e.keyword === 'type' && info.schema.default !== undefined) {
          q[name!] = structuredClone(info.schema.default);
          return false;
        }
        return true;
      });
      problems.push(...problemsFrom('query', errors));
    }

    const h: Record<string, string> = {};
    for (const p of header) {
      const value = input.headers.get(p.name);
      if (value !== null) h[p.name] = value;
    }
    if (!passes(validateHeaders, h)) problems.push(...problemsFrom('header', validateHeaders.errors));

    if (op.requestBody) {
      if (!input.hasBody) {
        if (op.requestBody.required) problems.push({ location: 'body', field: '(body)', rule: 'is required (a JSON request body)', missing: true, keyword: 'required' });
      } else if (validateBody && !passes(validateBody, input.body)) {
        problems.push(...problemsFrom('body', validateBody.errors));
      }
    }
    return { params: params as Record<string, string>, query: q, problems };
  };

  const response = (status: number, contentType: string, body: unknown): ResponseViolation | undefined => {
    // The documented response for a status: the exact code, then its `2XX` range, then `default`.
    const key = [String(status), `${String(status)[0]}XX`, 'default'].find((k) => responses.has(k));
    if (key === undefined) return { status, detail: `status ${status} is not documented`, schemaPath: `#/paths/${op.path.replace(/\//g, '~1')}/${op.method.toLowerCase()}/responses` };
    const media = responses.get(key)!;
    if (media.length === 0) return body === undefined ? undefined : { status, detail: `status ${status} is documented without a body, but one was sent`, schemaPath: undefined };
    const type = contentType.split(';')[0]!.trim().toLowerCase();
    const match = media.find((m) => m.type === type) ?? media.find((m) => m.type === '*/*');
    if (!match) return { status, detail: `media type ${type} is not documented for status ${status} (documented: ${media.map((m) => m.type).join(', ')})`, schemaPath: undefined };
    if (!match.validate || passes(match.validate, body)) return undefined;
    const first = match.validate.errors?.[0] as ErrorObject | undefined;
    const at = first?.parentSchema ? spec.pointerOf(first.parentSchema as object) : undefined;
    return {
      status,
      detail: `${first?.instancePath || '(body)'} ${first?.message ?? 'does not match'}`,
      schemaPath: at ? `${at}/${first!.keyword}` : first?.schemaPath,
    };
  };

  return { request, response };
}
