/**
 * Headless Debian Chromium through playwright-core. The page loads the installed SDK's ES modules
 * with no bundler, through an import map written from the package's own `exports`, and is served
 * from `localhost` while the API server is on `127.0.0.1`: every call is cross-origin, so the
 * run fails unless the SDK's requests pass CORS and the headers it reads are exposed.
 *
 * Chromium is Debian's package (`.ci/run` installs it); Playwright's own browser download is never
 * used. A missing Chromium is a failure with its reason, not a skip.
 */
import { accessSync, constants, readFileSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { chromium as playwright } from 'playwright-core';
import type { Runner, RunOutcome } from '../runner.js';
import type { SmokeReport } from '../scenario.js';

/** Chromium on PATH, as Debian installs it. */
function findChromium(): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    for (const name of ['chromium', 'chromium-browser']) {
      try {
        accessSync(path.join(dir, name), constants.X_OK);
        return path.join(dir, name);
      } catch {
        // not here
      }
    }
  }
  return undefined;
}

type Exports = string | { [condition: string]: Exports };

/** The file an `import` of `entry` resolves to in a browser: `browser`, then `import`, then `default`. */
function browserTarget(exports: Exports | undefined): string | undefined {
  if (typeof exports === 'string' || exports === undefined) return exports;
  for (const condition of ['browser', 'import', 'default']) {
    const found = browserTarget(exports[condition]);
    if (found) return found;
  }
  return undefined;
}

/** An import map for the SDK's entry points and its one dependency, from their package.json `exports`. */
export function importMapFor(app: string, packages: string[]): { imports: Record<string, string> } {
  const imports: Record<string, string> = {};
  for (const name of packages) {
    const manifest = JSON.parse(readFileSync(path.join(app, 'node_modules', name, 'package.json'), 'utf8')) as { exports: Record<string, Exports> };
    for (const [subpath, target] of Object.entries(manifest.exports)) {
      const file = browserTarget(target);
      if (subpath.includes('*') || !file || !/\.m?js$/.test(file)) continue;
      imports[path.posix.join(name, subpath)] = `/${path.posix.join('node_modules', name, file)}`;
    }
  }
  return { imports };
}

const contentType: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.json': 'application/json' };

/** Serves the app folder on localhost, refusing paths outside it. */
async function serveApp(app: string): Promise<{ origin: string; close(): Promise<void> }> {
  const root = path.resolve(app);
  const server = http.createServer((req, res) => {
    const file = path.join(root, decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname));
    const inside = file.startsWith(root + path.sep);
    (inside ? readFile(file) : Promise.reject(new Error('outside the app')))
      .then((body) => res.writeHead(200, { 'content-type': contentType[path.extname(file)] ?? 'application/octet-stream' }).end(body))
      .catch(() => res.writeHead(404).end());
  });
  await new Promise<void>((resolve) => server.listen(0, 'localhost', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://localhost:${port}`,
    close: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}

export const chromium: Runner = {
  id: 'chromium',
  name: 'Chromium (headless)',
  build: 'esm',
  crossOrigin: true,
  checkIdentity: (identity, version) =>
    // The user agent carries the major version only (Chrome's reduced UA string).
    String(identity.evidence.userAgent).includes(`HeadlessChrome/${version.split('.')[0]}.`) && identity.evidence.hasProcess === false && String(identity.evidence.origin).startsWith('http://localhost:')
      ? undefined
      : `not headless Chromium ${version} on localhost: ${JSON.stringify(identity.evidence)}`,
  async run(context): Promise<RunOutcome> {
    const executablePath = findChromium();
    if (!executablePath) return { version: 'unknown', failure: 'cannot start: chromium is not on PATH (Debian package `chromium`; .ci/run installs it)' };
    const page = readFileSync(path.join(context.app, 'browser.html'), 'utf8').replace('IMPORT_MAP', JSON.stringify(importMapFor(context.app, ['payments-sdk', 'openapi-fetch'])));
    writeFileSync(path.join(context.app, 'index.html'), page);
    const site = await serveApp(context.app);
    let version = 'unknown';
    const problems: string[] = [];
    try {
      const browser = await playwright.launch({ executablePath, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update'] });
      try {
        version = browser.version();
        const tab = await browser.newPage();
        tab.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
        tab.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
        await tab.goto(`${site.origin}/index.html#${encodeURIComponent(JSON.stringify(context.config))}`);
        await tab.waitForFunction(() => 'smokeReport' in window, undefined, { timeout: context.timeoutMs });
        const report = (await tab.evaluate(() => (window as unknown as { smokeReport: Promise<SmokeReport> }).smokeReport)) as SmokeReport;
        return { version, report };
      } finally {
        await browser.close();
      }
    } catch (error) {
      const detail = problems.length ? ` (page: ${problems.slice(0, 3).join(' | ')})` : '';
      return { version, failure: `${error instanceof Error ? error.message.split('\n')[0] : String(error)}${detail}` };
    } finally {
      await site.close();
    }
  },
};
