/**
 * The six contract checks, each run through the SDK against a live server and judged on what
 * crossed the wire. A failing check returns a report naming the operation, the check, fast-check's
 * seed and path, the shrunk input and a curl command that reproduces the request.
 */
import fc from 'fast-check';
import {
  ApiError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  InternalServerError,
  NotFoundError,
  PaymentRequiredError,
  PermissionDeniedError,
  RateLimitError,
  RequestValidationError,
  UnprocessableEntityError,
} from '../../src/core/errors.js';
import { validateAgainst } from './ajv.js';
import type { CheckName } from './coverage.js';
import type { Harness } from './harness.js';
import { invalidInput, type OperationModel, validInput } from './operation-model.js';
import type { OperationInput } from './sdk-call.js';
import { createWire, type Exchange, toCurl, type Wire } from './wire.js';

export interface CheckResult {
  cases: number;
  requests: number;
  /** Set when the check failed: a report ready to print. */
  failure?: string;
}

/** A failed expectation inside a property, tagged with the check it belongs to. */
export class CheckFailure extends Error {
  constructor(readonly check: CheckName, message: string, readonly exchange?: Exchange) {
    super(message);
  }
}

export const runs = Number(process.env.CONTRACT_RUNS ?? 50);
const negativeRuns = Math.max(10, Math.round(runs / 2));
const replay = process.env.CONTRACT_SEED ? { seed: Number(process.env.CONTRACT_SEED), path: process.env.CONTRACT_PATH } : {};

const classByStatus: Record<number, typeof ApiError> = {
  400: BadRequestError, 401: AuthenticationError, 402: PaymentRequiredError, 403: PermissionDeniedError,
  404: NotFoundError, 409: ConflictError, 422: UnprocessableEntityError, 429: RateLimitError,
};
export const errorClassFor = (status: number): typeof ApiError => (status >= 500 ? InternalServerError : (classByStatus[status] ?? ApiError));

const settle = (call: PromiseLike<unknown>) => Promise.resolve(call).then((value) => ({ ok: true as const, value }), (error: unknown) => ({ ok: false as const, error }));

/** The exchanges that carried the operation itself (a JustiFi call may start with a token request). */
function operationExchanges(model: OperationModel, wire: Wire): Exchange[] {
  return wire.exchanges.filter((e) => model.pathPattern.test(new URL(e.url).pathname));
}

function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

function report<T>(h: Harness, model: OperationModel, check: CheckName, details: fc.RunDetails<[T]>): string {
  const error = details.errorInstance;
  const failure = error instanceof CheckFailure ? error : undefined;
  const lines = [
    `[${h.api.name}] ${model.operationId} (${model.entry.method.toUpperCase()} ${model.entry.path}): check "${failure?.check ?? check}" failed`,
    `  reason: ${error instanceof Error ? error.message : String(error)}`,
    `  fast-check: seed ${details.seed}, path "${details.counterexamplePath ?? ''}" (replay with CONTRACT_SEED=${details.seed} CONTRACT_PATH=${details.counterexamplePath ?? ''})`,
    `  shrunk input: ${JSON.stringify((details.counterexample as [T] | null)?.[0])}`,
  ];
  if (failure?.exchange) lines.push(`  reproduce: ${toCurl(failure.exchange)}`);
  return lines.join('\n');
}

async function runProperty<T>(h: Harness, model: OperationModel, check: CheckName, arb: fc.Arbitrary<T>, numRuns: number, body: (value: T, wire: Wire) => Promise<void>): Promise<CheckResult> {
  let cases = 0;
  let requests = 0;
  const details = await fc.check(
    fc.asyncProperty(arb, async (value) => {
      const wire = createWire();
      cases++;
      try {
        await body(value, wire);
      } finally {
        requests += wire.exchanges.length;
      }
    }),
    { numRuns, ...replay },
  );
  return { cases, requests, failure: details.failed ? report(h, model, check, details) : undefined };
}

/**
 * Prism's `sl-violations` entries about the request. Entries about the response are left to the
 * conformance check, which validates with Ajv rather than trusting Prism's own verdict.
 */
function requestViolations(exchange: Exchange): unknown[] {
  const header = exchange.responseHeaders.get('sl-violations');
  if (!header) return [];
  try {
    return (JSON.parse(header) as { location?: string[] }[]).filter((v) => v.location?.[0] === 'request');
  } catch {
    return [header];
  }
}

function documentedResponse(model: OperationModel, status: number) {
  return model.responses.find((r) => r.status === String(status)) ?? model.responses.find((r) => r.status === `${String(status)[0]}XX`) ?? model.responses.find((r) => r.status === 'default');
}

/** Check 2: documented status, documented Content-Type, body valid against the response schema. */
export function conformanceProblem(h: Harness, model: OperationModel, exchange: Exchange): string | undefined {
  const documented = documentedResponse(model, exchange.status);
  if (!documented) return `status ${exchange.status} is not documented (documented: ${model.responses.map((r) => r.status).join(', ')})`;
  const types = Object.keys(documented.content);
  if (types.length === 0) return exchange.responseText.trim() ? `status ${exchange.status} documents no body but one was sent` : undefined;
  const contentType = (exchange.responseHeaders.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  const type = types.find((t) => t.toLowerCase() === contentType);
  if (!type) return `Content-Type "${contentType}" is not documented for ${exchange.status} (documented: ${types.join(', ')})`;
  const schema = documented.content[type];
  if (!schema || !type.includes('json')) return undefined;
  let body: unknown;
  try {
    body = JSON.parse(exchange.responseText);
  } catch {
    return `response body is not JSON: ${exchange.responseText.slice(0, 120)}`;
  }
  const result = validateAgainst(schema, body, h.doc, 'response');
  return result.valid ? undefined : `response body does not match the ${exchange.status} schema: ${result.errors.slice(0, 5).join('; ')}`;
}

/** Checks 1, 2 and 6 on the same generated cases: accepted, conformant, and keyed if a write. */
export async function positiveChecks(h: Harness, model: OperationModel): Promise<Record<'positive' | 'conformance' | 'idempotency', CheckResult>> {
  // Keys go on authenticated writes; the unauthenticated token request takes none.
  const idempotent = h.idempotency.methods.includes(model.entry.method) && model.secured;
  const counts = { conformance: 0, idempotency: 0 };
  const result = await runProperty(h, model, 'positive', validInput(h.doc, model), runs, async (input, wire) => {
    const outcome = await settle(h.call(wire, model, input));
    const exchange = operationExchanges(model, wire).at(-1);
    if (!exchange) throw new CheckFailure('positive', `no request reached the server (${outcome.ok ? 'no error' : describeError(outcome.error)})`);
    if (exchange.status < 200 || exchange.status >= 300) {
      throw new CheckFailure('positive', `valid input was refused with ${exchange.status}: ${exchange.responseHeaders.get('sl-violations') ?? exchange.responseText.slice(0, 300)}`, exchange);
    }
    const violations = requestViolations(exchange);
    if (violations.length) throw new CheckFailure('positive', `Prism reported request violations: ${JSON.stringify(violations)}`, exchange);
    if (!outcome.ok) throw new CheckFailure('positive', `the server answered ${exchange.status} but the SDK raised ${describeError(outcome.error)}`, exchange);
    counts.conformance++;
    const problem = conformanceProblem(h, model, exchange);
    if (problem) throw new CheckFailure('conformance', problem, exchange);
    if (idempotent) {
      counts.idempotency++;
      const key = exchange.requestHeaders[h.idempotency.header.toLowerCase()];
      if (!key) throw new CheckFailure('idempotency', `${model.entry.method.toUpperCase()} sent without ${h.idempotency.header}`, exchange);
      if (key.length < h.idempotency.minLength) throw new CheckFailure('idempotency', `${h.idempotency.header} "${key}" is shorter than ${h.idempotency.minLength}`, exchange);
    }
  });
  const failedCheck = (c: CheckName) => (result.failure?.includes(`check "${c}" failed`) ? result.failure : undefined);
  return {
    positive: { cases: result.cases, requests: result.requests, failure: failedCheck('positive') },
    conformance: { cases: counts.conformance, requests: 0, failure: failedCheck('conformance') },
    idempotency: { cases: idempotent ? counts.idempotency : 0, requests: 0, failure: failedCheck('idempotency') },
  };
}

/** Check 3: inputs breaking one constraint are refused with a 4xx that the SDK raises faithfully. */
export async function negativeCheck(h: Harness, model: OperationModel): Promise<CheckResult | undefined> {
  const arb = invalidInput(h.doc, model);
  if (!arb) return undefined;
  return runProperty(h, model, 'negative', arb, negativeRuns, async ({ input, where, mutation }, wire) => {
    const outcome = await settle(h.call(wire, model, input));
    const exchange = operationExchanges(model, wire).at(-1);
    if (outcome.ok) throw new CheckFailure('negative', `invalid ${where} was accepted (${mutation.detail} at ${mutation.path || '/'})`, exchange);
    const error = outcome.error;
    if (error instanceof RequestValidationError) {
      if (exchange) throw new CheckFailure('negative', `the SDK raised ${describeError(error)} but still sent the request`, exchange);
      return; // rejected before sending: the SDK validates this itself
    }
    if (!exchange) throw new CheckFailure('negative', `nothing was sent and the SDK raised ${describeError(error)}`);
    if (exchange.status < 400 || exchange.status >= 500) throw new CheckFailure('negative', `invalid ${where} (${mutation.detail}) got ${exchange.status}, expected a 4xx`, exchange);
    const expected = errorClassFor(exchange.status);
    if (!(error instanceof ApiError) || error.constructor !== expected) {
      throw new CheckFailure('negative', `status ${exchange.status} surfaced as ${describeError(error)}, expected ${expected.name}`, exchange);
    }
    if (error.status !== exchange.status || error.body === undefined) throw new CheckFailure('negative', `${expected.name} lost the server's status or body`, exchange);
    if (!h.external) {
      // Prism names the broken location; a body that is not an object at all is "required".
      const violations = exchange.responseHeaders.get('sl-violations') ?? '';
      const named = violations.includes(`"${where}"`) || (where === 'body' && mutation.path === '' && violations.includes('Body parameter is required'));
      if (!named) throw new CheckFailure('negative', `Prism's violations do not mention the ${where}: ${violations || '(none)'}`, exchange);
    }
  });
}

/** Check 3 for what the SDK validates itself: short idempotency keys, missing required scope headers. */
export async function sdkRejectionCheck(h: Harness, model: OperationModel): Promise<CheckResult | undefined> {
  const requiredScope = Object.keys(model.entry.parameters.filter((p) => p.in === 'header' && p.required && /^x-(account|business)-id$/i.test(String(p.name))).reduce((a, p) => ({ ...a, [String(p.name)]: 1 }), {}));
  const keyed = h.idempotency.minLength > 1 && h.idempotency.methods.includes(model.entry.method);
  if (!keyed && (requiredScope.length === 0 || !h.callUnscoped)) return undefined;
  const sample = fc.sample(validInput(h.doc, model), { numRuns: 1, seed: 7 })[0]!;
  let cases = 0;
  const problems: string[] = [];
  const expectRejected = async (what: string, call: (wire: Wire) => PromiseLike<unknown>, field: string) => {
    cases++;
    const wire = createWire();
    const outcome = await settle(call(wire));
    if (outcome.ok || !(outcome.error instanceof RequestValidationError) || outcome.error.field.toLowerCase() !== field.toLowerCase() || wire.exchanges.length > 0) {
      problems.push(`${what}: expected RequestValidationError on ${field} before sending, got ${outcome.ok ? 'success' : describeError(outcome.error)} after ${wire.exchanges.length} request(s)`);
    }
  };
  if (keyed) await expectRejected('short idempotency key', (wire) => h.call(wire, model, sample, { idempotencyKey: 'short' }), h.idempotency.header);
  if (requiredScope.length && h.callUnscoped) await expectRejected('missing scope header', (wire) => h.callUnscoped!(wire, model, sample), requiredScope[0]!);
  return { cases, requests: 0, failure: problems.length ? `[${h.api.name}] ${model.operationId}: check "negative" failed\n  ${problems.join('\n  ')}` : undefined };
}

/** Check 4: every documented non-2xx status, forced with `Prefer: code=N`, becomes the right error. */
export async function statusMappingCheck(h: Harness, model: OperationModel): Promise<CheckResult> {
  const input: OperationInput = fc.sample(validInput(h.doc, model), { numRuns: 1, seed: 42 })[0]!;
  const problems: string[] = [];
  let requests = 0;
  for (const status of model.errorStatuses) {
    const wire = createWire();
    const prefer = { Prefer: `code=${status}` };
    const outcome = await settle(h.call(wire, model, input, { headers: prefer }));
    requests += wire.exchanges.length;
    const exchange = operationExchanges(model, wire).at(-1);
    const expected = errorClassFor(status);
    const where = exchange ? ` (reproduce: ${toCurl(exchange)})` : '';
    if (outcome.ok) {
      problems.push(`${status}: the call succeeded${where}`);
      continue;
    }
    const error = outcome.error;
    if (!(error instanceof ApiError) || error.constructor !== expected || error.status !== status) {
      problems.push(`${status}: expected ${expected.name} with status ${status}, got ${describeError(error)}${where}`);
      continue;
    }
    let body: unknown;
    try {
      body = exchange ? JSON.parse(exchange.responseText) : undefined;
    } catch {
      body = undefined;
    }
    const code = h.codeOf(body);
    if (code !== undefined && error.code !== code) problems.push(`${status}: error.code is ${String(error.code)}, the body says ${code}${where}`);
    const conformance = exchange && conformanceProblem(h, model, exchange);
    if (conformance) problems.push(`${status}: ${conformance}${where}`);
  }
  return {
    cases: model.errorStatuses.length,
    requests,
    failure: problems.length ? `[${h.api.name}] ${model.operationId}: check "status" failed\n  ${problems.join('\n  ')}` : undefined,
  };
}

/** Check 5: without credentials the operation is refused (401) and surfaces as AuthenticationError. */
export async function authCheck(h: Harness, model: OperationModel): Promise<CheckResult | undefined> {
  if (!model.secured) return undefined;
  const input: OperationInput = fc.sample(validInput(h.doc, model), { numRuns: 1, seed: 5 })[0]!;
  const wire = createWire();
  for (const header of h.credentialHeaders) wire.strip.add(header);
  const outcome = await settle(h.call(wire, model, input));
  const sent = operationExchanges(model, wire);
  const tokens = h.tokenPath ? wire.exchanges.filter((e) => h.tokenPath!.test(new URL(e.url).pathname)).length : 0;
  const problems: string[] = [];
  if (outcome.ok || !(outcome.error instanceof AuthenticationError)) problems.push(`expected AuthenticationError, got ${outcome.ok ? 'success' : describeError(outcome.error)}`);
  if (sent.some((e) => e.status !== 401)) problems.push(`expected 401 without credentials, got ${sent.map((e) => e.status).join(', ')}`);
  // JustiFi: the first 401 drops the token, a fresh one is fetched and the request replayed once.
  const expectedSends = h.tokenPath ? 2 : 1;
  if (sent.length !== expectedSends) problems.push(`expected ${expectedSends} request(s), saw ${sent.length}`);
  if (h.tokenPath && tokens !== 2) problems.push(`expected 2 token requests (initial and refresh), saw ${tokens}`);
  return {
    cases: 1,
    requests: wire.exchanges.length,
    failure: problems.length ? `[${h.api.name}] ${model.operationId}: check "auth" failed\n  ${problems.join('\n  ')}${sent[0] ? `\n  reproduce: ${toCurl(sent[0])}` : ''}` : undefined,
  };
}
