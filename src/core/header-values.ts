/**
 * Header names and values checked before anything is sent. `Headers` would throw a bare TypeError
 * for CR/LF, NUL or a character beyond Latin-1, and a CR/LF that slipped through could split the
 * request; the SDK refuses them instead, naming the header and the option it came from.
 */
import { RequestValidationError } from './errors.js';

/** RFC 9110 token characters. */
const tokenPattern = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
/** Anything but visible ASCII, space, tab and Latin-1 (obs-text): CR, LF, NUL, other controls, DEL, non-Latin-1. */
const badValueChar = /[^\t\x20-\x7e\x80-\xff]/;

function describeChar(char: string): string {
  const code = char.codePointAt(0)!;
  return ({ 0: 'NUL', 10: 'LF', 13: 'CR' } as Record<number, string>)[code] ?? `${code > 0xff ? 'non-Latin-1' : 'control'} character U+${code.toString(16).padStart(4, '0')}`;
}

/** Throws unless `name` is a valid header name and `value` a string that can travel in a header. */
export function assertHeader(name: string, value: unknown, option?: string): asserts value is string {
  const source = option ? ` (${option})` : '';
  if (!tokenPattern.test(name)) throw new RequestValidationError(name, 'must be a valid header name', `"${name}" is not a valid header name`);
  if (typeof value !== 'string') {
    throw new RequestValidationError(name, 'must be a string', `${name} header${source} must be a string (got ${value === null ? 'null' : typeof value})`);
  }
  const bad = badValueChar.exec(value);
  if (bad) {
    throw new RequestValidationError(name, 'must be Latin-1 text without CR, LF, NUL or other controls', `${name} header${source} contains ${describeChar(bad[0])} at index ${bad.index}`);
  }
}
