/**
 * The Payments API's two list styles over stored, newest-first data.
 *
 * Cursor lists. Seed: "starting_after — The id of the entity", "ending_before — The id of the
 * entity, use to sort in reverse order", "limit — Default: 10, Max value is 50". A page after a
 * cursor holds the next-older objects; a page before a cursor holds the `limit` objects just newer
 * than it, still newest first. `meta` (collapsed in the seed, inferred in the spec) is true to the
 * data: `has_more` in the direction paged, and the cursors for the next and previous pages.
 *
 * Search. Seed (transactions): "limit integer <= 50, Default: 10", "page integer >= 1, Default: 1".
 */
import { invalidArgument, refuse } from './errors.js';

export interface CursorQuery {
  starting_after?: string | undefined;
  ending_before?: string | undefined;
  limit?: number | undefined;
}

export interface CursorPage<T> {
  data: T[];
  meta: { has_more: boolean; total: number; limit: number; starting_after: string | null; ending_before: string | null };
}

export const defaultLimit = 10;
export const maxLimit = 50;

function pageLimit(limit: number | undefined): number {
  if (limit === undefined) return defaultLimit;
  // The spec bounds limit above (50) but not below; a page of fewer than one object is no page.
  if (!Number.isInteger(limit) || limit < 1) refuse(invalidArgument('limit', 'limit must not be less than 1'));
  return limit;
}

function indexOf<T extends { id: string }>(items: T[], id: string, argument: string): number {
  const at = items.findIndex((item) => item.id === id);
  if (at < 0) refuse(invalidArgument(argument, `${argument} ${id} is not an object of this list`));
  return at;
}

/** One page of `items` (newest first) for a `starting_after` / `ending_before` query. */
export function cursorPage<T extends { id: string }, R>(items: T[], query: CursorQuery, render: (item: T) => R): CursorPage<R> {
  const limit = pageLimit(query.limit);
  if (query.starting_after !== undefined && query.ending_before !== undefined) {
    refuse(invalidArgument('ending_before', 'send starting_after or ending_before, not both'));
  }
  let start = 0;
  let end = Math.min(items.length, limit);
  let forward = true;
  if (query.starting_after !== undefined) {
    start = indexOf(items, query.starting_after, 'starting_after') + 1;
    end = Math.min(items.length, start + limit);
  } else if (query.ending_before !== undefined) {
    end = indexOf(items, query.ending_before, 'ending_before');
    start = Math.max(0, end - limit);
    forward = false;
  }
  const page = items.slice(start, end);
  return {
    data: page.map(render),
    meta: {
      has_more: forward ? end < items.length : start > 0,
      total: items.length,
      limit,
      starting_after: page.length > 0 && end < items.length ? page[page.length - 1]!.id : null,
      ending_before: page.length > 0 && start > 0 ? page[0]!.id : null,
    },
  };
}

export interface SearchPage<T> {
  data: T[];
  meta: { page: number; limit: number; total: number; total_pages: number; has_more: boolean };
}

/**
 * One page of a page-number search. The payment intent search documents no bounds (its sample
 * sends 0 for both): 0 or absent means the default, and a limit over 50 is served as 50 (inferred
 * from the transaction search, whose bounds the spec enforces on the request).
 */
export function searchPage<T, R>(items: T[], query: { page?: number | undefined; limit?: number | undefined }, render: (item: T) => R): SearchPage<R> {
  const page = query.page === undefined || query.page === 0 ? 1 : query.page;
  const asked = query.limit === undefined || query.limit === 0 ? defaultLimit : query.limit;
  if (page < 1) refuse(invalidArgument('page', 'page must not be less than 1'));
  if (asked < 1) refuse(invalidArgument('limit', 'limit must not be less than 1'));
  const limit = Math.min(asked, maxLimit);
  const totalPages = Math.ceil(items.length / limit);
  const data = items.slice((page - 1) * limit, page * limit).map(render);
  return { data, meta: { page, limit, total: items.length, total_pages: totalPages, has_more: page < totalPages } };
}

/** Items sorted by one column (nulls last either way), ties kept newest first. */
export function sortBy<T>(items: T[], column: keyof T, direction: 'asc' | 'desc' = 'desc'): T[] {
  const sign = direction === 'asc' ? 1 : -1;
  return items
    .map((item, at) => ({ item, at }))
    .sort((a, b) => {
      const x = a.item[column] as unknown;
      const y = b.item[column] as unknown;
      if (x == null || y == null) return x == null && y == null ? a.at - b.at : x == null ? 1 : -1;
      const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
      return order === 0 ? a.at - b.at : sign * order;
    })
    .map(({ item }) => item);
}

/** Whether an ISO timestamp lies within an optional [start, end] range (both inclusive). */
export function withinDates(at: string, start: string | undefined, end: string | undefined): boolean {
  const t = Date.parse(at);
  return (start === undefined || t >= Date.parse(start)) && (end === undefined || t <= Date.parse(end));
}

/** Whether an amount lies within an optional [min, max] range (both inclusive). */
export function withinAmounts(amount: number, min: number | undefined, max: number | undefined): boolean {
  return (min === undefined || amount >= min) && (max === undefined || amount <= max);
}
