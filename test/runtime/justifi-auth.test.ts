import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthenticationError, createJustifiClient } from '../../src/justifi/index.js';
import { startTestServer, type TestServer } from '../support/http-server.js';

const payment = { id: 'py_1', type: 'payment', data: { id: 'py_1', amount: 1000 }, page_info: null };
let server: TestServer;
let tokens = 0;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

/** Issues token-1, token-2, … and accepts only the newest one. */
function tokenServer(options: { rejectAll?: boolean } = {}) {
  tokens = 0;
  server.reset((req) => {
    if (req.path === '/oauth/token') {
      tokens++;
      return { status: 200, body: { access_token: `token-${tokens}` } };
    }
    const ok = !options.rejectAll && req.headers.authorization === `Bearer token-${tokens}`;
    return ok ? { status: 200, body: payment } : { status: 401, body: { error: { code: 'not_authenticated', message: 'Not authenticated' } } };
  });
}

const client = (extra = {}) =>
  createJustifiClient({ clientId: 'test_client', clientSecret: 'secret_abcdef123456', baseUrl: server.url, backoff: { initialDelayMs: 1, maxDelayMs: 2 }, ...extra });

describe('JustiFi auth', () => {
  it('fetches the token lazily from /oauth/token on the base URL origin with the client credentials', async () => {
    tokenServer();
    const justifi = client({ baseUrl: `${server.url}/v1` });
    expect(server.requests).toHaveLength(0);
    server.reset((req) => (req.path === '/oauth/token' ? { status: 200, body: { access_token: 'token-1' } } : { status: 200, body: payment }));
    await justifi.payments.get('py_1');
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /oauth/token', 'GET /v1/payments/py_1']);
    expect(JSON.parse(server.requests[0]!.body)).toEqual({ client_id: 'test_client', client_secret: 'secret_abcdef123456' });
    expect(server.requests[1]!.headers.authorization).toBe('Bearer token-1');
  });

  it('uses tokenUrl when given', async () => {
    server.reset((req) => (req.path === '/custom/token' ? { status: 200, body: { access_token: 'token-1' } } : { status: 200, body: payment }));
    await client({ tokenUrl: `${server.url}/custom/token` }).payments.get('py_1');
    expect(server.requests[0]!.path).toBe('/custom/token');
  });

  it('caches the token across calls', async () => {
    tokenServer();
    const justifi = client();
    await justifi.payments.get('py_1');
    await justifi.payments.get('py_1');
    await justifi.payments.get('py_1');
    expect(tokens).toBe(1);
  });

  it('50 concurrent calls at cold start make exactly one token request', async () => {
    tokenServer();
    const justifi = client();
    const results = await Promise.all(Array.from({ length: 50 }, () => justifi.payments.get('py_1')));
    expect(results).toHaveLength(50);
    expect(tokens).toBe(1);
    expect(server.requests.filter((r) => r.path === '/oauth/token')).toHaveLength(1);
  });

  it('on a 401 drops the token, refreshes once and replays the request once', async () => {
    tokenServer();
    const justifi = client();
    await justifi.payments.get('py_1');
    // token-1 has now expired on the server side: only a fresh token-2 is accepted.
    server.reset((req) => {
      if (req.path === '/oauth/token') return { status: 200, body: { access_token: 'token-2' } };
      return req.headers.authorization === 'Bearer token-2' ? { status: 200, body: payment } : { status: 401, body: {} };
    });
    await expect(justifi.payments.get('py_1')).resolves.toEqual(payment.data);
    expect(server.requests.map((r) => `${r.path} ${r.headers.authorization ?? ''}`)).toEqual([
      '/payments/py_1 Bearer token-1',
      '/oauth/token ',
      '/payments/py_1 Bearer token-2',
    ]);
  });

  it('a second 401 after the refresh is an AuthenticationError', async () => {
    tokenServer({ rejectAll: true });
    const error = await client().payments.get('py_1').then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as AuthenticationError).status).toBe(401);
    expect((error as AuthenticationError).code).toBe('not_authenticated');
    expect(server.requests.map((r) => r.path)).toEqual(['/oauth/token', '/payments/py_1', '/oauth/token', '/payments/py_1']);
  });

  it('concurrent 401s share one refresh', async () => {
    tokenServer();
    const justifi = client();
    await justifi.payments.get('py_1');
    server.reset((req) => {
      if (req.path === '/oauth/token') return { status: 200, body: { access_token: 'token-2' }, delayMs: 20 };
      return req.headers.authorization === 'Bearer token-2' ? { status: 200, body: payment } : { status: 401, body: {} };
    });
    await Promise.all(Array.from({ length: 20 }, () => justifi.payments.get('py_1')));
    expect(server.requests.filter((r) => r.path === '/oauth/token')).toHaveLength(1);
  });

  it('rejected client credentials are an AuthenticationError from the token endpoint', async () => {
    server.reset(() => ({ status: 401, body: { error: { code: 'not_authenticated', message: 'bad credentials' } } }));
    const error = await client().payments.get('py_1').then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as Error).message).toContain('bad credentials');
  });

  it('mode is test for test_ keys and live for live_ keys', () => {
    expect(createJustifiClient({ clientId: 'test_abc', clientSecret: 's' }).mode).toBe('test');
    expect(createJustifiClient({ clientId: 'live_abc', clientSecret: 's' }).mode).toBe('live');
  });
});
