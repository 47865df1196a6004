/**
 * The landing page's webhook events of one API: every entry of the spec's `webhooks`, the schema
 * of its `data`, and the SDK function that verifies it. A definition list, not a table, so the
 * operation table stays the only table of the section.
 */
import type { ApiEntry } from '../lib/apis.js';
import { deref, type JsonObject } from '../lib/spec-model.js';
import { listWebhooks } from '../lib/webhook-model.js';
import { html, type SafeHtml } from './html.js';

export interface EventRow {
  /** What a receiver sees: the event name (JustiFi) or the `event_type` family (`payment_intent.*`). */
  name: string;
  /** The first sentence of the webhook's description, without Markdown. */
  description: string;
  /** Schema name of the object in `data`, e.g. `Payment`. */
  dataSchema: string;
  /** The webhook is marked `x-inferred: true` (not in the vendor's reference). */
  inferred: boolean;
  deprecated: boolean;
}

export interface EventDocs {
  /** The SDK function that verifies these deliveries. */
  verifier: string;
  /** The signature headers every delivery carries (required ones). */
  headers: string[];
  rows: EventRow[];
}

const verifiers: Record<ApiEntry['name'], string> = { 'justifi-v1': 'verifyJustifiWebhook', 'payments-v1.3': 'verifyPaymentsWebhook' };

/** The `$ref` name of `data` anywhere in a payload schema's `allOf` chain. */
function dataSchemaName(doc: JsonObject, schema: unknown): string {
  const node = deref(doc, schema);
  const data = (node.properties as JsonObject | undefined)?.data as JsonObject | undefined;
  if (typeof data?.$ref === 'string') return data.$ref.split('/').at(-1)!;
  for (const part of (node.allOf ?? []) as unknown[]) {
    const found = dataSchemaName(doc, part);
    if (found) return found;
  }
  return '';
}

const firstSentence = (text: string) => (text.split(/(?<=\.)\s+(?=[A-Z])/)[0] ?? '').replace(/`/g, '').trim();

/** The events of one bundled spec, in document order. */
export function eventDocs(api: ApiEntry, doc: JsonObject): EventDocs {
  const hooks = listWebhooks(doc);
  return {
    verifier: verifiers[api.name],
    headers: (hooks[0]?.headers ?? []).filter((h) => h.required === true).map((h) => String(h.name)),
    rows: hooks.map((hook) => ({
      name: String(hook.operation.summary ?? hook.name),
      description: firstSentence(String(hook.operation.description ?? '')),
      dataSchema: dataSchemaName(doc, hook.payloadSchema),
      inferred: deref(doc, (doc.webhooks as JsonObject)[hook.name])['x-inferred'] === true,
      deprecated: hook.operation.deprecated === true,
    })),
  };
}

/** The "Webhook events" part of an API's section on the landing page. */
export function eventsSection(events: EventDocs | undefined, title: string): SafeHtml {
  if (!events?.rows.length) return html``;
  const count = `${events.rows.length} ${events.rows.length === 1 ? 'webhook' : 'webhooks'}`;
  return html`<h3>Webhook events</h3>
<p>${title} declares ${count}. Verify each delivery with <code>${events.verifier}</code> (headers ${events.headers.map((h, i) => html`${i ? ', ' : ''}<code>${h}</code>`)}); it resolves to the event typed by its name.</p>
<details><summary>Events and the object in <code>data</code> (${events.rows.length})</summary><dl class="events" data-count="webhooks">${events.rows.map(
    (r) => html`<dt><code>${r.name}</code>${r.inferred ? html` <span class="flag">inferred</span>` : ''}${r.deprecated ? html` <span class="flag">deprecated</span>` : ''}</dt><dd><code>${r.dataSchema}</code>: ${r.description}</dd>`,
  )}</dl></details>`;
}
