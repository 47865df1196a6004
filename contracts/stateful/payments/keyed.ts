/** Keyed writes: every write a command sends carries an `x-idempotency-key`, kept for the replay commands. */
import type { Outcome, Real } from '../core/types.js';
import { scopeOf, type KeyedWrite, type ModelIntent, type PaymentsModel, type WriteKind } from './model.js';

/** The SDK method of each kind of keyed write. */
export const writeMethods: Record<WriteKind, string> = {
  createIntent: 'paymentIntents.create',
  updateIntent: 'paymentIntents.update',
  pay: 'paymentIntents.createPayment',
  capture: 'paymentIntents.capture',
  cancel: 'paymentIntents.cancel',
  refund: 'paymentIntents.createRefund',
  externalCreate: 'externalPayments.create',
  externalCapture: 'externalPayments.capture',
  externalCancel: 'externalPayments.cancel',
  externalRefund: 'externalRefunds.create',
};

/** Writes whose only argument is the body (a create; an external refund names its intent in the body). */
const bodyOnly = new Set<WriteKind>(['createIntent', 'externalCreate', 'externalRefund']);

/** The SDK arguments of a write on `intentId` (ignored by the body-only kinds). */
export const writeArgs = (kind: WriteKind, intentId: string | undefined, body: object | undefined): unknown[] => (bodyOnly.has(kind) ? [body] : [intentId, body]);

/**
 * Sends a write with `key` (on `target`, an intent; or, for a create, of the account `target`) and
 * keeps it for the replay commands. Seed: the first *successful* answer under a key is saved, for
 * POST and PUT only, so a refused attempt leaves the key free and a PATCH is never replayed.
 */
export async function sendKeyed<T>(m: PaymentsModel, r: Real, kind: WriteKind, target: ModelIntent | string, body: object | undefined, key: string): Promise<Outcome<T>> {
  const intent = typeof target === 'string' ? undefined : target;
  const account = intent?.account ?? (target as string);
  const outcome = await r.call<T>(writeMethods[kind], writeArgs(kind, intent?.id, body), { idempotencyKey: key, ...scopeOf(m, account) });
  let kept = m.writes.find((w) => w.key === key && w.account === account);
  if (!kept) m.writes.push((kept = { kind, key, account, intent: intent?.n, body: body as KeyedWrite['body'] }));
  if (!kept.first && kind !== 'updateIntent') {
    kept.body = body as KeyedWrite['body'];
    if (outcome.ok) kept.first = { status: outcome.status, data: outcome.data };
  }
  return outcome;
}
