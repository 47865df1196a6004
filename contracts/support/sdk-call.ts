/**
 * The contract suite calls every operation the way a user does: through the public client's
 * method for it, found in the generated method table, with the generated input laid out as that
 * method's positional arguments. Inputs arrive untyped from the generators (and deliberately
 * invalid for negative checks), so the call is made past the method's types.
 */
import { type MethodInfo, pathParamNames } from '../../src/core/operation-table.js';
import { methodsByOperation, type SdkModule } from '../../scripts/lib/sdk-method-map.js';

export interface OperationInput {
  path: Record<string, string>;
  query: Record<string, unknown> | undefined;
  body: unknown;
}

/** An SDK call: an ApiPromise (has withResponse) or a PagePromise (awaitable to a Page). */
export type SdkCall = PromiseLike<unknown>;

/** A method's positional arguments for an input: its path parameters in path order, then the body and the query where it takes them. */
export function positionalArguments(info: MethodInfo, input: OperationInput): unknown[] {
  const args: unknown[] = pathParamNames(info.path).map((name) => input.path[name]);
  if (info.body) args.push(input.body);
  if (info.query) args.push(input.query);
  return args;
}

/** How many positional arguments a method takes before its request options. */
export const argumentCount = (info: MethodInfo): number => positionalArguments(info, { path: {}, query: undefined, body: undefined }).length;

/** Calls operations on clients through the methods the generated SDK module names for them. */
export function sdkCaller(sdk: SdkModule): (client: object, operationId: string, input: OperationInput, options: object) => SdkCall {
  const methods = methodsByOperation(sdk);
  return (client, operationId, input, options) => {
    const ref = methods.get(operationId);
    if (!ref) throw new Error(`no SDK method sends ${operationId}: add x-sdk-method to it and run \`npm run generate\``);
    const args = positionalArguments(ref.info, input);
    const method = (client as Record<string, Record<string, (...a: unknown[]) => SdkCall>>)[ref.namespace]?.[ref.method];
    if (!method) throw new Error(`the client has no ${ref.namespace}.${ref.method} (for ${operationId})`);
    return method(...args, options);
  };
}
