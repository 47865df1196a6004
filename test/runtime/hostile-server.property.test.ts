/**
 * Property: against a hostile server (generated sequences of redirects to a second origin,
 * malformed bodies, repeated cursors, stalls, resets, error statuses with odd Retry-After values,
 * all echoing the credentials back), every call, read, write or auto-paginated list:
 *
 * - ends in a result or an SDK error class (`PaymentsSdkError`), within the documented time bound;
 * - never sends one write with two different idempotency keys (and its error carries the key sent);
 * - never sends anything to the second origin;
 * - never lets a secret into any view of an error (message, stack, String, JSON, util.inspect) or a log event.
 */
import { inspect } from 'node:util';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJustifiClient } from '../../src/justifi/index.js';
import { createPaymentsClient, type LogEvent, PaymentsSdkError } from '../../src/payments/index.js';
import { type RecordedRequest, type Reply, startTestServer, type TestServer } from '../support/http-server.js';

const clientSecret = 'cs_hostile_CLIENT_SECRET_0001';
const apiKey = 'ak_hostile_API_KEY_0002';
const accessToken = 'at_hostile_ACCESS_TOKEN_0003';
/**
 * The secrets a client holds, and so must keep out of its errors and logs: its own credential, and
 * for JustiFi the access token once the server has issued it (before that the client cannot know it).
 */
const secretsOf = (scenario: Scenario, tokenIssued: boolean) => (scenario.api === 'payments' ? [apiKey] : tokenIssued ? [clientSecret, accessToken] : [clientSecret]);

// Short on purpose: a timeout is one of the outcomes under test, not a flake.
const timeoutMs = 100;
const backoff = { initialDelayMs: 1, maxDelayMs: 5, maxRetryAfterMs: 150 };
/** The README's bound: (maxRetries + 2) × timeoutMs + maxRetries × max(maxDelayMs, maxRetryAfterMs), per page. */
const boundMs = (maxRetries: number) => (maxRetries + 2) * timeoutMs + maxRetries * Math.max(backoff.maxDelayMs, backoff.maxRetryAfterMs);
/** Room for a loaded machine to run the callbacks after the timers fire; the bound itself is timer-enforced. */
const slackMs = 2000;

type Fault =
  | { kind: 'ok' }
  | { kind: 'redirect'; status: 301 | 302 | 303 | 307 | 308 }
  | { kind: 'malformed'; body: 'invalid' | 'html' | 'empty' | 'null' | 'cut' }
  | { kind: 'status'; status: 401 | 408 | 409 | 429 | 500 | 503; retryAfter: string | undefined }
  | { kind: 'stall' }
  | { kind: 'reset' }
  | { kind: 'repeat' };

const faultArb: fc.Arbitrary<Fault> = fc.oneof(
  { weight: 5, arbitrary: fc.constant({ kind: 'ok' as const }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('redirect' as const), status: fc.constantFrom(301, 302, 303, 307, 308) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('malformed' as const), body: fc.constantFrom('invalid', 'html', 'empty', 'null', 'cut') }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('status' as const),
      status: fc.constantFrom(401, 408, 409, 429, 500, 503),
      retryAfter: fc.option(fc.constantFrom('0', '-3', '0.05', '3600', 'soon', new Date(Date.now() - 10_000).toUTCString()), { nil: undefined }),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'stall' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'reset' as const }) },
  { weight: 3, arbitrary: fc.constant({ kind: 'repeat' as const }) },
);

type Scenario = { api: 'justifi' | 'payments'; call: 'write' | 'read' | 'list'; maxRetries: number; faults: Fault[] };
const scenarioArb: fc.Arbitrary<Scenario> = fc.record({
  api: fc.constantFrom('justifi' as const, 'payments' as const),
  call: fc.constantFrom('write' as const, 'read' as const, 'list' as const),
  maxRetries: fc.integer({ min: 0, max: 2 }),
  faults: fc.array(faultArb, { minLength: 1, maxLength: 6 }),
});

let api: TestServer;
let other: TestServer;
beforeAll(async () => {
  [api, other] = await Promise.all([startTestServer(), startTestServer(() => ({ status: 200, body: { id: 'foreign', access_token: 'foreign' } }))]);
});
afterAll(() => Promise.all([api.close(), other.close()]));

const echo = `echo ${clientSecret} ${apiKey} ${accessToken}`;

/** A list page with fresh items and cursor; the last page ends the list. */
function page(scenario: Scenario, n: number, last: boolean): unknown {
  const id = `it_${n}`;
  return scenario.api === 'justifi'
    ? { id: null, type: 'array', data: [{ id }], page_info: { has_next: !last, has_previous: n > 0, start_cursor: `s_${id}`, end_cursor: `c_${id}` } }
    : { data: [{ id }], meta: { has_more: !last } };
}

/** What one run's server remembers: the last list page, which a `repeat` fault serves again. */
interface RunState {
  n: number;
  lastPage: unknown;
  tokenIssued: boolean;
}

function answer(scenario: Scenario, request: RecordedRequest, state: RunState): Reply {
  const n = state.n++;
  const last = n >= scenario.faults.length;
  const fault = last ? { kind: 'ok' as const } : scenario.faults[n]!;
  const token = request.path.endsWith('/oauth/token');
  const headers = { 'x-echo': echo, 'x-request-id': `req_${n}` };
  switch (fault.kind) {
    case 'redirect':
      return { status: fault.status, headers: { ...headers, location: `${other.url}/steal?token=${accessToken}` }, body: { id: 'moved' } };
    case 'malformed': {
      if (fault.body === 'cut') return { partialBody: `{"id":"${apiKey}",` };
      const text = { invalid: `{"id": ${apiKey}}`, html: `<html>${echo}</html>`, empty: '', null: 'null' }[fault.body];
      return { status: 200, body: text, headers: { ...headers, 'content-type': fault.body === 'html' ? 'text/html' : 'application/json' } };
    }
    case 'status':
      return { status: fault.status, headers: fault.retryAfter ? { ...headers, 'retry-after': fault.retryAfter } : headers, body: { error: { code: 'x', message: echo }, message: echo, [apiKey]: accessToken } };
    case 'stall':
      return { stallMs: timeoutMs * 3 };
    case 'reset':
      return { drop: true };
    default:
      if (token) {
        state.tokenIssued = true;
        return { status: 200, headers, body: { access_token: accessToken, expires_in: 86400 } };
      }
      if (scenario.call === 'list') {
        // `repeat`: the previous page again, same items and cursor (a server ignoring the cursor).
        if (fault.kind === 'ok' || state.lastPage === undefined) state.lastPage = page(scenario, n, last);
        return { status: 200, headers, body: state.lastPage };
      }
      return { status: fault.kind === 'repeat' ? 200 : 201, headers, body: { id: 'obj_1', type: 'payment', data: { id: 'obj_1' }, page_info: null } };
  }
}

async function run(scenario: Scenario, prefix: string, events: LogEvent[]): Promise<unknown> {
  const common = { baseUrl: `${api.url}${prefix}`, maxRetries: scenario.maxRetries, timeoutMs, backoff, logger: (e: LogEvent) => events.push(e) };
  if (scenario.api === 'justifi') {
    const justifi = createJustifiClient({ clientId: 'test_id', clientSecret, subAccount: 'acc_sub', tokenUrl: `${api.url}${prefix}/oauth/token`, ...common });
    if (scenario.call === 'write') return justifi.payments.create({ amount: 1000, currency: 'usd' } as never);
    if (scenario.call === 'read') return justifi.payments.get('py_1');
    return justifi.payments.list({ limit: 1 } as never).toArray({ max: 100 });
  }
  const pay = createPaymentsClient({ apiKey, accountId: 'acc_1', ...common });
  if (scenario.call === 'write') return pay.paymentIntents.create({ amount: 1000, currency: 'USD' } as never);
  if (scenario.call === 'read') return pay.paymentIntents.get('pi_1');
  return pay.transactions.list({ limit: 1 } as never).toArray({ max: 100 });
}

function views(error: unknown): string[] {
  const e = error as Error;
  return [String(error), e.message, e.stack ?? '', JSON.stringify(error) ?? '', inspect(error, { depth: 10 }), inspect(error, { showHidden: true, depth: 10 })];
}

describe('hostile server (property)', () => {
  it('every call ends in a result or an SDK error within the bound, one key per write, nothing to the second origin, no secret anywhere', async () => {
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(scenarioArb, async (scenario) => {
        runs++;
        // Each run has its own path prefix: a request an earlier run's aborted attempt still had on
        // the wire must not be counted here, nor consume this run's faults.
        const prefix = `/run${runs}`;
        const state: RunState = { n: 0, lastPage: undefined, tokenIssued: false };
        api.reset((request) => (request.path.startsWith(`${prefix}/`) ? answer(scenario, request, state) : { status: 410, body: {} }));
        other.requests.length = 0;
        const events: LogEvent[] = [];
        const started = performance.now();
        const outcome = await run(scenario, prefix, events).then((value) => ({ ok: true as const, value }), (error: unknown) => ({ ok: false as const, error }));
        const elapsed = performance.now() - started;

        const pages = scenario.call === 'list' ? scenario.faults.length + 1 : 1;
        expect(elapsed).toBeLessThanOrEqual(pages * boundMs(scenario.maxRetries) + slackMs);
        expect(other.requests).toHaveLength(0);
        const keys = new Set(api.requests.filter((r) => r.path.startsWith(`${prefix}/`) && !r.path.endsWith('/oauth/token')).map((r) => r.headers['idempotency-key'] ?? r.headers['x-idempotency-key']));
        if (scenario.call === 'write') {
          expect(keys.size).toBeLessThanOrEqual(1);
          expect([...keys].every((k) => typeof k === 'string' && k.length >= 10)).toBe(true);
        }
        if (!outcome.ok) {
          expect(outcome.error).toBeInstanceOf(PaymentsSdkError);
          if (scenario.call === 'write' && keys.size === 1) expect((outcome.error as PaymentsSdkError).idempotencyKey).toBe([...keys][0]);
          for (const text of views(outcome.error)) for (const secret of secretsOf(scenario, state.tokenIssued)) expect(text).not.toContain(secret);
        }
        const logged = JSON.stringify(events);
        for (const secret of secretsOf(scenario, state.tokenIssued)) expect(logged).not.toContain(secret);
      }),
      { numRuns: 100 },
    );
    expect(runs).toBe(100);
  }, 120_000);
});
