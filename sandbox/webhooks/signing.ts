/**
 * Signing deliveries the way each vendor documents it, with node:crypto (the sandbox is a Node
 * process). Deliberately not the SDK's verifier code run backwards: the tests check one against
 * the other, which only means something if they are separate implementations.
 */
import { createHmac } from 'node:crypto';
import { RequestValidationError } from '../../src/core/errors.js';

/** JustiFi: `JUSTIFI-TIMESTAMP` (ISO-8601) and the hex HMAC-SHA256 of `<timestamp>.<body>`. */
export function signJustifi(secret: string, body: string, atMs: number): Record<string, string> {
  const timestamp = new Date(atMs).toISOString();
  const signature = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
  return { 'JUSTIFI-TIMESTAMP': timestamp, 'JUSTIFI-SIGNATURE': signature };
}

/** Standard Webhooks (as Svix sends them): `svix-id`, `svix-timestamp` (s), `svix-signature` (`v1,<base64>`). */
export function signStandardWebhooks(secret: string, id: string, body: string, atMs: number): Record<string, string> {
  const timestamp = Math.floor(atMs / 1000);
  const signature = createHmac('sha256', whsecKey(secret)).update(`${id}.${timestamp}.${body}`).digest('base64');
  return { 'svix-id': id, 'svix-timestamp': String(timestamp), 'svix-signature': `v1,${signature}` };
}

/** The HMAC key of a `whsec_…` secret: its base64 part, decoded. */
function whsecKey(secret: string): Buffer {
  return Buffer.from(secret.slice('whsec_'.length), 'base64');
}

/** Refuses anything that is not `whsec_` followed by non-empty, well-formed base64. */
export function checkWhsecSecret(field: string, secret: string): void {
  const b64 = secret.startsWith('whsec_') ? secret.slice('whsec_'.length) : '';
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(b64) || b64.length % 4 !== 0) {
    throw new RequestValidationError(field, 'a whsec_ secret: `whsec_` followed by base64');
  }
}

/**
 * The Payments API secret the sandbox uses when none is given: derived from the JustiFi secret,
 * so the same `--webhook-secret` always gives the same `whsec_…` (printed at start).
 */
export function derivePaymentsWebhookSecret(justifiSecret: string): string {
  const key = createHmac('sha256', justifiSecret).update('payments-sdk sandbox: Payments API v1.3.0 webhook secret').digest();
  return `whsec_${key.toString('base64')}`;
}
