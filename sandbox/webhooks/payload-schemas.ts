/**
 * Checking a payload against its spec before it is sent: every webhook of both bundles compiled
 * with Ajv once (when the first delivery starts), and looked up by event name.
 *
 * Which webhook an event belongs to: the one named exactly like it (JustiFi declares one per event
 * name), else the one named by the part before the first dot (the Payments API declares one per
 * resource: `payment_intent.succeeded` → `payment_intent`).
 */
import type { ValidateFunction } from 'ajv';
import { compileSchema, createAjv, readable } from '../../contracts/support/ajv.js';
import { apis } from '../../scripts/lib/apis.js';
import { loadBundle, type JsonObject } from '../../scripts/lib/spec-model.js';
import { listWebhooks } from '../../scripts/lib/webhook-model.js';
import type { SandboxEvent } from '../core/types.js';

export type ApiName = SandboxEvent['api'];

/** The bundled specs to read webhooks from. Default: generated/<api>.yaml. */
export type WebhookSpecs = Partial<Record<ApiName, JsonObject>>;

/** Validates one payload; returns its problems (`/data/amount must be integer`), empty when valid. */
export type PayloadCheck = (api: ApiName, eventName: string, payload: unknown) => string[];

// One compilation per spec document for the whole process: a sandbox restarted in a test run
// (or a second delivery) reuses it.
const compiled = new WeakMap<JsonObject, Map<string, ValidateFunction>>();

function validatorsOf(doc: JsonObject): Map<string, ValidateFunction> {
  let byName = compiled.get(doc);
  if (!byName) {
    const ajv = createAjv();
    byName = new Map(listWebhooks(doc).map((hook) => [hook.name, compileSchema(ajv, hook.payloadSchema, doc, 'response')]));
    compiled.set(doc, byName);
  }
  return byName;
}

/** Compiles every webhook payload schema of both specs and returns the lookup-and-validate function. */
export function compilePayloadChecks(specs: WebhookSpecs = {}): PayloadCheck {
  const validators = new Map<ApiName, Map<string, ValidateFunction>>(apis.map((api) => [api.name, validatorsOf(specs[api.name] ?? loadBundle(api))]));
  return (api, eventName, payload) => {
    const byName = validators.get(api);
    const validate = byName?.get(eventName) ?? byName?.get(eventName.split('.')[0]!);
    if (!validate) return [`the ${api} spec declares no webhook for event ${eventName}`];
    return validate(payload) ? [] : readable(validate.errors).map((e) => e.text);
  };
}
