/**
 * The Payments API flavour of the generated namespaces: the argument and result types their
 * signatures use (read from generated/), and the two paging styles its lists use.
 */
import type { ApiPromise } from '../core/api-promise.js';
import type { BaseRequestOptions, Caller } from '../core/caller.js';
import { type PagingStylesOf, type SendMethod, sendThrough } from '../core/operation-table.js';
import type { ItemOf, PathOf, QueryOf, RequestBodyOf, SuccessBodyOf } from '../core/operation-types.js';
import type { PagePromise, PagingStyle } from '../core/pagination.js';
import type { operations as Operations } from '../../generated/payments-v1.3.js';
import type { sdkMethods } from '../../generated/payments-v1.3.sdk.js';
import { pageNumberPaging, startingAfterPaging } from './paging.js';

export type OperationId = keyof Operations;

/** Options every Payments API method takes as its last argument. */
export interface PaymentsRequestOptions extends BaseRequestOptions {
  /** `x-account-id` for this call. Default: the client's `accountId`. */
  accountId?: string | undefined;
  /** `x-business-id` for this call. Default: the client's `businessId`. */
  businessId?: string | undefined;
}

/** What a call resolves to: the response body. */
export type Data<K extends OperationId> = SuccessBodyOf<Operations[K]>;
export type Item<K extends OperationId> = Data<K> extends { data?: infer D } ? ItemOf<NonNullable<D>> : never;

// The names the generated namespaces (generated/payments-v1.3.sdk.ts) are written in.
export type { MethodTable } from '../core/operation-table.js';
export type Options = PaymentsRequestOptions;
export type Body<K extends OperationId> = RequestBodyOf<Operations[K]>;
export type Query<K extends OperationId> = QueryOf<Operations[K]>;
export type PathParam<K extends OperationId, Name extends keyof PathOf<Operations[K]>> = PathOf<Operations[K]>[Name];
/** A single call: awaiting gives the body; `.withResponse()` adds the response and the key. */
export type Call<K extends OperationId> = ApiPromise<Data<K>, Data<K>>;
/** A list or a search: awaiting gives the first page; `for await` walks every item. */
export type List<K extends OperationId> = PagePromise<Item<K>, Data<K>>;

const pagingStyles: Record<PagingStylesOf<typeof sdkMethods>, PagingStyle<unknown, unknown>> = {
  'starting-after': startingAfterPaging as PagingStyle<unknown, unknown>,
  'page-number': pageNumberPaging as PagingStyle<unknown, unknown>,
};

/** How Payments API methods are sent: lists by `starting_after`, searches by page number (in the body). */
export function createPaymentsSender(caller: Caller<PaymentsRequestOptions>): SendMethod {
  return sendThrough(caller, pagingStyles);
}
