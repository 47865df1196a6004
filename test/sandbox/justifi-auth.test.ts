/** JustiFi sandbox: OAuth client-credentials tokens, their expiry, and the platform / Sub-Account scope. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LogEvent } from '../../src/core/logger.js';
import { card, day, hour, startJustifiSandbox, type JustifiSandbox } from './justifi-harness.js';

let sb: JustifiSandbox;
let shortLived: JustifiSandbox;
beforeAll(async () => {
  [sb, shortLived] = await Promise.all([startJustifiSandbox(), startJustifiSandbox({ tokenTtlMs: hour })]);
});
afterAll(() => Promise.all([sb.stop(), shortLived.stop()]));

const payment = { amount: 1000, currency: 'usd' as const, capture_strategy: 'automatic' as const, payment_method: card('4242424242424242') };

describe('JustiFi tokens', () => {
  it('issues an access token for any test_ client id', async () => {
    const res = await sb.fetch('/oauth/token', { body: { client_id: 'test_anything_at_all', client_secret: 'whatever' } });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ access_token: expect.stringMatching(/^sbx_[0-9A-Za-z]{80}$/) });
  });

  it('refuses a live_ client id with 401 not_authenticated', async () => {
    const res = await sb.fetch('/oauth/token', { body: { client_id: 'live_real_money', client_secret: 'x' } });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('not_authenticated');
  });

  it('answers a token request without client_secret with 400 parameter_missing', async () => {
    const res = await sb.fetch('/oauth/token', { body: { client_id: 'test_x' } });
    expect(res.status).toBe(400);
    expect(res.body.error).toEqual({ code: 'parameter_missing', message: 'Missing required parameter: client_secret' });
  });

  it('answers a request without a bearer token with 401 not_authenticated', async () => {
    const res = await sb.fetch('/payments');
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('not_authenticated');
  });

  it('answers an unknown bearer token with 401 not_authenticated', async () => {
    const res = await sb.fetch('/payments', { token: 'sbx_not_a_token' });
    expect(res.status).toBe(401);
    expect(res.body.error).toEqual({ code: 'not_authenticated', message: 'Not authenticated: unknown access token' });
  });

  it('lets a token expire after 24 hours by default (sandbox clock)', async () => {
    const token = await sb.token('expiry');
    sb.clock.advance(day - 1);
    expect((await sb.fetch('/payments', { token })).status).toBe(200);
    sb.clock.advance(1);
    const expired = await sb.fetch('/payments', { token });
    expect(expired.status).toBe(401);
    expect(expired.body.error.message).toContain('expired');
  });

  it('lets the SDK recover from an expired token: 401 → new token → the same call replayed', async () => {
    const log: LogEvent[] = [];
    const justifi = shortLived.client({ logger: (e) => log.push(e) });
    const first = await justifi.payments.create(payment);
    shortLived.clock.advance(2 * hour); // the sandbox token (1 h, --token-ttl) has expired; the SDK still thinks it has 24 h
    const got = await justifi.payments.get(first.id);
    expect(got.id).toBe(first.id);
    const statuses = log.filter((e): e is Extract<LogEvent, { type: 'response' }> => e.type === 'response').map((e) => `${e.method} ${new URL(e.url).pathname} ${e.status}`);
    expect(statuses).toEqual(['POST /oauth/token 200', 'POST /payments 201', `GET /payments/${first.id} 401`, 'POST /oauth/token 200', `GET /payments/${first.id} 200`]);
  });
});

describe('JustiFi scope', () => {
  it('keeps platforms apart: another client id gets 404 for a payment it did not make', async () => {
    const mine = await sb.client({ name: 'alpha' }).payments.create(payment);
    const theirs = sb.client({ name: 'beta' });
    await expect(theirs.payments.get(mine.id)).rejects.toMatchObject({ status: 404, code: 'resource_not_found' });
    expect((await theirs.payments.list()).data.map((p) => p.id)).not.toContain(mine.id);
  });

  it('refuses a Sub-Account header naming an account outside the platform with 403 not_authorized', async () => {
    const res = await sb.fetch('/payments', { token: await sb.token(), headers: { 'sub-account': 'acc_somebody_else' } });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('not_authorized');
  });
});
