/**
 * Payments API pagination. Lists page with `starting_after` = the last item's id until a short or
 * empty page, or until `meta` says there is no more; search endpoints page by `page` number.
 * `meta` is collapsed in the vendor's reference, so both styles read it defensively.
 */
import type { PageParams, PagingStyle } from '../core/pagination.js';

interface ListBody {
  data?: unknown[];
  meta?: Record<string, unknown> | null;
}

const defaultLimit = 10;

function itemsOf(body: ListBody): unknown[] {
  return Array.isArray(body?.data) ? body.data : [];
}

/** The page size in force: the server's `meta.limit` (it may cap what was asked), else the requested one. */
function limitOf(meta: ListBody['meta'], params: PageParams): number {
  for (const candidate of [meta?.limit, params.limit]) {
    const limit = Number(candidate);
    if (candidate !== undefined && candidate !== null && Number.isFinite(limit) && limit > 0) return limit;
  }
  return defaultLimit;
}

/** `meta.has_more` when the server says so; otherwise a full page (by `meta.limit` if given) means there may be more. */
function mayHaveMore(meta: ListBody['meta'], items: unknown[], params: PageParams): boolean {
  if (items.length === 0) return false;
  if (typeof meta?.has_more === 'boolean') return meta.has_more;
  return items.length >= limitOf(meta, params);
}

const idOf = (item: unknown) => (item && typeof item === 'object' ? (item as { id?: unknown }).id : undefined);

export const startingAfterPaging: PagingStyle<unknown, ListBody> = {
  items: itemsOf,
  links(params, body, items) {
    const { starting_after: after, ending_before: before, ...rest } = params;
    const first = idOf(items[0]);
    const last = idOf(items[items.length - 1]);
    const paged = after !== undefined || before !== undefined;
    return {
      hasNext: before !== undefined ? true : mayHaveMore(body?.meta, items, params),
      hasPrevious: paged && items.length > 0,
      next: typeof last === 'string' ? { ...rest, starting_after: last } : undefined,
      previous: typeof first === 'string' ? { ...rest, ending_before: first } : undefined,
    };
  },
};

export const pageNumberPaging: PagingStyle<unknown, ListBody> = {
  items: itemsOf,
  links(params, body, items) {
    const page = Number(params.page ?? 1);
    const totalPages = body?.meta?.total_pages;
    const hasNext = typeof totalPages === 'number' && Number.isFinite(totalPages) ? page < totalPages : mayHaveMore(body?.meta, items, params);
    return {
      hasNext,
      hasPrevious: page > 1,
      next: { ...params, page: page + 1 },
      previous: page > 1 ? { ...params, page: page - 1 } : undefined,
    };
  },
};
