/**
 * What every Payments rule receives: the partner's state, who is asking, the sandbox time and a way
 * to emit events. `rule()` builds it per request, runs the time-driven changes first (ledger.ts:
 * settlement, payouts, session expiry) so every answer reflects the sandbox clock, and turns a
 * thrown RuleError into its response.
 */
import type { ApiOptions, HandlerContext, OperationHandler, OperationRequest, OperationResponse } from '../core/types.js';
import { RuleError } from './errors.js';
import { decodeScope, type PaymentsScope } from './scope.js';
import type { PartnerState, PaymentsState } from './state.js';

export interface RuleContext {
  state: PartnerState;
  scope: PaymentsScope;
  /** Sandbox time in ms, and as the ISO string the API's timestamps use. */
  now: number;
  iso: string;
  faults: ReadonlySet<string>;
  /** Origin the request was addressed to (for URLs the API hands out, e.g. a checkout session's `url`). */
  origin: string;
  /** Emits a Payments API event (`<resource>.<change>`, inferred names listed in README.md) for the account. */
  emit(name: string, account: string, data: unknown): void;
}

export type Rule = (req: OperationRequest, rc: RuleContext) => OperationResponse;

/** Everything a rule file needs from the sandbox to build its handlers. */
export interface PaymentsRuntime {
  state: PaymentsState;
  options: ApiOptions;
  /** Runs before each rule: the account's business link, then what the clock made due (ledger, session expiry). */
  before(rc: RuleContext): void;
}

/** Wraps a rule as the core's OperationHandler. */
export function rule(runtime: PaymentsRuntime, fn: Rule): OperationHandler {
  return (req: OperationRequest, ctx: HandlerContext) => {
    const scope = decodeScope(ctx.scope);
    const now = ctx.clock.now();
    const iso = new Date(now).toISOString();
    const rc: RuleContext = {
      state: runtime.state.partner(scope.partner, iso),
      scope,
      now,
      iso,
      faults: runtime.options.faults ?? new Set(),
      origin: originOf(req),
      emit: (name, account, data) =>
        ctx.events.emit({ api: 'payments-v1.3', name, scope: account, data: structuredClone(data), idempotencyKey: ctx.idempotencyKey, requestId: ctx.requestId }),
    };
    try {
      runtime.before(rc);
      return fn(req, rc);
    } catch (error) {
      if (error instanceof RuleError) return error.response;
      throw error;
    }
  };
}

function originOf(req: OperationRequest): string {
  const host = req.headers.get('host');
  return host ? `http://${host}` : 'http://127.0.0.1';
}
