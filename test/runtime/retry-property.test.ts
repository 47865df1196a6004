/**
 * Property: for any schedule of server faults, the client makes exactly the attempts the retry
 * policy allows, sends one idempotency key across them, and ends with the right result or error
 * class. The expected outcome comes from `model`, a plain restatement of the documented rules.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ApiError,
  BadRequestError,
  ConflictError,
  ConnectionError,
  createPaymentsClient,
  InternalServerError,
  NotFoundError,
  PaymentRequiredError,
  PermissionDeniedError,
  RateLimitError,
  TimeoutError,
  UnprocessableEntityError,
} from '../../src/payments/index.js';
import { startTestServer, type Reply, type TestServer } from '../support/http-server.js';

type Fault =
  | { kind: 'status'; status: number; shouldRetry?: 'true' | 'false' | undefined; retryAfter?: string | undefined }
  | { kind: 'drop' }
  | { kind: 'stall' };

// Generous enough that a loaded CI machine never turns a normal answer into a timeout.
const timeoutMs = 300;
const pastDate = new Date(Date.now() - 60_000).toUTCString();

const faultArb: fc.Arbitrary<Fault> = fc.oneof(
  { weight: 6, arbitrary: fc.record({
    kind: fc.constant('status' as const),
    status: fc.constantFrom(200, 201, 400, 402, 403, 404, 408, 409, 422, 429, 500, 502, 503),
    shouldRetry: fc.option(fc.constantFrom('true' as const, 'false' as const), { nil: undefined }),
    retryAfter: fc.option(fc.constantFrom('0', '120', pastDate), { nil: undefined }),
  }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'drop' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'stall' as const }) },
);

const classFor: Record<number, new (...args: never[]) => Error> = {
  400: BadRequestError, 402: PaymentRequiredError, 403: PermissionDeniedError, 404: NotFoundError,
  409: ConflictError, 422: UnprocessableEntityError, 429: RateLimitError,
};

/** The documented policy, restated: which attempt ends the call and how. */
function model(schedule: Fault[], maxRetries: number): { attempts: number; outcome: 'ok' | (new (...args: never[]) => Error) } {
  for (let attempt = 1; ; attempt++) {
    const fault = schedule[Math.min(attempt - 1, schedule.length - 1)]!;
    const last = attempt === maxRetries + 1;
    if (fault.kind === 'drop') { if (last) return { attempts: attempt, outcome: ConnectionError }; continue; }
    if (fault.kind === 'stall') { if (last) return { attempts: attempt, outcome: TimeoutError }; continue; }
    if (fault.status < 300) return { attempts: attempt, outcome: 'ok' };
    const byStatus = fault.status === 408 || fault.status === 409 || fault.status === 429 || fault.status >= 500;
    const retry = fault.shouldRetry === undefined ? byStatus : fault.shouldRetry === 'true';
    // A Retry-After beyond the 60 s cap is not waited for: the error comes back at once.
    if (!retry || last || fault.retryAfter === '120') return { attempts: attempt, outcome: fault.status >= 500 ? InternalServerError : classFor[fault.status] ?? ApiError };
  }
}

function reply(fault: Fault): Reply {
  if (fault.kind === 'drop') return { drop: true };
  if (fault.kind === 'stall') return { stallMs: timeoutMs * 3 };
  const headers: Record<string, string> = {};
  if (fault.shouldRetry) headers['Should-Retry'] = fault.shouldRetry;
  if (fault.retryAfter) headers['Retry-After'] = fault.retryAfter;
  return { status: fault.status, headers, body: fault.status < 300 ? { id: 'pi_1' } : { type: 'error', code: `e${fault.status}`, message: 'fault' } };
}

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe('retry policy (property)', () => {
  it('any fault schedule gives exactly the allowed attempts, one idempotency key, and the right result', async () => {
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(faultArb, { minLength: 1, maxLength: 5 }), fc.integer({ min: 0, max: 3 }), async (schedule, maxRetries) => {
        runs++;
        server.reset((_req, i) => reply(schedule[Math.min(i, schedule.length - 1)]!));
        const pay = createPaymentsClient({
          apiKey: 'api_key_123456', accountId: 'acc_1', baseUrl: server.url,
          maxRetries, timeoutMs, backoff: { initialDelayMs: 1, maxDelayMs: 2 },
        });
        const expected = model(schedule, maxRetries);
        const outcome = await pay.paymentIntents.capture('pi_1').then(() => 'ok' as const, (e: unknown) => e);
        expect(server.requests).toHaveLength(expected.attempts);
        expect(new Set(server.requests.map((r) => r.headers['x-idempotency-key'])).size).toBe(1);
        if (expected.outcome === 'ok') expect(outcome).toBe('ok');
        else {
          // Exact class: a TimeoutError must not pass for a ConnectionError, nor the reverse.
          expect((outcome as Error).constructor).toBe(expected.outcome);
        }
      }),
      { numRuns: 80 },
    );
    expect(runs).toBe(80);
  });
});
