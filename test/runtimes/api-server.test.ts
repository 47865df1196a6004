/**
 * The runtime matrix's API server: what a browser needs from it (preflights answered, the headers
 * the SDK reads exposed), the 503-then-success write, credentials checked, runs kept apart.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiServer, smokeCredentials, startApiServer, tokenFor } from '../../scripts/runtimes/api-server.js';

let server: ApiServer;
beforeAll(async () => {
  server = await startApiServer();
});
afterAll(() => server.close());

describe('runtime matrix API server', () => {
  it('answers a CORS preflight with the headers asked for, and exposes the headers the SDK reads', async () => {
    const preflight = await fetch(`${server.url}/r1/payments/payment_intents`, {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:1234', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,x-api-key,x-idempotency-key' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('http://localhost:1234');
    expect(preflight.headers.get('access-control-allow-headers')).toBe('content-type,x-api-key,x-idempotency-key');
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');

    const missing = await fetch(`${server.url}/r1/payments/payment_intents/pi_missing`, { headers: { origin: 'http://localhost:1234', 'x-api-key': smokeCredentials.apiKey } });
    expect(missing.status).toBe(404);
    expect(missing.headers.get('access-control-expose-headers')?.split(', ')).toEqual(expect.arrayContaining(['x-request-id', 'retry-after', 'should-retry']));
    expect(missing.headers.get('x-request-id')).toBe('req_r1_payments_404');
    expect(server.requests('r1').map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual(['OPTIONS /payment_intents 204', 'GET /payment_intents/pi_missing 404']);
  });

  it('fails the first write of a run with 503 and Retry-After: 0.05 (50 ms), then accepts the retry', async () => {
    const write = () => fetch(`${server.url}/r2/payments/payment_intents`, { method: 'POST', headers: { 'x-api-key': smokeCredentials.apiKey, 'content-type': 'application/json' }, body: '{}' });
    const first = await write();
    expect([first.status, first.headers.get('retry-after')]).toEqual([503, '0.05']);
    expect((await write()).status).toBe(201);
  });

  it('refuses a JustiFi call without the token it issued to that run', async () => {
    const token = await fetch(`${server.url}/r3/justifi/oauth/token`, { method: 'POST', body: JSON.stringify({ client_id: smokeCredentials.clientId, client_secret: smokeCredentials.clientSecret }) });
    expect(await token.json()).toMatchObject({ access_token: tokenFor('r3') });
    const withOtherRunsToken = await fetch(`${server.url}/r3/justifi/payments/py_smoke`, { headers: { authorization: `Bearer ${tokenFor('r4')}` } });
    expect(withOtherRunsToken.status).toBe(401);
    const withOwn = await fetch(`${server.url}/r3/justifi/payments/py_smoke`, { headers: { authorization: `Bearer ${tokenFor('r3')}` } });
    expect(withOwn.status).toBe(200);
    expect(server.requests('r4')).toEqual([]);
  });
});
