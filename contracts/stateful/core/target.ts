/**
 * Where a stateful run goes: the API's sandbox on a loopback port, behind a Prism proxy by default
 * (so Prism validates every exchange too), on a frozen clock; or, with CONTRACT_TARGET_JUSTIFI /
 * CONTRACT_TARGET_PAYMENTS, a server that already runs (a vendor sandbox), which is never started
 * or stopped here.
 */
import path from 'node:path';
import { createApiServer, createClock, createEventBus, repoRoot, type SandboxClock } from '../../../sandbox/core/index.js';
import { createJustifiApi } from '../../../sandbox/justifi/index.js';
import { createPaymentsApi } from '../../../sandbox/payments/index.js';
import { startPrismProxy } from '../../../scripts/lib/prism-proxy.js';
import { apis } from '../../../scripts/lib/apis.js';
import type { StatefulApiName } from './types.js';

/** The sandbox clock starts here and stands still unless a command moves it (a Tuesday, mid-day UTC). */
export const statefulStart = Date.parse('2030-03-12T12:00:00.000Z');

export interface StatefulTarget {
  url: string;
  external: boolean;
  /** The local sandbox's clock; undefined for an external target. */
  clock: SandboxClock | undefined;
  /** What the local sandbox reported about itself (a response that broke its spec, a handler that threw). */
  failures: string[];
  stop(): Promise<void>;
}

export const externalTargetVariable: Record<StatefulApiName, string> = {
  'justifi-v1': 'CONTRACT_TARGET_JUSTIFI',
  'payments-v1.3': 'CONTRACT_TARGET_PAYMENTS',
};

export interface TargetOptions {
  /** Test-only faults the local sandbox starts with (`refund-unlimited`, `replay-creates-new`, `list-skips-page`). */
  faults?: readonly string[];
  /** Put a Prism proxy in front of the local sandbox. Default true. */
  validate?: boolean;
  /** Use this URL instead of the environment's CONTRACT_TARGET_* (an external target). */
  externalUrl?: string | undefined;
}

export async function startStatefulTarget(api: StatefulApiName, options: TargetOptions = {}): Promise<StatefulTarget> {
  const externalUrl = options.externalUrl ?? process.env[externalTargetVariable[api]];
  if (externalUrl) return { url: externalUrl.replace(/\/+$/, ''), external: true, clock: undefined, failures: [], stop: async () => {} };

  const clock = createClock({ start: statefulStart, frozen: true });
  const events = createEventBus(clock);
  const faults = new Set(options.faults ?? []);
  const failures: string[] = [];
  const make = api === 'justifi-v1' ? createJustifiApi : createPaymentsApi;
  const server = createApiServer(make({ clock, events, faults }), { clock, events, faults, log: (line) => failures.push(line) });
  const direct = await server.start(0);
  if (options.validate === false) return { url: direct, external: false, clock, failures, stop: () => server.stop() };
  try {
    const bundle = path.join(repoRoot, apis.find((a) => a.name === api)!.bundle);
    const proxy = await startPrismProxy(bundle, direct);
    return { url: proxy.url, external: false, clock, failures, stop: async () => { await proxy.stop(); await server.stop(); } };
  } catch (error) {
    await server.stop();
    throw error;
  }
}
