/** The Payments API flavour of the shared caller: operation table and types from generated/. */
import type { ApiPromise } from '../core/api-promise.js';
import type { BaseRequestOptions, Caller, CallInput } from '../core/caller.js';
import type { ItemOf, QueryOf, RequestBodyOf, SuccessBodyOf } from '../core/operation-types.js';
import type { PagePromise, PagingStyle } from '../core/pagination.js';
import type { operations as Operations } from '../../generated/payments-v1.3.js';
import { operations } from '../../generated/payments-v1.3.operations.js';
import { pageNumberPaging, startingAfterPaging } from './paging.js';

export type OperationId = keyof typeof operations & keyof Operations;

/** Options every Payments API method takes as its last argument. */
export interface PaymentsRequestOptions extends BaseRequestOptions {
  /** `x-account-id` for this call. Default: the client's `accountId`. */
  accountId?: string | undefined;
  /** `x-business-id` for this call. Default: the client's `businessId`. */
  businessId?: string | undefined;
}

/** What a call resolves to: the response body. */
export type Data<K extends OperationId> = SuccessBodyOf<Operations[K]>;
export type Body<K extends OperationId> = RequestBodyOf<Operations[K]>;
export type Query<K extends OperationId> = QueryOf<Operations[K]>;
export type Item<K extends OperationId> = Data<K> extends { data?: infer D } ? ItemOf<NonNullable<D>> : never;

export interface PaymentsContext {
  call<K extends OperationId>(id: K, input: CallInput, options?: PaymentsRequestOptions): ApiPromise<Data<K>, Data<K>>;
  /** A `starting_after` list (params in the query). */
  list<K extends OperationId>(id: K, input: CallInput, options?: PaymentsRequestOptions): PagePromise<Item<K>, Data<K>>;
  /** A page-number search (params in the JSON body). */
  search<K extends OperationId>(id: K, input: CallInput, options?: PaymentsRequestOptions): PagePromise<Item<K>, Data<K>>;
}

export function createPaymentsContext(caller: Caller<PaymentsRequestOptions>): PaymentsContext {
  return {
    call: (id, input, options) => caller.call(id, operations[id], input, options),
    list: (id, input, options) => caller.list(id, operations[id], input, options, startingAfterPaging as PagingStyle<never, never>),
    search: (id, input, options) => caller.list(id, operations[id], input, options, pageNumberPaging as PagingStyle<never, never>, 'body'),
  };
}
