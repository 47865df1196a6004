/**
 * Reading a bundled spec's OpenAPI 3.1 `webhooks`: one entry per event (JustiFi) or per resource
 * (Payments API), each a path item whose `post` takes the event payload. Shared by the spec tests,
 * the docs and the sandbox's webhook delivery, so they all see the same events.
 */
import { deref, escapePointer, httpMethods, type HttpMethod, type JsonObject } from './spec-model.js';

export interface WebhookEntry {
  /** The key under `webhooks`: `payment.succeeded` (JustiFi), `payment_intent` (Payments API). */
  name: string;
  method: HttpMethod;
  operationId: string;
  operation: JsonObject;
  /** Header parameters the delivery carries (resolved, not $refs). */
  headers: JsonObject[];
  /** Schema of the `application/json` request body: the event payload (may be a `$ref`). */
  payloadSchema: JsonObject;
  /** JSON pointer to the operation inside the bundle. */
  pointer: string;
}

/** Every webhook of a bundled spec, in document order. */
export function listWebhooks(doc: JsonObject): WebhookEntry[] {
  const out: WebhookEntry[] = [];
  for (const [name, rawItem] of Object.entries((doc.webhooks ?? {}) as JsonObject)) {
    const item = deref(doc, rawItem);
    for (const method of httpMethods) {
      const operation = item[method] as JsonObject | undefined;
      if (!operation) continue;
      const parameters = ((operation.parameters ?? []) as unknown[]).map((p) => deref(doc, p));
      const body = deref(doc, operation.requestBody);
      const media = ((body?.content ?? {}) as JsonObject)['application/json'] as JsonObject | undefined;
      out.push({
        name,
        method,
        operationId: String(operation.operationId),
        operation,
        headers: parameters.filter((p) => p.in === 'header'),
        payloadSchema: (media?.schema ?? {}) as JsonObject,
        pointer: `#/webhooks/${escapePointer(name)}/${method}`,
      });
    }
  }
  return out;
}
