/**
 * Webhook delivery for the sandbox: every event on the bus becomes a signed POST to one URL, in
 * the envelope and with the signature scheme of the API it happened in, validated against that
 * spec's webhook first (an invalid payload is reported and never sent), retried on anything but a
 * 2xx with short doubling backoff, re-signed on each attempt with the same event / message id.
 * Stopping waits for deliveries in flight, for a bounded time: then they are abandoned (failed).
 */
import { RequestValidationError } from '../../src/core/errors.js';
import { Secret } from '../../src/core/redact.js';
import type { EventBus, SandboxEvent } from '../core/types.js';
import { justifiEnvelope, newEventId, newMessageId, paymentsEnvelope } from './envelopes.js';
import { compilePayloadChecks, type ApiName, type WebhookSpecs } from './payload-schemas.js';
import { checkWhsecSecret, derivePaymentsWebhookSecret, signJustifi, signStandardWebhooks } from './signing.js';

export interface WebhookDeliveryOptions {
  /** Where every delivery is posted (both APIs; receivers tell them apart by their signature headers). */
  url: string;
  /** Signs JustiFi deliveries (`JUSTIFI-SIGNATURE`). */
  justifiSecret: string;
  /** Signs Payments API deliveries; must be `whsec_…`. Default: derived from `justifiSecret`. */
  paymentsSecret?: string | undefined;
  /** The bus to subscribe to. */
  events: EventBus;
  /** Bundled specs to validate payloads with. Default: generated/<api>.yaml. */
  specs?: WebhookSpecs | undefined;
  /** Signing time. Default: the wall clock (receivers check it against theirs). */
  clock?: { now(): number } | undefined;
  /** Retries after the first attempt. Default 3 (JustiFi retries test deliveries 3 times). */
  retries?: number | undefined;
  /** Wait before the first retry, doubling after each. Default 200 ms. */
  backoffMs?: number | undefined;
  /** Per-attempt timeout. Default: the API's documented answer time, 5 s (JustiFi) or 15 s (Payments API). */
  timeoutMs?: number | undefined;
  /** The fetch implementation. Default: the global `fetch`. */
  fetch?: typeof fetch | undefined;
  /** Called once per event when its delivery is settled (delivered, failed or invalid). */
  onSettled?: ((delivery: Readonly<WebhookDeliveryRecord>) => void) | undefined;
  /** How long `stop()` waits for deliveries in flight before abandoning them. Default 5,000 ms. */
  stopTimeoutMs?: number | undefined;
}

export interface WebhookAttempt {
  /** The receiver's HTTP status, when it answered. */
  status?: number | undefined;
  /** Why there was no answer (refused, timed out). */
  error?: string | undefined;
}

export interface WebhookDeliveryRecord {
  api: ApiName;
  /** The event name, e.g. `payment.created`. */
  event: string;
  /** The JustiFi event id (`evt_…`) or the Svix message id (`msg_…`), the same on every attempt. */
  id: string;
  /** `invalid`: the payload broke the spec and was not sent (see `problems`). */
  status: 'pending' | 'delivered' | 'failed' | 'invalid';
  attempts: WebhookAttempt[];
  /** The body that was (or would have been) posted. */
  body: string;
  /** Spec violations of an `invalid` payload. */
  problems: string[];
  /** True when a stop abandoned the delivery (an attempt aborted, or retries left untried). */
  abandoned?: boolean | undefined;
}

export interface WebhookDelivery {
  /** Every event seen, in the order it was emitted. */
  readonly deliveries: readonly Readonly<WebhookDeliveryRecord>[];
  /** The Payments API secret in use (derived or given); `reveal()` it to print it. */
  readonly paymentsSecret: Secret;
  /** Resolves when every delivery started so far has settled. */
  flush(): Promise<void>;
  /**
   * Stops listening and waits for deliveries in flight (retries included), at most `stopTimeoutMs`:
   * then the attempt in progress is aborted, no retry follows, and the delivery is `failed`.
   */
  stop(): Promise<void>;
}

const defaults = { retries: 3, backoffMs: 200, timeoutMs: { 'justifi-v1': 5_000, 'payments-v1.3': 15_000 }, stopTimeoutMs: 5_000 } as const;
const stoppedReason = 'aborted: delivery stopped';

function checkCount(field: string, value: number | undefined, fallback: number): number {
  const n = value ?? fallback;
  if (!Number.isInteger(n) || n < 0) throw new RequestValidationError(field, 'an integer >= 0');
  return n;
}

/** Subscribes to `events` and delivers each one; see the module comment for the rules. */
export function createWebhookDelivery(options: WebhookDeliveryOptions): WebhookDelivery {
  if (!/^https?:\/\/[^/]/.test(options.url ?? '')) throw new RequestValidationError('url', 'an http:// or https:// URL');
  if (typeof options.justifiSecret !== 'string' || options.justifiSecret.length === 0) throw new RequestValidationError('justifiSecret', 'a non-empty string');
  if (options.paymentsSecret !== undefined) checkWhsecSecret('paymentsSecret', options.paymentsSecret);
  const retries = checkCount('retries', options.retries, defaults.retries);
  const backoffMs = checkCount('backoffMs', options.backoffMs, defaults.backoffMs);
  if (options.timeoutMs !== undefined) checkCount('timeoutMs', options.timeoutMs, 0);
  const stopTimeoutMs = checkCount('stopTimeoutMs', options.stopTimeoutMs, defaults.stopTimeoutMs);
  const justifiSecret = new Secret(options.justifiSecret);
  const paymentsSecret = new Secret(options.paymentsSecret ?? derivePaymentsWebhookSecret(options.justifiSecret));
  const clock = options.clock ?? { now: () => Date.now() };
  const send = options.fetch ?? globalThis.fetch;
  const check = compilePayloadChecks(options.specs);
  const deliveries: WebhookDeliveryRecord[] = [];
  const inFlight = new Set<Promise<void>>();
  // Aborted when a stop has waited `stopTimeoutMs`: ends the attempt in progress and every backoff wait.
  const abandon = new AbortController();

  function sign(record: WebhookDeliveryRecord): Record<string, string> {
    const at = clock.now();
    return record.api === 'justifi-v1'
      ? signJustifi(justifiSecret.reveal(), record.body, at)
      : signStandardWebhooks(paymentsSecret.reveal(), record.id, record.body, at);
  }

  async function attempt(record: WebhookDeliveryRecord): Promise<boolean> {
    const timeoutMs = options.timeoutMs ?? defaults.timeoutMs[record.api];
    try {
      const response = await send(options.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'user-agent': 'payments-sdk-sandbox webhooks', ...sign(record) },
        body: record.body,
        signal: AbortSignal.any([AbortSignal.timeout(timeoutMs), abandon.signal]),
      });
      await response.arrayBuffer().catch(() => undefined);
      record.attempts.push({ status: response.status });
      return response.status >= 200 && response.status < 300;
    } catch (error) {
      const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
      const reason = abandon.signal.aborted ? stoppedReason : timedOut ? `no answer within ${timeoutMs} ms` : `connection failed: ${(error as Error).cause ?? (error as Error).message}`;
      record.attempts.push({ error: reason });
      return false;
    }
  }

  /** Waits `ms`, or less when the delivery is abandoned. */
  function pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        abandon.signal.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      abandon.signal.addEventListener('abort', done, { once: true });
    });
  }

  async function deliver(record: WebhookDeliveryRecord): Promise<void> {
    for (let n = 0; n <= retries && !abandon.signal.aborted; n++) {
      if (n > 0) await pause(backoffMs * 2 ** (n - 1));
      if (abandon.signal.aborted) break;
      if (await attempt(record)) {
        record.status = 'delivered';
        return;
      }
    }
    record.status = 'failed';
    if (abandon.signal.aborted) record.abandoned = true;
  }

  function settle(record: WebhookDeliveryRecord): void {
    try {
      options.onSettled?.(record);
    } catch {
      // A failing listener must not stop the other deliveries.
    }
  }

  function onEvent(event: SandboxEvent): void {
    const payload = event.api === 'justifi-v1' ? justifiEnvelope(event, newEventId()) : paymentsEnvelope(event);
    const id = event.api === 'justifi-v1' ? String(payload.id) : newMessageId();
    const record: WebhookDeliveryRecord = { api: event.api, event: event.name, id, status: 'pending', attempts: [], body: JSON.stringify(payload), problems: [] };
    deliveries.push(record);
    record.problems = check(event.api, event.name, payload);
    if (record.problems.length > 0) {
      record.status = 'invalid';
      settle(record);
      return;
    }
    const running = deliver(record).finally(() => {
      inFlight.delete(running);
      settle(record);
    });
    inFlight.add(running);
  }

  const unsubscribe = options.events.subscribe(onEvent);

  async function flush(): Promise<void> {
    while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
  }

  return {
    deliveries,
    paymentsSecret,
    flush,
    async stop() {
      unsubscribe();
      const timer = setTimeout(() => abandon.abort(), stopTimeoutMs);
      try {
        await flush();
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
