/**
 * Runs the drift CLI the way CI does, as its own process, so the tests see real exit codes and
 * real output. Asynchronous, so that tests marked concurrent overlap their runs.
 */
import { spawn } from 'node:child_process';
import { fromRoot, repoRoot } from '../../scripts/lib/apis.js';

export interface DriftRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `node_modules/.bin/tsx scripts/drift.ts ...args` from the repository root; `env` adds variables. */
export function runDrift(args: string[], env: Record<string, string> = {}): Promise<DriftRun> {
  return runCommand(fromRoot('node_modules/.bin/tsx'), ['scripts/drift.ts', ...args], repoRoot, env);
}

/** Runs any command to completion, collecting its output (INIT_CWD set as `npm run` would). */
export function runCommand(command: string, args: string[], cwd = repoRoot, env: Record<string, string> = {}): Promise<DriftRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, NO_COLOR: '1', INIT_CWD: cwd, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}
