/**
 * Runs the Redocly CLI from node_modules with the network and the Node 20 deprecation banner kept
 * out of the way: the banner is noise on every run, and telemetry must never leave the machine.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import { createRequire } from 'node:module';
import path from 'node:path';
import { repoRoot } from './apis.js';

const require = createRequire(import.meta.url);
const cliEntry = path.join(path.dirname(require.resolve('@redocly/cli/package.json')), 'bin', 'cli.js');

export interface CliResult {
  status: number;
  stdout: string;
  stderr: string;
}

/** Lines of the boxed "Node.js 20 support is ending" notice, which Redocly prints on every run. */
function withoutBanner(text: string): string {
  return text
    .split('\n')
    .filter((line) => !/^\s*[╔║╚]/.test(line))
    .join('\n')
    .replace(/^\s*\n+/, '');
}

export function runRedocly(args: string[]): CliResult {
  const result = spawnSync(process.execPath, [cliEntry, ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: {
      ...process.env,
      REDOCLY_TELEMETRY: 'off',
      REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true',
      REDOCLY_SUPPRESS_NOTIFICATIONS: 'true',
      NO_COLOR: process.env.NO_COLOR ?? (process.stdout.isTTY ? '' : '1'),
    },
  });
  if (result.error) throw result.error;
  return {
    status: result.status ?? 1,
    stdout: withoutBanner(result.stdout),
    stderr: withoutBanner(result.stderr),
  };
}

/**
 * Runs a Redocly command that writes a JSON report with `-o`, and returns the parsed report.
 * The exit code is not the verdict (callers pass `--fail-on none` or judge the report); a missing
 * report is the failure, reported with the CLI's own output.
 */
export function runRedoclyJson<T>(args: string[]): T {
  const dir = mkdtempSync(path.join(os.tmpdir(), `payments-sdk-${args[0]}-`));
  try {
    const out = path.join(dir, 'report.json');
    const result = runRedocly([...args, '-o', out]);
    let text: string;
    try {
      text = readFileSync(out, 'utf8');
    } catch {
      throw new Error(`redocly ${args[0]} failed (exit ${result.status}):\n${result.stdout}${result.stderr}`.trim());
    }
    return JSON.parse(text) as T;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
