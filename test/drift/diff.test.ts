/**
 * `drift diff` on copies of the bundled specs changed with the `yaml` package. One copy holds the
 * four kinds of breaking change (removed operation, newly required request field, narrowed enum,
 * renamed response field), and each is reported as breaking with the SDK methods it affects
 * (exit 1); an additive change is non-breaking (exit 0); identical specs exit 0 with no changes;
 * the markdown and JSON formats are what CI consumes. Every run is a real CLI process.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import type { DiffChange, DiffReport } from '../../scripts/drift/diff-report.js';
import { renderDiffText } from '../../scripts/drift/render-diff.js';
import { fromRoot } from '../../scripts/lib/apis.js';
import type { JsonObject } from '../../scripts/lib/spec-model.js';
import { type DriftRun, runDrift } from './run-drift.js';

type Spec = JsonObject & { paths: Record<string, Record<string, JsonObject>>; components: { schemas: Record<string, JsonObject & { properties: Record<string, unknown>; required?: string[]; enum?: unknown[] }> } };

const dir = mkdtempSync(path.join(os.tmpdir(), 'payments-sdk-drift-diff-'));
const files: Record<string, string> = {};

interface JsonRun {
  code: number | null;
  stderr: string;
  report: DiffReport;
}

async function diffJson(base: string, revision: string): Promise<JsonRun> {
  const run = await runDrift(['diff', files[base]!, files[revision]!, '--format', 'json']);
  return { code: run.code, stderr: run.stderr, report: JSON.parse(run.stdout || 'null') as DiffReport };
}

/** The CLI runs, all started together once the copies exist; each test awaits its own. */
const runs: {
  breaking?: Promise<JsonRun>;
  payments?: Promise<JsonRun>;
  additive?: Promise<JsonRun>;
  identical?: Promise<JsonRun>;
  vendorIds?: Promise<JsonRun>;
  renamedText?: Promise<DriftRun>;
  markdown?: Promise<DriftRun>;
} = {};

const parsed = new Map<string, Spec>();

/** Writes a copy of a bundled spec, changed by `change`, and remembers it under `name`. */
function specCopy(bundle: string, name: string, change: (spec: Spec) => void = () => {}): void {
  if (!parsed.has(bundle)) parsed.set(bundle, parse(readFileSync(fromRoot(bundle), 'utf8')) as Spec);
  const spec = structuredClone(parsed.get(bundle)!);
  change(spec);
  files[name] = path.join(dir, `${name}.yaml`);
  writeFileSync(files[name], stringify(spec));
}

/** The four breaking changes of the issue, plus a response-only enum narrowing, all in one copy. */
function breakAll(s: Spec): void {
  // A removed operation: PATCH /payments/{id} (updatePayment).
  delete s.paths['/payments/{id}']!.patch;
  // A newly required request field: `email` when creating a payment.
  s.components.schemas.CreatePaymentRequest!.required!.push('email');
  // A narrowed enum sent in requests (and returned): capture strategy loses `manual`.
  s.components.schemas.CaptureStrategy!.enum = ['automatic'];
  // A narrowed enum only returned: dispute status loses `lost` (Redocly alone rates this a patch).
  s.components.schemas.DisputeStatus!.enum = ['needs_response', 'under_review', 'won'];
  // A renamed response field: a refund's `payment_id` becomes `payment`.
  const refund = s.components.schemas.Refund!;
  refund.properties.payment = refund.properties.payment_id;
  delete refund.properties.payment_id;
}

beforeAll(() => {
  specCopy('generated/justifi-v1.yaml', 'justifi');
  specCopy('generated/justifi-v1.yaml', 'justifi-breaking', breakAll);
  specCopy('generated/justifi-v1.yaml', 'justifi-renamed-field', (s) => {
    const payment = s.components.schemas.Payment!;
    payment.properties.amount_cents = payment.properties.amount;
    delete payment.properties.amount;
    payment.required = payment.required!.map((p) => (p === 'amount' ? 'amount_cents' : p));
  });
  specCopy('generated/justifi-v1.yaml', 'justifi-additive', (s) => {
    s.components.schemas.Payment!.properties.statement_descriptor = { type: 'string', description: 'Text on the card statement.' };
    const capture = s.paths['/payments/{id}/capture']!;
    s.paths['/payments/{id}/void'] = { ...capture, post: { ...structuredClone(capture.post!), operationId: 'voidPayment', summary: 'Void a Payment' } };
  });
  // A vendor's copy: its own title and operationIds, another path-parameter name, a renamed field, one operation of its own.
  specCopy('generated/justifi-v1.yaml', 'justifi-vendor-ids', (s) => {
    (s.info as { title: string }).title = 'JustiFi API Documentation';
    for (const item of Object.values(s.paths)) for (const op of Object.values(item)) if (op && typeof op === 'object' && 'operationId' in op) op.operationId = `vendor_${String(op.operationId)}`;
    const parameters = [{ name: 'refund_id', in: 'path', required: true, schema: { type: 'string' } }];
    s.paths['/refunds/{refund_id}'] = { ...s.paths['/refunds/{id}']!, parameters } as unknown as Record<string, JsonObject>;
    delete s.paths['/refunds/{id}'];
    const refund = s.components.schemas.Refund!;
    refund.properties.payment = refund.properties.payment_id;
    delete refund.properties.payment_id;
    s.paths['/payments/{id}/void'] = { post: { operationId: 'vendor_voidPayment', parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }], responses: { '204': { description: 'Voided' } } } };
  });
  specCopy('generated/payments-v1.3.yaml', 'payments');
  specCopy('generated/payments-v1.3.yaml', 'payments-renamed-field', (s) => {
    const intent = s.components.schemas.PaymentIntent!;
    intent.properties.state = intent.properties.status;
    delete intent.properties.status;
    intent.required = intent.required!.map((p) => (p === 'status' ? 'state' : p));
  });
  // Every CLI run starts now and runs side by side; each test awaits the one it checks.
  runs.breaking = diffJson('justifi', 'justifi-breaking');
  runs.renamedText = runDrift(['diff', files.justifi!, files['justifi-renamed-field']!]);
  runs.payments = diffJson('payments', 'payments-renamed-field');
  runs.additive = diffJson('justifi', 'justifi-additive');
  runs.identical = diffJson('justifi', 'justifi');
  runs.vendorIds = diffJson('justifi', 'justifi-vendor-ids');
  runs.markdown = runDrift(['diff', files.justifi!, files['justifi-breaking']!, '--format', 'markdown']);
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const methodsOf = (change: DiffChange | undefined) => change?.operations.flatMap((o) => o.sdkMethods) ?? [];

describe('drift diff: breaking changes exit 1 and name the SDK methods they break', () => {
  let code: number | null;
  let report: DiffReport;
  beforeAll(async () => {
    const run = await runs.breaking!;
    expect(run.stderr).toBe('');
    ({ code, report } = run);
  }, 120_000);
  const byRule = (ruleId: string) => report.changes.find((c) => c.reasons.some((r) => r.ruleId === ruleId));

  it('a spec with breaking changes exits 1 with the verdict "breaking"', () => {
    expect(code).toBe(1);
    expect(report.verdict).toBe('breaking');
    expect(report.counts.nonBreaking).toBe(0);
  });

  it('a removed operation is breaking for the SDK method that calls it', () => {
    const change = byRule('operation-removed');
    expect(change).toMatchObject({ breaking: true, kind: 'removed', location: 'PATCH /payments/{id}' });
    expect(change?.operations.map((o) => o.operationId)).toEqual(['updatePayment']);
    expect(methodsOf(change)).toEqual(['justifi.payments.update']);
  });

  it('a newly required request field is breaking for the method that sends it', () => {
    const change = byRule('required-properties-added');
    expect(change?.breaking).toBe(true);
    expect(change?.summary).toBe('Properties of `CreatePaymentRequest` became required: `email`.');
    expect(methodsOf(change)).toEqual(['justifi.payments.create']);
  });

  it('a request enum that loses a value is breaking (Redocly rates it major)', () => {
    const change = report.changes.find((c) => c.location === 'schemas/CaptureStrategy/enum');
    expect(change).toMatchObject({ breaking: true, impact: 'major' });
    expect(change?.redoclyImpact).toBeUndefined();
    expect(change?.reasons.map((r) => r.ruleId)).toEqual(['enum-values-removed']);
    expect(methodsOf(change)).toEqual(expect.arrayContaining(['justifi.payments.create', 'justifi.payments.get']));
  });

  it('a response-only enum that loses a value is breaking for the SDK (Redocly rates it patch; the drift rule raises it)', () => {
    const change = report.changes.find((c) => c.location === 'schemas/DisputeStatus/enum');
    expect(change).toMatchObject({ breaking: true, impact: 'major', redoclyImpact: 'patch' });
    expect(change?.reasons.map((r) => [r.ruleId, r.by])).toEqual([['sdk-enum-values-removed', 'payments-sdk']]);
    expect(change?.summary).toContain("lost values: 'lost'");
    expect(methodsOf(change)).toEqual(expect.arrayContaining(['justifi.disputes.get', 'justifi.disputes.list']));
  });

  it('a renamed response field is breaking for every method returning the schema', () => {
    const change = byRule('property-removed');
    expect(change).toMatchObject({ breaking: true, summary: 'Property `payment_id` of `Refund` was renamed to `payment`.' });
    expect(methodsOf(change)).toEqual(expect.arrayContaining(['justifi.payments.refund', 'justifi.refunds.get', 'justifi.refunds.list']));
    expect(report.brokenSdkMethods).toEqual(expect.arrayContaining(['justifi.payments.refund', 'justifi.refunds.get', 'justifi.payments.update']));
  });
});

describe.concurrent('drift diff: one breaking change at a time', () => {
  it('a renamed response field alone exits 1, and the text report names it and its SDK methods', async () => {
    const run = await runs.renamedText!;
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^BREAKING +Property `amount` of `Payment` was renamed to `amount_cents`\.$/m);
    expect(run.stdout).toMatch(/^ +SDK methods: .*justifi\.payments\.get\b/m);
    expect(run.stdout).toContain('BREAKING (exit 1).');
  });

  it('the Payments API is recognised from the spec title and its SDK methods are named', async () => {
    const { code, report } = await runs.payments!;
    expect(code).toBe(1);
    expect(report.api.name).toBe('payments-v1.3');
    expect(report.brokenSdkMethods).toEqual(expect.arrayContaining(['payments.paymentIntents.get', 'payments.paymentIntents.create']));
  });
});

describe.concurrent('drift diff: non-breaking and identical specs exit 0', () => {
  it('an additive change (new optional field, new operation) is non-breaking', async () => {
    const { code, report } = await runs.additive!;
    expect(code).toBe(0);
    expect(report.verdict).toBe('non-breaking');
    expect(report.changes.length).toBeGreaterThanOrEqual(2);
    expect(report.changes.every((c) => !c.breaking)).toBe(true);
    const added = report.changes.find((c) => c.location === '/payments/{id}/void');
    expect(added?.operations).toEqual([{ operationId: 'voidPayment', method: 'POST', path: '/payments/{id}/void', sdkMethods: [] }]);
  });

  it('identical specs report no changes', async () => {
    const { code, report } = await runs.identical!;
    expect(code).toBe(0);
    expect(report.verdict).toBe('no changes');
    expect(report.changes).toEqual([]);
  });
});

describe('drift diff: a side with other operationIds (a vendor spec)', () => {
  it('names the SDK methods of every change through method and path, so "SDK methods: none" is left for what no SDK method uses', async () => {
    const { code, report } = await runs.vendorIds!;
    expect(code).toBe(1);
    // Recognised by its server although the title is the vendor's.
    expect(report.api.name).toBe('justifi-v1');
    // Only the new operation and the new title affect no SDK method.
    const unaffected = report.changes.filter((c) => methodsOf(c).length === 0);
    expect(unaffected.map((c) => c.location).sort()).toEqual(['/payments/{id}/void', 'info/title']);
    const renamed = report.changes.find((c) => c.summary === 'Property `payment_id` of `Refund` was renamed to `payment`.');
    expect(renamed?.operations.map((o) => o.operationId)).toEqual(expect.arrayContaining(['vendor_getRefund', 'vendor_listRefunds']));
    expect(methodsOf(renamed)).toEqual(expect.arrayContaining(['justifi.refunds.get', 'justifi.refunds.list', 'justifi.payments.refund']));
    // `/refunds/{id}` and `/refunds/{refund_id}` are one operation, listed once with the SDK methods of both names' sides.
    const parameter = report.changes.find((c) => c.summary.startsWith('Required `refund_id` path parameter was added'));
    expect(parameter?.operations.map((o) => `${o.method} ${o.path}`).sort()).toEqual(['GET /refunds/{refund_id}', 'PATCH /refunds/{refund_id}']);
    expect(methodsOf(parameter).sort()).toEqual(['justifi.refunds.get', 'justifi.refunds.update']);
    expect(renderDiffText(report).match(/SDK methods: none/g)).toHaveLength(2);
  });
});

describe.concurrent('drift diff: report formats', () => {
  it('--format markdown gives a heading with the verdict and a table row per change', async () => {
    const run = await runs.markdown!;
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^### ❌ API diff: JustiFi API v1: \d+ breaking, 0 non-breaking changes$/m);
    expect(run.stdout).toContain('| Impact | Change | Where | Operations | SDK methods |\n| --- | --- | --- | --- | --- |');
    expect(run.stdout).toMatch(/^\| 🔴 breaking \| Operation `PATCH \/payments\/\{id\}` was removed\. .*\| `justifi\.payments\.update` \|$/m);
  });

  it('an unknown format is a usage error (exit 2)', async () => {
    const run = await runDrift(['diff', files.justifi!, files.justifi!, '--format', 'html']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--format must be one of text, markdown, json');
  });
});
