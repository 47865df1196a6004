/**
 * The Payments API error body, `{type, code, message, argument_errors}` (the spec's `ErrorResponse`,
 * itself inferred: the seed shows no error responses). Every refusal of the Payments sandbox, from
 * the core or from a rule, goes through these helpers so it validates against the operation.
 */
import type { OperationResponse, RequestProblem } from '../core/types.js';

export interface ArgumentError {
  argument: string;
  message: string;
}

/** The broad category the spec's error examples use, by status. */
function typeOf(status: number): string {
  if (status === 401) return 'authentication_error';
  if (status === 403) return 'authorization_error';
  if (status >= 500) return 'api_error';
  return 'invalid_request_error';
}

/**
 * The core's own refusals (sandbox/core/README.md) in this API's words: the spec's examples use
 * `not_found` for a 404 and `bad_request` for a malformed request; the rest keep the core's code,
 * which names the problem (the spec's `code` is a free string).
 */
const coreCodes: Record<string, string> = {
  route_not_found: 'not_found',
  invalid_json: 'bad_request',
  invalid_path: 'bad_request',
  response_invalid: 'internal_error',
  handler_failed: 'internal_error',
};

/** What the core refuses by itself, in the Payments API's body (ApiDefinition.errorResponse). */
export function coreError(status: number, code: string, message: string): OperationResponse {
  return paymentsError(status, coreCodes[code] ?? code, message);
}

/** An error answer in the Payments API's body. */
export function paymentsError(status: number, code: string, message: string, argumentErrors: ArgumentError[] = [], type = typeOf(status)): OperationResponse {
  return { status, body: { type, code, message, argument_errors: argumentErrors } };
}

/** 404 `not_found`: the object does not exist for this API key and account (the spec's NotFound example). */
export function notFound(what: string, id: string): OperationResponse {
  return paymentsError(404, 'not_found', `No ${what} ${id} for this account.`);
}

/**
 * 422: well-formed, but a documented or inferred business rule refuses it (the spec's
 * UnprocessableEntity). Used rather than 409 because the spec reserves 409 for idempotency
 * conflicts, and because the SDK retries a 409.
 */
export function unprocessable(code: string, message: string, argument?: string): OperationResponse {
  return paymentsError(422, code, message, argument ? [{ argument, message }] : []);
}

/**
 * A request that breaks the spec (ApiDefinition.validationError): 400 `validation_error` with one
 * argument error per field and rule. Inferred: 400 rather than 422, because every operation
 * documents 400 and not every one documents 422, and because the spec's own argument message
 * ("amount must not be less than 0") is the class-validator wording of a framework that answers 400.
 */
export function validationError(problems: RequestProblem[]): OperationResponse {
  return paymentsError(
    400,
    'validation_error',
    'One or more arguments are invalid.',
    problems.map((p) => ({ argument: p.field, message: p.missing ? `${p.field} is required` : `${p.field} ${p.rule}` })),
  );
}

/** 400 `validation_error` naming the argument and the rule it breaks. */
export function invalidArgument(argument: string, message: string): OperationResponse {
  return paymentsError(400, 'validation_error', 'One or more arguments are invalid.', [{ argument, message }]);
}

/** Thrown by a rule deep in a call chain; the handler wrapper turns it into its response. */
export class RuleError extends Error {
  constructor(readonly response: OperationResponse) {
    super(String((response.body as { message?: string } | undefined)?.message ?? response.status));
  }
}

/** Throws the response: rules read top-down without threading results back by hand. */
export function refuse(response: OperationResponse): never {
  throw new RuleError(response);
}
