/**
 * The one error a webhook verifier rejects with. `reason` names the check that failed, so a
 * receiver can answer 400 to a forgery and still log a clock problem differently.
 *
 * It never carries the secret, the body or the signatures: only header names, the rule broken
 * and, for a timestamp, how far off it was. The expected signature in particular must never be
 * shown, or a rejected forgery would tell its sender the signature to use.
 */
import { PaymentsSdkError } from './errors.js';

/** Which check a delivery failed. */
export type WebhookVerificationReason =
  /** A signature header (id, timestamp or signature) is absent or empty. */
  | 'missing_header'
  /** A header is present but unreadable: a timestamp that is not one, a header sent twice. */
  | 'malformed_header'
  /** The signed timestamp is further from now than `toleranceSeconds` (a replay, or a clock far off). */
  | 'timestamp_outside_tolerance'
  /** No signature matches the body: a wrong secret, a changed body, or a body that was re-serialised. */
  | 'bad_signature'
  /** The signature is good but the body is not UTF-8 JSON holding an object. */
  | 'unreadable_body'
  /** The body was passed already parsed (an object) instead of the raw string or bytes. */
  | 'body_not_raw'
  /** The secret is empty, or (Payments API) not a `whsec_…` base64 secret. */
  | 'invalid_secret';

/** A webhook delivery that did not verify. */
export class WebhookVerificationError extends PaymentsSdkError {
  override name = 'WebhookVerificationError';
  constructor(
    readonly reason: WebhookVerificationReason,
    message: string,
    /** The header the failed check read, e.g. `JUSTIFI-SIGNATURE` or `svix-timestamp`. */
    readonly header?: string,
  ) {
    super(message);
  }
}
