/**
 * Replays of keyed writes. Seed: "Idempotency works by saving the resulting status code and body of
 * the first request made for any given idempotency key for any successful request. Subsequent
 * requests with the same key return the same result for a period of up to 1 hour." and
 * "Idempotency is only supported for POST and PUT requests." So a replay of a successful POST
 * returns its first answer and changes nothing; a key whose every attempt was refused, and any
 * PATCH, runs as a new request. The same key with other parameters is the spec's 409 Conflict.
 * (The clock stands still, so every replay is within the hour.)
 */
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { expectError, expectOk, rule, sharedRules } from '../core/rules.js';
import type { CommandSpec, Real } from '../core/types.js';
import { performCancel, performCapture, performCreate, performUpdate } from './intents.js';
import { bodyless, writeArgs, writeMethods } from './keyed.js';
import { fixtureMethods, scopeOf, type KeyedWrite, type ModelIntent, type PaymentsModel, type WriteKind } from './model.js';
import { performComplete, performExpire, performSessionCreate, sessionOf, type SessionBody } from './checkout.js';
import { performExternalCreate, performExternalRefund, type ExternalCreateBody, type ExternalRefundBody } from './external.js';
import { performPay } from './payments.js';
import { command } from './picks.js';
import { performRefund } from './refunds.js';

type Body = Record<string, unknown> | undefined;
const intentOf = (m: PaymentsModel, w: KeyedWrite): ModelIntent => m.intents.find((i) => i.n === w.intent)!;

/** How each kind of write runs again through its command (prediction and checks included). */
const perform: Record<WriteKind, (m: PaymentsModel, r: Real, w: KeyedWrite, body: Body) => Promise<void>> = {
  createIntent: (m, r, w, body) => performCreate(m, r, w.account, body as Parameters<typeof performCreate>[3], w.key),
  updateIntent: (m, r, w, body) => performUpdate(m, r, intentOf(m, w), body as Parameters<typeof performUpdate>[3], w.key),
  pay: (m, r, w, body) => performPay(m, r, intentOf(m, w), body as Parameters<typeof performPay>[3], w.key),
  capture: (m, r, w, body) => performCapture(m, r, intentOf(m, w), body, w.key),
  cancel: (m, r, w, body) => performCancel(m, r, intentOf(m, w), body, w.key),
  refund: (m, r, w, body) => performRefund(m, r, intentOf(m, w), body, w.key),
  externalCreate: (m, r, w, body) => performExternalCreate(m, r, w.account, body as unknown as ExternalCreateBody, w.key),
  externalCapture: (m, r, w, body) => performCapture(m, r, intentOf(m, w), body, w.key, 'externalCapture'),
  externalCancel: (m, r, w, body) => performCancel(m, r, intentOf(m, w), body, w.key, 'externalCancel'),
  externalRefund: (m, r, w, body) => performExternalRefund(m, r, intentOf(m, w), body as unknown as ExternalRefundBody, w.key),
  sessionCreate: (m, r, w, body) => performSessionCreate(m, r, w.account, body as unknown as SessionBody, w.key),
  sessionPay: (m, r, w, body) => performPay(m, r, intentOf(m, w), body as Parameters<typeof performPay>[3], w.key, sessionOf(m, w.session)),
  sessionComplete: (m, r, w) => performComplete(m, r, sessionOf(m, w.session), w.key),
  sessionExpire: (m, r, w) => performExpire(m, r, sessionOf(m, w.session), w.key),
};

/** The same write with other parameters. */
function otherParameters(w: KeyedWrite): Body {
  const b = w.body ?? {};
  switch (w.kind) {
    case 'createIntent':
      return { ...b, amount: Number.isInteger(b.amount) && Number(b.amount) >= 0 ? Number(b.amount) + 1 : 100 };
    case 'updateIntent':
      return { ...b, description: b.description === 'other description' ? 'another description' : 'other description' };
    case 'sessionCreate':
      return { ...b, customer_email: b.customer_email === 'other@example.com' ? 'another@example.com' : 'other@example.com' };
    case 'sessionComplete':
    case 'sessionExpire':
      return undefined;
    case 'pay':
    case 'sessionPay': {
      const at = fixtureMethods.findIndex((f) => f.id === b.payment_method_id);
      return { ...b, payment_method_id: fixtureMethods[(at + 1) % fixtureMethods.length]!.id };
    }
    case 'cancel':
      return { cancellation_reason: b.cancellation_reason === 'duplicate' ? 'fraudulent' : 'duplicate' };
    case 'capture':
    case 'refund':
      return { amount: Number(b.amount ?? 0) + 1 };
    case 'externalCreate':
      return { ...b, card_present: b.card_present !== true };
    // The gateway's answer names another transaction.
    case 'externalCapture':
      return { ...b, gateway_capture_response: { ...(b.gateway_capture_response as object), transaction_id: 'other-transaction' } };
    case 'externalCancel':
      return { ...b, gateway_void_response: { ...(b.gateway_void_response as object), transaction_id: 'other-transaction' } };
    case 'externalRefund':
      return { ...b, gateway_response: { ...(b.gateway_response as object), transaction_id: 'other-transaction' } };
  }
}

/** A POST whose first success under the key is saved: the only writes the API replays. */
const stored = (w: KeyedWrite) => w.first !== undefined && w.kind !== 'updateIntent';

function send(m: PaymentsModel, r: Real, w: KeyedWrite, body: Body) {
  const pathId = w.session !== undefined ? sessionOf(m, w.session).id : w.intent !== undefined ? intentOf(m, w).id : undefined;
  return r.call(writeMethods[w.kind], writeArgs(w.kind, pathId, body), { idempotencyKey: w.key, ...scopeOf(m, w.account) });
}

/** The same key, the same parameters: the first answer, nothing new (or, if nothing was saved, a new request). */
async function replay(m: PaymentsModel, r: Real, w: KeyedWrite): Promise<void> {
  if (!stored(w)) return perform[w.kind](m, r, w, w.body);
  const first = w.first!;
  const outcome = await send(m, r, w, w.body);
  expectOk(sharedRules.replayReturnsFirst, outcome, first.status);
  rule(sharedRules.replayReturnsFirst, isDeepStrictEqual(outcome.data, first.data), () => {
    const id = (first.data as { id?: string }).id;
    const got = (outcome.data as { id?: string }).id;
    return id !== got ? `the replay answered ${got}, the first answer was ${id}` : `the replay of ${id} answered another body than the first: ${JSON.stringify(outcome.data).slice(0, 300)}`;
  });
}

/** The same key, other parameters: refused with 409 when the key holds an answer, else a new request. */
async function replayOther(m: PaymentsModel, r: Real, w: KeyedWrite): Promise<void> {
  // Completing and expiring a session take no parameters: the same key can only be replayed.
  if (bodyless.has(w.kind)) return replay(m, r, w);
  const body = otherParameters(w);
  if (!stored(w)) return perform[w.kind](m, r, w, body);
  const outcome = await send(m, r, w, body);
  // The spec's Conflict example: code `idempotency_key_in_use` (inferred, so only the status externally).
  expectError(sharedRules.replayOtherParams, outcome, { status: 409, code: m.exact ? 'idempotency_key_in_use' : undefined });
}

const describeWrite = (pick: number) => (pick === 0 ? 'latest keyed write' : `keyed write latest-${pick}`);
const pickWrite = (m: PaymentsModel, pick: number) => m.writes[m.writes.length - 1 - (pick % m.writes.length)]!;
const writePick = fc.nat({ max: 7 });

export function replayCommands(): CommandSpec<PaymentsModel>[] {
  return [
    {
      name: 'replay a write with the same x-idempotency-key and parameters',
      write: true,
      weight: 2,
      arbitrary: writePick.map((pick) => command(`replay(${describeWrite(pick)})`, (m) => m.writes.length > 0, (m, r) => replay(m, r, pickWrite(m, pick)))),
    },
    {
      name: 'replay an x-idempotency-key with other parameters',
      write: true,
      arbitrary: writePick.map((pick) => command(`replayOtherParams(${describeWrite(pick)})`, (m) => m.writes.length > 0, (m, r) => replayOther(m, r, pickWrite(m, pick)))),
    },
  ];
}
