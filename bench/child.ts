/**
 * Runs a bench/ TypeScript file in its own Node process (with tsx loaded) and talks to it over IPC.
 * The server lives in a child so its CPU time is not charged to the client under test, and the
 * pagination run lives in a child so it starts from a clean heap with `--expose-gc`.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { fromBench, repoRoot } from './paths.js';

export interface Child<Message> {
  process: ChildProcess;
  /** The first message the child sends; rejects if it exits first. */
  message: Promise<Message>;
  /** Disconnects and waits for the child to exit. */
  stop(): Promise<void>;
}

/** Forks `bench/<file>` with `input` as its one argument (JSON). */
export function forkBench<Message>(file: string, input: unknown, nodeFlags: string[] = []): Child<Message> {
  const child = fork(fromBench(file), [JSON.stringify(input)], {
    cwd: repoRoot,
    execArgv: ['--import', 'tsx', ...nodeFlags],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const message = new Promise<Message>((resolve, reject) => {
    child.once('message', (m) => resolve(m as Message));
    child.once('error', reject);
    child.once('exit', (code, signal) => reject(new Error(`bench/${file} exited (${signal ?? code}) before reporting`)));
  });
  return {
    process: child,
    message,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        if (child.connected) child.disconnect();
        const timer = setTimeout(() => child.kill(), 5_000);
        await exited;
        clearTimeout(timer);
      }
    },
  };
}

/** In a child: the JSON argument the parent passed. */
export function childInput<T>(): T {
  return JSON.parse(process.argv[2] ?? '{}') as T;
}

/** In a child: sends `message` to the parent. */
export function reply(message: unknown): Promise<void> {
  return new Promise((resolve, reject) => process.send!(message, (error: Error | null) => (error ? reject(error) : resolve())));
}
