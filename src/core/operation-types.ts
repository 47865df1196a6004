/**
 * Type-level readers over openapi-typescript's `operations` interface. They know the shape
 * openapi-typescript emits, not any particular API, so every adapter derives its method
 * signatures from generated/ instead of hand-writing request or response types.
 */

type Content<T> = T extends { content: infer C } ? C[keyof C] : never;
type SuccessStatus = 200 | 201 | 202 | 203 | 204;

/** The JSON request body of an operation (`never` when it takes none). */
export type RequestBodyOf<Op> = Op extends { requestBody?: infer RB } ? Content<NonNullable<RB>> : never;

/** Query parameters of an operation. */
export type QueryOf<Op> = Op extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;

/** Path parameters of an operation. */
export type PathOf<Op> = Op extends { parameters: { path?: infer P } } ? NonNullable<P> : never;

/** The body of the operation's 2xx response. */
export type SuccessBodyOf<Op> = Op extends { responses: infer R } ? Content<R[Extract<keyof R, SuccessStatus>]> : never;

/** The element type of an array (or `never`). */
export type ItemOf<T> = T extends readonly (infer I)[] ? I : never;

/** Whether openapi-typescript made the operation's request body required, optional, or left it out. */
export type BodyRuleOf<Op> = [RequestBodyOf<Op>] extends [never] ? 'none' : Op extends { requestBody: unknown } ? 'required' : 'optional';

type ArgumentsOf<F> = F extends (...args: infer A) => unknown ? A : never;

/**
 * How a method takes the body of `Op` at argument `index`: `'required'`, `'optional'`, or
 * `'none'` when that argument is a query or the request options instead. Anything else means the
 * signature and the spec disagree (`'not the body'`).
 */
export type BodyArgumentRuleOf<F, Index extends number, Op, Options> = `${Index}` extends keyof ArgumentsOf<F>
  ? [NonNullable<ArgumentsOf<F>[Index]>] extends [never]
    ? 'not the body'
    : [NonNullable<ArgumentsOf<F>[Index]>] extends [RequestBodyOf<Op>]
      ? [RequestBodyOf<Op>] extends [NonNullable<ArgumentsOf<F>[Index]>]
        ? {} extends Pick<ArgumentsOf<F>, `${Index}`> ? 'optional' : 'required'
        : 'not the body'
      : [NonNullable<ArgumentsOf<F>[Index]>] extends [QueryOf<Op> | Options]
        ? 'none'
        : 'not the body'
  : 'none';
