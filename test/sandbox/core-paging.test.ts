/** Core: scoped collections listed newest first, and the three paging helpers, through real list operations. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNotes, type NotesSandbox } from './core-fixture.js';

let sb: NotesSandbox;
let skipping: NotesSandbox;
const texts = (body: { data: { text: string }[] }) => body.data.map((n) => n.text);

async function seed(s: NotesSandbox, n: number, scope = 'alice') {
  for (let i = 1; i <= n; i++) {
    await s.call('POST', '/notes', { body: { text: `n${i}` }, headers: { 'idempotency-key': `seed-${scope}-${i}` }, scope });
    s.clock.advance(1);
  }
}

beforeAll(async () => {
  [sb, skipping] = await Promise.all([startNotes(), startNotes({ faults: new Set(['list-skips-page']) })]);
  await Promise.all([seed(sb, 7), seed(skipping, 7)]);
  await seed(sb, 2, 'bob');
});
afterAll(() => Promise.all([sb.stop(), skipping.stop()]));

describe('core state', () => {
  it('lists newest first', async () => {
    expect(texts((await sb.call('GET', '/notes')).body)).toEqual(['n7', 'n6', 'n5', 'n4', 'n3', 'n2', 'n1']);
  });

  it('keeps scopes apart: objects of another scope are invisible in lists and gets', async () => {
    const bobs = (await sb.call('GET', '/notes', { scope: 'bob' })).body;
    expect(texts(bobs)).toEqual(['n2', 'n1']);
    const got = await sb.call('GET', `/notes/${bobs.data[0].id}`, { scope: 'alice' });
    expect(got.status).toBe(404);
  });
});

describe('core cursor paging (JustiFi style)', () => {
  it('pages forward with end_cursor → after_cursor, page_info true to the data', async () => {
    const p1 = (await sb.call('GET', '/notes?limit=3')).body;
    expect(texts(p1)).toEqual(['n7', 'n6', 'n5']);
    expect(p1.page_info).toMatchObject({ has_previous: false, has_next: true });
    const p2 = (await sb.call('GET', `/notes?limit=3&after_cursor=${p1.page_info.end_cursor}`)).body;
    expect(texts(p2)).toEqual(['n4', 'n3', 'n2']);
    expect(p2.page_info).toMatchObject({ has_previous: true, has_next: true });
    const p3 = (await sb.call('GET', `/notes?limit=3&after_cursor=${p2.page_info.end_cursor}`)).body;
    expect(texts(p3)).toEqual(['n1']);
    expect(p3.page_info).toMatchObject({ has_previous: true, has_next: false });
  });

  it('gives an empty page with has_next false after the last object, and null cursors', async () => {
    const last = (await sb.call('GET', '/notes?limit=7')).body;
    const after = (await sb.call('GET', `/notes?after_cursor=${last.page_info.end_cursor}`)).body;
    expect(after.data).toEqual([]);
    expect(after.page_info).toEqual({ has_previous: true, has_next: false, start_cursor: null, end_cursor: null });
  });

  it('pages backward with start_cursor → before_cursor', async () => {
    const p1 = (await sb.call('GET', '/notes?limit=3')).body;
    const p2 = (await sb.call('GET', `/notes?limit=3&after_cursor=${p1.page_info.end_cursor}`)).body;
    const back = (await sb.call('GET', `/notes?limit=3&before_cursor=${p2.page_info.start_cursor}`)).body;
    expect(texts(back)).toEqual(['n7', 'n6', 'n5']);
    expect(back.page_info).toMatchObject({ has_previous: false, has_next: true });
  });

  it('keeps cursors stable while objects are added: the next page is the same', async () => {
    const p1 = (await sb.call('GET', '/notes?limit=2')).body;
    await sb.call('POST', '/notes', { body: { text: 'late' }, headers: { 'idempotency-key': 'late-1' } });
    const p2 = (await sb.call('GET', `/notes?limit=2&after_cursor=${p1.page_info.end_cursor}`)).body;
    expect(texts(p2)).toEqual(['n5', 'n4']);
  });

  it('refuses after_cursor together with before_cursor', async () => {
    const p1 = (await sb.call('GET', '/notes?limit=2')).body;
    const res = await sb.call('GET', `/notes?after_cursor=${p1.page_info.end_cursor}&before_cursor=${p1.page_info.start_cursor}`);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('before_cursor cannot be combined with after_cursor');
  });

  it('with the test-only fault list-skips-page, the page after the first one starts a page further', async () => {
    const p1 = (await skipping.call('GET', '/notes?limit=2')).body;
    const p2 = (await skipping.call('GET', `/notes?limit=2&after_cursor=${p1.page_info.end_cursor}`)).body;
    expect(texts(p1)).toEqual(['n7', 'n6']);
    expect(texts(p2)).toEqual(['n3', 'n2']);
  });
});

describe('core id-cursor paging (Payments API style)', () => {
  it('pages with starting_after = the last id and reports has_more, total and the next cursors', async () => {
    const p1 = (await sb.call('GET', '/notes-by-id?limit=3', { scope: 'bob' })).body;
    expect(p1.meta).toMatchObject({ has_more: false, total: 2, limit: 3, starting_after: null, ending_before: null });
    const all = (await sb.call('GET', '/notes-by-id?limit=4')).body;
    expect(all.meta).toMatchObject({ has_more: true, total: 8, limit: 4, ending_before: null, starting_after: all.data[3].id });
    const next = (await sb.call('GET', `/notes-by-id?limit=4&starting_after=${all.data[3].id}`)).body;
    expect(texts(next)).toEqual(['n4', 'n3', 'n2', 'n1']);
    expect(next.meta).toMatchObject({ has_more: false, starting_after: null, ending_before: next.data[0].id });
    const back = (await sb.call('GET', `/notes-by-id?limit=2&ending_before=${next.data[0].id}`)).body;
    expect(texts(back)).toEqual(['n6', 'n5']);
    expect(back.meta.has_more).toBe(true);
  });

  it('uses the schema default limit (10) when none is given', async () => {
    expect((await sb.call('GET', '/notes-by-id')).body.meta.limit).toBe(10);
  });

  it('refuses a starting_after id that is not in the list', async () => {
    const res = await sb.call('GET', '/notes-by-id?starting_after=note_nope');
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe('starting_after is not the id of an object in this list (got "note_nope")');
  });
});

describe('core page-number paging (search style)', () => {
  it('returns the requested page with total and total_pages', async () => {
    const res = (await sb.call('POST', '/notes/search', { body: { page: 2, limit: 3 } })).body;
    expect(texts(res)).toEqual(['n5', 'n4', 'n3']);
    expect(res.meta).toEqual({ page: 2, limit: 3, total: 8, total_pages: 3, has_more: true });
    const last = (await sb.call('POST', '/notes/search', { body: { page: 3, limit: 3 } })).body;
    expect(last.meta.has_more).toBe(false);
  });
});
