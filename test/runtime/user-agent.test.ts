/** Rule 14: requests identify the SDK with `User-Agent: payments-sdk/<version> (<runtime>/<version>)`. */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJustifiClient } from '../../src/justifi/index.js';
import { createPaymentsClient, sdkVersion } from '../../src/payments/index.js';
import { inBrowserLikeGlobals } from '../support/browser-globals.js';
import { startTestServer, type TestServer } from '../support/http-server.js';

const packageVersion = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
const expected = `payments-sdk/${packageVersion} (node/${process.versions.node})`;

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer((req) => (req.path === '/oauth/token' ? { status: 200, body: { access_token: 't' } } : { status: 200, body: { id: 'x', data: { id: 'x' } } }));
});
afterAll(() => server.close());

const pay = (extra = {}) => createPaymentsClient({ apiKey: 'api_key_123456', accountId: 'acc_1', baseUrl: server.url, ...extra });

describe('rule 14: requests identify the SDK', () => {
  it('the version in src/core/version.ts is package.json\'s', () => {
    expect(sdkVersion).toBe(packageVersion);
  });

  it(`Payments API calls and the raw client send "${expected}"`, async () => {
    server.requests.length = 0;
    await pay().paymentIntents.get('pi_1');
    await pay().raw.GET('/payment_intents/{id}' as never, { params: { path: { id: 'pi_1' } } } as never);
    expect(server.requests.map((r) => r.headers['user-agent'])).toEqual([expected, expected]);
  });

  it('JustiFi sends it on the token request and on API calls', async () => {
    server.requests.length = 0;
    await createJustifiClient({ clientId: 'test_id', clientSecret: 'secret_123456', baseUrl: server.url }).payments.get('py_1');
    expect(server.requests.map((r) => `${r.path} ${r.headers['user-agent']}`)).toEqual([`/oauth/token ${expected}`, `/payments/py_1 ${expected}`]);
  });

  it("a caller's own User-Agent header is kept", async () => {
    server.requests.length = 0;
    await pay().paymentIntents.get('pi_1', { headers: { 'User-Agent': 'acme-checkout/3.1' } });
    expect(server.requests[0]!.headers['user-agent']).toBe('acme-checkout/3.1');
  });

  it('in a browser-like environment it is not set (browsers do not allow it)', async () => {
    server.requests.length = 0;
    await inBrowserLikeGlobals(() => pay({ dangerouslyAllowBrowser: true }).paymentIntents.get('pi_1'));
    expect(server.requests[0]!.headers['user-agent'] ?? '').not.toContain('payments-sdk');
  });
});
