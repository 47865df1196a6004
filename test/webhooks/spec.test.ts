/**
 * The specs' `webhooks` against issue 14 and the seeds: the event names, the envelope, the
 * signature headers, what is marked inferred, the generated types, and that Ajv reads them.
 * (Prism starting on the bundles with webhooks is proven by the contract suite, which mocks both.)
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateAgainst } from '../../contracts/support/ajv.js';
import { apis, fromRoot, type ApiEntry } from '../../scripts/lib/apis.js';
import { deref, loadBundle, type JsonObject } from '../../scripts/lib/spec-model.js';
import { listWebhooks, type WebhookEntry } from '../../scripts/lib/webhook-model.js';
import { justifiSeedPath } from '../support/seeds.js';

const api = (name: ApiEntry['name']) => apis.find((a) => a.name === name)!;

/** Issue 14's event names, each with the resource schema its `data` must be. */
const justifiEvents: Record<string, string> = {
  'payment.created': 'Payment',
  'payment.succeeded': 'Payment',
  'payment.failed': 'Payment',
  'payment.pending': 'Payment',
  'payment.authorized': 'Payment',
  'payment.captured': 'Payment',
  'payment.canceled': 'Payment',
  'payment.refunded': 'Payment',
  'payment.refund.updated': 'Refund',
  'payment.dispute.created': 'Dispute',
  'payment.dispute.closed': 'Dispute',
  'payment_method.created': 'PaymentMethod',
  'payment_method.updated': 'PaymentMethod',
  'payment_intent.attached': 'PaymentIntent',
  'payment_intent.created': 'PaymentIntent',
  'payment_intent.requires_capture': 'PaymentIntent',
  'payment_intent.succeeded': 'PaymentIntent',
  'payout.created': 'Payout',
  'payout.paid': 'Payout',
  'payout.failed': 'Payout',
  'proceeds.payout.created': 'Payout',
  'sub_account.updated': 'SubAccount',
  'checkout.created': 'CheckoutSession',
  'checkout.completed': 'CheckoutSession',
};

/** The parts of a payload schema `allOf: [{$ref: family}, {event_name const}]`, with the family's data schema. */
function payloadParts(doc: JsonObject, hook: WebhookEntry) {
  const schema = deref(doc, hook.payloadSchema);
  const parts = ((schema.allOf ?? [schema]) as JsonObject[]).map((p) => deref(doc, p));
  const merged = parts.flatMap((p) => ((p.allOf ?? [p]) as JsonObject[]).map((q) => deref(doc, q)));
  const props = Object.assign({}, ...merged.map((p) => (p.properties ?? {}) as JsonObject)) as JsonObject;
  const dataRef = String((merged.map((p) => (p.properties as JsonObject | undefined)?.data as JsonObject | undefined).find((d) => d?.$ref) ?? {}).$ref);
  return { props, dataSchema: dataRef.split('/').at(-1), required: merged.flatMap((p) => (p.required ?? []) as string[]) };
}

const headerNames = (hook: WebhookEntry) => Object.fromEntries(hook.headers.map((h) => [String(h.name), h.required === true]));

describe('JustiFi API v1 webhooks', () => {
  const doc = loadBundle(api('justifi-v1'));
  const hooks = listWebhooks(doc);
  const seed = readFileSync(justifiSeedPath, 'utf8');

  it("declares one POST webhook per issue 14 event name, plus the seed's deprecated seller_account.updated", () => {
    expect(hooks.map((h) => h.name).sort()).toEqual([...Object.keys(justifiEvents), 'seller_account.updated'].sort());
    expect(hooks.every((h) => h.method === 'post')).toBe(true);
    expect(hooks.filter((h) => h.operation.deprecated === true).map((h) => h.name)).toEqual(['seller_account.updated']);
  });

  it('fixes each payload’s event_name to its webhook name and types data by the resource schema', () => {
    for (const hook of hooks) {
      const { props, dataSchema, required } = payloadParts(doc, hook);
      expect((props.event_name as JsonObject).const, hook.name).toBe(hook.name);
      expect(dataSchema, hook.name).toBe(justifiEvents[hook.name] ?? 'SubAccount');
      expect(required, hook.name).toEqual(expect.arrayContaining(['event_name', 'data']));
    }
  });

  it('the envelope holds exactly the fields issue 14 lists, all required, nullable where it says so', () => {
    const envelope = deref(doc, ((doc.components as JsonObject).schemas as JsonObject).EventEnvelope);
    const props = envelope.properties as Record<string, JsonObject>;
    const fields = ['id', 'account_id', 'account_type', 'platform_account_id', 'idempotency_key', 'request_id', 'version', 'event_name', 'data'];
    expect(Object.keys(props)).toEqual(fields);
    expect(envelope.required).toEqual(fields);
    expect(props.id!.pattern).toBe('^evt_');
    expect(props.account_type!.enum).toEqual(['test', 'live']);
    expect(props.version!.enum).toEqual(['v1']);
    for (const nullable of ['platform_account_id', 'idempotency_key', 'request_id']) expect(props[nullable]!.type).toEqual(['string', 'null']);
    for (const [name, prop] of Object.entries(props)) expect(prop['x-inferred'], name).toBe(true);
  });

  it('declares the signature headers as required, and no OAuth security, on every webhook', () => {
    for (const hook of hooks) {
      expect(headerNames(hook), hook.name).toEqual({ 'JUSTIFI-TIMESTAMP': true, 'JUSTIFI-SIGNATURE': true });
      expect(hook.operation.security, hook.name).toEqual([]);
      expect(Object.keys(hook.operation.responses as JsonObject), hook.name).toEqual(['200']);
    }
  });

  it('marks x-inferred exactly the event names the seeds do not mention', () => {
    for (const hook of hooks) {
      const item = deref(doc, (doc.webhooks as JsonObject)[hook.name]);
      expect(item['x-inferred'] === true, hook.name).toBe(!seed.includes(hook.name));
      expect(String(hook.operation.description), hook.name).toMatch(/as given in issue 14/);
    }
    expect(hooks.filter((h) => seed.includes(h.name)).map((h) => h.name).sort()).toEqual(['payment_intent.succeeded', 'seller_account.updated', 'sub_account.updated']);
  });

  it('Ajv accepts an envelope for the right name and refuses the wrong name, a missing field or a bad id', () => {
    const hook = hooks.find((h) => h.name === 'payment.succeeded')!;
    const event = {
      id: 'evt_1',
      account_id: 'acc_1',
      account_type: 'test',
      platform_account_id: null,
      idempotency_key: null,
      request_id: 'req_1',
      version: 'v1',
      event_name: 'payment.succeeded',
      data: { id: 'py_1', amount: 1000 },
    };
    expect(validateAgainst(hook.payloadSchema, event, doc).errors).toEqual([]);
    expect(validateAgainst(hook.payloadSchema, { ...event, event_name: 'payment.failed' }, doc).valid).toBe(false);
    const { request_id: _r, ...missing } = event;
    expect(validateAgainst(hook.payloadSchema, missing, doc).errors).toEqual(["/ must have required property 'request_id'"]);
    expect(validateAgainst(hook.payloadSchema, { ...event, id: 'py_1' }, doc).valid).toBe(false);
    expect(validateAgainst(hook.payloadSchema, { ...event, data: { amount: 1000 } }, doc).valid).toBe(false);
  });

  it('openapi-typescript generated a webhooks interface with every event', () => {
    const types = readFileSync(fromRoot(api('justifi-v1').types), 'utf8');
    const block = types.slice(types.indexOf('export interface webhooks {'), types.indexOf('export interface components {'));
    for (const hook of hooks) expect(block, hook.name).toContain(`    "${hook.name}": {`);
  });
});

describe('Payments API v1.3.0 webhooks', () => {
  const doc = loadBundle(api('payments-v1.3'));
  const hooks = listWebhooks(doc);

  it('declares one POST webhook per resource with an entity, all inferred', () => {
    expect(hooks.map((h) => h.name)).toEqual(['checkout_session', 'payment_intent', 'payment', 'refund', 'dispute', 'payout', 'payment_method']);
    for (const hook of hooks) {
      expect(hook.method).toBe('post');
      expect(deref(doc, (doc.webhooks as JsonObject)[hook.name])['x-inferred'], hook.name).toBe(true);
    }
  });

  it('keeps event_type an open string fixed only to the prefix `<entity>.`, and types data by that entity', () => {
    for (const hook of hooks) {
      const { props, dataSchema, required } = payloadParts(doc, hook);
      const eventType = props.event_type as JsonObject;
      expect(eventType.type, hook.name).toBe('string');
      expect(eventType.enum, hook.name).toBeUndefined();
      expect(eventType.pattern, hook.name).toBe(`^${hook.name}\\.`);
      expect(String(eventType.example), hook.name).toMatch(new RegExp(String(eventType.pattern)));
      const data = deref(doc, ((doc.components as JsonObject).schemas as JsonObject)[dataSchema!]);
      expect((data.properties as Record<string, JsonObject>).entity!.enum, hook.name).toEqual([hook.name]);
      expect(required, hook.name).toEqual(expect.arrayContaining(['event_type', 'data']));
    }
  });

  it('declares the Standard Webhooks headers: svix-* required, the webhook-* names optional', () => {
    for (const hook of hooks) {
      expect(headerNames(hook), hook.name).toEqual({
        'svix-id': true,
        'svix-timestamp': true,
        'svix-signature': true,
        'webhook-id': false,
        'webhook-timestamp': false,
        'webhook-signature': false,
      });
      expect(hook.operation.security, hook.name).toEqual([]);
      expect(Object.keys(hook.operation.responses as JsonObject), hook.name).toEqual(['2XX']);
    }
  });

  it('Ajv accepts any event_type with the right prefix and refuses another resource’s', () => {
    const hook = hooks.find((h) => h.name === 'refund')!;
    const refund = { id: 're_1', entity: 'refund', status: 'succeeded', amount: 100, account_id: 'acc_1', payment_id: 'pay_1', created_at: '2024-05-01T12:00:00Z', updated_at: '2024-05-01T12:00:00Z' };
    for (const eventType of ['refund.created', 'refund.anything_new']) expect(validateAgainst(hook.payloadSchema, { event_type: eventType, data: refund }, doc).errors).toEqual([]);
    expect(validateAgainst(hook.payloadSchema, { event_type: 'payment.created', data: refund }, doc).valid).toBe(false);
    expect(validateAgainst(hook.payloadSchema, { event_type: 'refund.created', data: { ...refund, entity: 'payment' } }, doc).valid).toBe(false);
  });

  it('openapi-typescript generated a webhooks interface with every resource', () => {
    const types = readFileSync(fromRoot(api('payments-v1.3').types), 'utf8');
    const block = types.slice(types.indexOf('export interface webhooks {'), types.indexOf('export interface components {'));
    for (const hook of hooks) expect(block, hook.name).toContain(`    ${hook.name}: {`);
  });
});
