/**
 * Finds Debian's Chromium for the browser test, installing it with apt-get when it is missing and
 * this process may (root on a Debian-like system). Playwright's own browser download is not used:
 * these machines and CI have no network to fetch it from, but they do have the Debian mirror.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import path from 'node:path';

export type ChromiumLookup = { executablePath: string; skipReason?: undefined } | { executablePath?: undefined; skipReason: string };

/** Flags that keep Chromium quiet on a closed network: no background fetches, no QUIC, no sync. */
export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

function onPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const candidate = path.join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this folder
    }
  }
  return undefined;
}

export function findChromium(): string | undefined {
  return onPath('chromium') ?? onPath('chromium-browser');
}

function lastLines(text: string | undefined): string {
  return (text ?? '').trim().split('\n').slice(-3).join(' | ');
}

/** The Chromium to drive, or why the browser test has to be skipped. */
export function ensureChromium(): ChromiumLookup {
  const found = findChromium();
  if (found) return { executablePath: found };
  if (process.platform !== 'linux' || !onPath('apt-get')) return { skipReason: 'Chromium is not on PATH and apt-get is not available to install it' };
  if (process.getuid?.() !== 0) return { skipReason: 'Chromium is not on PATH and installing it needs root (apt-get install -y chromium)' };
  console.warn('Chromium is not on PATH: installing it with apt-get (update, install -y chromium)');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update'], ['install', '-y', 'chromium']]) {
    const run = spawnSync('apt-get', args, { env, encoding: 'utf8', timeout: 600_000 });
    if (run.status !== 0) return { skipReason: `Chromium is not on PATH and \`apt-get ${args.join(' ')}\` failed: ${lastLines(run.stderr || run.error?.message)}` };
  }
  const installed = findChromium();
  return installed ? { executablePath: installed } : { skipReason: 'apt-get installed chromium but no chromium is on PATH' };
}
