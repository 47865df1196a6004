/** JustiFi sandbox: the Idempotency-Key rules of "Idempotent Requests". */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { card, startJustifiSandbox, type JustifiSandbox } from './justifi-harness.js';

let sb: JustifiSandbox;
let slow: JustifiSandbox;
beforeAll(async () => {
  [sb, slow] = await Promise.all([startJustifiSandbox(), startJustifiSandbox({ latencyMs: 200 })]);
});
afterAll(() => Promise.all([sb.stop(), slow.stop()]));

const body = { amount: 1500, currency: 'usd' as const, capture_strategy: 'automatic' as const, payment_method: card('4242424242424242') };

describe('JustiFi idempotency', () => {
  it('answers a payment write without Idempotency-Key with 400 idempotency_key_required', async () => {
    const res = await sb.fetch('/payments', { body, token: await sb.token() });
    expect(res.status).toBe(400);
    expect(res.body.error).toEqual({ code: 'idempotency_key_required', message: 'Idempotency-Key is a required header' });
  });

  it('replays the first response for the same key and parameters: same status and body, no new payment', async () => {
    const justifi = sb.client({ name: 'replay' });
    const first = await justifi.payments.create(body, { idempotencyKey: 'order-7001' }).withResponse();
    const again = await justifi.payments.create(body, { idempotencyKey: 'order-7001' }).withResponse();
    expect(again.response.status).toBe(first.response.status);
    expect(again.body).toEqual(first.body);
    expect(again.response.headers.get('idempotent-replayed')).toBe('true');
    expect((await justifi.payments.list()).data.filter((p) => p.amount === 1500)).toHaveLength(1);
  });

  it('refuses the same key with other parameters with idempotency_params_mismatch', async () => {
    const justifi = sb.client({ name: 'mismatch' });
    await justifi.payments.create(body, { idempotencyKey: 'order-7002' });
    await expect(justifi.payments.create({ ...body, amount: 1600 }, { idempotencyKey: 'order-7002' })).rejects.toMatchObject({ status: 422, code: 'idempotency_params_mismatch' });
  });

  it('answers a second request while the first with the same key is in flight with 409 idempotency_concurrent_request', async () => {
    const token = await slow.token();
    const send = () => slow.fetch('/payments', { body, token, headers: { 'idempotency-key': 'order-7003' } });
    const [a, b] = await Promise.all([send(), send()]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    expect([a, b].find((r) => r.status === 409)!.body.error.code).toBe('idempotency_concurrent_request');
    const list = await slow.fetch('/payments', { token });
    expect(list.body.data.filter((p: { amount: number }) => p.amount === 1500)).toHaveLength(1);
  });

  it('lets the SDK retry a 409 with the same key and get the original payment ("unless the response code is a 409")', async () => {
    const justifi = slow.client({ name: 'retrier', maxRetries: 3, backoff: { initialDelayMs: 250, maxDelayMs: 400 } });
    const [a, b] = await Promise.all([justifi.payments.create(body, { idempotencyKey: 'order-7004' }), justifi.payments.create(body, { idempotencyKey: 'order-7004' })]);
    expect(a.id).toBe(b.id);
  });

  it('answers a replayed capture with 200, as documented ("Payment with identical idempotency key was captured")', async () => {
    const justifi = sb.client({ name: 'capture-replay' });
    const authorized = await justifi.payments.create({ ...body, capture_strategy: 'manual' as const });
    const first = await justifi.payments.capture(authorized.id, { idempotencyKey: 'capture-1' }).withResponse();
    const again = await justifi.payments.capture(authorized.id, { idempotencyKey: 'capture-1' }).withResponse();
    expect([first.response.status, again.response.status]).toEqual([201, 200]);
    expect(again.body).toEqual(first.body);
  });

  it('does not ask for a key where the spec does not declare one (create a sub account)', async () => {
    const res = await sb.fetch('/sub_accounts', { body: { name: 'No Key Needed LLC' }, token: await sb.token() });
    expect(res.status).toBe(201);
  });
});
