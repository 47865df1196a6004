/**
 * JustiFi's error body, `{"error": {"code", "message", "decline_code"}}`, with the messages of the
 * reference's Error Codes table (the spec's `x-enum-descriptions`), and how the sandbox maps what
 * the core refuses and what validation finds onto those documented codes.
 */
import { loadSpec } from '../core/spec.js';
import type { OperationResponse, RequestProblem } from '../core/types.js';
import type { ErrorCode } from './types.js';

export const bundle = 'generated/justifi-v1.yaml';
const spec = loadSpec(bundle);
const descriptions: Record<string, string> = (spec.doc.components as { schemas: Record<string, { 'x-enum-descriptions'?: Record<string, string> }> }).schemas.ErrorCode?.['x-enum-descriptions'] ?? {};
/** The reference's description of each code, e.g. `amount_below_minimum` → "Amount must be greater than 50". */
export const describe = (code: ErrorCode): string => descriptions[code] ?? code;

/** A JustiFi error answer; the message defaults to the code's description in the reference. */
export function justifiError(status: number, code: ErrorCode, message?: string, declineCode?: string): OperationResponse {
  return { status, body: { error: { code, message: message ?? describe(code), ...(declineCode ? { decline_code: declineCode } : {}) } } };
}

/** Thrown by a rule to answer with a JustiFi error from anywhere in a handler. */
export class JustifiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message?: string,
    readonly declineCode?: string,
  ) {
    super(message ?? describe(code));
  }
  get response(): OperationResponse {
    return justifiError(this.status, this.code, this.message, this.declineCode);
  }
}

/**
 * What the core refuses, in documented codes (inferred: the reference has no code for these).
 * The message says what really happened; the code is the nearest one in the table.
 */
const coreCodes: Record<string, ErrorCode> = {
  route_not_found: 'resource_not_found',
  method_not_allowed: 'resource_not_found',
  invalid_path: 'resource_not_found',
  payload_too_large: 'invalid_characters',
  unsupported_media_type: 'invalid_characters',
  invalid_json: 'invalid_characters',
  response_invalid: 'internal_server_error',
  handler_failed: 'internal_server_error',
};

export function errorResponse(status: number, code: string, message: string): OperationResponse {
  return justifiError(status, coreCodes[code] ?? (status >= 500 ? 'internal_server_error' : 'invalid_characters'), message);
}

/**
 * Fields with their own code in the table ("Format is invalid for parameter: …", "Missing required
 * parameter: …"). The table's `%{…}` placeholders are filled in, as the server would.
 */
const invalidCodes: Record<string, ErrorCode> = {
  amount: 'amount_must_be_an_integer',
  currency: 'currency_invalid',
  capture_strategy: 'capture_strategy_invalid',
  email: 'email_invalid',
  reason: 'refund_reason_invalid',
  'card.number': 'card_number_invalid',
  'card.month': 'month_invalid',
  'card.year': 'year_invalid',
  'card.verification': 'verification_invalid',
  'card.address_postal_code': 'postal_code_invalid',
  'card.address_state': 'state_invalid',
  'card.address_country': 'country_invalid',
};
const missingCodes: Record<string, ErrorCode> = {
  amount: 'amount_required',
  currency: 'currency_required',
  payment_method: 'payment_method_required',
  email: 'email_required',
  'card.name': 'card_name_required',
  'card.number': 'card_number_required',
  'card.brand': 'brand_required',
};

/** `payment_method.card.number` → `card.number`; `amount` → `amount`. */
const shortName = (field: string) => field.replace(/^payment_method\./, '');

function codeFor(problem: RequestProblem): ErrorCode | undefined {
  if (problem.location !== 'body') return undefined;
  const name = shortName(problem.field);
  if (problem.missing) return missingCodes[name];
  // "Amount must be greater than 50": the schema's minimum of 1 is the same rule, caught earlier.
  if (name === 'amount' && problem.keyword === 'minimum') return 'amount_below_minimum';
  return invalidCodes[name];
}

function messageFor(problem: RequestProblem, code: ErrorCode | undefined): string {
  if (code === 'refund_reason_invalid') return describe(code).replace('%{Refund::REASONS}', 'duplicate, fraudulent, customer_request');
  const where = problem.location === 'body' ? '' : ` (${problem.location})`;
  return `${problem.field}${where} ${problem.rule}`;
}

/**
 * A request that breaks the spec. A field with its own code answers 422 with that code (e.g.
 * `amount_must_be_an_integer`); any other missing field is 400 `parameter_missing`; any other
 * invalid value is `invalid_characters` (inferred: the table has no generic "invalid" code), 422
 * in a body and 400 in the query, path or headers. The message names every field and rule.
 */
export function validationError(problems: RequestProblem[], operationId: string): OperationResponse {
  const ranked = problems.map((p) => ({ p, code: codeFor(p) })).sort((a, b) => Number(b.code !== undefined) - Number(a.code !== undefined));
  const first = ranked[0]!;
  const message = ranked.map(({ p, code }) => messageFor(p, code)).join('; ');
  const documents422 = spec.byId.get(operationId)?.responses['422'] !== undefined;
  if (first.code) return justifiError(documents422 ? 422 : 400, first.code, message);
  if (first.p.missing) return justifiError(400, 'parameter_missing', `Missing required parameter: ${message}`);
  return justifiError(first.p.location === 'body' && documents422 ? 422 : 400, 'invalid_characters', message);
}
