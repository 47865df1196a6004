/**
 * The JustiFi flavour of the generated namespaces: the argument and result types their signatures
 * use (read from generated/), and how a method reaches the wire (envelope lists page by cursor;
 * the token exchange goes to the token endpoint without a token).
 */
import type { ApiPromise } from '../core/api-promise.js';
import type { BaseRequestOptions, Caller } from '../core/caller.js';
import { type PagingStylesOf, type SendMethod, sendThrough } from '../core/operation-table.js';
import type { ItemOf, PathOf, QueryOf, RequestBodyOf, SuccessBodyOf } from '../core/operation-types.js';
import type { PagePromise, PagingStyle } from '../core/pagination.js';
import type { operations as Operations } from '../../generated/justifi-v1.js';
import type { sdkMethods } from '../../generated/justifi-v1.sdk.js';
import { cursorPaging } from './paging.js';

export type OperationId = keyof Operations;

/** Options every JustiFi method takes as its last argument. */
export interface JustifiRequestOptions extends BaseRequestOptions {
  /** `Sub-Account` header for platforms acting for a sub account. Default: the client's `subAccount`. */
  subAccount?: string | undefined;
}

/** The full response body (the `{id, type, data, page_info}` envelope). */
export type Envelope<K extends OperationId> = SuccessBodyOf<Operations[K]>;
/** What a call resolves to: the envelope's `data` (or the body itself when it has none). */
export type Data<K extends OperationId> = Envelope<K> extends { data: infer D } ? D : Envelope<K>;
export type Item<K extends OperationId> = ItemOf<Data<K>>;

// The names the generated namespaces (generated/justifi-v1.sdk.ts) are written in.
export type { MethodTable } from '../core/operation-table.js';
export type Options = JustifiRequestOptions;
export type Body<K extends OperationId> = RequestBodyOf<Operations[K]>;
export type Query<K extends OperationId> = QueryOf<Operations[K]>;
export type PathParam<K extends OperationId, Name extends keyof PathOf<Operations[K]>> = PathOf<Operations[K]>[Name];
/** A single call: awaiting gives the data; `.withResponse()` adds the envelope, the response and the key. */
export type Call<K extends OperationId> = ApiPromise<Data<K>, Envelope<K>>;
/** A list: awaiting gives the first page; `for await` walks every item. */
export type List<K extends OperationId> = PagePromise<Item<K>, Envelope<K>>;

const pagingStyles: Record<PagingStylesOf<typeof sdkMethods>, PagingStyle<unknown, unknown>> = {
  cursor: cursorPaging as PagingStyle<unknown, unknown>,
};

/**
 * How JustiFi methods are sent. An operation the spec marks `security: []` needs no token; in
 * this API that is the token exchange itself, which lives at `tokenUrl` outside the `/v1` base
 * URL, so it goes through `tokenCaller` (no auth, no idempotency key) to that URL.
 */
export function createJustifiSender(caller: Caller<JustifiRequestOptions>, tokenCaller: Caller<JustifiRequestOptions>): SendMethod {
  const send = sendThrough(caller, pagingStyles);
  return (name, info, input, options) =>
    info.auth === false ? tokenCaller.call(name, { ...info, path: '' }, input, options as JustifiRequestOptions | undefined) : send(name, info, input, options);
}
