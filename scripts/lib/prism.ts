/**
 * Starting and stopping Prism mock servers. Prism has no health endpoint, so readiness is its
 * "listening" log line; a server that never says it fails with Prism's own output. Every process
 * started here is tracked so it can be stopped on teardown, on failure and on Ctrl-C.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';

const require = createRequire(import.meta.url);
const prismCli = path.join(path.dirname(require.resolve('@stoplight/prism-cli/package.json')), 'dist', 'index.js');

export interface PrismServer {
  url: string;
  /** Everything Prism printed so far (for failure messages). */
  output(): string;
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();

function stopAllNow(): void {
  for (const child of running) child.kill('SIGKILL');
  running.clear();
}

let hooked = false;
function hookProcessExit(): void {
  if (hooked) return;
  hooked = true;
  process.once('exit', stopAllNow);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      stopAllNow();
      process.kill(process.pid, signal);
    });
  }
}

/** A free TCP port on the loopback interface. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface StartPrismOptions {
  /** Prism's response validation (`--errors`). Default true. */
  errors?: boolean;
  /** Generate responses from schemas instead of examples (`--dynamic`). Default false. */
  dynamic?: boolean;
  timeoutMs?: number;
}

/** Starts `prism mock` on a free loopback port and resolves once it is listening. */
export async function startPrism(specFile: string, options: StartPrismOptions = {}): Promise<PrismServer> {
  hookProcessExit();
  const port = await freePort();
  const args = [prismCli, 'mock', '-h', '127.0.0.1', '-p', String(port), specFile];
  if (options.errors ?? true) args.push('--errors');
  if (options.dynamic) args.push('--dynamic');
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' } });
  running.add(child);
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const stop = async () => {
    if (!running.has(child)) return;
    running.delete(child);
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 2000);
    await exited;
    clearTimeout(timer);
  };

  const timeoutMs = options.timeoutMs ?? 30_000;
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`Prism did not start within ${timeoutMs} ms for ${specFile}. Its output:\n${output}`)), timeoutMs);
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        if (/Prism is listening on/.test(output)) {
          clearTimeout(timer);
          resolve();
        }
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', onData);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`Prism exited (code ${code}) before listening for ${specFile}. Its output:\n${output}`));
      });
    });
  } catch (error) {
    await stop();
    throw error;
  }
  // Keep the log bounded: a long run would otherwise hold every request line.
  child.stdout!.on('data', () => {
    if (output.length > 200_000) output = output.slice(-100_000);
  });
  return { url: `http://127.0.0.1:${port}`, output: () => output, stop };
}
