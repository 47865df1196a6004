/**
 * The contract between the sandbox core (routing, validation, idempotency, state, clock, events)
 * and each API's rules (sandbox/justifi/, sandbox/payments/). The core knows OpenAPI and HTTP; an
 * API definition knows its auth, its error body and its documented rules, one file per resource.
 *
 * Request flow, for every request:
 *   route (bundled spec, by operationId) → 404/405 in the API's error body
 *   → body limit (1 MB → 413), content type (415), JSON parse (400)
 *   → request validation against the operation (Ajv, compiled once): query, path and header
 *     values are coerced here, problems are kept for later
 *   → authenticate → scope (an unauthenticated request gets the 401 even when it is also invalid)
 *   → the kept problems, if any → the API's validation error
 *   → idempotency (missing / too short / replay / mismatch / concurrent) → handler
 *   → response validation against the operation's documented response (Ajv, compiled once);
 *     a violation is a 500 naming the operation and the schema path, never a silent bad answer.
 *
 * The idempotency header is left out of request validation: the API's IdempotencyPolicy owns it
 * (a missing key is `reject('missing')`, not a generic missing-header problem).
 */

/** A clock tests can move: token expiry and idempotency windows read it, never Date.now(). */
export interface SandboxClock {
  /** Milliseconds since the epoch, as the sandbox sees it. */
  now(): number;
  /** Moves the clock forward by `ms`. */
  advance(ms: number): void;
  /** Sets the clock to `ms` since the epoch. */
  set(ms: number): void;
}

/** One routed, parsed and validated request. */
export interface OperationRequest {
  operationId: string;
  method: string;
  /** The path as received, without the query string. */
  path: string;
  /** Path parameters, percent-decoded, by the names the spec gives them. */
  params: Record<string, string>;
  /** Query parameters coerced to their schema types (integers, booleans, arrays). */
  query: Record<string, unknown>;
  headers: Headers;
  /** The parsed JSON body (validated), or undefined when none was sent. */
  body: unknown;
  /** The body exactly as received (for idempotency fingerprints). */
  rawBody: string;
}

/** What a handler answers; the core validates it against the spec before sending it. */
export interface OperationResponse {
  status: number;
  /** JSON-serialisable body, or a string for non-JSON media types. */
  body?: unknown;
  headers?: Record<string, string>;
  /** Default `application/json`. */
  contentType?: string;
}

/** A state change worth telling the outside world about (webhooks build on this). */
export interface SandboxEvent {
  api: 'justifi-v1' | 'payments-v1.3';
  /** The API's own event name, e.g. `payment.succeeded`, `payment_intent.created`. */
  name: string;
  /** The scope the object lives in (JustiFi account id, Payments API x-account-id). */
  scope: string;
  /** The platform account `scope` belongs to, for an API with platforms (JustiFi); `scope` itself for a platform's own objects. */
  platform?: string | undefined;
  /** The object as the API would return it (the resource schema). */
  data: unknown;
  /** The idempotency key of the request that caused it, when there was one. */
  idempotencyKey?: string | undefined;
  /** The request id of the request that caused it. */
  requestId?: string | undefined;
  /** When it happened, by the sandbox clock (ms since the epoch). */
  at: number;
}

/** Publishes events to every subscriber; delivery (webhooks) subscribes. */
export interface EventBus {
  emit(event: Omit<SandboxEvent, 'at'>): void;
  subscribe(listener: (event: SandboxEvent) => void): () => void;
}

/** One way a request breaks the spec, as request validation (or a handler) reports it. */
export interface RequestProblem {
  location: 'path' | 'query' | 'header' | 'body';
  /** Dotted field name, e.g. `amount`, `payment_method.card.number`, `limit`, `Sub-Account`. */
  field: string;
  /** The rule it breaks, readable on its own, e.g. `must be integer`, `must be one of: usd`. */
  rule: string;
  /** True when the field is absent (a `required` rule). */
  missing: boolean;
  /** The schema keyword that failed (`required`, `type`, `enum`, `minimum`, `pattern`, `format`, …). */
  keyword?: string | undefined;
}

/** How an API treats its idempotency header (the generic store in core/idempotency.ts applies it). */
export interface IdempotencyPolicy {
  /** Header name, e.g. `Idempotency-Key` or `x-idempotency-key`. */
  header: string;
  /** Which operations take a key: those whose spec declares the header. */
  appliesTo(operationId: string): boolean;
  /** Operations where a missing key is an error (JustiFi: payment writes). */
  required(operationId: string): boolean;
  /** Minimum key length (Payments API: 10). */
  minLength: number;
  /** How long a stored response replays, in ms (Payments API: 1 hour). */
  windowMs: number;
  /** Which responses are stored for replay: JustiFi replays the first response; Payments API "any successful request". */
  stores(status: number): boolean;
  /** The API's answer when a key is missing, too short, reused with other parameters, or in flight. */
  reject(reason: 'missing' | 'too_short' | 'params_mismatch' | 'in_flight', operationId: string): OperationResponse;
  /** Status of a replayed response, when it differs from the stored one (JustiFi: a replayed capture is 200). Default: the stored status. */
  replayStatus?(operationId: string, storedStatus: number): number;
}

/** Per-request context an API's `authenticate` builds; handlers receive it. */
export interface HandlerContext {
  /** The state partition this request sees (JustiFi: account or Sub-Account; Payments: x-account-id). */
  scope: string;
  clock: SandboxClock;
  /** The sandbox's bus; `emit` here fills in this request's `requestId` and `idempotencyKey` when the event leaves them out. */
  events: EventBus;
  /** The request id the core assigned (also sent as `x-request-id`). */
  requestId: string;
  /** The idempotency key of this request, when it carried one. */
  idempotencyKey: string | undefined;
  /** Test-only faults switched on for this sandbox (see ApiOptions.faults); empty in normal runs. */
  faults: ReadonlySet<string>;
}

export type OperationHandler = (req: OperationRequest, ctx: HandlerContext) => OperationResponse | Promise<OperationResponse>;

/** Everything the core needs to serve one API. */
export interface ApiDefinition {
  name: 'justifi-v1' | 'payments-v1.3';
  /** Printed at start: `JustiFi API v1 sandbox`, `Payments API v1.3.0 sandbox`. */
  title: string;
  /** Bundled spec the sandbox routes and validates with, e.g. `generated/justifi-v1.yaml`. */
  bundle: string;
  /** One handler per operationId of the bundle; the core refuses to start if one is missing. */
  handlers: Record<string, OperationHandler>;
  /** Authenticates and scopes a request, or answers it (401, 400 missing scope header …). */
  authenticate(req: OperationRequest, base: Omit<HandlerContext, 'scope'>): { scope: string } | { error: OperationResponse };
  idempotency: IdempotencyPolicy;
  /** The API's documented error body for what the core itself refuses. */
  errorResponse(status: number, code: string, message: string): OperationResponse;
  /** The API's answer to a request that breaks the spec (field and rule from Ajv), or to a handler's `ProblemError`. */
  validationError(problems: RequestProblem[], operationId: string): OperationResponse;
  /**
   * Query parameters whose value of the wrong type falls back to the schema's `default` instead
   * of failing (JustiFi: "If the limit value is an invalid type, the default value of 25 is used").
   */
  lenientQuery?: readonly string[] | undefined;
  /** Runs before every request (after routing): apply what the clock made due (settlements, reviews, payouts). */
  beforeRequest?(now: number): void;
}

/** What every API factory receives: one sandbox process shares one clock and one event bus. */
export interface ApiOptions {
  clock: SandboxClock;
  events: EventBus;
  /** JustiFi access-token lifetime in ms (`--token-ttl`); default 24 h. */
  tokenTtlMs?: number | undefined;
  /**
   * Test-only switches that deliberately break one documented rule (e.g. `refund-unlimited`), so a
   * test can prove the stateful contract suite notices. Empty in every normal run.
   */
  faults?: ReadonlySet<string> | undefined;
}

/** Builds a fresh API definition with its own in-memory state. */
export type ApiFactory = (options: ApiOptions) => ApiDefinition;
