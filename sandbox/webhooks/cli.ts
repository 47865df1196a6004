/**
 * The sandbox's webhook flags and start-up wiring, ready for the sandbox CLI to spread into its
 * `node:util` `parseArgs` options and call with its event bus:
 *
 *   npm run sandbox -- --webhook-url URL --webhook-secret SECRET [--payments-webhook-secret whsec_…]
 */
import { RequestValidationError } from '../../src/core/errors.js';
import type { EventBus } from '../core/types.js';
import { createWebhookDelivery, type WebhookDelivery, type WebhookDeliveryOptions, type WebhookDeliveryRecord } from './delivery.js';

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

/** The flags as delivery options; undefined when webhooks are off (no `--webhook-url`). */
export function webhookOptionsFromArgs(values: WebhookArgValues): Pick<WebhookDeliveryOptions, 'url' | 'justifiSecret' | 'paymentsSecret'> | undefined {
  const url = values['webhook-url'];
  if (url === undefined) {
    if (values['webhook-secret'] !== undefined || values['payments-webhook-secret'] !== undefined) {
      throw new RequestValidationError('--webhook-url', 'required when a webhook secret is given');
    }
    return undefined;
  }
  const justifiSecret = values['webhook-secret'];
  if (!justifiSecret) throw new RequestValidationError('--webhook-secret', 'required with --webhook-url (it signs the JustiFi deliveries)');
  return { url, justifiSecret, paymentsSecret: values['payments-webhook-secret'] };
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
 * Starts delivery for the sandbox when the flags ask for it, printing where events go and the
 * Payments API secret when it was derived (the user needs it to verify, and has no other way to
 * learn it); a secret the user gave is never printed. Returns undefined when webhooks are off.
 */
export function startSandboxWebhooks(events: EventBus, values: WebhookArgValues, print: (line: string) => void = console.log): WebhookDelivery | undefined {
  const flags = webhookOptionsFromArgs(values);
  if (!flags) return undefined;
  const delivery = createWebhookDelivery({ ...flags, events, onSettled: (d) => print(describeDelivery(d)) });
  print(`webhooks: posting every event to ${flags.url}`);
  print('webhooks: JustiFi deliveries signed with --webhook-secret (JUSTIFI-SIGNATURE)');
  print(
    flags.paymentsSecret
      ? 'webhooks: Payments API deliveries signed with --payments-webhook-secret (svix-signature)'
      : `webhooks: Payments API deliveries signed with ${delivery.paymentsSecret.reveal()} (derived from --webhook-secret; pass --payments-webhook-secret to choose one)`,
  );
  return delivery;
}
