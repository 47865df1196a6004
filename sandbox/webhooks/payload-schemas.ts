/**
 * Checking a payload against its spec before it is sent: each webhook's payload schema compiled
 * with Ajv on the first event that needs it (compiling all of them costs seconds, and a sandbox
 * emits a handful of kinds), kept for the process and looked up by event name.
 *
 * Which webhook an event belongs to: the one named exactly like it (JustiFi declares one per event
 * name), else the one named by the part before the first dot (the Payments API declares one per
 * resource: `payment_intent.succeeded` → `payment_intent`).
 */
import type { ValidateFunction } from 'ajv';
import { compileSchema, createAjv, readable, type Ajv } from '../../contracts/support/ajv.js';
import { apis } from '../../scripts/lib/apis.js';
import { loadBundle, type JsonObject } from '../../scripts/lib/spec-model.js';
import { listWebhooks, type WebhookEntry } from '../../scripts/lib/webhook-model.js';
import type { SandboxEvent } from '../core/types.js';

export type ApiName = SandboxEvent['api'];

/** The bundled specs to read webhooks from. Default: generated/<api>.yaml. */
export type WebhookSpecs = Partial<Record<ApiName, JsonObject>>;

/** Validates one payload; returns its problems (`/data/amount must be integer`), empty when valid. */
export type PayloadCheck = (api: ApiName, eventName: string, payload: unknown) => string[];

interface DocumentHooks {
  ajv: Ajv;
  hooks: Map<string, WebhookEntry>;
  compiled: Map<string, ValidateFunction>;
}

// One per spec document for the whole process: a sandbox restarted in a test run (or a second
// delivery) reuses what the first compiled.
const byDocument = new WeakMap<JsonObject, DocumentHooks>();

/** The validator of the webhook named `name` in `doc`, compiled on first use; undefined when the spec has none. */
function validatorFor(doc: JsonObject, name: string): ValidateFunction | undefined {
  let entry = byDocument.get(doc);
  if (!entry) byDocument.set(doc, (entry = { ajv: createAjv(), hooks: new Map(listWebhooks(doc).map((hook) => [hook.name, hook])), compiled: new Map() }));
  let validate = entry.compiled.get(name);
  if (!validate) {
    const hook = entry.hooks.get(name);
    if (!hook) return undefined;
    entry.compiled.set(name, (validate = compileSchema(entry.ajv, hook.payloadSchema, doc, 'response')));
  }
  return validate;
}

/** The lookup-and-validate function over both specs' webhooks (each compiled when first needed). */
export function compilePayloadChecks(specs: WebhookSpecs = {}): PayloadCheck {
  const docs = new Map<ApiName, JsonObject>(apis.map((api) => [api.name, specs[api.name] ?? loadBundle(api)]));
  return (api, eventName, payload) => {
    const doc = docs.get(api);
    const validate = doc && (validatorFor(doc, eventName) ?? validatorFor(doc, eventName.split('.')[0]!));
    if (!validate) return [`the ${api} spec declares no webhook for event ${eventName}`];
    return validate(payload) ? [] : readable(validate.errors).map((e) => e.text);
  };
}
