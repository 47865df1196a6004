/**
 * A readable transcript of SDK calls: each step prints the HTTP calls it made (method, path,
 * status, milliseconds, from the SDK's own log events) and the key fields it returned. A failing
 * step says which step and why, and stops the flow it belongs to.
 */
import type { LogEvent } from '../../src/core/logger.js';

const tty = process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code: number) => (text: string) => (tty ? `\u001b[${code}m${text}\u001b[0m` : text);
export const green = paint(32);
export const red = paint(31);
export const dim = paint(2);
export const bold = paint(1);

export class Transcript {
  #events: LogEvent[] = [];
  #step = 0;
  failures = 0;

  /** The logger to give the SDK clients: it only keeps response and error events. */
  readonly logger = (event: LogEvent) => {
    if (event.type === 'response' || event.type === 'error' || event.type === 'retry') this.#events.push(event);
  };

  /** One line between steps, for what is not a step (a step that cannot run against this server). */
  note(text: string): void {
    console.log(`     ${dim(text)}`);
  }

  heading(title: string): void {
    console.log(`\n${bold(title)}`);
    this.#step = 0;
  }

  /** Runs one step; returns its value, or undefined after printing why it failed. */
  async step<T>(label: string, run: () => Promise<T>, describe: (value: T) => string): Promise<T | undefined> {
    this.#events = [];
    this.#step++;
    const n = String(this.#step).padStart(2);
    try {
      const value = await run();
      console.log(`${n} ${green('✓')} ${label}`);
      this.#printCalls();
      console.log(`     ${dim('→')} ${describe(value)}`);
      return value;
    } catch (error) {
      this.failures++;
      console.log(`${n} ${red('✗')} ${label}`);
      this.#printCalls();
      const e = error as { name?: string; status?: number; code?: string; message?: string };
      console.log(`     ${red('failed:')} ${e.name ?? 'Error'}${e.status ? ` ${e.status}` : ''}${e.code ? ` ${e.code}` : ''}: ${e.message ?? String(error)}`);
      return undefined;
    }
  }

  #printCalls(): void {
    for (const event of this.#events) {
      if (event.type === 'response') {
        const url = new URL(event.url);
        const target = url.pathname + url.search;
        const shown = target.length > 58 ? `${target.slice(0, 57)}…` : target;
        const status = event.status < 400 ? green(String(event.status)) : red(String(event.status));
        console.log(`     ${event.method.padEnd(6)} ${shown.padEnd(58)} ${status} ${dim(`${String(event.elapsedMs).padStart(4)} ms`)}`);
      } else if (event.type === 'error') {
        console.log(`     ${event.method.padEnd(6)} ${new URL(event.url).pathname.padEnd(58)} ${red(event.error)}`);
      } else if (event.type === 'retry') {
        console.log(`     ${dim(`retry after ${event.delayMs} ms (${event.reason})`)}`);
      }
    }
  }
}
