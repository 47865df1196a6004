/**
 * Every operation of both specs is reachable from a client namespace: each public method is
 * called once against a real local server, and the requests it sends are matched back to the
 * operations of the bundled specs. An operationId no method reaches fails the test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apis } from '../../scripts/lib/apis.js';
import { sdkMethodMap } from '../../scripts/lib/sdk-method-map.js';
import { listOperations, loadBundle, operationMatcher } from '../../scripts/lib/spec-model.js';
import { createJustifiClient } from '../../src/justifi/index.js';
import { createPaymentsClient } from '../../src/payments/index.js';
import { callEveryMethod } from '../support/call-every-method.js';
import { startTestServer, type TestServer } from '../support/http-server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer((req) =>
    req.path === '/oauth/token'
      ? { status: 200, body: { access_token: 'token' } }
      : { status: 200, body: { id: null, type: 'array', data: [], page_info: { has_next: false, has_previous: false }, meta: {} } },
  );
});
afterAll(() => server.close());

describe('every operation is reachable from a namespace', () => {
  it.each([
    ['justifi-v1', () => createJustifiClient({ clientId: 'test_id', clientSecret: 'secret_123456', baseUrl: server.url, subAccount: 'acc_1' })],
    ['payments-v1.3', () => createPaymentsClient({ apiKey: 'api_key_123456', accountId: 'acc_1', businessId: 'biz_1', baseUrl: server.url })],
  ] as const)('%s', async (name, make) => {
    const doc = loadBundle(apis.find((a) => a.name === name)!);
    const match = operationMatcher(doc);
    server.requests.length = 0;
    const methods: string[] = [];
    await callEveryMethod(make(), (m) => methods.push(m));
    // JustiFi's createAccessToken is reached through the client's auth, not a namespace.
    const reached = new Set(server.requests.map((r) => match(r.method, r.path)));
    expect(listOperations(doc).map((o) => o.operationId).filter((id) => !reached.has(id))).toEqual([]);
    expect(reached.has(undefined)).toBe(false);
    expect(methods.length).toBeGreaterThanOrEqual(listOperations(doc).length - 1);
  });

  it('the SDK method map names a method for every operation', async () => {
    for (const api of apis) {
      const map = await sdkMethodMap(api);
      const missing = listOperations(loadBundle(api)).filter((o) => !map[o.operationId]?.length).map((o) => o.operationId);
      expect(missing, api.name).toEqual([]);
    }
    expect((await sdkMethodMap(apis[0]!)).createPayment).toEqual(['justifi.payments.create']);
  });
});
