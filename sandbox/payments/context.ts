/**
 * What every Payments rule receives: the sandbox state, the partner and account asking, the
 * sandbox time and a way to emit events. `rule()` builds it per request, runs what must happen
 * first (the account's business link, then what the clock made due: ledger settlement and payouts,
 * session expiry) so every answer reflects the sandbox clock, and turns a thrown RuleError into its
 * response.
 */
import type { HandlerContext, OperationHandler, OperationRequest, OperationResponse } from '../core/types.js';
import { RuleError } from './errors.js';
import { storageScope } from './lookup.js';
import { decodeScope, type PaymentsScope } from './scope.js';
import type { PartnerState, PaymentsState } from './state.js';

export interface RuleContext {
  state: PaymentsState;
  partner: PartnerState;
  scope: PaymentsScope;
  /** Sandbox time in ms, and as the ISO string the API's timestamps use. */
  now: number;
  iso: string;
  faults: ReadonlySet<string>;
  /** Origin the request was addressed to (for URLs the API hands out, e.g. a checkout session's `url`). */
  origin: string;
  /** The collection scope of an account of this partner (lookup.ts). */
  home(account: string): string;
  /** Emits a Payments API event (`<resource>.<change>`, inferred names listed in README.md) for the account. */
  emit(name: string, account: string, data: unknown): void;
}

export type Rule = (req: OperationRequest, rc: RuleContext) => OperationResponse;

/** Wraps a rule as the core's OperationHandler; `before` runs ahead of every rule. */
export function rule(state: PaymentsState, before: (rc: RuleContext) => void, fn: Rule): OperationHandler {
  return (req: OperationRequest, ctx: HandlerContext) => {
    const scope = decodeScope(ctx.scope);
    const now = ctx.clock.now();
    const iso = new Date(now).toISOString();
    const partner = state.partner(scope.partner, iso);
    const rc: RuleContext = {
      state,
      partner,
      scope,
      now,
      iso,
      faults: ctx.faults,
      origin: originOf(req),
      home: (account) => storageScope(partner.id, account),
      emit: (name, account, data) => ctx.events.emit({ api: 'payments-v1.3', name, scope: account, data: structuredClone(data) }),
    };
    try {
      before(rc);
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
