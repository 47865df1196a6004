/**
 * The vendor-like specs the upstream tests compare with ours, each change commented. Built fresh
 * from our bundles in a temporary folder, so a spec edit never leaves them stale.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { badIndentFlowMapping, bundleCopy, op, pathItemToFile, vendorize, writeMultiFile } from './vendor-specs.js';

/**
 * JustiFi's published spec as a vendor would ship it (3.0.3, "JustiFi API Documentation",
 * server `https://api.justifi.ai`, paths under `/v1`, kebab-case operationIds, `{payment_id}`,
 * one file per schema) with drift and mess. Returns the entry file.
 */
export function justifiVendorSpec(dir: string): string {
  const spec = vendorize(bundleCopy('generated/justifi-v1.yaml'), {
    title: 'JustiFi API Documentation',
    version: '2025-06-01',
    server: 'https://api.justifi.ai',
    basePrefix: '/v1',
  });
  const schemas = spec.components.schemas;

  // Moved path: the payout CSV report (our path is x-inferred-path) lives under the payout.
  spec.paths['/v1/payouts/{payout_id}/report'] = spec.paths['/v1/reports/payouts/{payout_id}'];
  delete spec.paths['/v1/reports/payouts/{payout_id}'];
  // Added query parameter, written as a flow mapping whose `}` sits left of its key (bad indent).
  op(spec, '/v1/payments', 'get').parameters.push({ name: 'payment_intent_id', in: 'query', required: false, description: 'Only payments of this payment intent.', schema: '__FLOW__' });
  // Narrowed enum: dispute status without `lost` (ours is x-inferred).
  schemas.DisputeStatus.enum = ['needs_response', 'under_review', 'won'];
  // Renamed response field: a refund's `payment_id` is `payment`.
  schemas.Refund.properties.payment = schemas.Refund.properties.payment_id;
  delete schemas.Refund.properties.payment_id;
  // An enum where we inferred a free string: refund status.
  schemas.Refund.properties.status.enum = ['pending', 'succeeded', 'failed'];
  // A response status only the vendor documents.
  op(spec, '/v1/payments', 'get').responses['429'] = { description: 'Too many requests' };
  // A newly required request field.
  schemas.CreatePaymentRequest.required.push('description');
  // Type-neutral differences: a dropped format, integer written as number.
  delete schemas.Payment.properties.created_at.format;
  schemas.CreateRefundRequest.properties.amount.type = 'number';
  // An operation only the vendor has.
  spec.paths['/v1/payments/{payment_id}/void'] = {
    parameters: [{ name: 'payment_id', in: 'path', required: true, schema: { type: 'string' } }],
    post: { operationId: 'void-payment', summary: 'Void a payment', responses: { '200': { description: 'Voided', content: { 'application/json': { schema: { $ref: '#/components/schemas/PaymentResponse' } } } } } },
  };
  // Broken $ref to a file that is not there: the payout's 200 body cannot be read.
  op(spec, '/v1/payouts/{payout_id}', 'get').responses['200'].content['application/json'].schema = { $ref: './schemas/PayoutEnvelope.yaml' };
  // A numeric example for a string field, in a response example.
  spec.components.examples.Payment.value.data.id = 438;
  // A field's type: payout amounts as strings (ours is x-inferred).
  schemas.Payout.properties.amount = { ...schemas.Payout.properties.amount, type: 'string', example: '100000' };
  // A header we send that the vendor does not list: Sub-Account when listing disputes.
  op(spec, '/v1/disputes', 'get').parameters = op(spec, '/v1/disputes', 'get').parameters.filter((p: { $ref?: string }) => p.$ref !== '#/components/parameters/SubAccount');
  // Idempotency-Key optional for the vendor (ours: required): one finding for every write that sends it.
  spec.components.parameters.IdempotencyKey.required = false;
  // A status we document that the vendor does not: 500 when listing payouts.
  delete op(spec, '/v1/payouts', 'get').responses['500'];
  // A response body we expect that the vendor does not document: cloning a payment method.
  delete op(spec, '/v1/payment_methods/{token}/clone', 'post').responses['200'].content;
  // A request body we send that the vendor does not take, and one we require that it does not.
  delete op(spec, '/v1/refunds/{refund_id}', 'patch').requestBody;
  op(spec, '/v1/payments/{payment_id}', 'patch').requestBody.required = false;
  // A parameter whose $ref does not resolve: ours (`limit`) may be it, so none of ours is reported missing there.
  op(spec, '/v1/refunds', 'get').parameters = op(spec, '/v1/refunds', 'get').parameters.map((p: { $ref?: string }) => (p.$ref === '#/components/parameters/Limit' ? { $ref: '#/components/parameters/PageSize' } : p));
  // A path item whose $ref names a file that is not there: its operations are unknown, not missing.
  spec.paths['/v1/sub_accounts/{sub_account_id}'] = { $ref: './paths/sub-account.yaml' };
  // A path item in a file of its own, referring back into the entry.
  pathItemToFile(dir, spec, '/v1/refunds/{refund_id}', 'refund');

  const entry = writeMultiFile(dir, spec, (name, schema) => {
    // Broken $ref inside a schema file (a pointer into a file that has no such place).
    if (name === 'Dispute') schema.properties.payment_id = { $ref: '#/definitions/PaymentId' };
    // A schema written as a list.
    if (name === 'RefundReason') return [schema];
    // `properties` written as a list of one-key mappings, `required: true` on the property itself.
    if (name === 'PayoutBankAccount') {
      schema.properties = Object.entries(schema.properties).map(([k, v]) => ({ [k]: v }));
    }
    // `required` written as a single name instead of a list.
    if (name === 'Refund') schema.required = schema.required[0];
    if (name === 'AccessTokenResponse') {
      for (const field of schema.required) schema.properties[field].required = true;
      delete schema.required;
    }
    // A numeric example for a string field, in a schema.
    if (name === 'Payment') schema.properties.account_id.example = 2024;
    return schema;
  });
  badIndentFlowMapping(entry, 'schema', { type: 'string', format: 'uuid' });
  return entry;
}

/**
 * The Payments API's published v1.4.0 as one JSON file (title "Payments API", server
 * `https://api.getfwd.com`): every path we inferred but two is confirmed; the API key is an
 * explicit header parameter instead of a security scheme. Returns the file.
 */
export function paymentsVendorSpec(dir: string): string {
  const spec = vendorize(bundleCopy('generated/payments-v1.3.yaml'), { title: 'Payments API', version: '1.4.0', server: 'https://api.getfwd.com', basePrefix: '' });
  spec.openapi = '3.1.0';
  // A path we inferred, elsewhere: balances sit at the top level.
  spec.paths['/balances'] = spec.paths['/ledger/balances'];
  delete spec.paths['/ledger/balances'];
  // A path we inferred that the vendor does not have at all.
  delete spec.paths['/payouts/business'];
  // An inferred enum value contradicted: only GROSS interchange.
  spec.components.schemas.ProcessingPlan.properties.interchange_cost.enum = ['GROSS'];
  // The API key as a header parameter on every operation, no security scheme.
  delete spec.security;
  delete spec.components.securitySchemes;
  for (const item of Object.values<Record<string, { parameters?: unknown[] }>>(spec.paths)) {
    for (const [key, operation] of Object.entries(item)) {
      if (key === 'parameters' || !operation || typeof operation !== 'object') continue;
      (operation.parameters ??= []).push({ name: 'X-API-Key', in: 'header', required: true, schema: { type: 'string' } });
    }
  }
  // Two templates that differ only in a parameter name: the second is the same operation, dropped with a warning.
  spec.paths['/disputes/{dispute}'] = structuredClone(spec.paths['/disputes/{dispute_id}']);
  // Webhooks are not requests the SDK makes: they must be ignored.
  spec.webhooks = { 'payment_intent.succeeded': { post: { requestBody: { content: { 'application/json': { schema: { type: 'object' } } } }, responses: { '200': { description: 'ok' } } } } };
  const file = path.join(dir, 'payments-api-1.4.0.json');
  writeFileSync(file, JSON.stringify(spec, null, 2));
  return file;
}

/** JustiFi's spec with only type-neutral differences: a format, integer vs number, a new operation, the token under /v1. */
export function justifiTypeNeutralSpec(dir: string): string {
  const spec = vendorize(bundleCopy('generated/justifi-v1.yaml'), { title: 'JustiFi API', version: '1.1', server: 'https://api.justifi.ai/v1', basePrefix: '' });
  delete spec.components.schemas.Payout.properties.updated_at.format;
  spec.components.schemas.CreateRefundRequest.properties.amount.type = 'number';
  spec.paths['/payments/{payment_id}/void'] = { post: { operationId: 'void-payment', parameters: [{ name: 'payment_id', in: 'path', required: true, schema: { type: 'string' } }], responses: { '204': { description: 'Voided' } } } };
  const file = path.join(dir, 'justifi-type-neutral.yaml');
  writeFileSync(file, stringify(spec, { lineWidth: 0 }));
  return file;
}
