/** Both Prism mocks at once, each from its bundled spec, on free loopback ports. */
import { apis, fromRoot } from './apis.js';
import { startPrism, type PrismServer } from './prism.js';

export interface Mocks {
  justifi: PrismServer;
  payments: PrismServer;
  stop(): Promise<void>;
}

export async function startMocks(): Promise<Mocks> {
  const results = await Promise.allSettled(apis.map((api) => startPrism(fromRoot(api.bundle))));
  const started = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
  const stop = () => Promise.all(started.map((s) => s.stop())).then(() => undefined);
  const failure = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failure) {
    await stop();
    throw failure.reason;
  }
  return { justifi: started[0]!, payments: started[1]!, stop };
}
