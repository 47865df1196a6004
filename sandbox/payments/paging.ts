/**
 * The Payments API's two list styles, on the core's paging helpers (sandbox/core/paging.ts).
 *
 * Cursor lists. Seed: "starting_after — The id of the entity", "ending_before — The id of the
 * entity, use to sort in reverse order", "limit — Default: 10, Max value is 50" (the maximum is in
 * the spec, so request validation enforces it). A cursor must be an object of the list it pages.
 *
 * Search. Seed (transactions): "limit integer <= 50, Default: 10", "page integer >= 1, Default: 1".
 */
import { idCursorPage, numberedPage, type Collection, type Entry } from '../core/index.js';
import type { RuleContext } from './context.js';
import { invalidArgument, refuse } from './errors.js';

export const defaultLimit = 10;
export const maxLimit = 50;

/** One `starting_after` / `ending_before` page of `entries` (newest first), rendered. */
export function listPage<T extends { id: string }, R>(rc: RuleContext, entries: Entry<T>[], query: Record<string, unknown>, render: (item: T) => R) {
  // The spec bounds limit above (50) but not below; a page of fewer than one object is no page (inferred).
  if (typeof query.limit === 'number' && query.limit < 1) refuse(invalidArgument('limit', 'limit must not be less than 1'));
  // Only an object of this very list is a cursor: another account's id is as unknown as a made-up one.
  const seqs = new Map(entries.map((e) => [e.value.id, e.seq]));
  const page = idCursorPage(entries, query, { seqOf: (id) => seqs.get(id), faults: rc.faults, defaultLimit });
  return { data: page.data.map(render), meta: page.meta };
}

/**
 * One page of a page-number search. The payment intent search documents no bounds (its sample
 * sends 0 for both): 0 or absent means the default, a limit over 50 is served as 50 (inferred from
 * the transaction search, whose bounds the spec enforces on the request), a negative one is refused.
 */
export function searchPage<T, R>(items: T[], query: { page?: number | undefined; limit?: number | undefined }, render: (item: T) => R) {
  if (query.page !== undefined && query.page < 0) refuse(invalidArgument('page', 'page must not be less than 1'));
  if (query.limit !== undefined && query.limit < 0) refuse(invalidArgument('limit', 'limit must not be less than 1'));
  const limit = query.limit ? Math.min(query.limit, maxLimit) : defaultLimit;
  const page = numberedPage(items, { page: query.page || 1, limit }, defaultLimit);
  return { data: page.data.map(render), meta: page.meta };
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
