/**
 * The sandbox delivers its events as webhooks, end to end: `startSandbox({ webhooks })` runs a
 * realistic day of each API through the SDK clients, and every event the sandbox emits arrives at
 * a real node:http receiver, signed so that the SDK's own verifiers accept it, in the spec's
 * webhook schema (checked again here, independently of the sandbox's own check), none of them
 * held back as invalid.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateAgainst } from '../../contracts/support/ajv.js';
import { apis } from '../../scripts/lib/apis.js';
import { loadBundle, type JsonObject } from '../../scripts/lib/spec-model.js';
import { listWebhooks } from '../../scripts/lib/webhook-model.js';
import { createClock } from '../../sandbox/core/clock.js';
import type { SandboxEvent } from '../../sandbox/core/types.js';
import { startSandbox, type Sandbox } from '../../sandbox/index.js';
import { derivePaymentsWebhookSecret, startWebhookReceiver, type ReceivedWebhook, type WebhookReceiver } from '../../sandbox/webhooks/index.js';
import { startRawReceiver } from './support.js';
import { createJustifiClient, PaymentRequiredError, RequestValidationError } from '../../src/justifi/index.js';
import { createPaymentsClient } from '../../src/payments/index.js';

const minute = 60_000;
const day = 24 * 60 * minute;
const justifiSecret = 'sandbox-events-test-secret';
const docs = { 'justifi-v1': loadBundle(apis[0]!), 'payments-v1.3': loadBundle(apis[1]!) } as const;

let receiver: WebhookReceiver;
let sandbox: Sandbox;
const emitted: SandboxEvent[] = [];

beforeAll(async () => {
  receiver = await startWebhookReceiver({ justifiSecret, paymentsSecret: derivePaymentsWebhookSecret(justifiSecret) });
  sandbox = await startSandbox({ clock: createClock({ frozen: true }), webhooks: { url: receiver.url, justifiSecret, backoffMs: 10 } });
  sandbox.events.subscribe((e) => emitted.push(e));
});
afterAll(async () => {
  await sandbox?.stop();
  await receiver?.close();
});

const card = (number: string) => ({ card: { name: 'Sylvia Fowles', number, verification: '123', month: '3', year: '2040', address_postal_code: '55555' } });
const onboarding = {
  business_details: { url: 'https://example.com', type: 'for_profit' as const, structure: 'single_member_llc' as const, industry: 'Coffee Shop' },
  representative: { name: 'Ada Lovelace' },
  bank_account: { routing_number: '110000000', account_number: '000123456789' },
  terms_and_conditions: { accepted: true, ip: '203.0.113.10' },
};

/** A platform's day: a sub account onboarded, payment methods, card, ACH and manual-capture payments, a decline, refunds, an intent with hosted checkout, payouts. */
async function justifiDay(): Promise<void> {
  const justifi = createJustifiClient({ clientId: 'test_webhook_platform', clientSecret: 'sandbox', baseUrl: sandbox.justifi.url, maxRetries: 0 });
  const auto = { amount: 2500, currency: 'usd' as const, capture_strategy: 'automatic' as const };

  const sub = await justifi.subAccounts.create({ name: 'Webhook Coffee' });
  await justifi.onboarding.create(sub.id, onboarding);
  sandbox.clock.advance(minute); // the automatic review of a test account

  const method = await justifi.paymentMethods.create({ payment_method: card('4242424242424242') });
  const token = method.card!.token!;
  await justifi.paymentMethods.update(token, { card: { month: '4', year: '2041' } });
  const cloned = await justifi.paymentMethods.clone(token, { destination_account_id: sub.id });

  const paid = await justifi.payments.create({ ...auto, payment_method: { token } });
  const refund = await justifi.payments.refund(paid.id, { amount: 500, reason: 'customer_request' });
  await justifi.refunds.update(refund.id, { metadata: { ticket: 'T-1' } });
  await justifi.payments.create({ ...auto, payment_method: { token: cloned.card!.token! } }, { subAccount: sub.id });

  const authorized = await justifi.payments.create({ ...auto, capture_strategy: 'manual', payment_method: card('5555555555554444') });
  await justifi.payments.capture(authorized.id);
  const declined = await justifi.payments.create({ ...auto, payment_method: card('4000000000009995') }).catch((e: unknown) => e);
  expect(declined).toBeInstanceOf(PaymentRequiredError);
  await justifi.payments.create({ ...auto, payment_method: { bank_account: { account_owner_name: 'Sylvia Fowles', account_owner_type: 'individual', account_type: 'checking', routing_number: '110000000', account_number: '000123456789' } } });

  const intent = await justifi.paymentIntents.create({ amount: 4200, currency: 'usd', description: 'ORDER 42' });
  await justifi.paymentIntents.update(intent.id, { payment_method: card('4242424242424242') });
  await justifi.checkoutSessions.create({ payment_intent_id: intent.id, after_payment_url: 'https://example.com/done' });
  await justifi.paymentIntents.capture(intent.id);

  // Payouts and proceeds at the end of the day, paid the next; the ACH payment settles after three days.
  for (let n = 0; n < 3; n++) {
    sandbox.clock.advance(day);
    await justifi.payouts.list();
  }
}

/** An account's day: an intent authorised, captured in part, refunded; a decline, a cancel, a dispute, checkout sessions, an external payment, a payout. */
async function paymentsDay(): Promise<void> {
  const pay = createPaymentsClient({ apiKey: 'sk_test_webhooks', accountId: 'acc_webhooks', baseUrl: sandbox.payments.url, maxRetries: 0 });

  const intent = await pay.paymentIntents.create({ amount: 10800, capture: false });
  await pay.paymentIntents.update(intent.id, { description: 'Order 7' });
  await pay.paymentIntents.createPayment(intent.id, { payment_method_id: 'pm_card_visa' });
  await pay.paymentIntents.capture(intent.id, { amount: 10000 });
  await pay.paymentIntents.createRefund(intent.id, { amount: 2000 });

  const failing = await pay.paymentIntents.create({ amount: 3000 });
  await pay.paymentIntents.createPayment(failing.id, { payment_method_id: 'pm_card_declined' }).catch(() => undefined);
  const cancelled = await pay.paymentIntents.create({ amount: 3000, capture: false });
  await pay.paymentIntents.createPayment(cancelled.id, { payment_method_id: 'pm_card_mastercard' });
  await pay.paymentIntents.cancel(cancelled.id, { cancellation_reason: 'duplicate' });
  const disputed = await pay.paymentIntents.create({ amount: 6400 });
  await pay.paymentIntents.createPayment(disputed.id, { payment_method_id: 'pm_card_disputed' });

  const session = { cancel_url: 'https://example.com/c', success_url: 'https://example.com/s', customer_email: 'buyer@example.com', payment_intent_data: { amount: 9000 }, subtotal: 9000, discount_amount: 0 };
  const bought = await pay.checkoutSessions.create(session);
  await pay.checkoutSessions.createPayment(bought.id, { payment_method_id: 'pm_card_visa' });
  await pay.checkoutSessions.complete(bought.id);
  await pay.checkoutSessions.expire((await pay.checkoutSessions.create(session)).id);

  await pay.externalPayments.create({
    payment_intent: { amount: 7500 },
    payment_method: { payment_method_type: 'card', card: { brand: 'visa', acct_last_four: '1111', name: 'Ext Customer' }, billing_details: { name: 'Ext Customer' } },
    gateway_response: { transaction_id: 'gw_1', status: 'approved', amount: 7500 },
  });
  await pay.paymentMethods.update('pm_card_visa', { billing_details: { name: 'New Name' } });

  // Settlement a day later, a payout the day after, completed the day after that.
  for (let n = 0; n < 3; n++) {
    sandbox.clock.advance(day);
    await pay.balances.get();
  }
}

/** The spec webhook an event belongs to: its own name (JustiFi), else its resource prefix (Payments API). */
function webhookSchema(api: SandboxEvent['api'], name: string): object {
  const hooks = listWebhooks(docs[api]);
  const hook = hooks.find((h) => h.name === name) ?? hooks.find((h) => h.name === name.split('.')[0]);
  if (!hook) throw new Error(`the ${api} spec has no webhook for ${name}`);
  return hook.payloadSchema;
}

const nameOf = (r: ReceivedWebhook) => (r.api === 'justifi-v1' ? r.event.event_name : r.event.event_type);
const idOf = (data: unknown) => String((data as { id?: unknown; checkout_session_id?: unknown }).id ?? (data as { checkout_session_id?: unknown }).checkout_session_id);
const counts = (names: string[]) => Object.fromEntries([...new Set(names)].sort().map((n) => [n, names.filter((m) => m === n).length]));

/** Runs `day` and checks that what it emitted arrived, verified, spec-valid, and nothing was held back; returns the event counts. */
async function deliveredDay(api: SandboxEvent['api'], run: () => Promise<void>): Promise<Record<string, number>> {
  const fromEvent = emitted.length;
  const fromReceived = receiver.received.length;
  const fromDelivery = sandbox.webhooks!.deliveries.length;
  await run();
  await sandbox.webhooks!.flush();

  const events = emitted.slice(fromEvent);
  const deliveries = sandbox.webhooks!.deliveries.slice(fromDelivery);
  const received = receiver.received.slice(fromReceived);
  expect(events.length).toBeGreaterThan(10);
  expect(events.every((e) => e.api === api)).toBe(true);
  expect(deliveries.filter((d) => d.status === 'invalid').map((d) => `${d.event}: ${d.problems.join('; ')}`)).toEqual([]);
  expect(deliveries.filter((d) => d.status !== 'delivered')).toEqual([]);
  expect(deliveries).toHaveLength(events.length);
  expect(receiver.rejected).toEqual([]);

  // What arrived is what happened: the same events (name and object), each once, signed by this API's scheme.
  const key = (name: string, data: unknown) => `${name} ${idOf(data)}`;
  expect(received.map((r) => key(nameOf(r), r.event.data)).sort()).toEqual(events.map((e) => key(e.name, e.data)).sort());
  for (const r of received) {
    expect(r.api).toBe(api);
    expect(r.headers[api === 'justifi-v1' ? 'justifi-signature' : 'svix-signature']).toBeDefined();
    expect(validateAgainst(webhookSchema(api, nameOf(r)), r.event, docs[api] as JsonObject).errors, nameOf(r)).toEqual([]);
  }
  return counts(events.map((e) => e.name));
}

let justifiCounts: Record<string, number>;
let paymentsCounts: Record<string, number>;

describe('sandbox webhooks, end to end', () => {
  it('delivers every JustiFi event of a platform’s day, spec-valid and verified by verifyJustifiWebhook, none held back as invalid', async () => {
    justifiCounts = await deliveredDay('justifi-v1', justifiDay);
    // Events in the sub account name its platform; the platform's own name none.
    const justifiEvents = receiver.received.flatMap((r) => (r.api === 'justifi-v1' ? [r.event] : []));
    const platform = justifiEvents.find((e) => e.event_name === 'sub_account.updated')!.account_id;
    const inSub = justifiEvents.filter((e) => e.account_id !== platform);
    expect(inSub.length).toBeGreaterThan(0);
    for (const e of inSub) expect(e.platform_account_id).toBe(platform);
    for (const e of justifiEvents.filter((e) => e.account_id === platform)) expect(e.platform_account_id).toBeNull();
  }, 60_000);

  it('delivers every Payments API event of an account’s day, spec-valid and verified by verifyPaymentsWebhook, none held back as invalid', async () => {
    paymentsCounts = await deliveredDay('payments-v1.3', paymentsDay);
  }, 60_000);

  it('covers the changes issue 14 names: payments created, succeeded, failed, captured, refunded; intents; payment methods; sub accounts; Payments API intents and payments', () => {
    expect(Object.keys(justifiCounts)).toEqual(
      expect.arrayContaining(['payment.created', 'payment.succeeded', 'payment.failed', 'payment.captured', 'payment.refunded', 'payment_intent.created', 'payment_intent.succeeded', 'payment_method.created', 'payment_method.updated', 'sub_account.updated']),
    );
    expect(Object.keys(paymentsCounts)).toEqual(expect.arrayContaining(['payment_intent.created', 'payment_intent.captured', 'payment.created', 'payment.captured']));
  });
});

describe('startSandbox with webhooks', () => {
  it('stop() lets the deliveries in flight finish before it stops the servers', async () => {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let answered = 0;
    const held = await startRawReceiver(async () => {
      await released; // the receiver answers only when the test lets it
      answered++;
      return { status: 200, body: '' };
    });
    const own = await startSandbox({ webhooks: { url: held.url, justifiSecret } });
    try {
      const justifi = createJustifiClient({ clientId: 'test_webhook_stop', clientSecret: 'sandbox', baseUrl: own.justifi.url, maxRetries: 0 });
      await justifi.paymentIntents.create({ amount: 1000, currency: 'usd' });
      expect(own.webhooks!.deliveries.map((d) => [d.event, d.status])).toEqual([['payment_intent.created', 'pending']]);
      const stopping = own.stop();
      release();
      await stopping;
      expect(own.webhooks!.deliveries.map((d) => [d.event, d.status])).toEqual([['payment_intent.created', 'delivered']]);
      expect(answered).toBe(1);
    } finally {
      release();
      await own.stop();
      await held.close();
    }
  });

  it('refuses bad webhook options before anything starts, naming the option; without webhooks there is no delivery', async () => {
    await expect(startSandbox({ webhooks: { url: 'ftp://example.com/hooks', justifiSecret } })).rejects.toThrow(expect.objectContaining({ field: 'url' }));
    const error = await startSandbox({ webhooks: { url: receiver.url, justifiSecret, paymentsSecret: 'not-a-whsec' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RequestValidationError);
    expect(error).toMatchObject({ field: 'paymentsSecret' });
    expect(String(error)).not.toContain('not-a-whsec');
    const plain = await startSandbox();
    try {
      expect(plain.webhooks).toBeUndefined();
    } finally {
      await plain.stop();
    }
  });
});
