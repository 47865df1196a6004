/** Object ids: a prefix chosen by each API (`py`, `pi`, `pm`, `re`…) and 22 random base62 characters, like JustiFi's `py_438xBom2Drh55kE1WfyGLg`. */
import { randomBytes } from 'node:crypto';

const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

// Random bytes are drawn in blocks: one system call per few hundred ids, not one per id.
let pool = randomBytes(8192);
let at = 0;
function nextByte(): number {
  if (at === pool.length) {
    pool = randomBytes(8192);
    at = 0;
  }
  return pool[at++]!;
}

/** Random base62 text of `length` characters (rejection sampling, so every character is equally likely). */
export function randomBase62(length: number): string {
  let out = '';
  while (out.length < length) {
    const byte = nextByte();
    if (byte < 248) out += alphabet[byte % 62];
  }
  return out;
}

/** A new id, e.g. `newId('py')` → `py_438xBom2Drh55kE1WfyGLg`. */
export function newId(prefix: string): string {
  return `${prefix}_${randomBase62(22)}`;
}
