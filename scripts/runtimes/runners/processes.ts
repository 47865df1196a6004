/**
 * Runtimes that run the host as a process on the consumer app: Node with `import` and with
 * `require`, Bun and Deno (both with `import`, resolving the package from node_modules as Node does).
 */
import path from 'node:path';
import { findRuntimeBinary } from '../binaries.js';
import { readReport, type RunContext, type Runner, type RunOutcome, runProcess, versionOf } from '../runner.js';

/** Runs `command args… <host> <config>` and reads its report; `version` comes from the binary itself. */
async function runHost(command: string | { problem: string }, versionArgs: string[], args: string[], host: string, context: RunContext, env: NodeJS.ProcessEnv = {}): Promise<RunOutcome> {
  if (typeof command !== 'string') return { version: 'unknown', failure: `cannot start: ${command.problem}` };
  const version = await versionOf(command, versionArgs, context.app);
  if ('failure' in version) return { version: 'unknown', failure: version.failure };
  const result = await runProcess(command, [...args, host, JSON.stringify(context.config)], { cwd: context.app, env, timeoutMs: context.timeoutMs });
  return { version: version.version, ...readReport(result, context.timeoutMs) };
}

const binary = (name: 'bun' | 'deno') => {
  const found = findRuntimeBinary(name);
  return 'path' in found ? found.path : found;
};

/** The report must come from plain Node: no Bun or Deno evidence, the same version as this process. */
const isNode = (identity: { version: string; evidence: Record<string, unknown> }, version: string) =>
  identity.evidence.node && !identity.evidence.bun && !identity.evidence.deno && identity.version === version ? undefined : `not Node ${version}: ${JSON.stringify(identity)}`;

export const nodeEsm: Runner = {
  id: 'node-esm',
  name: 'Node (ESM, import)',
  build: 'esm',
  checkIdentity: isNode,
  run: (context) => runHost(process.execPath, ['--version'], [], 'node-host.js', context),
};

export const nodeCjs: Runner = {
  id: 'node-cjs',
  name: 'Node (CJS, require)',
  build: 'cjs',
  checkIdentity: isNode,
  run: (context) => runHost(process.execPath, ['--version'], [], 'node-host.cjs', context),
};

export const bun: Runner = {
  id: 'bun',
  name: 'Bun',
  build: 'esm',
  checkIdentity: (identity, version) => (identity.evidence.bun === version ? undefined : `not Bun ${version}: ${JSON.stringify(identity.evidence)}`),
  // No telemetry, no auto-install: the package must come from node_modules.
  run: (context) => runHost(binary('bun'), ['--version'], ['--no-install'], 'node-host.js', context, { DO_NOT_TRACK: '1', BUN_INSTALL_CACHE_DIR: path.join(context.scratch, 'bun-cache') }),
};

export const deno: Runner = {
  id: 'deno',
  name: 'Deno',
  build: 'esm',
  checkIdentity: (identity, version) => (version.startsWith(`deno ${String(identity.evidence.deno)} `) ? undefined : `not ${version}: ${JSON.stringify(identity.evidence)}`),
  // Network for loopback only; nothing else is granted. DENO_DIR keeps its cache out of $HOME.
  run: (context) =>
    runHost(binary('deno'), ['--version'], ['run', '--allow-net=127.0.0.1', '--no-prompt'], 'node-host.js', context, {
      DENO_DIR: path.join(context.scratch, 'deno-dir'),
      DENO_NO_UPDATE_CHECK: '1',
      NO_COLOR: '1',
    }),
};
