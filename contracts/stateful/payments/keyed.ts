/** Keyed writes: every write a command sends carries an `x-idempotency-key`, kept for the replay commands. */
import type { Outcome, Real } from '../core/types.js';
import { scopeOf, type KeyedWrite, type ModelIntent, type ModelSession, type PaymentsModel, type WriteKind } from './model.js';

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
  sessionCreate: 'checkoutSessions.create',
  sessionPay: 'checkoutSessions.createPayment',
  sessionComplete: 'checkoutSessions.complete',
  sessionExpire: 'checkoutSessions.expire',
};

/** Writes whose only argument is the body (a create; an external refund names its intent in the body). */
const bodyOnly = new Set<WriteKind>(['createIntent', 'externalCreate', 'externalRefund', 'sessionCreate']);

/** Writes that take no body (the spec gives completing and expiring a session none): the same key can only be replayed. */
export const bodyless = new Set<WriteKind>(['sessionComplete', 'sessionExpire']);

/** The SDK arguments of a write on the object `pathId` (ignored by the body-only kinds). */
export const writeArgs = (kind: WriteKind, pathId: string | undefined, body: object | undefined): unknown[] =>
  bodyOnly.has(kind) ? [body] : bodyless.has(kind) ? [pathId] : [pathId, body];

/**
 * Sends a write with `key` (on `target`, an intent, or on `session`, the session of that intent; or,
 * for a create, of the account `target`) and
 * keeps it for the replay commands. Seed: the first *successful* answer under a key is saved, for
 * POST and PUT only, so a refused attempt leaves the key free and a PATCH is never replayed.
 */
export async function sendKeyed<T>(m: PaymentsModel, r: Real, kind: WriteKind, target: ModelIntent | string, body: object | undefined, key: string, session?: ModelSession): Promise<Outcome<T>> {
  const intent = typeof target === 'string' ? undefined : target;
  const account = intent?.account ?? (target as string);
  const outcome = await r.call<T>(writeMethods[kind], writeArgs(kind, session?.id ?? intent?.id, body), { idempotencyKey: key, ...scopeOf(m, account) });
  let kept = m.writes.find((w) => w.key === key && w.account === account);
  if (!kept) m.writes.push((kept = { kind, key, account, intent: intent?.n, session: session?.n, body: body as KeyedWrite['body'] }));
  if (!kept.first && kind !== 'updateIntent') {
    kept.body = body as KeyedWrite['body'];
    if (outcome.ok) kept.first = { status: outcome.status, data: outcome.data };
  }
  return outcome;
}
