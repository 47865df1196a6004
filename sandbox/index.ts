/**
 * `startSandbox`: both stateful sandboxes in this process, each on its own loopback port, sharing
 * one clock and one event bus. With `validate`, a Prism proxy (`prism proxy <bundle> <sandbox>
 * --errors`) stands in front of each and `url` is the proxy's, so every exchange is checked against
 * the spec by a second, independent validator; `directUrl` stays available. With `webhooks`, every
 * event of either API is posted, signed, to one URL (sandbox/webhooks/).
 *
 * ```ts
 * const sandbox = await startSandbox();
 * const justifi = createJustifiClient({ clientId: 'test_me', clientSecret: 's', baseUrl: sandbox.justifi.url });
 * …
 * await sandbox.stop();
 * ```
 */
import { createApiServer, type ApiServer } from './core/server.js';
import { createClock } from './core/clock.js';
import { createEventBus } from './core/events.js';
import { loadSpec, repoRoot } from './core/spec.js';
import type { EventBus, SandboxClock } from './core/types.js';
import { createJustifiApi } from './justifi/index.js';
import { createPaymentsApi } from './payments/index.js';
import { createWebhookDelivery, type WebhookDelivery, type WebhookDeliveryOptions } from './webhooks/delivery.js';
import path from 'node:path';
import { startPrismProxy, type PrismProxy } from '../scripts/lib/prism-proxy.js';

/** Webhook delivery for `startSandbox`: `createWebhookDelivery`'s options, the bus aside (the sandbox's). */
export type SandboxWebhookOptions = Omit<WebhookDeliveryOptions, 'events'>;

export interface SandboxOptions {
  /** Port of the JustiFi sandbox (of its proxy with `validate`). Default: a free one. */
  justifiPort?: number | undefined;
  /** Port of the Payments API sandbox (of its proxy with `validate`). Default: a free one. */
  paymentsPort?: number | undefined;
  /** Put a Prism proxy in front of each sandbox. Default false. */
  validate?: boolean | undefined;
  /** JustiFi access-token lifetime in ms. Default 24 h. */
  tokenTtlMs?: number | undefined;
  /** The clock both sandboxes read. Default: one that follows real time. */
  clock?: SandboxClock | undefined;
  /** Test-only faults (`replay-creates-new`, `list-skips-page`, `refund-unlimited`). Default none. */
  faults?: Iterable<string> | undefined;
  /** Simulated processing time of keyed writes, in ms (lets concurrent requests overlap). Default 0. */
  latencyMs?: number | undefined;
  /** Where the sandboxes report their own failures. Default stderr. */
  log?: ((line: string) => void) | undefined;
  /**
   * Post every event, signed, to `webhooks.url` (JustiFi deliveries with `justifiSecret`, Payments API
   * ones with `paymentsSecret`, by default derived from it). Default: no delivery.
   */
  webhooks?: SandboxWebhookOptions | undefined;
  /** Compile every operation's validators at start instead of on first use (see sandbox/core/pipeline.ts). Default false. */
  precompile?: boolean | undefined;
}

export interface RunningApi {
  /** Where clients should go: the proxy with `validate`, else the sandbox itself. */
  url: string;
  /** The sandbox itself, without a proxy. */
  directUrl: string;
  /** The Prism proxy in front, with `validate`. */
  proxy: PrismProxy | undefined;
  server: ApiServer;
  title: string;
}

export interface Sandbox {
  justifi: RunningApi;
  payments: RunningApi;
  clock: SandboxClock;
  events: EventBus;
  /** The webhook delivery, with `webhooks`: every delivery so far, the Payments API secret in use. */
  webhooks: WebhookDelivery | undefined;
  /** Stops the webhook delivery (waiting a bounded time for deliveries in flight), then the proxies and the servers. Safe to call twice. */
  stop(): Promise<void>;
}

/** Starts both sandboxes (and their proxies with `validate`); everything started is stopped again if one part fails. */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const clock = options.clock ?? createClock();
  const events = createEventBus(clock);
  const faults = new Set(options.faults ?? []);
  const apiOptions = { clock, events, faults, tokenTtlMs: options.tokenTtlMs };
  const serverOptions = { ...apiOptions, latencyMs: options.latencyMs, log: options.log, precompile: options.precompile };
  const parts = [
    { api: createJustifiApi(apiOptions), port: options.justifiPort },
    { api: createPaymentsApi(apiOptions), port: options.paymentsPort },
  ];
  const started: { stop(): Promise<void> }[] = [];
  const stopAll = async () => {
    // Deliveries first: the servers' last events are still being posted.
    await webhooks?.stop();
    await Promise.all(started.splice(0).reverse().map((s) => s.stop()));
  };
  // Created before anything starts, so bad webhook options fail the start with nothing to clean up.
  // The payload checks read the same parsed bundles the servers route with.
  const webhooks = options.webhooks
    ? createWebhookDelivery({ ...options.webhooks, events, specs: options.webhooks.specs ?? Object.fromEntries(parts.map(({ api }) => [api.name, loadSpec(api.bundle).doc])) })
    : undefined;
  try {
    // allSettled, not all: a part that fails must not leave the other still starting after the clean-up.
    const settled = await Promise.allSettled(
      parts.map(async ({ api, port }): Promise<RunningApi> => {
        const server = createApiServer(api, serverOptions);
        const directUrl = await server.start(options.validate ? 0 : (port ?? 0));
        started.push(server);
        let proxy: PrismProxy | undefined;
        if (options.validate) {
          proxy = await startPrismProxy(path.join(repoRoot, api.bundle), directUrl, { port });
          started.push(proxy);
        }
        return { url: proxy?.url ?? directUrl, directUrl, proxy, server, title: api.title };
      }),
    );
    const failed = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
    const running = settled.map((r) => (r as PromiseFulfilledResult<RunningApi>).value);
    let stopped: Promise<void> | undefined;
    return { justifi: running[0]!, payments: running[1]!, clock, events, webhooks, stop: () => (stopped ??= stopAll()) };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
