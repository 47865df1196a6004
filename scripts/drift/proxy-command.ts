/**
 * `drift proxy --api justifi|payments --upstream <url>`: Prism's proxy mode in front of a real
 * server, validating every request and response against the bundled spec as traffic flows.
 *
 * Prism rather than `redocly proxy`: Redocly's live validation misses undocumented statuses (see
 * undocumented-status-rule.ts), Prism reports them. By default the upstream's answer is passed
 * through unchanged and violations are printed; `--errors` makes Prism answer a violating exchange
 * with a 500 listing the violations instead (for a test suite run through the proxy).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fromRoot } from '../lib/apis.js';
import { freePort } from '../lib/prism.js';
import { loadBundle, operationMatcher } from '../lib/spec-model.js';
import { apiByFlag } from './api-choice.js';
import { UsageError } from './cli-args.js';
import { prismLogParser, type ProxyExchange, type ProxyViolation } from './prism-log.js';

const require = createRequire(import.meta.url);
const prismCli = path.join(path.dirname(require.resolve('@stoplight/prism-cli/package.json')), 'dist', 'index.js');

export interface ProxyOptions {
  api: string;
  upstream: string;
  /** Local port; default: a free one. */
  port?: number;
  /** Prism's `--errors`: replace a violating response with Prism's 500 report. Default false. */
  errors?: boolean;
  /** Where report lines go. Default: stdout. */
  print?: (line: string) => void;
  /** Resolves when the proxy should stop. Default: the first SIGINT or SIGTERM. */
  stopSignal?: Promise<unknown>;
}

function untilSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

function stopChild(child: ChildProcess, exited: Promise<unknown>): Promise<unknown> {
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
  return exited.finally(() => clearTimeout(timer));
}

/**
 * Runs the proxy until stopped; returns the exit code: 0 when no violation was seen, 1 when one
 * was, 2 when Prism could not start or stopped on its own.
 */
export async function runProxy(options: ProxyOptions): Promise<number> {
  const print = options.print ?? ((line: string) => console.log(line));
  const api = apiByFlag(options.api);
  try {
    const url = new URL(options.upstream);
    if (!/^https?:$/.test(url.protocol)) throw new Error('not http(s)');
  } catch {
    throw new UsageError(`--upstream must be an http(s) URL (got "${options.upstream}")`);
  }
  const match = operationMatcher(loadBundle(api));
  const port = options.port ?? (await freePort());
  const args = [prismCli, 'proxy', '-h', '127.0.0.1', '-p', String(port), fromRoot(api.bundle), options.upstream];
  if (options.errors) args.push('--errors');
  // Its own process group: a terminal's Ctrl-C reaches only this process, which then stops Prism
  // itself, so an exit of Prism always means it failed, never that the user stopped the proxy.
  const child = spawn(process.execPath, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' } });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  // Never leave Prism behind, whatever ends this process.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);

  const parse = prismLogParser();
  // The last lines Prism printed, for a failure message.
  const recent: string[] = [];
  const violations: ProxyViolation[] = [];
  let exchanges = 0;
  let listening: (url: string) => void = () => {};
  const ready = new Promise<string>((resolve) => (listening = resolve));
  const exchangeLine = (e: ProxyExchange | undefined) => (e ? `${e.method} ${e.path} → ${e.status} (${match(e.method, e.path) ?? 'no operation'})` : 'exchange unknown');

  for (const stream of [child.stdout!, child.stderr!]) {
    createInterface({ input: stream }).on('line', (line) => {
      recent.push(line);
      if (recent.length > 200) recent.shift();
      for (const event of parse(line)) {
        if (event.type === 'listening') listening(event.url);
        else if (event.type === 'exchange') {
          exchanges++;
          print(exchangeLine(event.exchange));
        } else {
          violations.push(event.violation);
          const v = event.violation;
          print(`  ${v.severity === 'error' ? '✖' : '⚠'} ${v.kind}: ${v.location === 'exchange' ? '' : `${v.location} `}${v.message}`);
        }
      }
    });
  }

  const stop = options.stopSignal ?? untilSignal();
  const started = await Promise.race([
    ready.then((url) => ({ url })),
    exited.then((code) => ({ code })),
    stop.then(() => ({ stopped: true })),
    new Promise<{ timeout: true }>((resolve) => setTimeout(() => resolve({ timeout: true }), 60_000).unref()),
  ]);
  if (!('url' in started)) {
    await stopChild(child, exited);
    process.off('exit', killOnExit);
    if ('stopped' in started) return 0;
    print(`proxy: Prism did not start (${'code' in started ? `exit ${started.code}` : 'no "listening" line in 60 s'}). Its output:\n${recent.join('\n')}`);
    return 2;
  }

  print(`Validating proxy for ${api.title}: ${started.url} → ${options.upstream}`);
  print(`Point the SDK's baseUrl (or CONTRACT_TARGET_${api.name.startsWith('justifi') ? 'JUSTIFI' : 'PAYMENTS'}) at ${started.url}. Ctrl-C stops it.`);
  const ended = await Promise.race([stop.then(() => 'stopped' as const), exited.then(() => 'died' as const)]);
  await stopChild(child, exited);
  process.off('exit', killOnExit);

  if (ended === 'died') {
    print(`proxy: Prism stopped on its own. Its last output:\n${recent.slice(-20).join('\n')}`);
    return 2;
  }
  const byOperation = new Map<string, number>();
  for (const v of violations) {
    const name = v.exchange ? (match(v.exchange.method, v.exchange.path) ?? `${v.exchange.method} ${v.exchange.path}`) : 'unknown exchange';
    byOperation.set(name, (byOperation.get(name) ?? 0) + 1);
  }
  print('');
  print(
    violations.length === 0
      ? `proxy stopped: ${exchanges} exchange${exchanges === 1 ? '' : 's'}, no violations.`
      : `proxy stopped: ${exchanges} exchange${exchanges === 1 ? '' : 's'}, ${violations.length} violation${violations.length === 1 ? '' : 's'}: ${[...byOperation].map(([op, n]) => `${op} ${n}`).join(', ')}.`,
  );
  return violations.length === 0 ? 0 : 1;
}
