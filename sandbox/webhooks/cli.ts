/**
 * The sandbox's webhook flags, for the sandbox CLI (scripts/sandbox.ts) to spread into its
 * `node:util` `parseArgs` options, pass to `startSandbox({ webhooks })` and announce:
 *
 *   npm run sandbox -- --webhook-url URL --webhook-secret SECRET [--payments-webhook-secret whsec_…]
 */
import { RequestValidationError } from '../../src/core/errors.js';
import type { WebhookDelivery, WebhookDeliveryOptions, WebhookDeliveryRecord } from './delivery.js';
import { checkWhsecSecret } from './signing.js';

/** `parseArgs` option definitions of the webhook flags. */
export const webhookArgOptions = {
  'webhook-url': { type: 'string' },
  'webhook-secret': { type: 'string' },
  'payments-webhook-secret': { type: 'string' },
} as const;

export interface WebhookArgValues {
  'webhook-url'?: string | undefined;
  'webhook-secret'?: string | undefined;
  'payments-webhook-secret'?: string | undefined;
}

/** What the flags set: the URL and the secrets. */
export type SandboxWebhookFlags = Pick<WebhookDeliveryOptions, 'url' | 'justifiSecret' | 'paymentsSecret'>;

/** The flags as delivery options; undefined when webhooks are off (no `--webhook-url`). */
export function webhookOptionsFromArgs(values: WebhookArgValues): SandboxWebhookFlags | undefined {
  const url = values['webhook-url'];
  if (url === undefined) {
    if (values['webhook-secret'] !== undefined || values['payments-webhook-secret'] !== undefined) {
      throw new RequestValidationError('--webhook-url', 'required when a webhook secret is given');
    }
    return undefined;
  }
  if (!/^https?:\/\/[^/]/.test(url)) throw new RequestValidationError('--webhook-url', 'an http:// or https:// URL');
  const justifiSecret = values['webhook-secret'];
  if (!justifiSecret) throw new RequestValidationError('--webhook-secret', 'required with --webhook-url (it signs the JustiFi deliveries)');
  const paymentsSecret = values['payments-webhook-secret'];
  if (paymentsSecret !== undefined) checkWhsecSecret('--payments-webhook-secret', paymentsSecret);
  return { url, justifiSecret, paymentsSecret };
}

/** One log line per settled delivery. */
export function describeDelivery(d: Readonly<WebhookDeliveryRecord>): string {
  const tries = `${d.attempts.length} attempt${d.attempts.length === 1 ? '' : 's'}`;
  const last = d.attempts.at(-1);
  const answer = last?.status !== undefined ? String(last.status) : (last?.error ?? 'no attempt');
  if (d.status === 'invalid') return `webhook ${d.event} (${d.api}) not sent: the payload breaks the spec: ${d.problems.join('; ')}`;
  return `webhook ${d.event} (${d.api}) ${d.id} ${d.status === 'delivered' ? 'delivered' : 'FAILED'}: ${answer} after ${tries}${d.abandoned ? ' (abandoned when the sandbox stopped)' : ''}`;
}

/**
 * What the sandbox prints when delivery starts: where events go, how each API's deliveries are
 * signed, and the Payments API secret when it was derived (the user needs it to verify, and has no
 * other way to learn it). A secret the user gave is never printed.
 */
export function webhookBanner(flags: SandboxWebhookFlags, delivery: Pick<WebhookDelivery, 'paymentsSecret'>): string[] {
  return [
    `webhooks: posting every event to ${flags.url}`,
    'webhooks: JustiFi deliveries signed with --webhook-secret (JUSTIFI-SIGNATURE)',
    flags.paymentsSecret
      ? 'webhooks: Payments API deliveries signed with --payments-webhook-secret (svix-signature)'
      : `webhooks: Payments API deliveries signed with ${delivery.paymentsSecret.reveal()} (derived from --webhook-secret; pass --payments-webhook-secret to choose one)`,
  ];
}
