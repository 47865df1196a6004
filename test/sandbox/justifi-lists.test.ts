/** JustiFi sandbox: cursor pagination over what is stored (newest first, stable cursors, page_info true to the data). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { card, startJustifiSandbox, type JustifiSandbox } from './justifi-harness.js';

let sb: JustifiSandbox;
let token: string;
const made: string[] = [];
beforeAll(async () => {
  sb = await startJustifiSandbox();
  const justifi = sb.client({ name: 'lists' });
  for (let i = 0; i < 28; i++) {
    made.unshift((await justifi.payments.create({ amount: 1000 + i, currency: 'usd', capture_strategy: 'automatic', payment_method: card('4242424242424242') })).id);
    sb.clock.advance(1000);
  }
  token = await sb.token('lists');
}, 60_000);
afterAll(() => sb.stop());

const list = (query: string) => sb.fetch(`/payments?${query}`, { token });
const fixtures = 2; // the seeded disputed payments (fixtures.ts), made a day earlier

describe('JustiFi lists', () => {
  it('lists newest first with a default limit of 25', async () => {
    const res = await list('');
    expect(res.body.data).toHaveLength(25);
    expect(res.body.data.map((p: { id: string }) => p.id)).toEqual(made.slice(0, 25));
    expect(res.body).toMatchObject({ id: null, type: 'array', page_info: { has_previous: false, has_next: true } });
  });

  it('walks every payment exactly once with after_cursor = end_cursor, has_next false at the end', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let pages = 0; pages < 10; pages++) {
      const res = await list(`limit=7${cursor ? `&after_cursor=${cursor}` : ''}`);
      seen.push(...res.body.data.map((p: { id: string }) => p.id));
      expect(res.body.page_info.has_previous).toBe(pages > 0);
      if (!res.body.page_info.has_next) break;
      cursor = res.body.page_info.end_cursor;
    }
    expect(seen.slice(0, 28)).toEqual(made);
    expect(seen).toHaveLength(28 + fixtures);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('walks back with before_cursor = start_cursor', async () => {
    const p1 = (await list('limit=10')).body;
    const p2 = (await list(`limit=10&after_cursor=${p1.page_info.end_cursor}`)).body;
    const back = (await list(`limit=10&before_cursor=${p2.page_info.start_cursor}`)).body;
    expect(back.data.map((p: { id: string }) => p.id)).toEqual(made.slice(0, 10));
    expect(back.page_info).toMatchObject({ has_previous: false, has_next: true });
  });

  it('keeps cursors stable while payments are added', async () => {
    const p1 = (await list('limit=5')).body;
    await sb.client({ name: 'lists' }).payments.create({ amount: 999, currency: 'usd', capture_strategy: 'automatic', payment_method: card('4242424242424242') });
    const p2 = (await list(`limit=5&after_cursor=${p1.page_info.end_cursor}`)).body;
    expect(p2.data.map((p: { id: string }) => p.id)).toEqual(made.slice(5, 10));
  });

  it('takes limit 1 and limit 100, and refuses 0 and 101 with 400', async () => {
    expect((await list('limit=1')).body.data).toHaveLength(1);
    expect((await list('limit=100')).body.page_info.has_next).toBe(false);
    for (const limit of [0, 101]) {
      const res = await list(`limit=${limit}`);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain('limit');
    }
  });

  it('uses the default of 25 when limit has an invalid type ("If the limit value is an invalid type, the default value of 25 is used")', async () => {
    const res = await list('limit=lots');
    expect(res.status).toBe(200);
    expect(res.body.data).toHaveLength(25);
  });

  it('refuses a cursor it did not issue with 400 invalid_characters naming after_cursor', async () => {
    const res = await list('after_cursor=garbage');
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('after_cursor (query) is not a cursor this list returned');
  });

  it('lets the SDK auto-paginate through every payment', async () => {
    const all = await sb.client({ name: 'lists' }).payments.list({ limit: 9 }).toArray({ max: 1000 });
    expect(all.map((p) => p.id).slice(1, 29)).toEqual(made);
  });

  it('filters by payment_status', async () => {
    const res = await list('payment_status=disputed');
    expect(res.body.data).toHaveLength(fixtures);
  });
});
