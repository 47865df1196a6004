/**
 * Wall time of the code-generation pipeline and the contract suite. Both run in a throw-away copy of
 * the working tree (node_modules linked, not copied), so the benchmark never rewrites generated/ or
 * reports/ under someone else's feet; the copy is made before the clock starts.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { repoRoot } from './paths.js';

export interface PipelineCommand {
  /** Program and arguments, run with the copy as working directory. */
  argv: string[];
}

export interface PipelineOptions {
  generate: PipelineCommand;
  contracts: PipelineCommand;
}

export interface PipelineStep {
  seconds: number;
  exitCode: number;
}

export interface PipelineResult {
  generate: PipelineStep;
  contracts: PipelineStep;
}

/** The commands the issue names: `npm run generate` and the contract project of vitest. */
export const defaultPipeline: PipelineOptions = {
  generate: { argv: ['npm', 'run', '-s', 'generate'] },
  contracts: { argv: ['npx', 'vitest', 'run', '--project', 'contracts'] },
};

const skipped = new Set(['node_modules', '.git', 'dist']);

function snapshot(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'payments-sdk-bench-'));
  cpSync(repoRoot, dir, { recursive: true, filter: (source) => !skipped.has(path.relative(repoRoot, source)) });
  symlinkSync(path.join(repoRoot, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  return dir;
}

function timed(command: PipelineCommand, cwd: string): Promise<PipelineStep> {
  const [program, ...args] = command.argv;
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(program!, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, FORCE_COLOR: '0' } });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4_000)));
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = (performance.now() - t0) / 1000;
      if (code !== 0) process.stderr.write(`bench: \`${command.argv.join(' ')}\` exited ${code}\n${stderr}\n`);
      resolve({ seconds, exitCode: code ?? 1 });
    });
  });
}

/** Times each step in a fresh copy of the working tree (generate first: the suite reads its output). */
export async function measurePipeline(options: PipelineOptions = defaultPipeline): Promise<PipelineResult> {
  const dir = snapshot();
  try {
    const generate = await timed(options.generate, dir);
    const contracts = await timed(options.contracts, dir);
    return { generate, contracts };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
