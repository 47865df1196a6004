/**
 * The quickstart's webhook step: the sandbox posts every event it emits to a local receiver
 * (node:http), which verifies each delivery with the SDK's own verifier, as an integration's
 * endpoint would; the step waits for the event of the object the quickstart just made. Prism mocks
 * and other servers deliver nothing here, so against them the step is one line saying so.
 */
import type { ReceivedWebhook, WebhookReceiver } from '../../sandbox/webhooks/index.js';
import { verifiedLine } from '../../sandbox/webhooks/index.js';
import type { Transcript } from './transcript.js';

/** Where the quickstart's webhooks arrive, or why none can. */
export type QuickstartWebhooks = { receiver: WebhookReceiver } | { unavailable: string };

const verifiers = { 'justifi-v1': 'verifyJustifiWebhook', 'payments-v1.3': 'verifyPaymentsWebhook' } as const;

/** Waits (up to 10 s) for the `event` webhook about `objectId` and prints it verified, or the line saying why there is none. */
export async function webhookStep(t: Transcript, webhooks: QuickstartWebhooks, api: ReceivedWebhook['api'], event: string, objectId: string): Promise<void> {
  if ('unavailable' in webhooks) {
    t.note(`webhook step skipped: ${webhooks.unavailable}`);
    return;
  }
  const { receiver } = webhooks;
  const matches = (r: ReceivedWebhook) => r.api === api && (r.api === 'justifi-v1' ? r.event.event_name : r.event.event_type) === event && (r.event.data as { id?: unknown } | undefined)?.id === objectId;
  await t.step(
    `a local webhook receiver gets ${event} for ${objectId} and checks it with ${verifiers[api]}`,
    () => receiver.waitFor(matches, 10_000),
    (delivery) => verifiedLine(delivery),
  );
}
