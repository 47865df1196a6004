/**
 * Path parameters that cannot change which endpoint is called. openapi-fetch percent-encodes each
 * value, but `..` and `.` survive encoding and the URL parser resolves them (`refund('..')` would
 * post to the parent path), an empty value removes a segment (`get('')` lists), and `undefined`
 * leaves `{id}` in the URL. Such values are refused before any network call.
 */
import { RequestValidationError } from './errors.js';
import type { OperationInfo } from './operation-table.js';

const placeholders = new WeakMap<OperationInfo, string[]>();
const controlChar = /[\x00-\x1f\x7f]/;

/** The `{name}`s of an operation's path, computed once per operation. */
function namesOf(op: OperationInfo): string[] {
  let names = placeholders.get(op);
  if (!names) placeholders.set(op, (names = [...op.path.matchAll(/\{([^{}]+)\}/g)].map((m) => m[1]!)));
  return names;
}

/** Decodes percent-encoding until it stops changing (so `%252e` counts as `.` too), at most 4 rounds. */
function decoded(value: string): string {
  let out = value;
  for (let i = 0; i < 4 && out.includes('%'); i++) {
    try {
      const next = decodeURIComponent(out);
      if (next === out) break;
      out = next;
    } catch {
      break; // a lone "%" is sent encoded as "%25": harmless
    }
  }
  return out;
}

function refuse(name: string, rule: string, got: string): never {
  throw new RequestValidationError(name, rule, `path parameter ${name} ${rule} (got ${got})`);
}

/** Throws a `RequestValidationError` naming the parameter unless every path parameter is safe to send. */
export function assertPathParams(op: OperationInfo, path: Record<string, unknown> | undefined): void {
  for (const name of namesOf(op)) {
    const value = path?.[name];
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) refuse(name, 'must be a finite number', String(value));
      continue;
    }
    if (typeof value !== 'string') refuse(name, 'must be a non-empty string or a number', value === null ? 'null' : typeof value);
    const plain = decoded(value);
    if (plain.trim() === '') refuse(name, 'must be a non-empty string', JSON.stringify(value));
    if (plain === '.' || plain === '..') refuse(name, 'must not be "." or ".." (in any encoding)', JSON.stringify(value));
    if (controlChar.test(plain)) refuse(name, 'must not contain control characters', JSON.stringify(value));
  }
}
