/**
 * Rule 16: browser guard. A client holding a server credential (JustiFi client secret, Payments
 * API key) is refused in a browser-like environment unless `dangerouslyAllowBrowser: true`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJustifiClient } from '../../src/justifi/index.js';
import { createPaymentsClient, RequestValidationError } from '../../src/payments/index.js';
import { inBrowserLikeGlobals } from '../support/browser-globals.js';
import { startTestServer, type TestServer } from '../support/http-server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer((req) => (req.path === '/oauth/token' ? { status: 200, body: { access_token: 't' } } : { status: 200, body: { id: 'x', data: { id: 'x' } } }));
});
afterAll(() => server.close());

const justifi = (extra = {}) => createJustifiClient({ clientId: 'test_id', clientSecret: 'secret_123456', baseUrl: server.url, ...extra });
const pay = (extra = {}) => createPaymentsClient({ apiKey: 'api_key_123456', accountId: 'acc_1', baseUrl: server.url, ...extra });

function refusal(create: () => unknown): RequestValidationError {
  try {
    create();
  } catch (error) {
    return error as RequestValidationError;
  }
  throw new Error('expected the client to be refused');
}

describe('rule 16: browser guard', () => {
  it('a JustiFi client in a browser-like environment is a RequestValidationError explaining the client secret would be exposed', async () => {
    const error = await inBrowserLikeGlobals(() => refusal(() => justifi()));
    expect(error).toBeInstanceOf(RequestValidationError);
    expect(error.field).toBe('dangerouslyAllowBrowser');
    expect(error.message).toContain('client secret');
    expect(error.message).toContain('dangerouslyAllowBrowser: true');
  });

  it('a Payments API client in a browser-like environment is refused too, naming the API key', async () => {
    const error = await inBrowserLikeGlobals(() => refusal(() => pay()));
    expect(error).toMatchObject({ name: 'RequestValidationError', field: 'dangerouslyAllowBrowser' });
    expect(error.message).toContain('API key');
  });

  it('dangerouslyAllowBrowser: true lets both clients be created and call a real server', async () => {
    server.requests.length = 0;
    await inBrowserLikeGlobals(async () => {
      await justifi({ dangerouslyAllowBrowser: true }).payments.get('py_1');
      await pay({ dangerouslyAllowBrowser: true }).paymentIntents.get('pi_1');
    });
    expect(server.requests.map((r) => r.path)).toEqual(['/oauth/token', '/payments/py_1', '/payment_intents/pi_1']);
  });

  it('outside a browser no flag is needed, and only `true` counts as consent', async () => {
    expect(() => justifi()).not.toThrow();
    expect(() => pay()).not.toThrow();
    await inBrowserLikeGlobals(() => expect(() => pay({ dangerouslyAllowBrowser: 'yes' as never })).toThrow(RequestValidationError));
  });
});
