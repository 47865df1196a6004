/**
 * A consumer project with the SDK installed the way a user gets it: `npm run build`, `npm pack`,
 * then `npm install <tarball>` into an empty project in a temporary folder. Whatever the package
 * forgets to ship or mis-declares shows up here, not in the repo's own source tree.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fromRoot, repoRoot } from '../lib/apis.js';

export interface Consumer {
  /** The packed `payments-sdk-<version>.tgz`. */
  tarball: string;
  /** The consumer project: package.json and node_modules/payments-sdk. */
  project: string;
  /** node_modules/payments-sdk inside it. */
  installed: string;
  /** Deletes the temporary folder. */
  remove(): void;
}

/** Runs a command, failing with its output (not just its exit code) when it fails. */
export function runOrExplain(cmd: string, args: string[], cwd: string): string {
  try {
    return execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, npm_config_loglevel: 'error' } });
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(`${cmd} ${args.join(' ')} failed: ${`${e.stdout ?? ''}${e.stderr ?? ''}`.trim() || e.message}`);
  }
}

/**
 * Builds and packs the SDK and installs the tarball into a new project under the OS temp folder.
 * `type` sets the project's package.json `type`, which decides how its `.js` files load.
 */
export function installPackedSdk(options: { prefix: string; type?: 'module' | 'commonjs' }): Consumer {
  const dir = mkdtempSync(path.join(os.tmpdir(), options.prefix));
  try {
    runOrExplain(process.execPath, [fromRoot('node_modules/tsx/dist/cli.mjs'), 'scripts/build.ts'], repoRoot);
    runOrExplain('npm', ['pack', '--pack-destination', dir], repoRoot);
    const tarball = path.join(dir, readdirSync(dir).find((f) => f.endsWith('.tgz'))!);
    const project = path.join(dir, 'consumer');
    mkdirSync(project);
    writeFileSync(path.join(project, 'package.json'), `${JSON.stringify({ name: 'consumer', private: true, ...(options.type ? { type: options.type } : {}) }, null, 2)}\n`);
    runOrExplain('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', tarball], project);
    return { tarball, project, installed: path.join(project, 'node_modules', 'payments-sdk'), remove: () => rmSync(dir, { recursive: true, force: true }) };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}
