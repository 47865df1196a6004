/**
 * Test harness for the Payments API sandbox: starts the real sandbox (core server + Payments API
 * definition) in-process on a loopback port, hands out SDK clients pointed at it, records the events it emits, and moves its clock.
 * Used by every test/sandbox/payments-*.test.ts; each file gets its own sandbox (its own state).
 */
import { createPaymentsClient, type PaymentsClientOptions } from '../../src/payments/index.js';
import { createApiServer, createClock, createEventBus, type SandboxEvent } from '../../sandbox/core/index.js';
import { createPaymentsApi } from '../../sandbox/payments/index.js';

export const hour = 60 * 60 * 1000;
export const day = 24 * hour;
/** A fixed start time, so dates in assertions are predictable. */
export const startTime = Date.parse('2030-01-15T12:00:00.000Z');

export interface PaymentsSandbox {
  url: string;
  events: SandboxEvent[];
  /** Moves the sandbox clock forward. */
  advance(ms: number): void;
  now(): number;
  /** An SDK client for the sandbox: key `sk_test_payments`, account `acc_1`, no retries (tests assert single answers). */
  client(options?: Partial<PaymentsClientOptions>): ReturnType<typeof createPaymentsClient>;
  /** A raw request for what the SDK cannot express (missing headers, bad JSON…). */
  fetch(path: string, init?: RequestInit & { headers?: Record<string, string> }): Promise<{ status: number; body: any; headers: Headers }>;
  /** What the sandbox reported about itself (a response that broke the spec, a handler that threw). */
  failures: string[];
  stop(): Promise<void>;
}

export const apiKey = 'sk_test_payments';

/**
 * Starts the Payments API definition on the core's server (127.0.0.1, a free port) with a frozen
 * clock at `startTime`. `latencyMs` holds keyed requests open, so two can overlap.
 */
export async function startPaymentsSandbox(options: { faults?: string[]; latencyMs?: number } = {}): Promise<PaymentsSandbox> {
  const clock = createClock({ start: startTime, frozen: true });
  const bus = createEventBus(clock);
  const faults = new Set(options.faults ?? []);
  const failures: string[] = [];
  const server = createApiServer(createPaymentsApi({ clock, events: bus, faults }), { clock, events: bus, faults, latencyMs: options.latencyMs, log: (line) => failures.push(line) });
  const url = await server.start();
  const events: SandboxEvent[] = [];
  bus.subscribe((event) => events.push(event));
  return {
    url,
    events,
    failures,
    advance: (ms) => clock.advance(ms),
    now: () => clock.now(),
    client: (o = {}) => createPaymentsClient({ apiKey, accountId: 'acc_1', baseUrl: url, maxRetries: 0, ...o }),
    async fetch(path, init = {}) {
      const response = await fetch(`${url}${path}`, init);
      const text = await response.text();
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // not JSON: keep the text
      }
      return { status: response.status, body, headers: response.headers };
    },
    stop: () => server.stop(),
  };
}

/** The error an SDK call rejects with (fails the test when it resolves). */
export async function rejection(promise: PromiseLike<unknown>): Promise<any> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to be refused, but it succeeded');
}
