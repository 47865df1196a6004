/**
 * The generated method table and what turns it into a client's namespaces. `npm run generate`
 * writes one table per API (generated/<api>.sdk.ts) from each operation's `x-sdk-method`; the
 * method signatures there are types only, so at run time every method is one small closure over
 * one table entry, however many operations the spec has.
 */
import type { BaseRequestOptions, Caller, CallInput } from './caller.js';
import type { PagingStyle } from './pagination.js';

export type HeaderRule = 'required' | 'optional';

/** How an operation is sent: what the caller reads. */
export interface OperationInfo {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  /** Header parameters the spec declares for the operation, by exact name. */
  headers: Readonly<Record<string, HeaderRule>>;
  /** How to read a 2xx body. Default `'json'`. */
  parseAs?: 'json' | 'text';
}

export type PagingStyleName = 'cursor' | 'starting-after' | 'page-number';

/** One generated SDK method: the operation it sends and how its positional arguments fill the request. */
export interface MethodInfo extends OperationInfo {
  /** Present when the method takes a body argument (after the path parameters). */
  body?: 'required' | 'optional';
  /** True when the method takes a query argument (after the body, if any). */
  query?: boolean;
  /** A list, paged in this style; its page parameters travel in the query, or in the body of a method without one. */
  paging?: PagingStyleName;
  /** False when the spec says the operation takes no credentials. */
  auth?: false;
}

/**
 * namespace → method → entry, as generated. Operation ids are not in it: they are only needed by
 * tooling, which reads them from the generated `methodByOperationId` beside it, so a browser
 * bundle does not carry them.
 */
export type MethodTable = Readonly<Record<string, Readonly<Record<string, MethodInfo>>>>;

/**
 * Sends one method call; the API's adapter decides between a call, a list and where it goes.
 * `name` (`payments.get`) is what error messages call the operation.
 */
export type SendMethod = (name: string, info: MethodInfo, input: CallInput, options: unknown) => unknown;

/** The paging styles a table uses, so an adapter's style map is checked for completeness at compile time. */
export type PagingStylesOf<T extends MethodTable> = {
  [N in keyof T]: { [M in keyof T[N]]: T[N][M] extends { paging: infer S } ? S : never }[keyof T[N]];
}[keyof T];

/** Path parameter names in path order: `/payments/{id}/refunds` → `['id']`. */
export function pathParamNames(path: string): string[] {
  return path.match(/[^{}]+(?=\})/g) ?? [];
}

/**
 * Builds the namespaces of a client: each method maps its positional arguments (path parameters
 * in path order, then the body, then the query, then request options) onto one `send`.
 */
export function bindMethods<Resources>(table: MethodTable, send: SendMethod): Resources {
  const namespaces: Record<string, Record<string, (...args: unknown[]) => unknown>> = {};
  for (const [namespace, methods] of Object.entries(table)) {
    const bound: Record<string, (...args: unknown[]) => unknown> = (namespaces[namespace] = {});
    for (const [method, info] of Object.entries(methods)) {
      const name = `${namespace}.${method}`;
      const params = pathParamNames(info.path);
      bound[method] = (...args) => {
        const input: CallInput = {};
        let next = 0;
        if (params.length) {
          const path: Record<string, string | number> = (input.path = {});
          for (const param of params) path[param] = args[next++] as string | number;
        }
        if (info.body) input.body = args[next++];
        if (info.query) input.query = args[next++] as object | undefined;
        return send(name, info, input, args[next]);
      };
    }
  }
  return namespaces as Resources;
}

/**
 * The usual `send`: a method with `paging` is a list in the named style, any other a single call.
 * `styles` is the adapter's map from style name to how that style reads a page.
 */
export function sendThrough<Options extends BaseRequestOptions>(caller: Caller<Options>, styles: Readonly<Record<string, PagingStyle<unknown, unknown>>>): SendMethod {
  return (name, info, input, options) =>
    info.paging
      ? caller.list(name, info, input, options as Options | undefined, styles[info.paging]!, info.query ? 'query' : 'body')
      : caller.call(name, info, input, options as Options | undefined);
}
