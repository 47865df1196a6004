/**
 * The smoke scenario, identical in every runtime: both clients make one call each, a 404 from
 * each API, a write to each API that first meets a 503 and is retried, and a signed webhook
 * delivery of each API verified (and the same delivery, tampered, refused).
 *
 * It runs inside the runtime under test, so it uses nothing but the SDK and web-standard globals,
 * and it is handed the SDK as the host loaded it (import, require, a bundle or an import map).
 * It only observes: what each call returned or threw. scripts/runtimes/verdict.ts judges those
 * observations against the server's own record of the requests.
 */
import type * as Root from '../../src/index.js';
import type * as Justifi from '../../src/justifi/index.js';
import type * as Payments from '../../src/payments/index.js';
import type { LogEvent } from '../../src/core/logger.js';

/** The SDK's three entry points, as the host loaded them. */
export interface SmokeSdk {
  root: typeof Root;
  justifi: typeof Justifi;
  payments: typeof Payments;
}

export interface SmokeConfig {
  /** `<server>/<run>/justifi`: the JustiFi base URL for this run. */
  justifiUrl: string;
  /** `<server>/<run>/payments`. */
  paymentsUrl: string;
  /** `<server>/<run>/webhooks`: GET `/justifi` or `/payments` gives a signed delivery `{ body, headers }`. */
  webhooksUrl: string;
  justifiWebhookSecret: string;
  paymentsWebhookSecret: string;
  clientId: string;
  clientSecret: string;
  apiKey: string;
  accountId: string;
}

/** What the runtime says about itself, checked by the verdict against the runtime it was meant to be. */
export interface RuntimeIdentity {
  version: string;
  /** Where the SDK's entry point was loaded from (a file URL or path), when the runtime can tell. */
  loadedFrom?: string | undefined;
  /** Runtime-specific evidence: `navigator.userAgent`, the `EdgeRuntime` global and the like. */
  evidence: Record<string, unknown>;
}

export interface StepOutcome {
  step: string;
  observed?: unknown;
  /** Set when the step threw where it should not have. */
  error?: string;
}

export interface SmokeReport {
  identity: RuntimeIdentity;
  steps: StepOutcome[];
}

export interface ErrorObservation {
  isNotFoundError: boolean;
  isApiError: boolean;
  name: string;
  status: unknown;
  code: unknown;
  requestId: unknown;
}

export interface RetryObservation {
  id: unknown;
  idempotencyKey: string | undefined;
  retries: { attempt: number; reason: string }[];
}

export interface WebhookObservation {
  /** The verified event's id (JustiFi: the envelope's; Payments API: its data's) and name, as the verifier resolved them. */
  id: unknown;
  name: unknown;
  /** What verifying the same delivery with one body byte changed gave. */
  tampered: { isWebhookVerificationError: boolean; reason: unknown } | 'accepted';
}

export const stepNames = ['justifi call', 'payments call', '404 as NotFoundError', '503 retried with one idempotency key', 'webhook verified'] as const;

function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/**
 * Runs every step, each on its own, so one failure does not hide what the others would show.
 * `hostOptions` go into both clients: the browser host passes `dangerouslyAllowBrowser: true`
 * (the SDK refuses a client in a browser-like runtime without it); server-side hosts pass nothing,
 * so a guard that mistook Workers, Deno or Bun for a browser would fail their runs.
 */
export async function runSmoke(sdk: SmokeSdk, config: SmokeConfig, identity: RuntimeIdentity, hostOptions: { dangerouslyAllowBrowser?: boolean } = {}): Promise<SmokeReport> {
  const events: LogEvent[] = [];
  const logger = (event: LogEvent) => events.push(event);
  const justifi = sdk.justifi.createJustifiClient({
    ...hostOptions,
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    baseUrl: config.justifiUrl,
    tokenUrl: `${config.justifiUrl}/oauth/token`,
    timeoutMs: 15_000,
    logger,
  });
  const pay = sdk.payments.createPaymentsClient({
    ...hostOptions,
    apiKey: config.apiKey,
    accountId: config.accountId,
    baseUrl: config.paymentsUrl,
    timeoutMs: 15_000,
    logger,
  });

  const asError = async (call: Promise<unknown>): Promise<ErrorObservation | { resolved: unknown }> => {
    try {
      return { resolved: await call };
    } catch (e) {
      const error = e as Partial<Root.ApiError>;
      return {
        // The classes from the root entry point: the error was thrown by the client's own entry point.
        isNotFoundError: e instanceof sdk.root.NotFoundError,
        isApiError: e instanceof sdk.root.ApiError,
        name: String(error.name),
        status: error.status,
        code: error.code,
        requestId: error.requestId,
      };
    }
  };
  const retried = async (call: Promise<{ data: { id?: unknown }; idempotencyKey: string | undefined }>, url: string): Promise<RetryObservation> => {
    const { data, idempotencyKey } = await call;
    const retries = events.filter((e): e is Extract<LogEvent, { type: 'retry' }> => e.type === 'retry' && e.url.startsWith(url)).map(({ attempt, reason }) => ({ attempt, reason }));
    return { id: data.id, idempotencyKey, retries };
  };

  // A delivery signed by the server (node:crypto), verified here with the runtime's WebCrypto; then the
  // same delivery with its body changed, which must be refused as a bad signature.
  const webhook = async (api: 'justifi' | 'payments'): Promise<WebhookObservation> => {
    const delivery = (await (await fetch(`${config.webhooksUrl}/${api}`)).json()) as { body: string; headers: Record<string, string> };
    const verify = (body: string | Uint8Array) =>
      api === 'justifi'
        ? sdk.justifi.verifyJustifiWebhook(body, delivery.headers, config.justifiWebhookSecret).then((e) => ({ id: e.id, name: e.event_name }))
        : sdk.payments.verifyPaymentsWebhook(body, new Headers(delivery.headers), config.paymentsWebhookSecret).then((e) => ({ id: e.data.id, name: e.event_type }));
    const event = await verify(new TextEncoder().encode(delivery.body));
    let tampered: WebhookObservation['tampered'] = 'accepted';
    await verify(delivery.body.replace('1000', '9000')).catch((e: unknown) => {
      tampered = { isWebhookVerificationError: e instanceof sdk.root.WebhookVerificationError, reason: (e as { reason?: unknown }).reason };
    });
    return { ...event, tampered };
  };

  const steps: Record<(typeof stepNames)[number], () => Promise<unknown>> = {
    'justifi call': async () => ({ id: (await justifi.payments.get('py_smoke')).id }),
    'payments call': async () => ({ id: (await pay.paymentIntents.get('pi_smoke')).id }),
    '404 as NotFoundError': async () => ({
      justifi: await asError(justifi.payments.get('py_missing')),
      payments: await asError(pay.paymentIntents.get('pi_missing')),
    }),
    '503 retried with one idempotency key': async () => ({
      justifi: await retried(
        justifi.payments
          .create({
            amount: 1000,
            currency: 'usd',
            capture_strategy: 'automatic',
            payment_method: { card: { name: 'Smoke Test', number: sdk.justifi.testCards.visa.number, verification: '123', month: '3', year: '2040', address_postal_code: '55555' } },
          })
          .withResponse(),
        `${config.justifiUrl}/payments`,
      ),
      payments: await retried(pay.paymentIntents.create({ amount: 1000, currency: 'USD' }).withResponse(), `${config.paymentsUrl}/payment_intents`),
    }),
    'webhook verified': async () => ({ justifi: await webhook('justifi'), payments: await webhook('payments') }),
  };

  const outcomes: StepOutcome[] = [];
  for (const step of stepNames) {
    try {
      outcomes.push({ step, observed: await steps[step]() });
    } catch (error) {
      outcomes.push({ step, error: describeError(error) });
    }
  }
  return { identity, steps: outcomes };
}
