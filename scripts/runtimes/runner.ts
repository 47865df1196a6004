/**
 * What one runtime of the matrix is: how to start it on the consumer app, what it must say about
 * itself, and which build of the package it must have loaded. Runners live in runners/.
 */
import { spawn } from 'node:child_process';
import type { RuntimeIdentity, SmokeConfig, SmokeReport } from './scenario.js';

export interface RunContext {
  /** The consumer project: node_modules/payments-sdk, the compiled scenario and the hosts. */
  app: string;
  /** Where this run's calls go, and the credentials the server expects. */
  config: SmokeConfig;
  /** A scratch folder for this run (caches, profiles); deleted with the app. */
  scratch: string;
  timeoutMs: number;
}

export interface RunOutcome {
  /** The version the runtime reports for itself (binary `--version`, package version). */
  version: string;
  report?: SmokeReport | undefined;
  /** The runtime could not start, crashed or printed no report: why, in one line. */
  failure?: string | undefined;
  /** Where the SDK came from when the host cannot tell (a bundle: from esbuild's metafile). */
  loadedFrom?: string | undefined;
}

export interface Runner {
  /** Run id and the server path prefix, e.g. `node-esm`. */
  id: string;
  /** As printed, e.g. `Node (ESM)`. */
  name: string;
  /** The build the runtime must load: `exports` picks dist/esm for import, dist/cjs for require. */
  build: 'esm' | 'cjs';
  /** Whether its calls are cross-origin, so the server must see CORS preflights. */
  crossOrigin?: boolean;
  /** A problem when the report did not come from this runtime (the wrong binary, Node in disguise). */
  checkIdentity(identity: RuntimeIdentity, version: string): string | undefined;
  run(context: RunContext): Promise<RunOutcome>;
}

export interface ProcessResult {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Set when the process could not be started at all (ENOENT, EACCES). */
  startError?: Error | undefined;
  timedOut: boolean;
}

/** Runs a process to completion, killing it (by its own pid) if it outlives `timeoutMs`. */
export function runProcess(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs: number }): Promise<ProcessResult> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: options.cwd, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, options.timeoutMs);
    child.on('error', (startError) => {
      clearTimeout(timer);
      resolve({ code: null, stdout, stderr, startError, timedOut });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, timedOut });
    });
  });
}

/** The last few lines of a process's output, on one line, for a failure message. */
export function tail(text: string, lines = 3): string {
  return text.trim().split('\n').slice(-lines).join(' | ');
}

const marker = 'SMOKE-REPORT ';

/** The report a host printed after its marker, or why there is none. */
export function readReport(result: ProcessResult, timeoutMs: number): { report: SmokeReport } | { failure: string } {
  if (result.startError) return { failure: `cannot start: ${result.startError.message}` };
  if (result.timedOut) return { failure: `no report within ${timeoutMs / 1000} s (killed): ${tail(result.stderr || result.stdout)}` };
  const line = result.stdout.split('\n').find((l) => l.startsWith(marker));
  if (result.code !== 0 || !line) return { failure: `exited with code ${result.code} and ${line ? 'a report' : 'no report'}: ${tail(result.stderr || result.stdout)}` };
  try {
    return { report: JSON.parse(line.slice(marker.length)) as SmokeReport };
  } catch (error) {
    return { failure: `unreadable report: ${(error as Error).message}` };
  }
}

/** A runtime's `--version` output (first line), or why it could not be run. */
export async function versionOf(command: string, args: string[], cwd: string): Promise<{ version: string } | { failure: string }> {
  const result = await runProcess(command, args, { cwd, timeoutMs: 30_000 });
  if (result.startError) return { failure: `cannot start ${command}: ${result.startError.message}` };
  if (result.code !== 0) return { failure: `${command} ${args.join(' ')} exited with code ${result.code}: ${tail(result.stderr || result.stdout)}` };
  return { version: result.stdout.trim().split('\n')[0] ?? '' };
}
