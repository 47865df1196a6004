import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJustifiClient } from '../../src/justifi/index.js';
import { createPaymentsClient, RequestValidationError } from '../../src/payments/index.js';
import { startTestServer, type TestServer } from '../support/http-server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const total = 23;
const ids = Array.from({ length: total }, (_, i) => `item_${String(i).padStart(2, '0')}`);

/** A JustiFi-style cursor list over `ids`: cursors are item indexes. */
function justifiList(url: URL) {
  const limit = Number(url.searchParams.get('limit') ?? 25);
  const after = url.searchParams.get('after_cursor');
  const before = url.searchParams.get('before_cursor');
  let start = after ? Number(after) + 1 : 0;
  if (before) start = Math.max(0, Number(before) - limit);
  const end = Math.min(before ? Number(before) : total, start + limit);
  const data = ids.slice(start, end).map((id) => ({ id }));
  return {
    id: null,
    type: 'array',
    data,
    page_info: { has_previous: start > 0, has_next: end < total, start_cursor: String(start), end_cursor: String(end - 1) },
  };
}

/** A Payments-style list over `ids` with starting_after / ending_before. */
function paymentsList(url: URL) {
  const limit = Number(url.searchParams.get('limit') ?? 10);
  const after = url.searchParams.get('starting_after');
  const before = url.searchParams.get('ending_before');
  let start = after ? ids.indexOf(after) + 1 : 0;
  if (before) start = Math.max(0, ids.indexOf(before) - limit);
  const end = before ? ids.indexOf(before) : Math.min(total, start + limit);
  return { data: ids.slice(start, end).map((id) => ({ id })), meta: {} };
}

const justifi = () => createJustifiClient({ clientId: 'test_id', clientSecret: 'secret_123456', baseUrl: server.url });
const pay = () => createPaymentsClient({ apiKey: 'api_key_123456', accountId: 'acc_1', baseUrl: server.url });

describe('JustiFi cursor pagination', () => {
  it('for await walks every item across pages using after_cursor from page_info.end_cursor', async () => {
    server.reset((req) => (req.path === '/oauth/token' ? { status: 200, body: { access_token: 't' } } : { status: 200, body: justifiList(new URL(req.path, server.url)) }));
    const seen: string[] = [];
    for await (const p of justifi().payments.list({ limit: 5 } as never)) seen.push((p as { id: string }).id);
    expect(seen).toEqual(ids);
    const pages = server.requests.filter((r) => r.path.startsWith('/payments'));
    expect(pages).toHaveLength(5);
    expect(pages[1]!.path).toContain('after_cursor=4');
    expect(pages.every((r) => r.path.includes('limit=5'))).toBe(true);
  });

  it('awaiting gives the first page with hasNext/hasPrevious and nextPage/previousPage', async () => {
    server.reset((req) => (req.path === '/oauth/token' ? { status: 200, body: { access_token: 't' } } : { status: 200, body: justifiList(new URL(req.path, server.url)) }));
    const first = await justifi().payments.list({ limit: 10 } as never);
    expect(first.data).toHaveLength(10);
    expect(first.hasNext).toBe(true);
    expect(first.hasPrevious).toBe(false);
    const second = await first.nextPage();
    expect((second.data[0] as { id: string }).id).toBe('item_10');
    expect(second.hasPrevious).toBe(true);
    const back = await second.previousPage();
    expect((back.data[0] as { id: string }).id).toBe('item_00');
    await expect(first.previousPage()).rejects.toBeInstanceOf(RequestValidationError);
  });

  it('toArray stops at max and fetches no further page', async () => {
    server.reset((req) => (req.path === '/oauth/token' ? { status: 200, body: { access_token: 't' } } : { status: 200, body: justifiList(new URL(req.path, server.url)) }));
    const items = await justifi().payments.list({ limit: 5 } as never).toArray({ max: 7 });
    expect(items).toHaveLength(7);
    expect(server.requests.filter((r) => r.path.startsWith('/payments'))).toHaveLength(2);
    await expect(justifi().payments.list().toArray({} as never)).rejects.toBeInstanceOf(RequestValidationError);
  });

  it('nothing is sent until the list is awaited or iterated', async () => {
    server.reset(() => ({ status: 200, body: { access_token: 't' } }));
    justifi().payments.list();
    await new Promise((r) => setTimeout(r, 20));
    expect(server.requests).toHaveLength(0);
  });
});

describe('Payments API pagination', () => {
  it('pages with starting_after = the last id until a short page', async () => {
    server.reset((req) => ({ status: 200, body: paymentsList(new URL(req.path, server.url)) }));
    const seen: string[] = [];
    for await (const t of pay().transactions.list({ limit: 10 } as never)) seen.push((t as { id: string }).id);
    expect(seen).toEqual(ids);
    expect(server.requests.map((r) => new URL(r.path, server.url).searchParams.get('starting_after'))).toEqual([null, 'item_09', 'item_19']);
  });

  it('stops on an empty page, and when meta says there is no more', async () => {
    server.reset(() => ({ status: 200, body: { data: [{ id: 'a' }, { id: 'b' }], meta: { has_more: false } } }));
    expect(await pay().transactions.list({ limit: 2 } as never).toArray({ max: 100 })).toHaveLength(2);
    expect(server.requests).toHaveLength(1);
    server.reset((_r, i) => ({ status: 200, body: { data: i === 0 ? [{ id: 'a' }, { id: 'b' }] : [], meta: {} } }));
    expect(await pay().transactions.list({ limit: 2 } as never).toArray({ max: 100 })).toHaveLength(2);
    expect(server.requests).toHaveLength(2);
  });

  it('previousPage uses ending_before = the first id', async () => {
    server.reset((req) => ({ status: 200, body: paymentsList(new URL(req.path, server.url)) }));
    const first = await pay().transactions.list({ limit: 10 } as never);
    const second = await first.nextPage();
    const back = await second.previousPage();
    expect(new URL(server.requests[2]!.path, server.url).searchParams.get('ending_before')).toBe('item_10');
    expect((back.data[0] as { id: string }).id).toBe('item_00');
  });

  it('search endpoints page by page number in the body', async () => {
    server.reset((req) => {
      const { page = 1, limit = 10 } = JSON.parse(req.body) as { page?: number; limit?: number };
      return { status: 200, body: { data: ids.slice((page - 1) * limit, page * limit).map((id) => ({ id })), meta: {} } };
    });
    const all = await pay().paymentIntents.search({ limit: 10 } as never).toArray({ max: 100 });
    expect(all).toHaveLength(total);
    expect(server.requests.map((r) => (JSON.parse(r.body) as { page?: number }).page)).toEqual([undefined, 2, 3]);
  });
});

describe('list parameters', () => {
  it('a list or search given something other than an object is refused before sending, naming the field', async () => {
    server.reset(() => ({ status: 200, body: { data: [], meta: {} } }));
    await expect(pay().transactions.list('limit=5' as never)).rejects.toMatchObject({ name: 'RequestValidationError', field: 'query' });
    await expect(pay().paymentIntents.search('page=2' as never)).rejects.toMatchObject({ name: 'RequestValidationError', field: 'body' });
    expect(server.requests).toHaveLength(0);
  });
});
