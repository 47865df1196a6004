/** JustiFi's envelope: `{id, type, data, page_info}`; for arrays `id` is null and `type` is `array` ("All of our responses are contained in the same envelope"). */
import { cursorPage, type PageInfo } from '../core/paging.js';
import type { Entry } from '../core/state.js';
import type { HandlerContext, OperationResponse } from '../core/types.js';

/** One object in the envelope, `page_info: null` as in the reference's samples. */
export function one(status: number, type: string, id: string, data: unknown): OperationResponse {
  return { status, body: { id, type, data, page_info: null } };
}

/** A page of a list: `limit` 1-100 (default 25), `after_cursor` / `before_cursor`, newest first. */
export function page<T extends { id: string; created_at?: unknown }>(entries: Entry<T>[], query: Record<string, unknown>, ctx: HandlerContext, seqOf: (id: string) => number | undefined, view: (value: T) => unknown = (v) => v): OperationResponse {
  const { data, page_info } = cursorPage(entries, query, { seqOf, faults: ctx.faults, defaultLimit: 25 });
  return { status: 200, body: { id: null, type: 'array', data: data.map(view), page_info: page_info satisfies PageInfo } };
}
