/**
 * The JustiFi flavour of the shared caller: operation table, envelope unwrapping, and the types of
 * each operation's data, all read from generated/.
 */
import type { ApiPromise } from '../core/api-promise.js';
import type { BaseRequestOptions, Caller, CallInput } from '../core/caller.js';
import type { ItemOf, QueryOf, RequestBodyOf, SuccessBodyOf } from '../core/operation-types.js';
import type { PagePromise } from '../core/pagination.js';
import type { operations as Operations } from '../../generated/justifi-v1.js';
import { operations } from '../../generated/justifi-v1.operations.js';
import { cursorPaging } from './paging.js';

export type OperationId = keyof typeof operations & keyof Operations;

/** Options every JustiFi method takes as its last argument. */
export interface JustifiRequestOptions extends BaseRequestOptions {
  /** `Sub-Account` header for platforms acting for a sub account. Default: the client's `subAccount`. */
  subAccount?: string | undefined;
}

/** The full response body (the `{id, type, data, page_info}` envelope). */
export type Envelope<K extends OperationId> = SuccessBodyOf<Operations[K]>;
/** What a call resolves to: the envelope's `data` (or the body itself when it has none). */
export type Data<K extends OperationId> = Envelope<K> extends { data: infer D } ? D : Envelope<K>;
export type Body<K extends OperationId> = RequestBodyOf<Operations[K]>;
export type Query<K extends OperationId> = QueryOf<Operations[K]>;
export type Item<K extends OperationId> = ItemOf<Data<K>>;

export interface JustifiContext {
  call<K extends OperationId>(id: K, input: CallInput, options?: JustifiRequestOptions): ApiPromise<Data<K>, Envelope<K>>;
  list<K extends OperationId>(id: K, input: CallInput, options?: JustifiRequestOptions): PagePromise<Item<K>, Envelope<K>>;
}

export function createJustifiContext(caller: Caller<JustifiRequestOptions>): JustifiContext {
  return {
    call: (id, input, options) => caller.call(id, operations[id], input, options),
    list: (id, input, options) => caller.list(id, operations[id], input, options, cursorPaging as never),
  };
}
