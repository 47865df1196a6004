/**
 * `drift upstream` against vendor-like published specs built from our bundles
 * (test/drift/upstream-scenarios.ts): every finding of each pair is checked (kind, message, SDK
 * methods, whether our side was inferred), then the messy parts of the vendor's spec, each a
 * warning at its file and line with no false finding, then the summary and the inferred-item
 * ledger. The command's exit codes are checked in upstream-cli.test.ts.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareUpstream } from '../../scripts/drift/upstream-command.js';
import { renderUpstreamText } from '../../scripts/drift/render-upstream.js';
import { findingKinds, touchesSdkTypes, type UpstreamFinding } from '../../scripts/drift/upstream-findings.js';
import { upstreamExitCode, type UpstreamReport } from '../../scripts/drift/upstream-report.js';
import { fromRoot } from '../../scripts/lib/apis.js';
import { justifiTypeNeutralSpec, justifiVendorSpec, paymentsVendorSpec } from './upstream-scenarios.js';
import { lineOf } from './vendor-specs.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'payments-sdk-upstream-'));
const files = { justifi: '', payments: '', neutral: '' };
const reports: Partial<Record<'justifi' | 'payments' | 'neutral' | 'sourceJustifi', UpstreamReport>> = {};

beforeAll(async () => {
  files.justifi = justifiVendorSpec(path.join(dir, 'justifi'));
  files.payments = paymentsVendorSpec(dir);
  files.neutral = justifiTypeNeutralSpec(dir);
  reports.justifi = await compareUpstream({ vendor: files.justifi });
  reports.payments = await compareUpstream({ vendor: files.payments });
  reports.neutral = await compareUpstream({ vendor: files.neutral });
  // Our own multi-file source (the entry Redocly bundles into generated/justifi-v1.yaml).
  reports.sourceJustifi = await compareUpstream({ vendor: fromRoot('spec/justifi-v1/openapi.yaml') });
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const lines = (report: UpstreamReport | undefined) => report!.findings.map((f) => `${f.kind}: ${f.message}`);
/** The message of the JustiFi pair's warning of `kind` in file `at` whose message mentions `text`. */
const message = (kind: string, at: string, text = '') => reports.justifi!.warnings.find((w) => w.kind === kind && w.at.startsWith(at) && w.message.includes(text))?.message;
const find = (report: UpstreamReport | undefined, kind: UpstreamFinding['kind'], text: string) => {
  const found = report!.findings.find((f) => f.kind === kind && f.message.includes(text));
  expect(found, `${kind} finding mentioning ${text}`).toBeDefined();
  return found!;
};

describe("drift upstream: JustiFi's published spec (3.0, multi-file, other operationIds and parameter names)", () => {
  it('reports exactly the drift built into the vendor spec, type-touching findings first', () => {
    expect(lines(reports.justifi)).toEqual([
      "ours-only-operation: GET /v1/reports/payouts/{id} (getPayoutCsvReport) is not in the vendor's spec; our spec marks its path x-inferred-path",
      "vendor-only-parameter: query parameter `payment_intent_id` is in the vendor's spec only",
      'ours-only-parameter: header parameter `Sub-Account` is in our spec only',
      'ours-only-request-body: PATCH /refunds/{id}: the request body is in our spec only',
      "vendor-only-status: response status 429 is documented in the vendor's spec only",
      'ours-only-status: response status 500 is documented in our spec only',
      'ours-only-response-body: POST /payment_methods/{token}/clone: response 200 body (application/json) is in our spec only',
      "vendor-only-response-field: `Refund.payment` (string) is in the vendor's spec only",
      'ours-only-response-field: `Refund.payment_id` (string) is in our spec only',
      "required: `CreatePaymentRequest.description` is required in the vendor's spec, optional in ours",
      "required: header parameter `Idempotency-Key` is optional in the vendor's spec, required in ours",
      "required: PATCH /payments/{id}: the request body is optional in the vendor's spec, required in ours",
      "type: `Payout.amount` is integer in our spec, string in the vendor's",
      "enum: `DisputeStatus` enum values only in ours: 'lost'",
      "enum: `Refund.status` is limited to 'pending', 'succeeded', 'failed' in the vendor's spec; ours has no enum",
      "format: `CreateRefundRequest.amount` is integer in our spec, number in the vendor's (both a TypeScript number)",
      "format: `Payment.created_at` has format date-time in our spec, none in the vendor's",
      "vendor-only-operation: GET /v1/payouts/{payout_id}/report (get-payout-csv-report) is in the vendor's spec only",
      "vendor-only-operation: POST /v1/payments/{payment_id}/void (void-payment) is in the vendor's spec only",
    ]);
  });

  it('the API is recognised from the server host although the title is "JustiFi API Documentation"', () => {
    expect(reports.justifi!.api.name).toBe('justifi-v1');
    expect(reports.justifi!.recognisedBy).toBe('its server api.justifi.ai');
    expect(reports.justifi!.vendor).toMatchObject({ title: 'JustiFi API Documentation', openapi: '3.0.3' });
    expect(reports.justifi!.vendor.documents).toBeGreaterThan(50);
  });

  it('a moved path is an ours-only operation (our inferred path contradicted) with its SDK method, and a vendor-only one, each hinting at the other', () => {
    const gone = find(reports.justifi, 'ours-only-operation', 'getPayoutCsvReport');
    expect(gone).toMatchObject({ touchesTypes: true, inferred: true, sdkMethods: ['justifi.payouts.csvReport'] });
    expect(gone.hint).toBe("the vendor's spec has GET /v1/payouts/{payout_id}/report with the same parameters and fields: moved?");
    const come = find(reports.justifi, 'vendor-only-operation', 'get-payout-csv-report');
    expect(come).toMatchObject({ touchesTypes: false, sdkMethods: [] });
    expect(come.hint).toBe('it has the parameters and fields of our getPayoutCsvReport (GET /v1/reports/payouts/{id}): moved?');
  });

  it('an added query parameter touches the SDK method of the operation, matched by method and path across other names', () => {
    const added = find(reports.justifi, 'vendor-only-parameter', 'payment_intent_id');
    expect(added).toMatchObject({ touchesTypes: true, inferred: false, vendor: 'string (uuid)', sdkMethods: ['justifi.payments.list'] });
    expect(added.operations).toEqual([
      { method: 'GET', path: '/payments', operationId: 'listPayments', vendorPath: '/v1/payments', vendorOperationId: 'list-payments', where: 'query parameter `payment_intent_id`', sdkMethods: ['justifi.payments.list'] },
    ]);
    expect(added.vendorAt).toBe(`openapi.yaml:${lineOf(files.justifi, /- name: payment_intent_id$/)}:11`);
  });

  it('a narrowed enum is one finding on the shared schema, naming every operation and SDK method that returns it, and contradicts our inference', () => {
    const narrowed = find(reports.justifi, 'enum', 'DisputeStatus');
    expect(narrowed).toMatchObject({ touchesTypes: true, inferred: true, ourPointer: '#/components/schemas/DisputeStatus', vendorAt: 'schemas/DisputeStatus.yaml:1:1' });
    expect(narrowed.sdkMethods).toEqual(expect.arrayContaining(['justifi.disputes.get', 'justifi.disputes.list', 'justifi.disputes.update', 'justifi.payments.get']));
    expect(narrowed.operations.map((o) => `${o.operationId}: ${o.where}`)).toEqual(expect.arrayContaining(['getDispute: response 200 field data.status', 'listDisputes: response 200 field data[].status']));
  });

  it('a renamed response field is reported on both sides with a rename hint, for every method returning a refund', () => {
    const ours = find(reports.justifi, 'ours-only-response-field', 'Refund.payment_id');
    const theirs = find(reports.justifi, 'vendor-only-response-field', 'Refund.payment');
    expect(ours).toMatchObject({ touchesTypes: true, inferred: true, hint: "the vendor's spec has `payment` (string) in the same object: renamed?" });
    expect(theirs).toMatchObject({ touchesTypes: true, inferred: false, hint: 'our spec has `payment_id` (string) in the same object: renamed?' });
    for (const f of [ours, theirs]) expect(f.sdkMethods).toEqual(expect.arrayContaining(['justifi.refunds.get', 'justifi.refunds.list', 'justifi.payments.refund']));
  });

  it('a response status, a newly required field and an enum on an inferred free string each touch the SDK types', () => {
    expect(find(reports.justifi, 'vendor-only-status', '429')).toMatchObject({ touchesTypes: true, vendor: '429', sdkMethods: ['justifi.payments.list'] });
    expect(find(reports.justifi, 'required', 'CreatePaymentRequest.description')).toMatchObject({ touchesTypes: true, ours: 'optional', vendor: 'required', sdkMethods: ['justifi.payments.create'] });
    expect(find(reports.justifi, 'enum', 'Refund.status')).toMatchObject({ touchesTypes: true, inferred: true, ours: 'no enum', vendor: "'pending', 'succeeded', 'failed'" });
  });

  it('a header we send, a request body and a response body the vendor lacks, and a status we document only, each name the SDK method they touch', () => {
    expect(find(reports.justifi, 'ours-only-parameter', 'Sub-Account')).toMatchObject({ touchesTypes: true, ours: 'string', sdkMethods: ['justifi.disputes.list'], ourPointer: '#/components/parameters/SubAccount' });
    expect(find(reports.justifi, 'ours-only-request-body', 'PATCH /refunds/{id}')).toMatchObject({ touchesTypes: true, sdkMethods: ['justifi.refunds.update'] });
    expect(find(reports.justifi, 'ours-only-response-body', 'clone')).toMatchObject({ touchesTypes: true, ours: 'application/json', sdkMethods: ['justifi.paymentMethods.clone'] });
    expect(find(reports.justifi, 'ours-only-status', '500')).toMatchObject({ touchesTypes: true, sdkMethods: ['justifi.payouts.list'], ourPointer: '#/components/responses/InternalServerError' });
  });

  it('a parameter made optional in a shared component is one finding for every write that sends it', () => {
    const optional = find(reports.justifi, 'required', 'Idempotency-Key');
    expect(optional).toMatchObject({ touchesTypes: true, ours: 'required', vendor: 'optional', ourPointer: '#/components/parameters/IdempotencyKey' });
    expect(optional.operations.length).toBeGreaterThan(8);
    expect(optional.sdkMethods).toEqual(expect.arrayContaining(['justifi.payments.create', 'justifi.payments.refund', 'justifi.paymentMethods.create']));
    expect(find(reports.justifi, 'required', 'the request body is optional')).toMatchObject({ ours: 'required', vendor: 'optional', sdkMethods: ['justifi.payments.update'] });
  });

  it("a field's type differing (integer vs string) touches the types of every method returning it and contradicts our inference", () => {
    const amount = find(reports.justifi, 'type', 'Payout.amount');
    expect(amount).toMatchObject({ touchesTypes: true, inferred: true, ours: 'number', vendor: 'string', ourPointer: '#/components/schemas/Payout/properties/amount' });
    expect(amount.sdkMethods).toEqual(expect.arrayContaining(['justifi.payouts.list', 'justifi.payouts.update', 'justifi.proceeds.get']));
  });

  it('a format and integer-vs-number are reported but do not touch the SDK types', () => {
    expect(find(reports.justifi, 'format', 'CreateRefundRequest.amount')).toMatchObject({ touchesTypes: false, ours: 'integer', vendor: 'number', sdkMethods: ['justifi.payments.refund'] });
    expect(find(reports.justifi, 'format', 'Payment.created_at')).toMatchObject({ touchesTypes: false, ours: 'date-time', vendor: 'none' });
  });

  it('every messy part of the vendor spec is a warning at its file, line and column', () => {
    const entryLine = (...patterns: RegExp[]) => lineOf(files.justifi, ...patterns);
    const schemaLine = (name: string, ...patterns: RegExp[]) => lineOf(path.join(path.dirname(files.justifi), 'schemas', `${name}.yaml`), ...patterns);
    expect(reports.justifi!.warnings.map((w) => `${w.kind} ${w.at}`).sort()).toEqual(
      [
        `yaml-repaired openapi.yaml:${entryLine(/^ +format: uuid$/) + 1}:9`,
        `unresolved-ref openapi.yaml:${entryLine(/\$ref: \.\/schemas\/PayoutEnvelope\.yaml$/)}:17`,
        `unresolved-ref openapi.yaml:${entryLine(/- \$ref: "#\/components\/parameters\/PageSize"$/)}:11`,
        `unresolved-ref openapi.yaml:${entryLine(/^ {2}\/v1\/sub_accounts\/\{sub_account_id\}:$/) + 1}:5`,
        // The example's value starts on the line after `value:` (its first key).
        `example-type openapi.yaml:${entryLine(/^ {2}examples:$/, /^ {4}Payment:$/, /^ {6}value:$/) + 1}:9`,
        `unresolved-ref schemas/Dispute.yaml:${schemaLine('Dispute', /^ {2}payment_id:$/) + 1}:5`,
        'schema-as-list schemas/RefundReason.yaml:1:1',
        `properties-as-list schemas/PayoutBankAccount.yaml:${schemaLine('PayoutBankAccount', /^properties:$/) + 1}:3`,
        `required-not-a-list schemas/AccessTokenResponse.yaml:${schemaLine('AccessTokenResponse', /^ {2}access_token:$/) + 1}:5`,
        `required-not-a-list schemas/Refund.yaml:${schemaLine('Refund', /^required: id$/)}:11`,
        `example-type schemas/Payment.yaml:${schemaLine('Payment', /^ {2}account_id:$/, /^ {4}example: 2024$/)}:14`,
        // The vendor typed payout amounts as strings but left its examples' numbers (getPayout's own is under the broken $ref).
        ...['PayoutUpdated', 'PayoutList', 'Proceeds', 'ProceedsList'].map((name) => `example-type openapi.yaml:${entryLine(/^ {2}examples:$/, new RegExp(`^ {4}${name}:$`), /^ {6}value:$/) + 1}:9`),
      ].sort(),
    );
    expect(message('yaml-repaired', 'openapi.yaml')).toContain('flow mapping `{ }` is less indented than the key it belongs to');
    expect(message('unresolved-ref', 'openapi.yaml', 'PayoutEnvelope')).toBe('`$ref: ./schemas/PayoutEnvelope.yaml` does not resolve: no such file');
    expect(message('unresolved-ref', 'openapi.yaml', 'PageSize')).toBe('`$ref: #/components/parameters/PageSize` does not resolve: openapi.yaml has nothing at #/components/parameters/PageSize');
    expect(message('unresolved-ref', 'schemas/Dispute.yaml')).toBe('`$ref: #/definitions/PaymentId` does not resolve: schemas/Dispute.yaml has nothing at #/definitions/PaymentId');
    expect(message('example-type', 'openapi.yaml', 'data.id')).toBe("example contradicts its schema: data.id: 438 is a number, but the schema's type is string");
    expect(message('example-type', 'schemas/Payment.yaml')).toBe("example contradicts its schema: 2024 is a number, but the schema's type is string");
  });

  it('nothing below a broken $ref (path item, parameter, schema), a list-written schema, a `required` that is not a list or per-property `required: true` becomes a finding', () => {
    const all = reports.justifi!.findings.flatMap((f) => f.operations.map((o) => `${o.operationId} ${o.where ?? ''} ${f.message}`));
    expect(all.filter((s) => /^getPayout response 200|Dispute\.payment_id|RefundReason|PayoutBankAccount|access_token|Refund\.reason/.test(s))).toEqual([]);
    // The vendor's path item for a sub account does not resolve: getSubAccount is unknown, not missing.
    expect(message('unresolved-ref', 'openapi.yaml', 'sub-account')).toBe('`$ref: ./paths/sub-account.yaml` does not resolve: no such file');
    expect(reports.justifi!.findings.some((f) => f.operations.some((o) => o.operationId === 'getSubAccount'))).toBe(false);
    // The vendor's listRefunds has a parameter whose $ref does not resolve: our `limit` is not reported missing.
    expect(all.filter((s) => s.startsWith('listRefunds query parameter'))).toEqual([]);
    // A path item in a file of its own is compared like any other, its $refs resolved back into the entry.
    const renamed = find(reports.justifi, 'ours-only-response-field', 'Refund.payment_id');
    expect(renamed.operations.find((o) => o.operationId === 'getRefund')).toMatchObject({ vendorPath: '/v1/refunds/{refund_id}', vendorOperationId: 'get-refund', where: 'response 200 field data.payment_id' });
    // The repaired flow mapping was read in full: its `format` is in the finding.
    expect(find(reports.justifi, 'vendor-only-parameter', 'payment_intent_id').vendor).toBe('string (uuid)');
  });

  it('the summary counts operations, differences by kind, and inferred items confirmed vs contradicted', () => {
    const { summary, inferred } = reports.justifi!;
    expect(summary).toMatchObject({
      operations: { shared: 37, vendorOnly: 2, oursOnly: 1, unknown: 1 },
      differences: 19,
      touchingTypes: 15,
      byKind: {
        'ours-only-operation': 1,
        'vendor-only-parameter': 1,
        'ours-only-parameter': 1,
        'ours-only-request-body': 1,
        'vendor-only-status': 1,
        'ours-only-status': 1,
        'ours-only-response-body': 1,
        'vendor-only-response-field': 1,
        'ours-only-response-field': 1,
        required: 3,
        type: 1,
        enum: 2,
        format: 2,
        'vendor-only-operation': 2,
      },
      warnings: 15,
    });
    expect(inferred.filter((i) => i.verdict === 'contradicted').map((i) => `${i.name}: ${i.by.join(', ')}`)).toEqual([
      'DisputeStatus: enum',
      'Payment.created_at: format',
      'Payout.amount: type',
      'Refund.payment_id: ours-only-response-field',
      'Refund.status: enum',
      'GET /reports/payouts/{id} (path): ours-only-operation',
    ]);
    expect(summary.inferred.contradicted).toBe(6);
    // Every inferred item reached in the shared operations and not contradicted is confirmed; the moved operation's are not reached.
    expect(summary.inferred.confirmed).toBe(inferred.length - 6);
    expect(inferred.some((i) => i.pointer.startsWith('#/components/schemas/PayoutCsvReportResponse'))).toBe(false);
    expect(summary.inferred.confirmed + summary.inferred.contradicted).toBeLessThan(reports.sourceJustifi!.summary.inferred.confirmed);
    expect(upstreamExitCode(reports.justifi!)).toBe(1);
    // The text's breakdown by kind is of all 19 differences, so it follows that total, not the 15 touching the types.
    expect(renderUpstreamText(reports.justifi!)).toMatch(/; 19 differences \(ours-only-operation 1, [^)]*, format 2, vendor-only-operation 2\), 15 touching the SDK's types; inferred items /);
  });

  it("the README's sample report is this pair's: the vendor line (its document count) and the summary line are what the tool prints", () => {
    const readme = readFileSync(fromRoot('README.md'), 'utf8');
    const section = readme.indexOf('\n## Upstream drift\n');
    expect(section).toBeGreaterThan(0);
    const sample = /```text\n([\s\S]*?)\n```/.exec(readme.slice(section))![1]!.split('\n');
    // The README's run named the entry as vendor/justifi/openapi.yaml.
    const printed = renderUpstreamText(reports.justifi!).replaceAll(files.justifi, 'vendor/justifi/openapi.yaml').split('\n');
    for (const start of ['  vendor: ', 'Summary: ']) expect(sample.find((l) => l.startsWith(start)), start).toBe(printed.find((l) => l.startsWith(start)));
  });
});

describe("drift upstream: the Payments API's published v1.4.0 (one JSON file)", () => {
  it('confirms the inferred paths it shares and contradicts the two it does not have, with their SDK methods', () => {
    expect(lines(reports.payments)).toEqual([
      "ours-only-operation: GET /ledger/balances (getBalances) is not in the vendor's spec; our spec marks its path x-inferred-path",
      "ours-only-operation: GET /payouts/business (listBusinessPayouts) is not in the vendor's spec; our spec marks its path x-inferred-path",
      "enum: `ProcessingPlan.interchange_cost` enum values only in ours: 'NET'",
      "vendor-only-operation: GET /balances (get-balances) is in the vendor's spec only",
    ]);
    expect(find(reports.payments, 'ours-only-operation', 'getBalances')).toMatchObject({ inferred: true, sdkMethods: ['payments.balances.get'], hint: "the vendor's spec has GET /balances with the same parameters and fields: moved?" });
    expect(find(reports.payments, 'ours-only-operation', 'listBusinessPayouts')).toMatchObject({ inferred: true, sdkMethods: ['payments.payouts.listForBusiness'] });
    expect(find(reports.payments, 'ours-only-operation', 'listBusinessPayouts').hint).toBeUndefined();
    expect(find(reports.payments, 'enum', 'interchange_cost')).toMatchObject({ inferred: true, sdkMethods: ['payments.accounts.processingPlan'], vendorAt: expect.stringMatching(/^payments-api-1\.4\.0\.json:\d+:\d+$/) });
    const { summary } = reports.payments!;
    expect(summary.operations).toEqual({ shared: 33, vendorOnly: 1, oursOnly: 2, unknown: 0 });
    expect(summary.inferred.contradicted).toBe(3);
    // 33 shared operations, all with inferred paths: each path is a confirmed inference.
    expect(reports.payments!.inferred.filter((i) => i.verdict === 'confirmed' && i.name.endsWith('(path)'))).toHaveLength(33);
  });

  it('an API key sent as a header parameter equals our apiKey security scheme, and webhooks are ignored, so neither is a finding or warning', () => {
    expect(reports.payments!.findings.some((f) => /x-api-key|webhook/i.test(f.message))).toBe(false);
    // The one warning: a path that differs from another only in its parameter name.
    expect(reports.payments!.warnings).toEqual([
      {
        kind: 'duplicate-operation',
        message: 'GET /disputes/{dispute} is the same operation as GET /disputes/{dispute_id} once parameter names are ignored; only the first is compared',
        at: expect.stringMatching(/^payments-api-1\.4\.0\.json:\d+:\d+$/),
        pointer: '#/paths/~1disputes~1{dispute}/get',
      },
    ]);
    expect(reports.payments!.recognisedBy).toBe('its title "Payments API"');
  });
});

describe('drift upstream: the exit-code rule (findings that touch the SDK types)', () => {
  it('a spec differing only in a format, integer vs number, a base path and a new operation touches no SDK type (exit 0)', () => {
    expect(lines(reports.neutral)).toEqual([
      "format: `CreateRefundRequest.amount` is integer in our spec, number in the vendor's (both a TypeScript number)",
      "format: `Payout.updated_at` has format date-time in our spec, none in the vendor's",
      "base-path: the vendor's spec serves these operations under the base path /v1, ours under /",
      "vendor-only-operation: POST /v1/payments/{payment_id}/void (void-payment) is in the vendor's spec only",
    ]);
    expect(find(reports.neutral, 'base-path', '/v1').operations).toEqual([
      { method: 'POST', path: '/oauth/token', operationId: 'createAccessToken', vendorPath: '/oauth/token', vendorOperationId: 'create-access-token', where: 'served at /v1/oauth/token by the vendor, /oauth/token by us', sdkMethods: ['justifi.accessTokens.create'] },
    ]);
    expect(reports.neutral!.findings.every((f) => !f.touchesTypes)).toBe(true);
    expect(reports.neutral!.verdict).toBe('differs, no SDK type affected');
    expect(upstreamExitCode(reports.neutral!)).toBe(0);
    const text = renderUpstreamText(reports.neutral!);
    expect(text).toMatch(/^• format: `Payout\.updated_at` has format date-time in our spec, none in the vendor's$/m);
    expect(text).not.toMatch(/^✖/m);
    expect(text).toMatch(/; 4 differences \(format 2, base-path 1, vendor-only-operation 1\), 0 touching the SDK's types; /);
    expect(text).toMatch(/Differences found, none touching the SDK's types \(exit 0\)\.$/);
  });

  it('every finding kind touches the SDK types except format, base-path and vendor-only-operation', () => {
    expect(findingKinds.filter((k) => !touchesSdkTypes(k))).toEqual(['format', 'base-path', 'vendor-only-operation']);
    const seen = [reports.justifi, reports.payments, reports.neutral].flatMap((r) => r!.findings);
    for (const f of seen) expect(f.touchesTypes, f.kind).toBe(touchesSdkTypes(f.kind));
    // Each report's exit code is 1 exactly when one of its findings touches the types.
    for (const r of [reports.justifi, reports.payments, reports.neutral, reports.sourceJustifi]) expect(upstreamExitCode(r!)).toBe(r!.findings.some((f) => f.touchesTypes) ? 1 : 0);
  });

  it('our multi-file source spec, read file by file, describes exactly what its Redocly bundle does: no findings, no warnings', () => {
    expect(reports.sourceJustifi!.vendor.documents).toBeGreaterThan(20);
    expect(reports.sourceJustifi!.findings).toEqual([]);
    expect(reports.sourceJustifi!.warnings).toEqual([]);
    expect(reports.sourceJustifi!.verdict).toBe('same');
    expect(reports.sourceJustifi!.summary.inferred.contradicted).toBe(0);
  });
});
