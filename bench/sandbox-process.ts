/**
 * The JustiFi sandbox in its own process for the throughput bench (so its CPU time is its own, as
 * Prism's is), started with `--expose-gc` so the parent can ask for its live heap: the message
 * `heap` is answered with `{ heapUsed }` after a full GC.
 */
import { createApiServer, createClock, createEventBus } from '../sandbox/core/index.js';
import { createJustifiApi } from '../sandbox/justifi/index.js';
import { reply } from './child.js';

const clock = createClock();
const events = createEventBus(clock);
const server = createApiServer(createJustifiApi({ clock, events }), { clock, events });
const url = await server.start();

const gc = (globalThis as { gc?: () => void }).gc;
process.on('message', (message) => {
  if (message !== 'heap') return;
  gc?.();
  gc?.();
  void reply({ heapUsed: process.memoryUsage().heapUsed, gcExposed: typeof gc === 'function' });
});
process.on('disconnect', () => void server.stop().then(() => process.exit(0)));
await reply({ url });
