/**
 * `npm run drift -- upstream` as CI runs it, a real CLI process each time: a multi-file vendor spec
 * fetched from an `https://` URL (a local TLS server; the CLI trusts its test certificate through
 * NODE_EXTRA_CA_CERTS) with its `$ref`d file (exit 1: differences touch the SDK's types, markdown),
 * our own bundle against itself (exit 0, JSON), and exit 2 for a spec that cannot be fetched. Runs are
 * few and concurrent (each is a full CLI start); the findings themselves are checked in
 * upstream.test.ts, other refusals in-process below.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareUpstream } from '../../scripts/drift/upstream-command.js';
import type { UpstreamReport } from '../../scripts/drift/upstream-report.js';
import { type HttpsServer, serveDirectory, testCertificate } from './https-server.js';
import { type DriftRun, runDrift } from './run-drift.js';
import { paymentsVendorSpec } from './upstream-scenarios.js';
import { withSchemasFile } from './vendor-specs.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'payments-sdk-upstream-cli-'));
const trust = { NODE_EXTRA_CA_CERTS: testCertificate };
let server: HttpsServer;
const runs: Record<string, Promise<DriftRun>> = {};

beforeAll(async () => {
  // The Payments vendor spec in two files, with `$ref`s a spec fetched from the web must not follow, and neither servers nor an `openapi` field.
  const { entry, schemas } = withSchemasFile(JSON.parse(readFileSync(paymentsVendorSpec(dir), 'utf8')), 'schemas.json');
  schemas.Balance.properties.local = { $ref: 'file:///etc/hostname' };
  schemas.Balance.properties.plain = { $ref: 'http://127.0.0.1:9/plain.yaml' };
  delete entry.servers;
  delete entry.openapi;
  writeFileSync(path.join(dir, 'payments.json'), JSON.stringify(entry));
  writeFileSync(path.join(dir, 'schemas.json'), JSON.stringify(schemas));
  writeFileSync(path.join(dir, 'petstore.yaml'), 'openapi: 3.0.0\ninfo: {title: Swagger Petstore, version: "1"}\npaths:\n  /pets: {get: {responses: {"200": {description: ok}}}}\n');
  server = await serveDirectory(dir);

  runs.https = runDrift(['upstream', `${server.url}/payments.json`, '--format', 'markdown'], trust);
  runs.self = runDrift(['upstream', 'generated/payments-v1.3.yaml', '--format', 'json']);
  runs.notFound = runDrift(['upstream', `${server.url}/gone.yaml`], trust);
}, 60_000);

afterAll(async () => {
  await Promise.allSettled(Object.values(runs));
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe.concurrent('drift upstream (CLI)', () => {
  it('fetches a multi-file vendor spec from an https:// URL with its $ref-ed file, exits 1 when differences touch the SDK types, and reports in markdown', async () => {
    const run = await runs.https!;
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    expect(server.requests).toEqual(expect.arrayContaining(['/payments.json', '/schemas.json']));
    expect(run.stdout).toMatch(/^### ❌ Upstream drift: Payments API v1\.3\.0: 4 differences, 3 touching the SDK's types$/m);
    expect(run.stdout).toContain(`Vendor: \`${server.url}/payments.json (Payments API 1.4.0, 2 documents)\` (recognised by its title "Payments API")`);
    expect(run.stdout).toContain('| Kind | Difference | Operations | SDK methods | Inferred |\n| --- | --- | --- | --- | --- |');
    expect(run.stdout).toMatch(/^\| 🔴 `enum` \| `ProcessingPlan\.interchange_cost` enum values only in ours: 'NET' .*\| `GET \/accounts\/\{id\}\/processing_plan` \| `payments\.accounts\.processingPlan` \| yes \|$/m);
    expect(run.stdout).toMatch(/^\| ⚪ `vendor-only-operation` \| GET \/balances \(get-balances\) is in the vendor's spec only .*\| none \| no \|$/m);
    expect(run.stdout).toContain('Operations: **33** shared, **1** vendor-only, **2** ours-only. Inferred items: **');
    expect(run.stdout.trimEnd()).toMatch(/Differences touch the SDK's types \(exit 1\)\.$/);
  });

  it('a spec fetched over https may not make the tool read local files or plain-http URLs: a warning each, like a missing version or servers', async () => {
    const run = await runs.https!;
    expect(run.stdout).toMatch(new RegExp(`^- \`${server.url.replace(/[.]/g, '\\.')}/schemas\\.json:1:\\d+\` \\*\\*unresolved-ref\\*\\*: \`\\$ref: file:///etc/hostname\` does not resolve: a spec fetched over https may only reference https documents$`, 'm'));
    expect(run.stdout).toContain('**unresolved-ref**: `$ref: http://127.0.0.1:9/plain.yaml` does not resolve: only files and https:// URLs are read (not http:)');
    expect(run.stdout).toContain('**not-openapi-3**: no `openapi` version field; read as OpenAPI 3');
    expect(run.stdout).toContain('**no-servers**: the spec declares no servers; paths are compared without a base path');
  });

  it('our own bundle compared with itself reports no difference and exits 0', async () => {
    const run = await runs.self!;
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as UpstreamReport;
    expect(report).toMatchObject({ verdict: 'same', findings: [], warnings: [], recognisedBy: 'its title "Payments API"' });
    expect(report.summary.operations).toEqual({ shared: 35, vendorOnly: 0, oursOnly: 0, unknown: 0 });
    expect(report.summary.inferred.contradicted).toBe(0);
  });

  it('a spec that cannot be read is a tool error (exit 2) that says why', async () => {
    const notFound = await runs.notFound!;
    expect(notFound.code).toBe(2);
    expect(notFound.stdout).toBe('');
    expect(notFound.stderr).toContain(`drift: cannot read ${server.url}/gone.yaml: GET ${server.url}/gone.yaml answered 404 Not Found`);
  });
});

describe('drift upstream: inputs it refuses', () => {
  it('a missing file, plain http:// URLs, Swagger 2.0, a document without paths, an unknown --api and an API it cannot tell are usage errors', async () => {
    await expect(compareUpstream({ vendor: 'no/such/spec.yaml' })).rejects.toThrow(expect.objectContaining({ name: 'UsageError', message: 'no/such/spec.yaml: no such file' }));
    await expect(compareUpstream({ vendor: 'http://127.0.0.1:9/openapi.yaml' })).rejects.toThrow('http://127.0.0.1:9/openapi.yaml: only https:// URLs and files are supported');
    await expect(compareUpstream({ vendor: path.join(dir, 'petstore.yaml') })).rejects.toThrow('describes (title "Swagger Petstore", no known server or paths); pass --api justifi|payments');
    writeFileSync(path.join(dir, 'swagger.json'), JSON.stringify({ swagger: '2.0', info: { title: 'JustiFi API' }, paths: {} }));
    writeFileSync(path.join(dir, 'no-paths.yaml'), 'openapi: 3.1.0\ninfo: {title: JustiFi API}\n');
    await expect(compareUpstream({ vendor: path.join(dir, 'swagger.json') })).rejects.toThrow(/is Swagger 2\.0; only OpenAPI 3\.0 and 3\.1 are compared/);
    await expect(compareUpstream({ vendor: path.join(dir, 'no-paths.yaml') })).rejects.toThrow(/is not an OpenAPI document \(no `paths`\)/);
    await expect(compareUpstream({ vendor: 'generated/justifi-v1.yaml', api: 'stripe' })).rejects.toThrow('--api must be justifi or payments (got "stripe")');
  });

  it('--api wins over what the spec looks like, with a warning when they disagree', async () => {
    const report = await compareUpstream({ vendor: 'generated/payments-v1.3.yaml', api: 'justifi' });
    expect(report.api.name).toBe('justifi-v1');
    expect(report.recognisedBy).toBe('--api');
    expect(report.warnings).toContainEqual(expect.objectContaining({ kind: 'api-mismatch', message: '--api justifi was given, but the spec looks like Payments API v1.3.0 (by its title "Payments API")' }));
  }, 30_000);
});
