/** Rule 7: pagination cannot loop forever, and Payments "may have more" reads meta.has_more / meta.limit. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJustifiClient } from '../../src/justifi/index.js';
import { createPaymentsClient, PaginationLoopError } from '../../src/payments/index.js';
import { startTestServer, type TestServer } from '../support/http-server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const justifi = () => createJustifiClient({ clientId: 'test_id', clientSecret: 'secret_123456', baseUrl: server.url });
const pay = () => createPaymentsClient({ apiKey: 'api_key_123456', accountId: 'acc_1', baseUrl: server.url });
const items = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => ({ id: `${prefix}_${i}` }));
const apiPages = () => server.requests.filter((r) => r.path !== '/oauth/token');
const query = (path: string) => new URL(path, server.url).searchParams;

/** Iterates to the end, returning what was yielded and how it ended. */
async function drain(iterable: AsyncIterable<unknown>): Promise<{ ids: string[]; error: unknown }> {
  const ids: string[] = [];
  try {
    for await (const item of iterable) ids.push((item as { id: string }).id);
  } catch (error) {
    return { ids, error };
  }
  return { ids, error: undefined };
}

/** A JustiFi list answering page n (0-based) with fresh items and the cursor `cursors[n]`. */
function justifiPages(cursors: string[]) {
  server.reset((req) => {
    if (req.path === '/oauth/token') return { status: 200, body: { access_token: 't' } };
    const n = apiPages().length - 1;
    return { status: 200, body: { data: items(`p${n}`, 2), page_info: { has_next: true, has_previous: n > 0, start_cursor: `s${n}`, end_cursor: cursors[Math.min(n, cursors.length - 1)] } } };
  });
}

describe('rule 7: pagination cannot loop forever', () => {
  it('JustiFi: a server repeating end_cursor ends the iteration with PaginationLoopError; the repeat is not requested', async () => {
    justifiPages(['c1']);
    const { ids, error } = await drain(justifi().payments.list({ limit: 2 } as never));
    expect(error).toBeInstanceOf(PaginationLoopError);
    expect(apiPages().map((r) => query(r.path).get('after_cursor'))).toEqual([null, 'c1']);
    expect(ids).toEqual(['p0_0', 'p0_1', 'p1_0', 'p1_1']);
  });

  it('JustiFi: a cursor cycle (c1 → c2 → c1) is caught too', async () => {
    justifiPages(['c1', 'c2', 'c1']);
    const { error } = await drain(justifi().payments.list({ limit: 2 } as never));
    expect(error).toBeInstanceOf(PaginationLoopError);
    expect(apiPages().map((r) => query(r.path).get('after_cursor'))).toEqual([null, 'c1', 'c2']);
  });

  it('Payments: a server ignoring starting_after (same page twice) stops after one repeat, its items yielded once', async () => {
    server.reset(() => ({ status: 200, body: { data: items('t', 3), meta: { has_more: true } } }));
    const { ids, error } = await drain(pay().transactions.list({ limit: 3 } as never));
    expect(error).toBeInstanceOf(PaginationLoopError);
    expect(ids).toEqual(['t_0', 't_1', 't_2']);
    expect(server.requests.map((r) => query(r.path).get('starting_after'))).toEqual([null, 't_2']);
  });

  it('Payments: a server returning a fresh page whose last id repeats an earlier cursor is stopped before re-requesting it', async () => {
    server.reset((_req, i) => ({ status: 200, body: { data: i === 0 ? [{ id: 'a' }, { id: 'b' }] : [{ id: `x${i}` }, { id: 'b' }], meta: { has_more: true } } }));
    const { error } = await drain(pay().transactions.list({ limit: 2 } as never));
    expect(error).toBeInstanceOf(PaginationLoopError);
    expect(server.requests.map((r) => query(r.path).get('starting_after'))).toEqual([null, 'b']);
  });

  it('Payments search: a server ignoring the page number stops after one repeat', async () => {
    server.reset(() => ({ status: 200, body: { data: items('pi', 2), meta: { has_more: true } } }));
    const { ids, error } = await drain(pay().paymentIntents.search({ limit: 2 } as never));
    expect(error).toBeInstanceOf(PaginationLoopError);
    expect(ids).toEqual(['pi_0', 'pi_1']);
    expect(server.requests.map((r) => (JSON.parse(r.body) as { page?: number }).page)).toEqual([undefined, 2]);
  });

  it('toArray ends with the same typed error', async () => {
    server.reset(() => ({ status: 200, body: { data: items('t', 3), meta: { has_more: true } } }));
    await expect(pay().transactions.list({ limit: 3 } as never).toArray({ max: 1000 })).rejects.toBeInstanceOf(PaginationLoopError);
    expect(server.requests).toHaveLength(2);
  });
});

describe('rule 7: Payments "may have more" uses meta.has_more and meta.limit', () => {
  const all = items('t', 12);
  /** Caps the page size at 5 whatever was asked, and says so in meta.limit (no has_more). */
  function cappedList() {
    server.reset((req) => {
      const after = query(req.path).get('starting_after');
      const start = after ? all.findIndex((t) => t.id === after) + 1 : 0;
      return { status: 200, body: { data: all.slice(start, start + 5), meta: { limit: 5 } } };
    });
  }

  it('a server capping the page size (meta.limit 5 for limit 50) is walked to the end', async () => {
    cappedList();
    const { ids, error } = await drain(pay().transactions.list({ limit: 50 } as never));
    expect(error).toBeUndefined();
    expect(ids).toEqual(all.map((t) => t.id));
    expect(server.requests).toHaveLength(3);
  });

  it('meta.has_more false ends a full page; meta.has_more true continues after a short one', async () => {
    server.reset(() => ({ status: 200, body: { data: items('a', 2), meta: { has_more: false } } }));
    expect((await drain(pay().transactions.list({ limit: 2 } as never))).ids).toHaveLength(2);
    expect(server.requests).toHaveLength(1);
    server.reset((_req, i) => ({ status: 200, body: { data: i === 0 ? [{ id: 'a' }] : [{ id: 'b' }], meta: { has_more: i === 0 } } }));
    expect((await drain(pay().transactions.list({ limit: 10 } as never))).ids).toEqual(['a', 'b']);
    expect(server.requests).toHaveLength(2);
  });
});
