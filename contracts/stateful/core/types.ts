/**
 * The shapes the stateful suite is built from. An API's stateful definition (`StatefulApi`) gives a
 * model factory, a fresh scope per sequence and a list of command specs; the runner (runner.ts)
 * turns the specs into `fc.commands`, runs each sequence against the real server through the SDK
 * (`Real`, real.ts) and, on a failure, prints the shrunk sequence as an SDK script, curl lines and
 * the replay command (report.ts).
 */
import type fc from 'fast-check';
import type { SandboxClock } from '../../../sandbox/core/index.js';
import type { Exchange } from '../../support/wire.js';

export type StatefulApiName = 'justifi-v1' | 'payments-v1.3';

/** Request options a command may give a call (the SDK's own option names). */
export interface CallOptions {
  idempotencyKey?: string;
  /** JustiFi: the `Sub-Account` header of this call. */
  subAccount?: string;
  /** Payments API: the `x-account-id` header of this call. */
  accountId?: string;
  /** Payments API: the `x-business-id` header of this call. */
  businessId?: string;
}

/** What a call came back with: the resource and the HTTP facts, or the SDK's error and its facts. */
export type Outcome<T = any> = // eslint-disable-line @typescript-eslint/no-explicit-any
  | {
      ok: true;
      /** The resource (what awaiting the SDK call gives; JustiFi: the envelope's `data`). */
      data: T;
      /** The whole parsed response body (JustiFi: the `{id, type, data, page_info}` envelope). */
      body: unknown;
      status: number;
      headers: Headers;
      idempotencyKey: string | undefined;
    }
  | {
      ok: false;
      /** The thrown error (an `ApiError` subclass for an HTTP error, else e.g. `RequestValidationError`). */
      error: unknown;
      /** The error class name, e.g. `UnprocessableEntityError`. */
      name: string;
      status: number | undefined;
      code: string | undefined;
      declineCode: string | undefined;
      idempotencyKey: string | undefined;
      message: string;
    };

/** A list walked to its end through the SDK's auto-pagination. */
export type ListOutcome<T = any> = // eslint-disable-line @typescript-eslint/no-explicit-any
  | { ok: true; items: T[]; pages: number }
  | Extract<Outcome<T>, { ok: false }>;

/** How commands act on the real server: every call goes through the SDK and into the script. */
export interface Real {
  /**
   * Calls an SDK method by its generated name (`'payments.refund'`) with its positional arguments
   * and the call's options, on the sequence's client. Never throws for an API or SDK error: it is
   * the outcome. Recorded as one line of the failure script, ids of earlier results shown as
   * variables (`payment1.id`).
   */
  call<T = any>(method: string, args?: unknown[], options?: CallOptions): Promise<Outcome<T>>; // eslint-disable-line @typescript-eslint/no-explicit-any
  /** Walks every page of a list method (the SDK's `for await`), at most `max` items (default 2000). */
  list<T = any>(method: string, args?: unknown[], options?: CallOptions & { max?: number }): Promise<ListOutcome<T>>; // eslint-disable-line @typescript-eslint/no-explicit-any
  /** A fresh idempotency key, unique in this run (across sequences too), at least 10 characters. */
  key(): string;
  /** A fresh name or reference, unique in this run (`prefix-<run>-<n>`). */
  unique(prefix: string): string;
  /** Adds a comment line to the failure script (e.g. "clock +1 min"). */
  note(line: string): void;
  /** The sandbox clock, against the local sandbox only (frozen: it moves only when a command moves it). */
  clock: SandboxClock | undefined;
  /** The sequence's scope, as `StatefulApi.newScope` made it. */
  scope: SequenceScope;
  /** Every exchange of this sequence so far (what crossed the wire, the token request included). */
  exchanges: readonly Exchange[];
}

/** Client credentials and defaults of one sequence: a fresh platform / API key per sequence locally. */
export interface SequenceScope {
  /** Passed to `createJustifiClient` / `createPaymentsClient` (with baseUrl, fetch and no retries added). */
  clientOptions: Record<string, unknown>;
  /** How the failure script shows the client being made (credentials as placeholders). */
  clientScript: string;
}

/** What a command's run found wrong: the documented rule it breaks, and what was seen. */
export class RuleViolation extends Error {
  override name = 'RuleViolation';
  constructor(readonly rule: string, readonly detail: string) {
    super(`rule "${rule}" broken: ${detail}`);
  }
}

/** A command of the model-based run; `toString()` is its one-line description in fast-check's output. */
export interface StatefulCommand<M extends object> extends fc.AsyncCommand<M, Real> {
  toString(): string;
}

/** One kind of command: how to generate it, and where it may run. */
export interface CommandSpec<M extends object> {
  /** Its name in the report, e.g. `refund a payment (any amount)`. */
  name: string;
  arbitrary: fc.Arbitrary<StatefulCommand<M>>;
  /** False for commands that only read; against an external target only those run unless CONTRACT_ALLOW_WRITES=1. */
  write: boolean;
  /**
   * Why a real vendor sandbox may legitimately answer otherwise (seeded fixtures, the sandbox clock,
   * inferred rules); such commands are skipped against an external target, with this reason printed.
   */
  localOnly?: string;
  /** How often fast-check picks it relative to the others (fc.oneof weight). Default 1. */
  weight?: number;
}

/** Where the suite runs. */
export interface StatefulEnv {
  /** An external target (CONTRACT_TARGET_*): a real sandbox or anything at that URL. */
  external: boolean;
  /** Writes are allowed (always locally; CONTRACT_ALLOW_WRITES=1 against an external target). */
  allowWrites: boolean;
}

/** An object a command created, as the model keeps it: the generic link commands read it back through the spec's `links`. */
export interface CreatedObject {
  /** The SDK method that created it (`payments.create`): its operation is the source of the links. */
  method: string;
  /** The whole response body of the create (`Outcome.body`: what the spec's link expressions `$response.body#/…` point into). */
  body: unknown;
  /** The scope options the create was sent with (a follow-up in another scope would be a 404). */
  options: CallOptions;
  /** The create's request, for links that read `$request.path.…` / `$request.body#…` (e.g. a refund's payment id). */
  request?: { path?: Record<string, string>; body?: unknown };
}

/** One API's stateful definition. */
export interface StatefulApi<M extends object> {
  api: StatefulApiName;
  /** The model at the start of a sequence (what is known of a fresh scope). */
  initialModel(env: StatefulEnv): M;
  /** A fresh scope for sequence number `n` (locally: a new platform / API key, so sequences never meet). */
  newScope(env: StatefulEnv, n: number): SequenceScope;
  commands(env: StatefulEnv): CommandSpec<M>[];
  /** Everything the model knows was created and still exists (for the commands derived from links). */
  created(m: M): readonly CreatedObject[];
}
