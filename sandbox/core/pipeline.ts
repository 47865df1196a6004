/**
 * One request through the sandbox, in the order types.ts documents: route, body, validation,
 * authentication, idempotency, handler, response validation. Every answer leaves through
 * `send`, and every answer an API produced (its errors included) is checked against the spec
 * first; a violation becomes a 500 naming the operation and the schema path, never the bad body.
 */
import { canonicalJson, createIdempotencyStore, type StoredResponse } from './idempotency.js';
import { requestEvents } from './events.js';
import { ProblemError } from './problems.js';
import { createRouter } from './router.js';
import { loadSpec, type OperationSpec } from './spec.js';
import type { ApiDefinition, ApiOptions, HandlerContext, OperationRequest, OperationResponse } from './types.js';
import { createValidators, mediaFor } from './validation.js';

/** What the core itself answers with, through the API's `errorResponse`; each API maps these to its documented codes. */
export const coreErrorCodes = {
  routeNotFound: 'route_not_found',
  methodNotAllowed: 'method_not_allowed',
  invalidPath: 'invalid_path',
  payloadTooLarge: 'payload_too_large',
  unsupportedMediaType: 'unsupported_media_type',
  invalidJson: 'invalid_json',
  responseInvalid: 'response_invalid',
  handlerFailed: 'handler_failed',
} as const;

export interface PipelineOptions extends ApiOptions {
  /**
   * Simulated processing time, in ms, of every request that carries an idempotency key (between
   * claiming the key and running the handler), so that two requests with one key can overlap the
   * way they do against a real gateway. Default 0.
   */
  latencyMs?: number | undefined;
  /** Where the sandbox reports its own failures (a response that breaks the spec, a handler that threw). Default: stderr. */
  log?: ((line: string) => void) | undefined;
  /**
   * Compile every operation's validators when the pipeline is built, so a schema Ajv cannot compile
   * stops the start instead of failing that operation's first request. Default false: each
   * operation is compiled on its first request (validation is the same either way).
   */
  precompile?: boolean | undefined;
}

export type Pipeline = (request: Request, requestId: string) => Promise<Response>;

function toResponse(answer: OperationResponse | StoredResponse, extra: Record<string, string> = {}): Response {
  const headers = new Headers(answer.headers);
  for (const [name, value] of Object.entries(extra)) headers.set(name, value);
  let text: string | undefined;
  let contentType: string | undefined;
  if ('text' in answer) {
    text = answer.text;
    contentType = answer.contentType;
  } else if (answer.body !== undefined) {
    contentType = answer.contentType ?? 'application/json';
    text = typeof answer.body === 'string' && !/json/i.test(contentType) ? answer.body : JSON.stringify(answer.body);
  }
  if (text !== undefined && contentType) headers.set('content-type', contentType);
  return new Response(text ?? null, { status: answer.status, headers });
}

function stored(answer: OperationResponse): StoredResponse {
  const contentType = answer.contentType ?? 'application/json';
  const text = answer.body === undefined ? undefined : typeof answer.body === 'string' && !/json/i.test(contentType) ? answer.body : JSON.stringify(answer.body);
  return { status: answer.status, contentType, headers: { ...answer.headers }, text };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Builds the request pipeline for one API definition (spec loaded once per process, validators compiled per operation on first use). */
export function createPipeline(definition: ApiDefinition, options: PipelineOptions): Pipeline {
  const spec = loadSpec(definition.bundle);
  const missing = spec.operations.filter((op) => typeof definition.handlers[op.operationId] !== 'function').map((op) => op.operationId);
  if (missing.length) throw new Error(`${definition.title}: no handler for ${missing.join(', ')} (every operation of ${definition.bundle} must be answered)`);
  const unknown = Object.keys(definition.handlers).filter((id) => !spec.byId.has(id));
  if (unknown.length) throw new Error(`${definition.title}: handlers for operations ${definition.bundle} does not have: ${unknown.join(', ')}`);

  const policy = definition.idempotency;
  const validators = createValidators(spec, { skipHeaders: [policy.header], lenientQuery: definition.lenientQuery });
  if (options.precompile) validators.compileAll();
  const route = createRouter(spec.operations);
  const store = createIdempotencyStore(options.clock);
  const faults = options.faults ?? new Set<string>();
  const latencyMs = options.latencyMs ?? 0;
  const log = options.log ?? ((line: string) => console.error(line));

  /** An answer the API produced: checked against the operation's documented responses before it leaves. */
  function checked(op: OperationSpec, answer: OperationResponse): OperationResponse {
    const violation = validators.get(op.operationId).response(answer.status, answer.contentType ?? 'application/json', answer.body);
    if (!violation) return answer;
    const where = violation.schemaPath ? ` (schema ${violation.schemaPath})` : '';
    const message = `sandbox bug: ${op.operationId} answered ${violation.status}, which breaks ${definition.bundle}: ${violation.detail}${where}`;
    log(message);
    return definition.errorResponse(500, coreErrorCodes.responseInvalid, message);
  }

  return async (request, requestId) => {
    const url = new URL(request.url);
    let pathname = url.pathname;
    if (spec.basePath && (pathname === spec.basePath || pathname.startsWith(`${spec.basePath}/`))) pathname = pathname.slice(spec.basePath.length) || '/';

    const routed = route(request.method, pathname);
    if (routed.kind === 'not-found') return toResponse(definition.errorResponse(404, coreErrorCodes.routeNotFound, `No operation of ${definition.title} at ${request.method} ${pathname}`));
    if (routed.kind === 'wrong-method') {
      return toResponse(definition.errorResponse(405, coreErrorCodes.methodNotAllowed, `${request.method} is not allowed on ${pathname}; allowed: ${routed.allow.join(', ')}`), { allow: routed.allow.join(', ') });
    }
    if (routed.kind === 'bad-path') return toResponse(definition.errorResponse(400, coreErrorCodes.invalidPath, routed.reason));
    const op = routed.operation;
    definition.beforeRequest?.(options.clock.now());

    // Body: a body is only read and parsed for operations that document one.
    const rawBody = request.body ? await request.text() : '';
    let body: unknown;
    const hasBody = rawBody.length > 0 && op.requestBody !== undefined;
    if (hasBody) {
      const contentType = request.headers.get('content-type') ?? '';
      const media = mediaFor(op.requestBody!.media, contentType);
      if (!media) {
        const accepted = op.requestBody!.media.map((m) => m.type).join(', ');
        return toResponse(definition.errorResponse(415, coreErrorCodes.unsupportedMediaType, `${op.operationId} takes ${accepted}, not ${contentType || 'a body without Content-Type'}`));
      }
      if (/json/.test(media.type)) {
        try {
          body = JSON.parse(rawBody);
        } catch (error) {
          return toResponse(definition.errorResponse(400, coreErrorCodes.invalidJson, `Request body is not valid JSON: ${(error as Error).message}`));
        }
      } else {
        body = rawBody;
      }
    }

    const validated = validators.get(op.operationId).request({ params: routed.params, search: url.searchParams, headers: request.headers, body, hasBody });
    const req: OperationRequest = { operationId: op.operationId, method: op.method, path: pathname, params: validated.params, query: validated.query, headers: request.headers, body, rawBody };
    const takesKey = policy.appliesTo(op.operationId);
    const key = takesKey ? (request.headers.get(policy.header) ?? undefined) : undefined;
    const base = { clock: options.clock, events: requestEvents(options.events, requestId, key), requestId, idempotencyKey: key, faults };

    const auth = definition.authenticate(req, base);
    if ('error' in auth) return toResponse(checked(op, auth.error));
    if (validated.problems.length) return toResponse(checked(op, definition.validationError(validated.problems, op.operationId)));
    const ctx: HandlerContext = { ...base, scope: auth.scope };

    const run = async (): Promise<OperationResponse> => {
      try {
        return checked(op, await definition.handlers[op.operationId]!(req, ctx));
      } catch (error) {
        if (error instanceof ProblemError) return checked(op, definition.validationError(error.problems, op.operationId));
        log(`sandbox: ${op.operationId} failed (request ${requestId}): ${(error as Error)?.stack ?? String(error)}`);
        return definition.errorResponse(500, coreErrorCodes.handlerFailed, `${op.operationId} failed inside the sandbox (request ${requestId}): ${(error as Error)?.message ?? String(error)}`);
      }
    };

    if (!takesKey) return toResponse(await run());
    if (key === undefined || key === '') {
      if (policy.required(op.operationId)) return toResponse(checked(op, policy.reject('missing', op.operationId)));
      return toResponse(await run());
    }
    if (key.length < policy.minLength) return toResponse(checked(op, policy.reject('too_short', op.operationId)));

    const fingerprint = `${op.method} ${pathname}\n${body === undefined ? '' : canonicalJson(body)}`;
    const claim = store.claim(auth.scope, key, fingerprint, policy.windowMs);
    if (claim.kind === 'in-flight') return toResponse(checked(op, policy.reject('in_flight', op.operationId)));
    if (claim.kind === 'params-mismatch') return toResponse(checked(op, policy.reject('params_mismatch', op.operationId)));
    if (claim.kind === 'replay') {
      // Test-only fault for issue 13: the replay runs the handler again, storing a second object.
      if (faults.has('replay-creates-new')) return toResponse(await run(), { 'idempotent-replayed': 'true' });
      const status = policy.replayStatus?.(op.operationId, claim.response.status) ?? claim.response.status;
      return toResponse({ ...claim.response, status }, { 'idempotent-replayed': 'true' });
    }
    try {
      if (latencyMs > 0) await sleep(latencyMs);
      const answer = await run();
      claim.finish(policy.stores(answer.status) ? stored(answer) : undefined);
      return toResponse(answer);
    } catch (error) {
      claim.finish(undefined);
      throw error;
    }
  };
}
