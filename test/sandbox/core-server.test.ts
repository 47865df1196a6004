/** Core: createApiServer on 127.0.0.1 and in-process, and startSandbox's start and stop. */
import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { createApiServer } from '../../sandbox/core/server.js';
import { createClock } from '../../sandbox/core/clock.js';
import { createEventBus } from '../../sandbox/core/events.js';
import { startSandbox } from '../../sandbox/index.js';
import { freePort } from '../../scripts/lib/prism.js';
import { notesApi } from './core-fixture.js';

function notesServer() {
  const clock = createClock({ frozen: true });
  const events = createEventBus(clock);
  return createApiServer(notesApi(clock, events).definition, { clock, events });
}

const refused = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(false)));
    socket.once('error', () => resolve(true));
  });

describe('core server', () => {
  it('answers in-process through fetch(request), with no socket, exactly as over HTTP', async () => {
    const server = notesServer();
    expect(server.url).toBeUndefined();
    const res = await server.fetch(new Request('http://in-process/notes', { headers: { authorization: 'Bearer alice' } }));
    expect(res.status).toBe(200);
    expect(res.headers.get('x-request-id')).toMatch(/^req_/);
    expect(await res.json()).toMatchObject({ data: [], page_info: { has_next: false } });
  });

  it('listens on 127.0.0.1 on the port given, and stops (twice is fine), freeing the port', async () => {
    const port = await freePort();
    const server = notesServer();
    expect(await server.start(port)).toBe(`http://127.0.0.1:${port}`);
    expect((await fetch(`${server.url}/notes`)).status).toBe(401);
    await server.stop();
    await server.stop();
    expect(server.url).toBeUndefined();
    expect(await refused(port)).toBe(true);
  });

  it('stops even with a keep-alive connection open', async () => {
    const server = notesServer();
    const url = await server.start();
    await fetch(`${url}/notes`, { headers: { connection: 'keep-alive' } });
    await server.stop();
    expect(await refused(Number(new URL(url).port))).toBe(true);
  });

  it('rejects a start on a port that is taken', async () => {
    const first = notesServer();
    const url = await first.start();
    try {
      await expect(notesServer().start(Number(new URL(url).port))).rejects.toThrow(/EADDRINUSE/);
    } finally {
      await first.stop();
    }
  });
});

describe('startSandbox', () => {
  it('starts both APIs on their own loopback ports with one clock and one event bus, and stops both', async () => {
    const sandbox = await startSandbox({ clock: createClock({ start: Date.UTC(2030, 0, 1), frozen: true }) });
    const seen: string[] = [];
    sandbox.events.subscribe((e) => seen.push(`${e.api} ${e.name}`));
    expect(sandbox.justifi.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(sandbox.payments.url).not.toBe(sandbox.justifi.url);
    expect(sandbox.justifi.url).toBe(sandbox.justifi.directUrl);
    expect(sandbox.justifi.title).toBe('JustiFi API v1 sandbox');
    expect(sandbox.payments.title).toBe('Payments API v1.3.0 sandbox');
    const token = await fetch(`${sandbox.justifi.url}/oauth/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"client_id":"test_both","client_secret":"s"}' });
    const { access_token } = (await token.json()) as { access_token: string };
    const created = await fetch(`${sandbox.justifi.url}/payment_intents`, { method: 'POST', headers: { authorization: `Bearer ${access_token}`, 'content-type': 'application/json', 'idempotency-key': 'both-1' }, body: '{"amount":1000,"currency":"usd"}' });
    expect(created.status).toBe(201);
    const intent = await fetch(`${sandbox.payments.url}/payment_intents`, { method: 'POST', headers: { 'x-api-key': 'sk_test_both', 'x-account-id': 'acc_1', 'content-type': 'application/json' }, body: JSON.stringify({ amount: 1000, currency: 'USD' }) });
    expect(intent.status).toBe(201);
    expect(seen).toEqual(['justifi-v1 payment_intent.created', 'payments-v1.3 payment_intent.created']);
    await sandbox.stop();
    for (const api of [sandbox.justifi, sandbox.payments]) expect(await refused(Number(new URL(api.directUrl).port))).toBe(true);
  });

  it('fails to start when a port is taken, and leaves nothing running', async () => {
    const taken = net.createServer().listen(0, '127.0.0.1');
    await new Promise((r) => taken.once('listening', r));
    const port = (taken.address() as net.AddressInfo).port;
    const paymentsPort = await freePort();
    try {
      await expect(startSandbox({ justifiPort: port, paymentsPort })).rejects.toThrow(/EADDRINUSE/);
      expect(await refused(paymentsPort)).toBe(true);
    } finally {
      taken.close();
    }
  });
});
