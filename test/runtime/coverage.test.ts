/**
 * Every operation of both specs is reachable from a client namespace: each public method is
 * called once against a real local server, and the requests it sends are matched back to the
 * operations of the bundled specs. An operationId no method reaches fails the test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apis } from '../../scripts/lib/apis.js';
import { listOperations, loadBundle } from '../../scripts/lib/spec-model.js';
import { createJustifiClient } from '../../src/justifi/index.js';
import { createPaymentsClient } from '../../src/payments/index.js';
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

/** Maps a request back to an operationId; literal segments win over `{param}` ones. */
function matcher(apiName: (typeof apis)[number]['name']) {
  const ops = listOperations(loadBundle(apis.find((a) => a.name === apiName)!))
    .map((op) => ({ ...op, re: new RegExp(`^${op.path.replace(/\{[^}]+\}/g, '[^/]+')}$`), params: (op.path.match(/\{/g) ?? []).length }))
    .sort((a, b) => a.params - b.params);
  return {
    all: ops.map((o) => o.operationId),
    match: (method: string, path: string) => ops.find((o) => o.method.toUpperCase() === method && o.re.test(path.split('?')[0]!))?.operationId,
  };
}

/** Calls every method of every namespace with placeholder arguments and awaits it. */
async function callEverything(client: object): Promise<string[]> {
  const methods: string[] = [];
  for (const [ns, resource] of Object.entries(client)) {
    if (!resource || typeof resource !== 'object') continue;
    for (const [name, fn] of Object.entries(resource as Record<string, unknown>)) {
      if (typeof fn !== 'function') continue;
      methods.push(`${ns}.${name}`);
      // Methods whose first parameter is an id take a string there; the rest take objects.
      const takesId = /^\(?\s*(id|token|\w+Id)\b/.test(fn.toString());
      const args = Array.from({ length: fn.length }, (_, i) => (i === 0 && takesId ? 'id_1' : {}));
      await (fn as (...a: unknown[]) => PromiseLike<unknown>)(...args);
    }
  }
  return methods;
}

describe('every operation is reachable from a namespace', () => {
  it.each([
    ['justifi-v1', () => createJustifiClient({ clientId: 'test_id', clientSecret: 'secret_123456', baseUrl: server.url, subAccount: 'acc_1' })],
    ['payments-v1.3', () => createPaymentsClient({ apiKey: 'api_key_123456', accountId: 'acc_1', businessId: 'biz_1', baseUrl: server.url })],
  ] as const)('%s', async (name, make) => {
    const { all, match } = matcher(name);
    server.requests.length = 0;
    const methods = await callEverything(make());
    // JustiFi's createAccessToken is reached through the client's auth, not a namespace.
    const reached = new Set(server.requests.map((r) => match(r.method, r.path)));
    expect(all.filter((id) => !reached.has(id))).toEqual([]);
    expect(reached.has(undefined)).toBe(false);
    expect(methods.length).toBeGreaterThanOrEqual(all.length - 1);
  });
});
