/**
 * What the contract checks need to know about one operation, read from the bundled spec: its
 * parameters and body schema, its documented responses, whether it is secured and a write, and
 * fast-check arbitraries for valid inputs and for inputs that break exactly one constraint.
 */
import fc from 'fast-check';
import { deref, type JsonObject, type OperationEntry } from '../../scripts/lib/spec-model.js';
import { arbitraryFromSchema } from './schema-arbitrary.js';
import { invalidArbitraryFromSchema, listMutations, type Mutation } from './schema-mutations.js';
import type { OperationInput } from './sdk-call.js';

export interface DocumentedResponse {
  status: string;
  /** Media type → schema (undefined when the media type has none). */
  content: Record<string, unknown>;
}

export interface OperationModel {
  entry: OperationEntry;
  operationId: string;
  /** Matches the end of a request path sent for this operation (a server may add a base path before it). */
  pathPattern: RegExp;
  write: boolean;
  secured: boolean;
  pathParams: JsonObject[];
  queryParams: JsonObject[];
  bodySchema: unknown;
  bodyRequired: boolean;
  responses: DocumentedResponse[];
  /** Documented non-2xx statuses that Prism can be asked for with `Prefer: code=N`. */
  errorStatuses: number[];
}

export function modelOperation(doc: JsonObject, entry: OperationEntry): OperationModel {
  const op = entry.operation;
  const body = op.requestBody ? deref(doc, op.requestBody) : undefined;
  const json = (body?.content as JsonObject | undefined)?.['application/json'] as JsonObject | undefined;
  const responses = Object.entries(op.responses as JsonObject).map(([status, raw]) => {
    const response = deref(doc, raw);
    const content = Object.fromEntries(
      Object.entries((response.content ?? {}) as JsonObject).map(([type, media]) => [type, (media as JsonObject).schema]),
    );
    return { status, content };
  });
  const security = (op.security ?? doc.security ?? []) as unknown[];
  return {
    entry,
    operationId: entry.operationId,
    pathPattern: pathPattern(entry.path),
    write: entry.method !== 'get',
    secured: security.length > 0 && !security.some((s) => Object.keys(s as object).length === 0),
    pathParams: entry.parameters.filter((p) => p.in === 'path'),
    queryParams: entry.parameters.filter((p) => p.in === 'query'),
    bodySchema: json?.schema,
    bodyRequired: body?.required === true,
    responses,
    errorStatuses: responses.map((r) => Number(r.status)).filter((s) => Number.isInteger(s) && s >= 300),
  };
}

/** `/payments/{id}/refunds` → a pattern for request paths ending in `/payments/<anything but />/refunds`. */
export function pathPattern(template: string): RegExp {
  const literal = template.split(/\{[^}]+\}/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`${literal.join('[^/]+')}$`);
}

/** The query parameters as one object schema, so one generator and one mutator cover them all. */
export function querySchema(model: OperationModel): JsonObject {
  return {
    type: 'object',
    properties: Object.fromEntries(model.queryParams.map((p) => [p.name, p.schema ?? {}])),
    required: model.queryParams.filter((p) => p.required).map((p) => p.name),
  };
}

/**
 * Path parameters are opaque ids here. Unconstrained strings would include `.`, `..` or a literal
 * sibling segment (`/payouts/business`), which URL normalisation or routing turns into another
 * operation, so they are drawn from an id-like alphabet unless the spec constrains them.
 */
function pathParamArbitrary(doc: JsonObject, param: JsonObject): fc.Arbitrary<string> {
  const schema = deref(doc, param.schema ?? {});
  if (schema.enum || schema.pattern || schema.format) return arbitraryFromSchema(schema, { root: doc, direction: 'request' }).map(String);
  return fc.stringMatching(/^[a-z]{2,4}_[A-Za-z0-9]{6,16}$/);
}

export function validInput(doc: JsonObject, model: OperationModel): fc.Arbitrary<OperationInput> {
  const path = fc.record(Object.fromEntries(model.pathParams.map((p) => [String(p.name), pathParamArbitrary(doc, p)])));
  const query = model.queryParams.length
    ? (arbitraryFromSchema(querySchema(model), { root: doc, direction: 'request' }) as fc.Arbitrary<Record<string, unknown>>)
    : fc.constant(undefined);
  const body = model.bodySchema ? arbitraryFromSchema(model.bodySchema as never, { root: doc, direction: 'request' }) : fc.constant(undefined);
  return fc.record({ path, query, body });
}

export interface InvalidInput {
  input: OperationInput;
  where: 'body' | 'query';
  mutation: Mutation;
}

function typeOf(doc: JsonObject, model: OperationModel, name: string): string[] {
  const param = model.queryParams.find((p) => p.name === name);
  const type = param ? deref(doc, param.schema ?? {}).type : undefined;
  return Array.isArray(type) ? type : type ? [String(type)] : [];
}

/**
 * Inputs that break exactly one constraint of the body or of a query parameter. On the wire every
 * query value is a string, so a "wrong type" only counts where the parameter is not a string and
 * the broken value is a primitive whose text the parameter cannot read.
 */
export function invalidInput(doc: JsonObject, model: OperationModel): fc.Arbitrary<InvalidInput> | undefined {
  const options = { root: doc, direction: 'request' as const };
  const valid = validInput(doc, model);
  const choices: fc.Arbitrary<InvalidInput>[] = [];
  if (model.bodySchema && listMutations(model.bodySchema as never, options).length > 0) {
    // An optional body sent as JSON `null` reads as "no body" to Prism, so that is not a break.
    const breaks = (m: Mutation, value: unknown) => !(m.path === '' && value === null && !model.bodyRequired);
    choices.push(
      fc.tuple(valid, invalidArbitraryFromSchema(model.bodySchema as never, options)).filter(([, b]) => breaks(b.mutation, b.value)).map(([input, broken]) => ({
        input: { ...input, body: broken.value },
        where: 'body' as const,
        mutation: broken.mutation,
      })),
    );
  }
  const qs = querySchema(model);
  const wireReadable = (m: Mutation, value: unknown) => {
    if (m.path === '') return false;
    if (m.kind !== 'wrong-type') return true;
    const name = m.path.split('/')[1] ?? '';
    const broken = (value as Record<string, unknown> | undefined)?.[name];
    return !typeOf(doc, model, name).includes('string') && broken !== null && typeof broken !== 'object' && !(typeof broken === 'string' && /^-?\d+(\.\d+)?$|^(true|false)$/.test(broken));
  };
  // The query string as a whole is not a value on the wire: only its parameters can be broken.
  const onWire = (m: Mutation) => m.path !== '' && (m.kind !== 'wrong-type' || !typeOf(doc, model, m.path.split('/')[1] ?? '').includes('string'));
  const querySites = model.queryParams.length ? listMutations(qs, options).filter(onWire) : [];
  if (querySites.length > 0) {
    choices.push(
      fc.tuple(valid, invalidArbitraryFromSchema(qs, options))
        .filter(([, broken]) => wireReadable(broken.mutation, broken.value))
        .map(([input, broken]) => ({ input: { ...input, query: broken.value as Record<string, unknown> }, where: 'query' as const, mutation: broken.mutation })),
    );
  }
  return choices.length ? fc.oneof(...choices) : undefined;
}
