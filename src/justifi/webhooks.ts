/**
 * JustiFi webhook deliveries: `JUSTIFI-TIMESTAMP` (ISO-8601) and `JUSTIFI-SIGNATURE`, the lowercase
 * hex HMAC-SHA256 of `<JUSTIFI-TIMESTAMP>.<raw body>` keyed with the event publisher's secret
 * (the vendor's published webhook docs, as given in issue 14).
 *
 * How the tolerance applies to an ISO-8601 timestamp: the header string is signed exactly as sent,
 * so it is never re-formatted; it is parsed only to learn the instant, which must carry a zone
 * (`Z` or an offset: a local time is ambiguous, so it is refused) and keeps its fraction to the
 * millisecond. The delivery is accepted when that instant is within `toleranceSeconds` of now in
 * either direction: late deliveries are replays, early ones a clock that is wrong.
 */
import type { webhooks } from '../../generated/justifi-v1.js';
import type { RequestBodyOf } from '../core/operation-types.js';
import { WebhookVerificationError } from '../core/webhook-error.js';
import { hexToBytes, requireHeader, verifyWebhook, type WebhookBody, type WebhookHeaders, type WebhookScheme, type WebhookVerifyOptions } from '../core/webhooks.js';

/** Every event name the spec declares a webhook for, e.g. `payment.succeeded`. */
export type JustifiWebhookEventName = keyof webhooks;

/** The payload of one event (or a union of events): the envelope with `data` typed by the resource. */
export type JustifiWebhookEvent<Name extends JustifiWebhookEventName = JustifiWebhookEventName> = {
  [N in Name]: RequestBodyOf<webhooks[N]['post']>;
}[Name];

const timestampHeader = 'JUSTIFI-TIMESTAMP';
const signatureHeader = 'JUSTIFI-SIGNATURE';
const encoder = new TextEncoder();

// RFC 3339 / ISO-8601 extended format with a zone: 2024-05-01T12:00:00Z, …T12:00:00.123+02:00.
const isoDateTime = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:[.,](\d+))?(?:([Zz])|([+-])(\d{2})(?::?(\d{2}))?)$/;

/** Milliseconds since the epoch of an ISO-8601 date-time with a zone; undefined otherwise. */
export function parseIsoTimestamp(text: string): number | undefined {
  const m = isoDateTime.exec(text);
  if (!m) return undefined;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const ms = Number((m[7] ?? '0').slice(0, 3).padEnd(3, '0'));
  const offsetMinutes = m[8] ? 0 : (m[9] === '-' ? -1 : 1) * (Number(m[10]) * 60 + Number(m[11] ?? 0));
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59 || Number(m[10] ?? 0) > 23 || Number(m[11] ?? 0) > 59) return undefined;
  const utc = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  // Date.UTC rolls 31 April over into 1 May; a date that rolls over did not exist.
  if (new Date(utc).getUTCDate() !== day) return undefined;
  return utc - offsetMinutes * 60_000;
}

const justifiScheme: WebhookScheme = {
  key(secret) {
    if (secret.length === 0) throw new WebhookVerificationError('invalid_secret', 'the JustiFi webhook secret is empty');
    return encoder.encode(secret);
  },
  read(header) {
    const timestamp = requireHeader(header, timestampHeader);
    const signature = requireHeader(header, signatureHeader);
    const signedAtMs = parseIsoTimestamp(timestamp);
    if (signedAtMs === undefined) {
      throw new WebhookVerificationError('malformed_header', `${timestampHeader} is not an ISO-8601 date-time with a zone (e.g. 2024-05-01T12:00:00Z)`, timestampHeader);
    }
    const bytes = signature.length === 64 ? hexToBytes(signature) : undefined;
    if (!bytes) throw new WebhookVerificationError('malformed_header', `${signatureHeader} is not a hex HMAC-SHA256 (64 hex digits)`, signatureHeader);
    return { signedAtMs, timestampHeader, prefix: `${timestamp}.`, signatures: [bytes], signatureHeader };
  },
};

/**
 * Verifies a JustiFi webhook delivery and resolves to its event, typed by event name.
 *
 * @param body The raw request body (string or bytes), exactly as received; never a parsed object.
 * @param headers The request headers: a `Headers`, or a plain object in any case (`req.headers`).
 * @param secret The event publisher's secret; several during a rotation (any one may have signed).
 * @param options `toleranceSeconds` (default 300) around `now` (default: the current time).
 * @throws WebhookVerificationError with `reason` naming the failed check; the secret never appears in it.
 *
 * ```ts
 * const event = await verifyJustifiWebhook(rawBody, req.headers, process.env.JUSTIFI_WEBHOOK_SECRET!);
 * if (event.event_name === 'payment.succeeded') fulfil(event.data.id); // data: Payment
 * ```
 */
export async function verifyJustifiWebhook(
  body: WebhookBody,
  headers: WebhookHeaders,
  secret: string | readonly string[],
  options?: WebhookVerifyOptions,
): Promise<JustifiWebhookEvent> {
  return (await verifyWebhook(justifiScheme, body, headers, secret, options)) as JustifiWebhookEvent;
}
