/**
 * The three paging styles of the two APIs, over a collection's entries (newest first):
 *
 * - `cursorPage`: JustiFi's `after_cursor` / `before_cursor` with `page_info` (`has_next`,
 *   `has_previous`, `start_cursor`, `end_cursor`). A cursor encodes the object it points at
 *   (`["<created_at>","<id>"]`, base64url, the shape of the reference's sample cursors), so it
 *   stays valid and means the same place while objects are added.
 * - `idCursorPage`: the Payments API's `starting_after` / `ending_before` (object ids) with
 *   `{data, meta}`.
 * - `numberedPage`: page-number search (`page`, `limit`) with `total` and `total_pages`.
 *
 * `page_info` and `meta` are computed from the data itself: `has_next` is true exactly when an
 * object exists past the page. With the test-only fault `list-skips-page`, the second page of a
 * listing is skipped (the page after the first one starts one page further), for issue 13.
 */
import { ProblemError } from './problems.js';
import type { Entry } from './state.js';

export interface PageInfo {
  has_previous: boolean;
  has_next: boolean;
  start_cursor: string | null;
  end_cursor: string | null;
}

export interface PagingOptions {
  /** Looks up the sequence number of the object a cursor names (`Collection.seqOf`). */
  seqOf(id: string): number | undefined;
  faults?: ReadonlySet<string> | undefined;
  /** Used when the query has no usable `limit`. */
  defaultLimit: number;
}

function limitOf(value: unknown, fallback: number): number {
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

/** JustiFi cursor for an object: base64url of `["<created_at>","<id>"]`. */
export function encodeCursor(value: { id: string; created_at?: unknown }): string {
  return Buffer.from(JSON.stringify([String(value.created_at ?? ''), value.id])).toString('base64url');
}

function cursorSeq(field: string, cursor: string, options: PagingOptions): number {
  let id: unknown;
  try {
    id = (JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[])[1];
  } catch {
    id = undefined;
  }
  const seq = typeof id === 'string' ? options.seqOf(id) : undefined;
  if (seq === undefined) throw new ProblemError([{ location: 'query', field, rule: 'is not a cursor this list returned (use page_info.start_cursor / end_cursor)', missing: false, keyword: 'cursor' }]);
  return seq;
}

/** Where the page starts and ends in `all`, for a cursor at `seq` going forward (older) or back (newer). */
function window(all: Entry<unknown>[], limit: number, cursor: { seq: number; forward: boolean } | undefined, faults: ReadonlySet<string> | undefined): [number, number] {
  if (!cursor) return [0, Math.min(limit, all.length)];
  if (cursor.forward) {
    let start = all.findIndex((e) => e.seq < cursor.seq);
    if (start < 0) start = all.length;
    if (faults?.has('list-skips-page') && start === limit) start += limit;
    return [Math.min(start, all.length), Math.min(start + limit, all.length)];
  }
  let end = all.findIndex((e) => e.seq <= cursor.seq);
  if (end < 0) end = all.length;
  return [Math.max(0, end - limit), end];
}

/** A JustiFi page: `after_cursor` goes to older objects, `before_cursor` to newer ones. */
export function cursorPage<T extends { id: string; created_at?: unknown }>(all: Entry<T>[], query: Record<string, unknown>, options: PagingOptions): { data: T[]; page_info: PageInfo } {
  const limit = limitOf(query.limit, options.defaultLimit);
  const after = typeof query.after_cursor === 'string' && query.after_cursor !== '' ? query.after_cursor : undefined;
  const before = typeof query.before_cursor === 'string' && query.before_cursor !== '' ? query.before_cursor : undefined;
  if (after !== undefined && before !== undefined) {
    throw new ProblemError([{ location: 'query', field: 'before_cursor', rule: 'cannot be combined with after_cursor (page one way at a time)', missing: false, keyword: 'cursor' }]);
  }
  const cursor = after !== undefined ? { seq: cursorSeq('after_cursor', after, options), forward: true } : before !== undefined ? { seq: cursorSeq('before_cursor', before, options), forward: false } : undefined;
  const [start, end] = window(all as Entry<unknown>[], limit, cursor, options.faults);
  const data = all.slice(start, end).map((e) => e.value);
  return {
    data,
    page_info: {
      has_previous: start > 0,
      has_next: end < all.length,
      start_cursor: data.length ? encodeCursor(data[0]!) : null,
      end_cursor: data.length ? encodeCursor(data[data.length - 1]!) : null,
    },
  };
}

export interface IdCursorMeta {
  has_more: boolean;
  total: number;
  limit: number;
  starting_after: string | null;
  ending_before: string | null;
}

/** A Payments API page: `starting_after` an id goes to older objects, `ending_before` an id to newer ones. */
export function idCursorPage<T extends { id: string }>(all: Entry<T>[], query: Record<string, unknown>, options: PagingOptions): { data: T[]; meta: IdCursorMeta } {
  const limit = limitOf(query.limit, options.defaultLimit);
  const after = typeof query.starting_after === 'string' && query.starting_after !== '' ? query.starting_after : undefined;
  const before = typeof query.ending_before === 'string' && query.ending_before !== '' ? query.ending_before : undefined;
  if (after !== undefined && before !== undefined) {
    throw new ProblemError([{ location: 'query', field: 'ending_before', rule: 'cannot be combined with starting_after (page one way at a time)', missing: false, keyword: 'cursor' }]);
  }
  const seqOf = (field: string, id: string) => {
    const seq = options.seqOf(id);
    if (seq === undefined) throw new ProblemError([{ location: 'query', field, rule: `is not the id of an object in this list (got "${id.slice(0, 64)}")`, missing: false, keyword: 'cursor' }]);
    return seq;
  };
  const cursor = after !== undefined ? { seq: seqOf('starting_after', after), forward: true } : before !== undefined ? { seq: seqOf('ending_before', before), forward: false } : undefined;
  const [start, end] = window(all as Entry<unknown>[], limit, cursor, options.faults);
  const data = all.slice(start, end).map((e) => e.value);
  const hasOlder = end < all.length;
  const hasNewer = start > 0;
  return {
    data,
    meta: {
      has_more: cursor && !cursor.forward ? hasNewer : hasOlder,
      total: all.length,
      limit,
      starting_after: hasOlder && data.length ? data[data.length - 1]!.id : null,
      ending_before: hasNewer && data.length ? data[0]!.id : null,
    },
  };
}

export interface PageNumberMeta {
  page: number;
  limit: number;
  total: number;
  total_pages: number;
  has_more: boolean;
}

/** A page-number search page (`page` from 1). */
export function numberedPage<T>(all: readonly T[], query: Record<string, unknown>, defaultLimit: number): { data: T[]; meta: PageNumberMeta } {
  const limit = limitOf(query.limit, defaultLimit);
  const page = limitOf(query.page, 1);
  const totalPages = Math.ceil(all.length / limit);
  return {
    data: all.slice((page - 1) * limit, page * limit),
    meta: { page, limit, total: all.length, total_pages: totalPages, has_more: page < totalPages },
  };
}
