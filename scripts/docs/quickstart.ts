/**
 * The landing page's code samples, read from `quickstart/*.example.ts`. Those files are type-checked
 * with the project, so the page shows code that compiles against the current SDK; here they are
 * turned into what a user writes: the package import instead of the relative one, no file header.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface QuickstartSample {
  /** Heading of the sample on the page. */
  title: string;
  /** The package entry point the sample imports. */
  entryPoint: string;
  code: string;
}

const sources = [
  { title: 'JustiFi API v1', file: 'justifi.example.ts', entryPoint: 'payments-sdk/justifi', from: '../../../src/justifi/index.js' },
  { title: 'Payments API v1.3.0', file: 'payments.example.ts', entryPoint: 'payments-sdk/payments', from: '../../../src/payments/index.js' },
] as const;

/** Rewrites an example file into the snippet a user would paste. Exported for its test. */
export function toSnippet(source: string, from: string, entryPoint: string): string {
  const start = source.search(/^import /m);
  if (start < 0) throw new Error('quickstart example has no import line');
  const code = source.slice(start).replaceAll(`'${from}'`, `'${entryPoint}'`);
  if (code.includes('../')) throw new Error(`quickstart example still imports a relative path after rewriting ${from}`);
  return code.trimEnd();
}

/** Both samples, ready to print. */
export function quickstartSamples(): QuickstartSample[] {
  return sources.map(({ title, file, entryPoint, from }) => ({
    title,
    entryPoint,
    code: toSnippet(readFileSync(fileURLToPath(new URL(`./quickstart/${file}`, import.meta.url)), 'utf8'), from, entryPoint),
  }));
}
