/**
 * Auto-pagination shared by every paging style. A `list()` call returns a `PagePromise`: await it
 * for the first page (`hasNext`, `nextPage()` …), or `for await` it for every item across pages.
 * Only the current page is held in memory. Each paging style is a small `PagingStyle` function.
 */
import type { ApiResult } from './api-promise.js';
import { RequestValidationError } from './errors.js';

export type PageParams = Record<string, unknown>;

/** Where to go from a page: derived from the params that fetched it and the body it returned. */
export interface PageLinks {
  hasNext: boolean;
  hasPrevious: boolean;
  next?: PageParams | undefined;
  previous?: PageParams | undefined;
}

/** A paging style: reads the items of a body and the links to its neighbours. */
export interface PagingStyle<Item, Body> {
  items(body: Body): Item[];
  links(params: PageParams, body: Body, items: Item[]): PageLinks;
}

export type PageLoader<Body> = (params: PageParams) => Promise<ApiResult<unknown, Body>>;

export class Page<Item, Body = unknown> {
  readonly data: Item[];
  readonly hasNext: boolean;
  readonly hasPrevious: boolean;
  readonly body: Body;
  readonly response: Response;
  readonly #links: PageLinks;
  readonly #load: (params: PageParams) => Promise<Page<Item, Body>>;

  constructor(result: ApiResult<unknown, Body>, params: PageParams, style: PagingStyle<Item, Body>, load: (params: PageParams) => Promise<Page<Item, Body>>) {
    this.body = result.body;
    this.response = result.response;
    this.data = style.items(result.body);
    this.#links = style.links(params, result.body, this.data);
    this.hasNext = this.#links.hasNext && this.#links.next !== undefined;
    this.hasPrevious = this.#links.hasPrevious && this.#links.previous !== undefined;
    this.#load = load;
  }

  /** The following page; throws when there is none (check `hasNext`). */
  nextPage(): Promise<Page<Item, Body>> {
    if (!this.hasNext) return Promise.reject(new RequestValidationError('nextPage', 'there is no next page (hasNext is false)'));
    return this.#load(this.#links.next!);
  }

  /** The preceding page; throws when there is none (check `hasPrevious`). */
  previousPage(): Promise<Page<Item, Body>> {
    if (!this.hasPrevious) return Promise.reject(new RequestValidationError('previousPage', 'there is no previous page (hasPrevious is false)'));
    return this.#load(this.#links.previous!);
  }

  /** Every item from this page onwards, fetching one page at a time. */
  [Symbol.asyncIterator](): AsyncGenerator<Item> {
    return itemsFrom(this);
  }
}

/** Items of a page and of every page after it; only the current page is held. */
async function* itemsFrom<Item, Body>(first: Page<Item, Body> | Promise<Page<Item, Body>>): AsyncGenerator<Item> {
  let page = await first;
  for (;;) {
    for (const item of page.data) yield item;
    if (!page.hasNext || page.data.length === 0) return;
    page = await page.nextPage();
  }
}

/** Awaitable (first page) and async-iterable (every item). Nothing is sent until used. */
export class PagePromise<Item, Body = unknown> implements PromiseLike<Page<Item, Body>>, AsyncIterable<Item> {
  readonly #start: () => Promise<Page<Item, Body>>;
  #first: Promise<Page<Item, Body>> | undefined;

  constructor(load: PageLoader<Body>, params: PageParams, style: PagingStyle<Item, Body>) {
    const fetchPage = async (p: PageParams): Promise<Page<Item, Body>> => new Page(await load(p), p, style, fetchPage);
    this.#start = () => fetchPage(params);
  }

  #page(): Promise<Page<Item, Body>> {
    return (this.#first ??= this.#start());
  }

  then<A = Page<Item, Body>, B = never>(
    onfulfilled?: ((value: Page<Item, Body>) => A | PromiseLike<A>) | null,
    onrejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): Promise<A | B> {
    return this.#page().then(onfulfilled, onrejected);
  }

  catch<B = never>(onrejected?: ((reason: unknown) => B | PromiseLike<B>) | null): Promise<Page<Item, Body> | B> {
    return this.#page().catch(onrejected);
  }

  finally(onfinally?: (() => void) | null): Promise<Page<Item, Body>> {
    return this.#page().finally(onfinally);
  }

  [Symbol.asyncIterator](): AsyncGenerator<Item> {
    return itemsFrom(this.#page());
  }

  /** Collects items across pages, stopping at `max` (required, so a list can never exhaust memory). */
  async toArray(options: { max: number }): Promise<Item[]> {
    const max = options?.max;
    if (!Number.isInteger(max) || max < 0) throw new RequestValidationError('max', 'toArray needs { max } as a non-negative integer');
    const out: Item[] = [];
    if (max === 0) return out;
    for await (const item of this) {
      out.push(item);
      if (out.length >= max) break;
    }
    return out;
  }

  get [Symbol.toStringTag](): string {
    return 'PagePromise';
  }
}
