/**
 * Auto-pagination shared by every paging style. A `list()` call returns a `PagePromise`: await it
 * for the first page (`hasNext`, `nextPage()` …), or `for await` it for every item across pages.
 * Only the current page is held in memory. Each paging style is a small `PagingStyle` function.
 *
 * Iteration cannot loop forever on a misbehaving server: a next-page request identical to one
 * already sent (a repeated JustiFi `end_cursor`, Payments `starting_after` id or search `page`) is
 * not sent, and a page whose items are those of a page already seen (a server ignoring the cursor)
 * is not yielded; either ends the iteration with a `PaginationLoopError`, after at most one repeat.
 */
import type { ApiResult } from './api-promise.js';
import { PaginationLoopError, RequestValidationError } from './errors.js';

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

/** The params that fetched a page and those of the page after it, for the loop guard. */
const requests = new WeakMap<Page<unknown, unknown>, { params: PageParams; next: PageParams | undefined }>();

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
    requests.set(this, { params, next: this.#links.next });
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

/**
 * What identifies a page's content: its length and its first and last items, by `id` where they
 * have one (every item of both APIs does), else by their JSON.
 */
function fingerprint(items: unknown[]): string {
  const key = (item: unknown) => {
    const id = item && typeof item === 'object' ? (item as { id?: unknown }).id : undefined;
    return typeof id === 'string' || typeof id === 'number' ? `#${id}` : JSON.stringify(item);
  };
  return `${items.length}\u0000${key(items[0])}\u0000${key(items[items.length - 1])}`;
}

/**
 * Items of a page and of every page after it; only the current page is held (plus, for the loop
 * guard, one short key per page: its request params and its fingerprint).
 */
async function* itemsFrom<Item, Body>(first: Page<Item, Body> | Promise<Page<Item, Body>>): AsyncGenerator<Item> {
  let page = await first;
  const sent = new Set([JSON.stringify(requests.get(page)!.params)]);
  const seen = new Set([fingerprint(page.data)]);
  for (;;) {
    for (const item of page.data) yield item;
    if (!page.hasNext || page.data.length === 0) return;
    const next = JSON.stringify(requests.get(page)!.next);
    if (sent.has(next)) throw new PaginationLoopError(`pagination loop: page ${next} was already requested`);
    sent.add(next);
    page = await page.nextPage();
    const content = fingerprint(page.data);
    if (page.data.length > 0 && seen.has(content)) throw new PaginationLoopError(`pagination loop: page ${next} repeats an earlier page`);
    seen.add(content);
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
