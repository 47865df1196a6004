/**
 * Test harness for the JustiFi API v1 sandbox: the real definition on the core's server
 * (127.0.0.1, a free port), SDK clients pointed at it, the events it emits, its clock.
 * Each test file gets its own sandbox, so its own state.
 */
import { createJustifiClient, type JustifiClientOptions } from '../../src/justifi/index.js';
import { createApiServer, createClock, createEventBus, type SandboxClock, type SandboxEvent } from '../../sandbox/core/index.js';
import { createJustifiApi } from '../../sandbox/justifi/index.js';

export const minute = 60 * 1000;
export const hour = 60 * minute;
export const day = 24 * hour;
/** A fixed start time (a Tuesday, mid-day UTC), so dates in assertions are predictable. */
export const startTime = Date.parse('2030-03-12T12:00:00.000Z');

export const card = (number: string, extra: Record<string, string> = {}) => ({ card: { name: 'Sylvia Fowles', number, verification: number.startsWith('3') && number.length === 15 ? '1234' : '123', month: '3', year: '2040', address_postal_code: '55555', ...extra } });
export const bank = (accountNumber: string) => ({ bank_account: { account_owner_name: 'Sylvia Fowles', account_owner_type: 'individual' as const, account_type: 'checking' as const, routing_number: '110000000', account_number: accountNumber } });

export interface JustifiSandbox {
  url: string;
  clock: SandboxClock;
  events: SandboxEvent[];
  /** What the sandbox reported about itself (a response that broke the spec, a handler that threw); `stop` fails if any. */
  failures: string[];
  /** An SDK client: client id `test_<name>` (one platform per name), no retries unless asked. */
  client(options?: Partial<JustifiClientOptions> & { name?: string }): ReturnType<typeof createJustifiClient>;
  /** A bearer token for raw requests. */
  token(name?: string): Promise<string>;
  /** Raw request (JSON in and out) for what the SDK cannot express. */
  fetch(path: string, init?: { method?: string; body?: unknown; raw?: string; headers?: Record<string, string>; token?: string | null }): Promise<{ status: number; body: any; headers: Headers }>; // eslint-disable-line @typescript-eslint/no-explicit-any
  stop(): Promise<void>;
}

export async function startJustifiSandbox(options: { faults?: string[]; latencyMs?: number; tokenTtlMs?: number } = {}): Promise<JustifiSandbox> {
  const clock = createClock({ start: startTime, frozen: true });
  const bus = createEventBus(clock);
  const events: SandboxEvent[] = [];
  bus.subscribe((e) => events.push(e));
  const faults = new Set(options.faults ?? []);
  const failures: string[] = [];
  const server = createApiServer(createJustifiApi({ clock, events: bus, faults, tokenTtlMs: options.tokenTtlMs }), { clock, events: bus, faults, latencyMs: options.latencyMs, log: (l) => failures.push(l) });
  const url = await server.start();
  const raw: JustifiSandbox['fetch'] = async (path, init = {}) => {
    const headers: Record<string, string> = { ...init.headers };
    if (init.token) headers.authorization = `Bearer ${init.token}`;
    let body = init.raw;
    if (init.body !== undefined) {
      body = JSON.stringify(init.body);
      headers['content-type'] ??= 'application/json';
    }
    const response = await fetch(`${url}${path}`, { method: init.method ?? (body === undefined ? 'GET' : 'POST'), headers, body });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // keep the text
    }
    return { status: response.status, body: parsed, headers: response.headers };
  };
  return {
    url,
    clock,
    events,
    failures,
    client: ({ name = 'platform', ...o } = {}) => createJustifiClient({ clientId: `test_${name}`, clientSecret: 'sandbox-secret', baseUrl: url, maxRetries: 0, ...o }),
    async token(name = 'platform') {
      const res = await raw('/oauth/token', { body: { client_id: `test_${name}`, client_secret: 'sandbox-secret' } });
      return res.body.access_token as string;
    },
    fetch: raw,
    async stop() {
      await server.stop();
      // A response that broke the spec, or a handler that threw, fails the file that caused it.
      if (failures.length) throw new Error(`the JustiFi sandbox reported ${failures.length} failure(s):\n${failures.join('\n')}`);
    },
  };
}
