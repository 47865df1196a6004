/**
 * `prism proxy <spec> <upstream> --errors` on a free loopback port: Prism forwards every request to
 * the upstream and checks both directions against the spec; with `--errors` a violating exchange is
 * answered with Prism's 500 report instead of passing through. Ready once Prism says it is
 * listening; stopped with the process that started it, whatever ends that process.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { freePort } from './prism.js';

const require = createRequire(import.meta.url);
const prismCli = path.join(path.dirname(require.resolve('@stoplight/prism-cli/package.json')), 'dist', 'index.js');

export interface PrismProxy {
  url: string;
  /** The process id of the Prism child (tests check that it is gone after stop). */
  pid: number;
  output(): string;
  stop(): Promise<void>;
}

const children = new Set<ChildProcess>();
let exitHooked = false;

/** Starts a Prism proxy for `specFile` in front of `upstream`. */
export async function startPrismProxy(specFile: string, upstream: string, options: { port?: number; timeoutMs?: number } = {}): Promise<PrismProxy> {
  if (!exitHooked) {
    exitHooked = true;
    process.once('exit', () => children.forEach((c) => c.kill('SIGKILL')));
  }
  const port = options.port ?? (await freePort());
  const child = spawn(process.execPath, [prismCli, 'proxy', '-h', '127.0.0.1', '-p', String(port), specFile, upstream, '--errors'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' },
  });
  children.add(child);
  let log = '';
  const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (!children.delete(child)) return;
    child.kill('SIGTERM');
    const force = setTimeout(() => child.kill('SIGKILL'), 2000);
    await gone;
    clearTimeout(force);
  };
  const listening = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`prism proxy did not start within ${options.timeoutMs ?? 30_000} ms for ${specFile}:\n${log}`)), options.timeoutMs ?? 30_000);
    const read = (chunk: Buffer) => {
      log = (log + chunk.toString()).slice(-100_000);
      if (log.includes('Prism is listening on')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    void gone.then(() => {
      clearTimeout(timer);
      reject(new Error(`prism proxy exited before listening for ${specFile}:\n${log}`));
    });
  });
  try {
    await listening;
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: `http://127.0.0.1:${port}`, pid: child.pid!, output: () => log, stop };
}
