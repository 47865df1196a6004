/**
 * The sandbox's webhook delivery driven by a small EventBus made here, posting to real node:http
 * receivers: what arrives verifies with the SDK's verifiers (and, for the Payments API, with the
 * reference standardwebhooks package), matches the spec's webhook schema, is retried on a non-2xx
 * with the same id, and is never sent when it breaks the spec.
 */
import { inspect } from 'node:util';
import { parseArgs } from 'node:util';
import { Webhook } from 'standardwebhooks';
import { afterEach, describe, expect, it } from 'vitest';
import { validateAgainst } from '../../contracts/support/ajv.js';
import { apis } from '../../scripts/lib/apis.js';
import { loadBundle, type JsonObject } from '../../scripts/lib/spec-model.js';
import { listWebhooks } from '../../scripts/lib/webhook-model.js';
import type { EventBus, SandboxEvent } from '../../sandbox/core/types.js';
import {
  createWebhookDelivery,
  derivePaymentsWebhookSecret,
  describeDelivery,
  startWebhookReceiver,
  verifiedLine,
  webhookArgOptions,
  webhookBanner,
  webhookOptionsFromArgs,
  type WebhookDelivery,
  type WebhookDeliveryOptions,
  type WebhookDeliveryRecord,
} from '../../sandbox/webhooks/index.js';
import { RequestValidationError, verifyJustifiWebhook } from '../../src/justifi/index.js';
import { verifyPaymentsWebhook } from '../../src/payments/index.js';
import { renderings, startRawReceiver } from './support.js';

const justifiDoc = loadBundle(apis[0]!);
const paymentsDoc = loadBundle(apis[1]!);
const example = (doc: JsonObject, name: string) => ((doc.components as JsonObject).examples as Record<string, { value: JsonObject }>)[name]!.value;

/** Resource objects as the APIs return them: the specs' own examples. */
const justifiPayment = example(justifiDoc, 'Payment').data as JsonObject;
const justifiSubAccount = example(justifiDoc, 'SubAccount').data as JsonObject;
const paymentIntent = example(paymentsDoc, 'PaymentIntent');
const refund = example(paymentsDoc, 'Refund');

const justifiSecret = 'sandbox_webhook_secret_Q7x2';

/** The smallest EventBus that honours the contract in sandbox/core/types.ts. */
function createTestBus(now = () => Date.now()): EventBus & { listeners: number } {
  const listeners = new Set<(e: SandboxEvent) => void>();
  return {
    emit: (event) => listeners.forEach((l) => l({ ...event, at: now() })),
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    get listeners() {
      return listeners.size;
    },
  };
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function receiverWith(statusFor?: (i: number) => number) {
  const receiver = await startWebhookReceiver({ justifiSecret, paymentsSecret: derivePaymentsWebhookSecret(justifiSecret), statusFor });
  cleanups.push(() => receiver.close());
  return receiver;
}

function deliveryTo(url: string, events: EventBus, extra: Partial<WebhookDeliveryOptions> = {}): WebhookDelivery {
  const delivery = createWebhookDelivery({ url, justifiSecret, events, backoffMs: 10, ...extra });
  cleanups.push(() => delivery.stop());
  return delivery;
}

const paymentCreated: Omit<SandboxEvent, 'at'> = {
  api: 'justifi-v1',
  name: 'payment.created',
  scope: 'acc_2IdMEOjIG6lJAncakgdBF2',
  platform: 'acc_platform',
  data: justifiPayment,
  idempotencyKey: 'idem-123',
  requestId: 'req_1',
};

const hookSchema = (doc: JsonObject, name: string) => listWebhooks(doc).find((h) => h.name === name)!.payloadSchema;

describe('sandbox webhook delivery', () => {
  it('posts a JustiFi event in the spec’s envelope, signed so that verifyJustifiWebhook accepts it', async () => {
    const receiver = await receiverWith();
    const bus = createTestBus();
    const delivery = deliveryTo(receiver.url, bus);
    bus.emit(paymentCreated);
    const got = await receiver.waitFor((r) => r.api === 'justifi-v1');
    if (got.api !== 'justifi-v1') throw new Error('unreachable');
    expect(got.event).toEqual({
      id: expect.stringMatching(/^evt_[0-9a-f]{32}$/),
      account_id: 'acc_2IdMEOjIG6lJAncakgdBF2',
      account_type: 'test',
      platform_account_id: 'acc_platform',
      idempotency_key: 'idem-123',
      request_id: 'req_1',
      version: 'v1',
      event_name: 'payment.created',
      data: justifiPayment,
    });
    expect(validateAgainst(hookSchema(justifiDoc, 'payment.created'), got.event, justifiDoc).errors).toEqual([]);
    expect(got.headers['justifi-timestamp']).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(got.headers['content-type']).toBe('application/json');
    expect(verifiedLine(got)).toBe(`payment.created ${String(justifiPayment.id)}: signature verified (JUSTIFI-SIGNATURE)`);
    await delivery.flush();
    expect(delivery.deliveries).toMatchObject([{ api: 'justifi-v1', event: 'payment.created', status: 'delivered', attempts: [{ status: 200 }] }]);
  });

  it('leaves platform_account_id null for an event in the platform’s own account, and null keys when the request had none', async () => {
    const receiver = await receiverWith();
    const bus = createTestBus();
    deliveryTo(receiver.url, bus);
    bus.emit({ api: 'justifi-v1', name: 'sub_account.updated', scope: 'acc_platform', platform: 'acc_platform', data: justifiSubAccount });
    const got = await receiver.waitFor(() => true);
    expect(got.event).toMatchObject({ event_name: 'sub_account.updated', platform_account_id: null, idempotency_key: null, request_id: null, data: justifiSubAccount });
  });

  it('posts a Payments API event as {event_type, data} with svix-* headers that the SDK and the reference package both verify', async () => {
    const paymentsSecret = 'whsec_' + Buffer.from('the endpoint secret of this test').toString('base64');
    const seen: { body: Buffer; headers: Record<string, string> }[] = [];
    const raw = await startRawReceiver(async (body, headers) => {
      seen.push({ body, headers: headers as Record<string, string> });
      return { status: 204, body: '' };
    });
    cleanups.push(() => raw.close());
    const bus = createTestBus();
    const delivery = deliveryTo(raw.url, bus, { paymentsSecret });
    bus.emit({ api: 'payments-v1.3', name: 'payment_intent.succeeded', scope: 'acc_5Xo8yJmYVb2rGq1cT4nW7e', data: paymentIntent });
    await delivery.flush();
    expect(seen).toHaveLength(1);
    const { body, headers } = seen[0]!;
    expect(headers['svix-id']).toMatch(/^msg_[0-9a-f]{32}$/);
    const ours = await verifyPaymentsWebhook(body, headers, paymentsSecret);
    expect(ours).toEqual({ event_type: 'payment_intent.succeeded', data: paymentIntent });
    // The reference reads the Standard Webhooks names; Svix (and so the sandbox) sends the svix-* ones.
    const standardNames = { 'webhook-id': headers['svix-id']!, 'webhook-timestamp': headers['svix-timestamp']!, 'webhook-signature': headers['svix-signature']! };
    expect(new Webhook(paymentsSecret).verify(body, standardNames)).toEqual(ours);
    expect(validateAgainst(hookSchema(paymentsDoc, 'payment_intent'), ours, paymentsDoc).errors).toEqual([]);
    expect(delivery.deliveries[0]).toMatchObject({ status: 'delivered', attempts: [{ status: 204 }], id: headers['svix-id'] });
  });

  it('derives the Payments API whsec_ secret from the JustiFi secret when none is given', async () => {
    const receiver = await receiverWith();
    const bus = createTestBus();
    const delivery = deliveryTo(receiver.url, bus);
    expect(delivery.paymentsSecret.reveal()).toBe(derivePaymentsWebhookSecret(justifiSecret));
    expect(derivePaymentsWebhookSecret(justifiSecret)).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(derivePaymentsWebhookSecret('another')).not.toBe(derivePaymentsWebhookSecret(justifiSecret));
    bus.emit({ api: 'payments-v1.3', name: 'refund.created', scope: 'acc_1', data: refund });
    const got = await receiver.waitFor((r) => r.api === 'payments-v1.3');
    expect(verifiedLine(got)).toBe(`refund.created ${String(refund.id)}: signature verified (svix-signature)`);
  });

  it('retries a non-2xx with the same id, re-signed each time, until the receiver answers 2xx', async () => {
    const attempts: { id: unknown; timestamp: unknown }[] = [];
    const statuses = [500, 503, 200];
    const raw = await startRawReceiver(async (body, headers) => {
      await verifyJustifiWebhook(body, headers, justifiSecret, { toleranceSeconds: 3600 });
      attempts.push({ id: JSON.parse(body.toString()).id, timestamp: headers['justifi-timestamp'] });
      return { status: statuses[attempts.length - 1]!, body: '' };
    });
    cleanups.push(() => raw.close());
    let t = Date.now();
    const bus = createTestBus();
    const settled: WebhookDeliveryRecord[] = [];
    const delivery = deliveryTo(raw.url, bus, { clock: { now: () => (t += 1000) }, onSettled: (d) => settled.push({ ...d }) });
    bus.emit(paymentCreated);
    await delivery.flush();
    expect(attempts).toHaveLength(3);
    expect(new Set(attempts.map((a) => a.id)).size).toBe(1);
    expect(new Set(attempts.map((a) => a.timestamp)).size).toBe(3);
    expect(delivery.deliveries[0]).toMatchObject({ status: 'delivered', attempts: [{ status: 500 }, { status: 503 }, { status: 200 }] });
    expect(settled.map((d) => d.status)).toEqual(['delivered']);
  });

  it('gives up after `retries` retries and reports the delivery failed', async () => {
    const receiver = await receiverWith(() => 500);
    const bus = createTestBus();
    const settled: string[] = [];
    const delivery = deliveryTo(receiver.url, bus, { retries: 2, onSettled: (d) => settled.push(d.status) });
    bus.emit(paymentCreated);
    await delivery.flush();
    expect(delivery.deliveries[0]).toMatchObject({ status: 'failed', attempts: [{ status: 500 }, { status: 500 }, { status: 500 }] });
    expect(settled).toEqual(['failed']);
    expect(receiver.received).toEqual([]);
  });

  it('counts a refused connection and a receiver that does not answer in time as failed attempts', async () => {
    const raw = await startRawReceiver(async () => ({ status: 200, body: '' }));
    const closedUrl = raw.url;
    await raw.close();
    const bus = createTestBus();
    const refused = deliveryTo(closedUrl, bus, { retries: 1 });
    bus.emit(paymentCreated);
    await refused.flush();
    expect(refused.deliveries[0]!.status).toBe('failed');
    expect(refused.deliveries[0]!.attempts.map((a) => a.error)).toEqual([expect.stringMatching(/^connection failed/), expect.stringMatching(/^connection failed/)]);
    await refused.stop();

    const slow = await startRawReceiver(() => new Promise((resolve) => setTimeout(() => resolve({ status: 200, body: '' }), 1_000)));
    cleanups.push(() => slow.close());
    const bus2 = createTestBus();
    const timedOut = deliveryTo(slow.url, bus2, { retries: 0, timeoutMs: 100 });
    bus2.emit(paymentCreated);
    await timedOut.flush();
    expect(timedOut.deliveries[0]).toMatchObject({ status: 'failed', attempts: [{ error: 'no answer within 100 ms' }] });
  });

  it('does not send a payload that breaks the spec, and reports why', async () => {
    const receiver = await receiverWith();
    const bus = createTestBus();
    const settled: WebhookDeliveryRecord[] = [];
    const delivery = deliveryTo(receiver.url, bus, { onSettled: (d) => settled.push(d) });
    const { amount: _amount, ...noAmount } = justifiPayment;
    bus.emit({ ...paymentCreated, data: noAmount });
    bus.emit({ ...paymentCreated, name: 'payment.exploded' });
    bus.emit({ api: 'payments-v1.3', name: 'payment_intent.created', scope: 'acc_1', data: refund });
    bus.emit({ ...paymentCreated, name: 'payment.succeeded', data: { ...justifiPayment, amount: '10.00' } });
    await delivery.flush();
    expect(delivery.deliveries.map((d) => d.status)).toEqual(['invalid', 'invalid', 'invalid', 'invalid']);
    expect(delivery.deliveries.map((d) => d.attempts.length)).toEqual([0, 0, 0, 0]);
    expect(delivery.deliveries[0]!.problems).toEqual(expect.arrayContaining([expect.stringContaining("'amount'")]));
    expect(delivery.deliveries[1]!.problems).toEqual(['the justifi-v1 spec declares no webhook for event payment.exploded']);
    expect(delivery.deliveries[2]!.problems.join(' ')).toContain('/data/entity');
    expect(delivery.deliveries[3]!.problems).toContain('/data/amount must be integer');
    expect(settled).toHaveLength(4);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(receiver.received).toEqual([]);
    expect(receiver.rejected).toEqual([]);
  });

  it('stop() waits for deliveries in flight and then ignores new events', async () => {
    const raw = await startRawReceiver(() => new Promise((resolve) => setTimeout(() => resolve({ status: 200, body: '' }), 200)));
    cleanups.push(() => raw.close());
    const bus = createTestBus();
    const delivery = createWebhookDelivery({ url: raw.url, justifiSecret, events: bus });
    bus.emit(paymentCreated);
    expect(delivery.deliveries[0]!.status).toBe('pending');
    await delivery.stop();
    expect(delivery.deliveries[0]!.status).toBe('delivered');
    expect(bus.listeners).toBe(0);
    bus.emit(paymentCreated);
    expect(delivery.deliveries).toHaveLength(1);
  });

  it('stop() waits at most stopTimeoutMs: the attempt still in flight is then aborted, not retried, and the delivery reported failed (abandoned)', async () => {
    let requests = 0;
    const hanging = await startRawReceiver(() => {
      requests++;
      return new Promise(() => undefined); // never answers
    });
    cleanups.push(() => hanging.close());
    const bus = createTestBus();
    const settled: WebhookDeliveryRecord[] = [];
    const delivery = createWebhookDelivery({ url: hanging.url, justifiSecret, events: bus, timeoutMs: 600_000, stopTimeoutMs: 100, onSettled: (d) => settled.push({ ...d }) });
    bus.emit(paymentCreated);
    while (requests === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    await delivery.stop(); // unbounded, this would wait for the 10-minute attempt timeout
    expect(delivery.deliveries[0]).toMatchObject({ status: 'failed', abandoned: true, attempts: [{ error: 'aborted: delivery stopped' }] });
    expect(settled.map((d) => d.status)).toEqual(['failed']);
    expect(requests).toBe(1);
  });

  it('stop() does not wait out a retry backoff beyond stopTimeoutMs: the retries left are not tried', async () => {
    const receiver = await receiverWith(() => 500);
    const bus = createTestBus();
    const lines: string[] = [];
    const delivery = createWebhookDelivery({ url: receiver.url, justifiSecret, events: bus, retries: 3, backoffMs: 600_000, stopTimeoutMs: 100, onSettled: (d) => lines.push(describeDelivery(d)) });
    bus.emit(paymentCreated);
    while (delivery.deliveries[0]!.attempts.length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    await delivery.stop();
    expect(delivery.deliveries[0]).toMatchObject({ status: 'failed', abandoned: true, attempts: [{ status: 500 }] });
    expect(lines).toEqual([expect.stringMatching(/^webhook payment\.created \(justifi-v1\) evt_\w+ FAILED: 500 after 1 attempt \(abandoned when the sandbox stopped\)$/)]);
  });

  it('refuses bad options with errors naming the option, and keeps both secrets out of errors and inspect output', () => {
    const bus = createTestBus();
    const paymentsSecret = 'whsec_' + Buffer.from('PRIVATE-payments-key').toString('base64');
    const bad: [Partial<WebhookDeliveryOptions>, string][] = [
      [{ url: 'ftp://x' }, 'url'],
      [{ justifiSecret: '' }, 'justifiSecret'],
      [{ paymentsSecret: justifiSecret }, 'paymentsSecret'],
      [{ paymentsSecret: 'whsec_***' }, 'paymentsSecret'],
      [{ retries: -1 }, 'retries'],
      [{ backoffMs: 1.5 }, 'backoffMs'],
      [{ stopTimeoutMs: -5 }, 'stopTimeoutMs'],
    ];
    for (const [override, field] of bad) {
      let error: unknown;
      try {
        createWebhookDelivery({ url: 'http://127.0.0.1:9/hooks', justifiSecret, events: bus, ...override });
      } catch (e) {
        error = e;
      }
      expect(error, field).toBeInstanceOf(RequestValidationError);
      expect(error).toMatchObject({ field });
      for (const text of renderings(error)) expect(text).not.toContain(justifiSecret);
    }
    const delivery = createWebhookDelivery({ url: 'http://127.0.0.1:9/hooks', justifiSecret, paymentsSecret, events: bus });
    for (const text of [inspect(delivery, { depth: 10, showHidden: true }), JSON.stringify(delivery)]) {
      expect(text).not.toContain(justifiSecret);
      expect(text).not.toContain(paymentsSecret);
    }
    return delivery.stop();
  });
});

describe('sandbox webhook flags', () => {
  const parse = (args: string[]) => parseArgs({ args, options: webhookArgOptions, strict: true }).values;

  it('--webhook-url needs --webhook-secret; no flags means no webhooks', () => {
    expect(webhookOptionsFromArgs(parse([]))).toBeUndefined();
    expect(webhookOptionsFromArgs(parse(['--webhook-url', 'http://127.0.0.1:1/h', '--webhook-secret', 's3cret']))).toEqual({
      url: 'http://127.0.0.1:1/h',
      justifiSecret: 's3cret',
      paymentsSecret: undefined,
    });
    expect(() => webhookOptionsFromArgs(parse(['--webhook-url', 'http://127.0.0.1:1/h']))).toThrow(expect.objectContaining({ field: '--webhook-secret' }));
    expect(() => webhookOptionsFromArgs(parse(['--webhook-secret', 's3cret']))).toThrow(expect.objectContaining({ field: '--webhook-url' }));
    expect(() => webhookOptionsFromArgs(parse(['--webhook-url', 'localhost:9', '--webhook-secret', 's3cret']))).toThrow(expect.objectContaining({ field: '--webhook-url' }));
    const bad = () => webhookOptionsFromArgs(parse(['--webhook-url', 'http://127.0.0.1:1/h', '--webhook-secret', 's3cret', '--payments-webhook-secret', 'whsec_not base64!']));
    expect(bad).toThrow(expect.objectContaining({ field: '--payments-webhook-secret' }));
    expect(bad).not.toThrow(/not base64/);
  });

  it('start-up prints the derived Payments API secret but never a secret that was given', async () => {
    const banner = async (args: string[]) => {
      const flags = webhookOptionsFromArgs(parse(args))!;
      const delivery = createWebhookDelivery({ ...flags, events: createTestBus() });
      await delivery.stop();
      return webhookBanner(flags, delivery).join('\n');
    };
    const derived = await banner(['--webhook-url', 'http://127.0.0.1:9/h', '--webhook-secret', 's3cret-value']);
    expect(derived).toContain(derivePaymentsWebhookSecret('s3cret-value'));
    expect(derived).toContain('http://127.0.0.1:9/h');
    expect(derived).not.toContain('s3cret-value');
    const given = 'whsec_' + Buffer.from('given by the user').toString('base64');
    const quiet = await banner(['--webhook-url', 'http://127.0.0.1:9/h', '--webhook-secret', 's3cret-value', '--payments-webhook-secret', given]);
    expect(quiet).not.toContain(given);
    expect(quiet).not.toContain('s3cret-value');
    expect(quiet).toContain('--payments-webhook-secret');
  });

  it('logs one line per settled delivery', async () => {
    const receiver = await receiverWith();
    const bus = createTestBus();
    const lines: string[] = [];
    const delivery = deliveryTo(receiver.url, bus, { onSettled: (d) => lines.push(describeDelivery(d)) });
    bus.emit(paymentCreated);
    bus.emit({ ...paymentCreated, name: 'payment.exploded' });
    await delivery.flush();
    expect(lines).toEqual([
      expect.stringMatching(/^webhook payment\.exploded \(justifi-v1\) not sent: the payload breaks the spec: the justifi-v1 spec declares no webhook/),
      expect.stringMatching(/^webhook payment\.created \(justifi-v1\) evt_[0-9a-f]{32} delivered: 200 after 1 attempt$/),
    ]);
  });
});
