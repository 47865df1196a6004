/**
 * Where the SDK is running, read from globals only (no Node-only import reaches a browser bundle):
 * which server runtime names itself in `User-Agent`, and whether this looks like a browser page.
 */
import { RequestValidationError } from './errors.js';
import { sdkVersion } from './version.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const runtimeGlobals = globalThis as any;

/** openai-node's test: a page has `window`, `window.document` and `navigator`. */
export function isBrowserLike(): boolean {
  return typeof runtimeGlobals.window !== 'undefined' && typeof runtimeGlobals.window?.document !== 'undefined' && typeof runtimeGlobals.navigator !== 'undefined';
}

/** `runtime/version` of a server runtime that lets a request set `User-Agent`; undefined in a browser. */
function serverRuntime(): string | undefined {
  const g = runtimeGlobals;
  if (isBrowserLike()) return undefined;
  if (typeof g.Bun?.version === 'string') return `bun/${g.Bun.version}`;
  if (typeof g.Deno?.version?.deno === 'string') return `deno/${g.Deno.version.deno}`;
  if (typeof g.EdgeRuntime === 'string') return 'edge-runtime';
  if (g.navigator?.userAgent === 'Cloudflare-Workers') return 'workerd';
  if (typeof g.process?.versions?.node === 'string') return `node/${g.process.versions.node}`;
  return undefined;
}

/** `payments-sdk/<version> (<runtime>/<version>)`, or undefined where it cannot be set (browsers). */
export function sdkUserAgent(): string | undefined {
  const runtime = serverRuntime();
  return runtime && `payments-sdk/${sdkVersion} (${runtime})`;
}

/**
 * Refuses to build a client holding a server credential inside a browser page, where anyone who
 * loads the page can read it, unless the caller says they know (`dangerouslyAllowBrowser: true`).
 */
export function assertServerSide(credential: string, allowBrowser: boolean | undefined): void {
  if (allowBrowser === true || !isBrowserLike()) return;
  throw new RequestValidationError(
    'dangerouslyAllowBrowser',
    'required to create a client in a browser',
    `In a browser the ${credential} is readable by anyone who opens the page: call the API from a server, or pass dangerouslyAllowBrowser: true if you accept that.`,
  );
}
