/**
 * What each API posts for one sandbox event: the envelope its spec's `webhooks` describe, with
 * the object as the API returns it in `data`. The ids are new per event and kept across retries,
 * so receivers can deduplicate on them as they must with the real services.
 */
import { randomUUID } from 'node:crypto';
import type { SandboxEvent } from '../core/types.js';

/** A JustiFi event id, `evt_` and 32 hex digits. */
export const newEventId = (): string => `evt_${randomUUID().replace(/-/g, '')}`;

/** A Svix message id, `msg_` and 32 hex digits. */
export const newMessageId = (): string => `msg_${randomUUID().replace(/-/g, '')}`;

/**
 * The JustiFi envelope (`EventEnvelope` in spec/justifi-v1). `platform_account_id` is the platform
 * when the event is in one of its sub accounts, and null in the platform's own account.
 */
export function justifiEnvelope(event: SandboxEvent, id: string): Record<string, unknown> {
  return {
    id,
    account_id: event.scope,
    account_type: 'test',
    platform_account_id: event.platform && event.platform !== event.scope ? event.platform : null,
    idempotency_key: event.idempotencyKey ?? null,
    request_id: event.requestId ?? null,
    version: 'v1',
    event_name: event.name,
    data: event.data,
  };
}

/** The Payments API envelope (`EventEnvelope` in spec/payments-v1.3, inferred): `event_type` and `data`. */
export function paymentsEnvelope(event: SandboxEvent): Record<string, unknown> {
  return { event_type: event.name, data: event.data };
}
