/**
 * The value every SDK method returns: awaiting it gives the resource, `.withResponse()` gives the
 * HTTP response, the full body (JustiFi's envelope) and the idempotency key the call used.
 */

export interface ApiResult<T, Body = unknown> {
  /** What awaiting the call gives: the resource (JustiFi: the envelope's `data`). */
  data: T;
  /** The whole parsed body (JustiFi: the `{id, type, data, page_info}` envelope). */
  body: Body;
  response: Response;
  /** The key sent in the idempotency header, for writes. */
  idempotencyKey: string | undefined;
}

export class ApiPromise<T, Body = unknown> implements PromiseLike<T> {
  readonly #result: Promise<ApiResult<T, Body>>;
  #data: Promise<T> | undefined;

  constructor(result: Promise<ApiResult<T, Body>>) {
    this.#result = result;
  }

  /** The resource together with the raw response and the idempotency key used. */
  withResponse(): Promise<ApiResult<T, Body>> {
    return this.#result;
  }

  #value(): Promise<T> {
    return (this.#data ??= this.#result.then((r) => r.data));
  }

  then<A = T, B = never>(
    onfulfilled?: ((value: T) => A | PromiseLike<A>) | null,
    onrejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): Promise<A | B> {
    return this.#value().then(onfulfilled, onrejected);
  }

  catch<B = never>(onrejected?: ((reason: unknown) => B | PromiseLike<B>) | null): Promise<T | B> {
    return this.#value().catch(onrejected);
  }

  finally(onfinally?: (() => void) | null): Promise<T> {
    return this.#value().finally(onfinally);
  }

  get [Symbol.toStringTag](): string {
    return 'ApiPromise';
  }
}
