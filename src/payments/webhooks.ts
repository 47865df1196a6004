/**
 * Payments API webhook deliveries, sent through Svix with the Standard Webhooks scheme (the
 * vendor's published webhook docs, as given in issue 14): `svix-id`, `svix-timestamp` (Unix
 * seconds) and `svix-signature` (space-separated `v1,<base64>` entries), or the equivalent
 * `webhook-*` names; each signature is the base64 HMAC-SHA256 of `<id>.<timestamp>.<raw body>`
 * keyed with the base64-decoded part of the `whsec_…` secret.
 */
import type { webhooks } from '../../generated/payments-v1.3.js';
import type { RequestBodyOf } from '../core/operation-types.js';
import { WebhookVerificationError } from '../core/webhook-error.js';
import { base64ToBytes, requireHeader, verifyWebhook, type WebhookBody, type WebhookHeaders, type WebhookScheme, type WebhookVerifyOptions } from '../core/webhooks.js';

/** The resources the spec declares webhooks for: the `entity` before the dot of `event_type`. */
export type PaymentsWebhookResource = keyof webhooks;

/**
 * The payload of an event about one resource (or a union of them). The spec fixes each webhook's
 * `event_type` to the pattern `^<resource>\.` (the names themselves are not published); this type
 * states the same prefix as a template literal, so comparing `event_type` with a name narrows `data`.
 */
export type PaymentsWebhookEvent<Resource extends PaymentsWebhookResource = PaymentsWebhookResource> = {
  [R in Resource]: Omit<RequestBodyOf<webhooks[R]['post']>, 'event_type'> & { event_type: `${R}.${string}` };
}[Resource];

const secretPrefix = 'whsec_';

const standardWebhooksScheme: WebhookScheme = {
  key(secret) {
    const key = base64ToBytes(secret.startsWith(secretPrefix) ? secret.slice(secretPrefix.length) : secret);
    if (!key || key.length === 0) {
      throw new WebhookVerificationError('invalid_secret', 'the Payments API webhook secret must be `whsec_` followed by base64 (as the dashboard shows it)');
    }
    return key;
  },
  read(header) {
    const id = requireHeader(header, 'svix-id', 'webhook-id');
    const timestamp = requireHeader(header, 'svix-timestamp', 'webhook-timestamp');
    const signature = requireHeader(header, 'svix-signature', 'webhook-signature');
    const timestampHeader = header('svix-timestamp') ? 'svix-timestamp' : 'webhook-timestamp';
    const signatureHeader = header('svix-signature') ? 'svix-signature' : 'webhook-signature';
    if (!/^\d{1,15}$/.test(timestamp)) {
      throw new WebhookVerificationError('malformed_header', `${timestampHeader} is not a Unix time in seconds`, timestampHeader);
    }
    // Entries of other versions (or none readable) are skipped: only `v1` is defined.
    const signatures = signature
      .split(/\s+/)
      .filter((entry) => entry.startsWith('v1,'))
      .map((entry) => base64ToBytes(entry.slice(3)))
      .filter((bytes): bytes is Uint8Array => bytes !== undefined);
    return { signedAtMs: Number(timestamp) * 1000, timestampHeader, prefix: `${id}.${timestamp}.`, signatures, signatureHeader };
  },
};

/**
 * Verifies a Payments API webhook delivery (Standard Webhooks / Svix) and resolves to its event.
 *
 * @param body The raw request body (string or bytes), exactly as received; never a parsed object.
 * @param headers The request headers: a `Headers`, or a plain object in any case (`req.headers`).
 * @param secret The endpoint's `whsec_…` secret; several during a rotation (any one may have signed).
 * @param options `toleranceSeconds` (default 300) around `now` (default: the current time).
 * @throws WebhookVerificationError with `reason` naming the failed check; the secret never appears in it.
 *
 * ```ts
 * const event = await verifyPaymentsWebhook(rawBody, req.headers, process.env.PAYMENTS_WEBHOOK_SECRET!);
 * if (event.event_type === 'payment_intent.succeeded') ship(event.data.id); // data: PaymentIntent
 * ```
 */
export async function verifyPaymentsWebhook(
  body: WebhookBody,
  headers: WebhookHeaders,
  secret: string | readonly string[],
  options?: WebhookVerifyOptions,
): Promise<PaymentsWebhookEvent> {
  return (await verifyWebhook(standardWebhooksScheme, body, headers, secret, options)) as PaymentsWebhookEvent;
}
