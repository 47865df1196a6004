/**
 * Facts read straight from the source documents in ../shared/seeds, so the spec tests compare the
 * specs with the documents themselves rather than with a copy that could drift from both.
 */
import { readFileSync } from 'node:fs';
import { fromRoot } from '../../scripts/lib/apis.js';

export const justifiSeedPath = fromRoot('../shared/seeds/000_1ae82f8584d26681.txt');

function lines(file: string): string[] {
  return readFileSync(file, 'utf8').split(/\r?\n/);
}

/** Lines strictly between a heading line and the next line equal to `until`. */
function section(all: string[], heading: string, until: string): string[] {
  const start = all.indexOf(heading);
  if (start < 0) throw new Error(`seed has no line "${heading}"`);
  const end = all.indexOf(until, start + 1);
  if (end < 0) throw new Error(`seed has no line "${until}" after "${heading}"`);
  return all.slice(start + 1, end);
}

/** The codes of the JustiFi "Error Codes" table, in document order. */
export function justifiErrorCodes(): string[] {
  return section(lines(justifiSeedPath), 'Error Code Description', 'API Credentials')
    .map((line) => line.trim().split(/\s+/)[0] ?? '')
    .filter((code) => /^[a-z][a-z0-9_]+$/.test(code));
}

/** Every card, routing and account number in the JustiFi "Testing" section. */
export function justifiTestNumbers(): string[] {
  const numbers = section(lines(justifiSeedPath), 'Testing', 'HTTP Errors')
    .flatMap((line) => line.match(/\b\d{9,19}\b/g) ?? []);
  return [...new Set(numbers)];
}
