/**
 * Ajv's errors, read as the field and rule a person would name: `payment_method.card.number must
 * match pattern …`, not `/payment_method/card/number` plus a schema path. A handler can also
 * refuse a request this way by throwing a `ProblemError`; the core answers it with the API's
 * validation error, exactly as if the schema had caught it.
 */
import type { ErrorObject } from 'ajv';
import type { RequestProblem } from './types.js';

/** Thrown by a handler (or a paging helper) for a request the schema could not catch, e.g. an unknown cursor. */
export class ProblemError extends Error {
  constructor(readonly problems: RequestProblem[]) {
    super(problems.map((p) => `${p.field} ${p.rule}`).join('; '));
    this.name = 'ProblemError';
  }
}

/** `/payment_method/card/number` → `payment_method.card.number`; `/owners/0/name` → `owners[0].name`. */
export function fieldName(instancePath: string, property?: string): string {
  const tokens = instancePath
    .split('/')
    .slice(1)
    .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (property !== undefined) tokens.push(property);
  let out = '';
  for (const token of tokens) out += /^\d+$/.test(token) ? `[${token}]` : out ? `.${token}` : token;
  return out;
}

function ruleOf(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'enum':
      return `must be one of: ${(params.allowedValues as unknown[]).map(String).join(', ')}`;
    case 'const':
      return `must be ${JSON.stringify(params.allowedValue)}`;
    case 'additionalProperties':
      return 'is not allowed here';
    default:
      return error.message ?? `breaks the ${error.keyword} rule`;
  }
}

/**
 * For `oneOf`/`anyOf`, Ajv reports every alternative that failed. When the value went into one
 * alternative (errors below the combinator's own path), only that one's errors are kept; when it
 * fits none (a `payment_method` with neither `card`, `bank_account` nor `token`), one problem
 * names the alternatives.
 */
function pruneAlternatives(errors: ErrorObject[]): ErrorObject[] {
  let kept = errors;
  for (const combinator of errors.filter((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf')) {
    const at = combinator.instancePath;
    const deeper = kept.some((e) => e.instancePath.startsWith(`${at}/`));
    const selectors = kept.filter((e) => e.instancePath === at && e.keyword === 'required');
    if (deeper) {
      kept = kept.filter((e) => e !== combinator && !selectors.includes(e));
    } else if (selectors.length > 0) {
      const names = selectors.map((e) => String((e.params as { missingProperty?: unknown }).missingProperty));
      const merged = { ...combinator, keyword: 'required', params: { missingProperty: undefined, alternatives: names }, message: `must have one of: ${names.join(', ')}` } as ErrorObject;
      kept = kept.filter((e) => e !== combinator && !selectors.includes(e)).concat(merged);
    }
  }
  return kept;
}

/** Ajv errors for one request location → problems, one per field and rule, without duplicates. */
export function problemsFrom(location: RequestProblem['location'], errors: ErrorObject[] | null | undefined): RequestProblem[] {
  const out: RequestProblem[] = [];
  const seen = new Set<string>();
  for (const error of pruneAlternatives(errors ?? [])) {
    const params = error.params as { missingProperty?: string; additionalProperty?: string; alternatives?: string[] };
    const missing = error.keyword === 'required';
    const field = missing && params.missingProperty !== undefined ? fieldName(error.instancePath, params.missingProperty) : fieldName(error.instancePath, params.additionalProperty);
    const rule = missing && params.alternatives === undefined ? 'is required' : ruleOf(error);
    const key = `${field}\u0000${rule}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ location, field: field || '(body)', rule, missing, keyword: error.keyword });
  }
  return out;
}
