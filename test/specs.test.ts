/**
 * The bundled specs against their issues and source documents: exact operation tables, the
 * JustiFi error codes and test numbers, the conventions in spec/README.md, and every example
 * validated with Ajv so that a wrong example fails the build, not just the docs.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { apis, fromRoot, type ApiEntry } from '../scripts/lib/apis.js';
import { deref, listOperations, loadBundle, walk, type JsonObject } from '../scripts/lib/spec-model.js';
import { validateAgainst } from '../contracts/support/ajv.js';
import { justifiErrorCodes, justifiTestNumbers } from './support/seeds.js';

const byName = (name: ApiEntry['name']) => apis.find((a) => a.name === name)!;
const justifi = byName('justifi-v1');
const payments = byName('payments-v1.3');

const justifiTable = `
POST /oauth/token createAccessToken
POST /sub_accounts createSubAccount
GET /sub_accounts listSubAccounts
GET /sub_accounts/{id} getSubAccount
POST /seller_accounts createSellerAccount
GET /seller_accounts listSellerAccounts
GET /seller_accounts/{id} getSellerAccount
POST /onboarding/{id} createOnboardingEntry
GET /platform/proceeds listProceeds
GET /platform/proceeds/{id} getProceeds
POST /checkout_sessions createCheckoutSession
POST /payments createPayment
GET /payments listPayments
GET /payments/{id} getPayment
PATCH /payments/{id} updatePayment
POST /payments/{id}/capture capturePayment
POST /payments/{id}/refunds refundPayment
GET /payments/{id}/payment_balance_transactions listPaymentBalanceTransactions
GET /reports/payouts/{id} getPayoutCsvReport
POST /payment_intents createPaymentIntent
GET /payment_intents listPaymentIntents
GET /payment_intents/{id} getPaymentIntent
PATCH /payment_intents/{id} updatePaymentIntent
POST /payment_intents/{id}/capture capturePaymentIntent
GET /payment_intents/{id}/payments listPaymentIntentPayments
POST /payment_methods createPaymentMethod
GET /payment_methods listPaymentMethods
GET /payment_methods/{token} getPaymentMethod
PATCH /payment_methods/{token} updatePaymentMethod
POST /payment_methods/{token}/clone clonePaymentMethod
GET /refunds listRefunds
GET /refunds/{id} getRefund
PATCH /refunds/{id} updateRefund
GET /disputes listDisputes
GET /disputes/{id} getDispute
PATCH /disputes/{id} updateDispute
GET /payouts listPayouts
GET /payouts/{id} getPayout
PATCH /payouts/{id} updatePayout`;

const paymentsTable = `
GET /checkout_sessions listCheckoutSessions
POST /checkout_sessions createCheckoutSession
GET /checkout_sessions/{id} getCheckoutSession
GET /checkout_sessions/{id}/details getCheckoutSessionDetails
POST /checkout_sessions/{id}/complete completeCheckoutSession
POST /checkout_sessions/{id}/expire expireCheckoutSession
POST /checkout_sessions/{id}/payments createCheckoutSessionPayment
POST /payment_intents createPaymentIntent
GET /payment_intents listPaymentIntents
POST /payment_intents/search searchPaymentIntents
GET /payment_intents/{id} getPaymentIntent
PATCH /payment_intents/{id} updatePaymentIntent
POST /payment_intents/{id}/cancel cancelPaymentIntent
POST /payment_intents/{id}/capture capturePaymentIntent
GET /payment_intents/{id}/payments listPaymentIntentPayments
POST /payment_intents/{id}/payments createPayment
POST /payment_intents/{id}/refunds createRefund
GET /refunds/{id} getRefund
GET /payment_methods/{id} getPaymentMethod
PATCH /payment_methods/{id} updatePaymentMethod
POST /external_payments createExternalPaymentIntent
POST /external_payments/{payment_intent_id}/cancel cancelExternalPaymentIntent
POST /external_payments/{payment_intent_id}/capture captureExternalPaymentIntent
POST /external_refunds createExternalRefund
GET /disputes listDisputes
GET /disputes/{id} getDispute
GET /ledger/balances getBalances
GET /transactions listTransactions
GET /transactions/{id} getTransaction
POST /transactions/search searchTransactions
POST /transactions/download downloadTransactions
GET /payouts listPayouts
GET /payouts/{id} getPayout
GET /payouts/business listBusinessPayouts
GET /accounts/{id}/processing_plan getPartnerProcessingPlan`;

const rows = (table: string) => table.trim().split('\n').map((l) => l.trim()).sort();
const opRows = (doc: JsonObject) =>
  listOperations(doc).map((o) => `${o.method.toUpperCase()} ${o.path} ${o.operationId}`).sort();

const isWrite = (method: string) => method === 'post' || method === 'patch' || method === 'put';
const isList = (doc: JsonObject, op: ReturnType<typeof listOperations>[number]) => {
  const ok = deref(doc, (op.operation.responses as JsonObject)['200'] ?? {});
  const schema = deref(doc, ((ok.content as JsonObject | undefined)?.['application/json'] as JsonObject | undefined)?.schema);
  const data = schema && deref(doc, (schema.properties as JsonObject | undefined)?.data);
  return op.method === 'get' && data?.type === 'array';
};

/** Every example in a document with the schema it must satisfy. */
function examplesOf(doc: JsonObject): { pointer: string; schema: unknown; value: unknown }[] {
  const found: { pointer: string; schema: unknown; value: unknown }[] = [];
  walk(doc, (node, pointer) => {
    const hasSchemaSibling = node.schema !== null && typeof node.schema === 'object';
    if (hasSchemaSibling && 'example' in node) found.push({ pointer: `${pointer}/example`, schema: node.schema, value: node.example });
    if (hasSchemaSibling && node.examples && typeof node.examples === 'object' && !Array.isArray(node.examples)) {
      for (const [name, ex] of Object.entries(node.examples as JsonObject)) {
        const example = deref(doc, ex);
        if ('value' in example) found.push({ pointer: `${pointer}/examples/${name}`, schema: node.schema, value: example.value });
      }
    }
    // A schema object's own examples (JSON Schema `examples` array, or OpenAPI's `example`).
    const looksLikeSchema = 'type' in node || 'properties' in node || 'enum' in node || '$ref' in node;
    if (!hasSchemaSibling && looksLikeSchema && Array.isArray(node.examples)) {
      node.examples.forEach((value, i) => found.push({ pointer: `${pointer}/examples/${i}`, schema: node, value }));
    }
    if (!hasSchemaSibling && looksLikeSchema && 'example' in node) {
      found.push({ pointer: `${pointer}/example`, schema: node, value: node.example });
    }
  });
  return found;
}

describe.each(apis)('$title spec conventions', (api) => {
  const doc = loadBundle(api);
  const operations = listOperations(doc);

  it('declares OpenAPI 3.1', () => {
    expect(String(doc.openapi)).toMatch(/^3\.1\./);
  });

  it('every example validates against its schema with Ajv', () => {
    const examples = examplesOf(doc);
    expect(examples.length).toBeGreaterThan(operations.length);
    const failures = examples
      .map((ex) => ({ ex, result: validateAgainst(ex.schema, ex.value, doc) }))
      .filter(({ result }) => !result.valid)
      .map(({ ex, result }) => `${ex.pointer}: ${result.errors}`);
    expect(failures).toEqual([]);
  });

  it('every operation has a summary, a description, exactly one declared tag and error responses', () => {
    const tags = new Set(((doc.tags ?? []) as JsonObject[]).map((t) => t.name));
    for (const op of operations) {
      const where = `${op.method.toUpperCase()} ${op.path}`;
      expect(op.operation.summary, where).toBeTruthy();
      expect(op.operation.description, where).toBeTruthy();
      expect(op.operation.tags, where).toHaveLength(1);
      expect(tags.has((op.operation.tags as string[])[0]), where).toBe(true);
      const statuses = Object.keys(op.operation.responses as JsonObject);
      expect(statuses.some((s) => s.startsWith('2')), where).toBe(true);
      expect(statuses.some((s) => s.startsWith('4')), where).toBe(true);
    }
  });

  it('every error response uses the one ErrorResponse schema', () => {
    for (const op of operations) {
      for (const [status, raw] of Object.entries(op.operation.responses as JsonObject)) {
        if (!/^[45]/.test(status)) continue;
        const response = deref(doc, raw);
        const content = (response.content ?? {}) as JsonObject;
        const schema = (content['application/json'] as JsonObject | undefined)?.schema as JsonObject | undefined;
        expect(schema?.$ref, `${op.operationId} ${status}`).toBe('#/components/schemas/ErrorResponse');
      }
    }
  });

  it('no response schema forbids unknown properties', () => {
    const offenders: string[] = [];
    walk(doc, (node, pointer) => {
      if (node.additionalProperties === false && !pointer.includes('/requestBody/') && !pointer.includes('RequestDTO')) {
        offenders.push(pointer);
      }
    });
    expect(offenders).toEqual([]);
  });

  it('uses no JSON Schema keyword that Prism (draft-07) cannot read, and no discriminator', () => {
    const text = readFileSync(fromRoot(api.bundle), 'utf8');
    for (const keyword of ['prefixItems:', 'unevaluatedProperties:', '$dynamicRef:', 'discriminator:']) {
      expect(text.includes(keyword), keyword).toBe(false);
    }
  });
});

describe('JustiFi API v1 spec', () => {
  const doc = loadBundle(justifi);
  const operations = listOperations(doc);
  const schemas = (doc.components as JsonObject).schemas as JsonObject;

  it('has exactly the 39 operations of the issue table', () => {
    expect(opRows(doc)).toEqual(rows(justifiTable));
    expect(operations).toHaveLength(39);
  });

  it('ErrorCode holds every code of the seed Error Codes table, and nothing else', () => {
    const codes = justifiErrorCodes();
    expect(codes.length).toBeGreaterThan(60);
    expect([...((schemas.ErrorCode as JsonObject).enum as string[])].sort()).toEqual([...codes].sort());
  });

  it('ErrorResponse is {error: {code, message, decline_code}}', () => {
    const error = deref(doc, (deref(doc, schemas.ErrorResponse).properties as JsonObject).error);
    expect(Object.keys(error.properties as JsonObject)).toEqual(expect.arrayContaining(['code', 'message', 'decline_code']));
    expect((error.properties as JsonObject).code).toEqual(expect.objectContaining({ $ref: '#/components/schemas/ErrorCode' }));
  });

  it('every test card and ACH number of the Testing section is a named example', () => {
    const text = readFileSync(fromRoot(justifi.bundle), 'utf8');
    const numbers = justifiTestNumbers();
    expect(numbers.length).toBeGreaterThanOrEqual(27);
    expect(numbers.filter((n) => !text.includes(n))).toEqual([]);
  });

  it('the token endpoint is unauthenticated and lives outside /v1', () => {
    expect((doc.servers as JsonObject[])[0]?.url).toBe('https://api.justifi.ai/v1');
    const token = operations.find((o) => o.operationId === 'createAccessToken')!;
    expect(token.operation.security).toEqual([]);
    expect((token.operation.servers as JsonObject[])[0]?.url).toBe('https://api.justifi.ai');
    const scheme = ((doc.components as JsonObject).securitySchemes as JsonObject).oauth2 as JsonObject;
    expect(scheme.type).toBe('oauth2');
  });

  it('every list takes limit 1..100 (default 25), after_cursor and before_cursor', () => {
    const lists = operations.filter((op) => isList(doc, op));
    expect(lists.length).toBeGreaterThanOrEqual(11);
    for (const op of lists) {
      const limit = op.parameters.find((p) => p.name === 'limit' && p.in === 'query');
      expect(limit?.schema, op.operationId).toMatchObject({ type: 'integer', minimum: 1, maximum: 100, default: 25 });
      for (const name of ['after_cursor', 'before_cursor']) {
        expect(op.parameters.some((p) => p.name === name && p.in === 'query'), `${op.operationId} ${name}`).toBe(true);
      }
    }
  });

  it('idempotent writes require Idempotency-Key and document 409', () => {
    const writes = operations.filter((op) => isWrite(op.method) && op.operationId !== 'createAccessToken');
    const keyed = writes.filter((op) => op.parameters.some((p) => p.name === 'Idempotency-Key' && p.in === 'header'));
    expect(keyed.map((o) => o.operationId)).toEqual(expect.arrayContaining(['createPayment', 'refundPayment', 'capturePayment', 'createPaymentIntent', 'createPaymentMethod']));
    for (const op of keyed) {
      const header = op.parameters.find((p) => p.name === 'Idempotency-Key')!;
      expect(header.required, op.operationId).toBe(true);
      expect(Object.keys(op.operation.responses as JsonObject), op.operationId).toContain('409');
    }
  });

  it('the envelope id accepts the same types (string, integer, null) on every operation', () => {
    const envelopes = operations.flatMap((op) =>
      Object.entries(op.operation.responses as JsonObject)
        .filter(([status]) => status.startsWith('2'))
        .map(([status, raw]) => {
          const media = ((deref(doc, raw).content ?? {}) as JsonObject)['application/json'] as JsonObject | undefined;
          const schema = media ? deref(doc, media.schema) : undefined;
          const properties = (schema?.properties ?? {}) as JsonObject;
          return { where: `${op.operationId} ${status}`, enveloped: 'data' in properties, id: properties.id };
        }),
    );
    const enveloped = envelopes.filter((e) => e.enveloped);
    // Every 2xx answer is enveloped except the token endpoint's, which is plain OAuth.
    expect(envelopes.filter((e) => !e.enveloped).map((e) => e.where)).toEqual(['createAccessToken 200']);
    expect(enveloped.length).toBeGreaterThanOrEqual(38);
    for (const e of enveloped) expect(e.id, e.where).toEqual({ $ref: '#/components/schemas/EnvelopeId' });
    expect(deref(doc, schemas.EnvelopeId).type).toEqual(['string', 'integer', 'null']);
  });

  it('the seller-account operations are deprecated, and nothing else is', () => {
    const deprecated = operations.filter((op) => op.operation.deprecated === true).map((op) => op.operationId);
    expect(deprecated.sort()).toEqual(['createSellerAccount', 'getSellerAccount', 'listSellerAccounts']);
  });
});

describe('Payments API v1.3.0 spec', () => {
  const doc = loadBundle(payments);
  const operations = listOperations(doc);

  it('has exactly the 35 operations of the issue table, each marked x-inferred-path', () => {
    expect(opRows(doc)).toEqual(rows(paymentsTable));
    expect(operations).toHaveLength(35);
    for (const op of operations) expect(op.operation['x-inferred-path'], op.operationId).toBe(true);
  });

  it('authenticates every operation with the x-api-key header', () => {
    const scheme = ((doc.components as JsonObject).securitySchemes as JsonObject).apiKey as JsonObject;
    expect(scheme).toMatchObject({ type: 'apiKey', in: 'header', name: 'x-api-key' });
    expect(doc.security).toEqual([{ apiKey: [] }]);
    for (const op of operations) expect(op.operation.security ?? doc.security, op.operationId).toEqual([{ apiKey: [] }]);
  });

  it('x-idempotency-key is at least 10 characters wherever it appears', () => {
    const keyed = operations.flatMap((op) => op.parameters.filter((p) => p.name === 'x-idempotency-key'));
    expect(keyed.length).toBeGreaterThan(0);
    for (const p of keyed) expect(deref(doc, p.schema).minLength).toBe(10);
  });

  it('every list pages with starting_after / ending_before / limit (default 10, max 50) in a {data, meta} envelope', () => {
    const lists = operations.filter((op) => isList(doc, op));
    expect(lists.length).toBeGreaterThanOrEqual(7);
    for (const op of lists) {
      const limit = op.parameters.find((p) => p.name === 'limit' && p.in === 'query');
      expect(limit?.schema, op.operationId).toMatchObject({ type: 'integer', maximum: 50, default: 10 });
      for (const name of ['starting_after', 'ending_before']) {
        expect(op.parameters.some((p) => p.name === name && p.in === 'query'), `${op.operationId} ${name}`).toBe(true);
      }
    }
  });

  it('ErrorResponse is {type, code, message, argument_errors} and marked inferred', () => {
    const schema = deref(doc, ((doc.components as JsonObject).schemas as JsonObject).ErrorResponse);
    expect(Object.keys(schema.properties as JsonObject)).toEqual(expect.arrayContaining(['type', 'code', 'message', 'argument_errors']));
    expect(schema['x-inferred']).toBe(true);
  });
});
