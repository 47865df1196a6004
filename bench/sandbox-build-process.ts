/**
 * In a fresh process, as a test file meets it: how long building the first JustiFi and Payments
 * API sandbox takes, a second one of each, and the first requests a typical test makes (a token,
 * a payment, reading it back), which compile their operations' validators on first use.
 */
import { performance } from 'node:perf_hooks';
import { createApiServer, createClock, createEventBus, type ApiFactory, type ApiServer } from '../sandbox/core/index.js';
import { createJustifiApi } from '../sandbox/justifi/index.js';
import { createPaymentsApi } from '../sandbox/payments/index.js';
import { reply } from './child.js';

export interface SandboxBuildSample {
  justifiMs: number;
  paymentsMs: number;
  secondJustifiMs: number;
  secondPaymentsMs: number;
  firstRequestsMs: number;
}

const clock = createClock();
const events = createEventBus(clock);

function timed<T>(run: () => T): [T, number] {
  const started = performance.now();
  const value = run();
  return [value, performance.now() - started];
}
const build = (factory: ApiFactory): ApiServer => createApiServer(factory({ clock, events }), { clock, events });

async function call(server: ApiServer, method: string, path: string, expected: number, headers: Record<string, string> = {}, body?: unknown): Promise<any> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const init: RequestInit = { method, headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) }, body: body === undefined ? undefined : JSON.stringify(body) };
  const response = await server.fetch(new Request(`http://sandbox.invalid${path}`, init));
  if (response.status !== expected) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return response.json();
}

const [justifi, justifiMs] = timed(() => build(createJustifiApi));
const [, paymentsMs] = timed(() => build(createPaymentsApi));
const [, secondJustifiMs] = timed(() => build(createJustifiApi));
const [, secondPaymentsMs] = timed(() => build(createPaymentsApi));

const started = performance.now();
const { access_token: token } = await call(justifi, 'POST', '/oauth/token', 200, {}, { client_id: 'test_build', client_secret: 'bench' });
const auth = { authorization: `Bearer ${token as string}` };
const card = { name: 'Bench Cardholder', number: '4242424242424242', verification: '123', month: '3', year: '2040' };
const created = await call(justifi, 'POST', '/payments', 201, { ...auth, 'idempotency-key': 'build-1' }, { amount: 1000, currency: 'usd', capture_strategy: 'automatic', payment_method: { card } });
await call(justifi, 'GET', `/payments/${created.id as string}`, 200, auth);
const firstRequestsMs = performance.now() - started;

await reply({ justifiMs, paymentsMs, secondJustifiMs, secondPaymentsMs, firstRequestsMs } satisfies SandboxBuildSample);
