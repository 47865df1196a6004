/**
 * How a command says what it expected. Every check names the documented rule it holds the server
 * to, so a failure reads as "rule X broken: what was seen". The rules both APIs share have one name
 * each here (the broken-rule demonstrations look for them); an API's own rules are named where they
 * are checked.
 */
import { type ListOutcome, type Outcome, RuleViolation } from './types.js';

/** Rules both APIs document, by the name every failure report uses. */
export const sharedRules = {
  refundLimit: 'a payment is never refunded beyond the amount it captured',
  replayReturnsFirst: 'a replayed write (same idempotency key, same parameters) returns the first object and creates nothing',
  replayOtherParams: 'the same idempotency key with other parameters is refused',
  listedOnce: 'every object of the scope is listed exactly once when walking every page',
  retrievable: 'every created object can be read back as it was returned',
  scoped: 'nothing is visible across scopes',
  documentedStatus: 'a call is answered with the documented status and error code',
  statusMoves: 'statuses move only as documented',
  linked: 'every link the spec declares from a created object leads to a 2xx',
} as const;

/** Fails the command with `rule` unless `holds`. */
export function rule(name: string, holds: boolean, detail: () => string): asserts holds {
  if (!holds) throw new RuleViolation(name, detail());
}

/** One line for an outcome: `201 py_123` / `422 UnprocessableEntityError refund_exceeds_payment_amount`. */
export function describeOutcome(outcome: Outcome | ListOutcome): string {
  if (!outcome.ok) {
    const decline = outcome.declineCode ? ` (decline_code ${outcome.declineCode})` : '';
    return `${outcome.status ?? 'no status'} ${outcome.name} ${outcome.code ?? ''}${decline}: ${outcome.message}`.replace(/\s+:/, ':');
  }
  if ('items' in outcome) return `${outcome.items.length} items over ${outcome.pages} pages`;
  const id = (outcome.data as { id?: unknown } | undefined)?.id;
  return `${outcome.status}${typeof id === 'string' ? ` ${id}` : ''}`;
}

/** The outcome must be a success (any 2xx, or `status` exactly when given). */
export function expectOk<T>(name: string, outcome: Outcome<T>, status?: number): asserts outcome is Extract<Outcome<T>, { ok: true }>;
export function expectOk<T>(name: string, outcome: ListOutcome<T>): asserts outcome is Extract<ListOutcome<T>, { ok: true }>;
export function expectOk(name: string, outcome: Outcome | ListOutcome, status?: number): void {
  rule(name, outcome.ok && (status === undefined || !('status' in outcome) || outcome.status === status), () => `expected ${status ?? 'a 2xx'}, got ${describeOutcome(outcome)}`);
}

/** What a refusal must look like: its HTTP status, and its error code and decline code where given. */
export interface ExpectedError {
  status: number;
  code?: string | undefined;
  declineCode?: string | undefined;
}

/** The outcome must be the documented refusal. */
export function expectError(name: string, outcome: Outcome | ListOutcome, expected: ExpectedError): asserts outcome is Extract<Outcome, { ok: false }> {
  const matches = !outcome.ok && outcome.status === expected.status
    && (expected.code === undefined || outcome.code === expected.code)
    && (expected.declineCode === undefined || outcome.declineCode === expected.declineCode);
  rule(name, matches, () => {
    const want = [expected.status, expected.code, expected.declineCode && `(decline_code ${expected.declineCode})`].filter(Boolean).join(' ');
    return `expected ${want}, got ${describeOutcome(outcome)}`;
  });
}
