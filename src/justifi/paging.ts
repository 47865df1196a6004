/**
 * JustiFi cursor pagination: `page_info.end_cursor` goes into `after_cursor` while `has_next`;
 * `start_cursor` into `before_cursor` while `has_previous`.
 */
import type { PagingStyle } from '../core/pagination.js';

interface CursorBody {
  data?: unknown[];
  page_info?: { has_next?: boolean; has_previous?: boolean; start_cursor?: string | null; end_cursor?: string | null } | null;
}

export const cursorPaging: PagingStyle<unknown, CursorBody> = {
  items: (body) => (Array.isArray(body?.data) ? body.data : []),
  links(params, body) {
    const info = body?.page_info ?? {};
    const { after_cursor: _after, before_cursor: _before, ...rest } = params;
    return {
      hasNext: info.has_next === true,
      hasPrevious: info.has_previous === true,
      next: info.end_cursor ? { ...rest, after_cursor: info.end_cursor } : undefined,
      previous: info.start_cursor ? { ...rest, before_cursor: info.start_cursor } : undefined,
    };
  },
};
