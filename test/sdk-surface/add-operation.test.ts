/**
 * Adding an operation takes one edit to the spec and `npm run generate`. A copy of the Payments
 * API spec gains `POST /payment_intents/{id}/something_new` with `x-sdk-method:
 * payments.somethingNew`, next to a verbatim copy of src/; the copy is linted and generated into
 * its own generated/ and test/types/. Then, with no other file touched:
 * - the type checker sees `payments.somethingNew(id, body, options?)` with the body required and
 *   the spec's result type (and the generated body-optionality test covers it);
 * - a real call against a local node:http server sends the right method, path, headers and body;
 * - the contract suite's checks cover it against Prism started from the copy's bundle;
 * - the docs landing page and `drift diff` name the method;
 * - a browser bundle that imports the client and calls one method grows by the new table entry
 *   only: every other input contributes the same bytes as before.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { positiveChecks, negativeCheck, statusMappingCheck, authCheck } from '../../contracts/support/checks.js';
import { paymentsHarness } from '../../contracts/support/harness.js';
import { describeApi } from '../../scripts/docs/build-site.js';
import { renderLandingPage } from '../../scripts/docs/landing-page.js';
import { diffSpecs } from '../../scripts/drift/diff-command.js';
import { apiEntryIn, apis, fromRoot, repoRoot } from '../../scripts/lib/apis.js';
import { generateApi, lintSpec, writeGenerated } from '../../scripts/lib/codegen.js';
import { startPrism, type PrismServer } from '../../scripts/lib/prism.js';
import type { createPaymentsClient as CreatePaymentsClient } from '../../src/payments/index.js';
import { startTestServer, type TestServer } from '../support/http-server.js';

const api = apis.find((a) => a.name === 'payments-v1.3')!;
const root = mkdtempSync(path.join(os.tmpdir(), 'sdk-add-operation-'));
const copy = apiEntryIn(root, api);
const specDir = path.dirname(copy.spec);

const newPath = `# The operation the proof adds.
x-inferred-path: true
parameters:
  - $ref: '../components/parameters.yaml#/Id'
post:
  operationId: createSomethingNew
  x-sdk-method: payments.somethingNew
  tags:
    - Payment Intents
  summary: 'Do something new to a payment intent'
  description: 'An operation added to a copy of the spec to show that the spec alone defines the SDK surface.'
  x-inferred-path: true
  parameters:
    - $ref: '../components/parameters.yaml#/AccountIdRequired'
    - $ref: '../components/parameters.yaml#/IdempotencyKey'
  requestBody:
    required: true
    content:
      application/json:
        schema:
          type: object
          required: [note]
          properties:
            note: { type: string, minLength: 1, maxLength: 40 }
          x-inferred: true
        example: { note: 'hello' }
  responses:
    '200':
      description: OK.
      content:
        application/json:
          schema:
            type: object
            required: [id, done]
            properties:
              id: { type: string }
              done: { type: boolean }
            x-inferred: true
          example: { id: 'pi_1', done: true }
    '400':
      $ref: '../components/responses.yaml#/BadRequest'
    '401':
      $ref: '../components/responses.yaml#/Unauthorized'
    '404':
      $ref: '../components/responses.yaml#/NotFound'
`;

let lint: { ok: boolean; report: string };
let written: string[];
let prism: PrismServer | undefined;
let server: TestServer | undefined;

/** Every file under `dir`, relative to it; links (to the repository's node_modules and src/core) are left out. */
function filesUnder(dir: string, prefix = ''): string[] {
  return readdirSync(path.join(dir, prefix), { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(prefix, e.name);
    if (e.isSymbolicLink()) return [];
    return e.isDirectory() ? filesUnder(dir, rel) : [rel];
  });
}

beforeAll(async () => {
  // The user's side: the spec, the package and the SDK source as they are, then one spec edit.
  // src/core (no generated code in it) is linked rather than copied, so the regenerated client
  // throws the very error classes the contract checks compare with.
  cpSync(path.dirname(fromRoot(api.spec)), specDir, { recursive: true });
  cpSync(fromRoot('package.json'), path.join(root, 'package.json'));
  cpSync(fromRoot('src'), path.join(root, 'src'), { recursive: true, filter: (source) => source !== fromRoot('src/core') });
  symlinkSync(fromRoot('src/core'), path.join(root, 'src/core'), 'dir');
  symlinkSync(fromRoot('node_modules'), path.join(root, 'node_modules'), 'dir');
  writeFileSync(path.join(specDir, 'paths', 'payment_intents@{id}@something_new.yaml'), newPath);
  const openapi = path.join(specDir, 'openapi.yaml');
  const anchor = "  /payment_intents/{id}/cancel:\n";
  const text = readFileSync(openapi, 'utf8');
  if (!text.includes(anchor)) throw new Error('openapi.yaml has no /payment_intents/{id}/cancel entry to insert beside');
  writeFileSync(openapi, text.replace(anchor, `  /payment_intents/{id}/something_new:\n    $ref: 'paths/payment_intents@{id}@something_new.yaml'\n${anchor}`));
  // `npm run generate`, pointed at the copy.
  lint = lintSpec(copy);
  written = writeGenerated(copy, await generateApi(copy));
}, 90_000);

afterAll(async () => {
  await Promise.all([prism?.stop(), server?.close()]);
  rmSync(root, { recursive: true, force: true });
});

describe('adding an operation to the spec', () => {
  it('lints clean and regenerates; nothing but the spec edit and the generated files differs from the repository', () => {
    expect(lint.report).not.toMatch(/error/);
    expect(lint.ok).toBe(true);
    const differing = filesUnder(root).filter((rel) => {
      try {
        return readFileSync(path.join(root, rel), 'utf8') !== readFileSync(path.join(repoRoot, rel), 'utf8');
      } catch {
        return true; // not in the repository at all
      }
    });
    const generated = written.map((file) => path.relative(root, file));
    expect(generated).toEqual(['generated/payments-v1.3.yaml', 'generated/payments-v1.3.d.ts', 'generated/payments-v1.3.sdk.ts', 'test/types/payments-v1.3.sdk-bodies.ts']);
    expect(differing.sort()).toEqual([...generated, 'spec/payments-v1.3/openapi.yaml', 'spec/payments-v1.3/paths/payment_intents@{id}@something_new.yaml'].sort());
  });

  it('the type checker sees payments.somethingNew(id, body, options?) with the body required and the result type of the spec', () => {
    const proof = (src: string, generated: string) => `
import { createPaymentsClient } from '${src}/payments/index.js';
import type { operations } from '${generated}/payments-v1.3.js';
type Is<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Expect<T extends true> = T;
const pay = createPaymentsClient({ apiKey: 'proof_api_key_000' });
export async function proof(): Promise<void> {
  const result = await pay.payments.somethingNew('pi_1', { note: 'hello' }, { idempotencyKey: 'proof-key-0001' });
  type Result = Expect<Is<typeof result, operations['createSomethingNew']['responses'][200]['content']['application/json']>>;
  type Id = Expect<Is<Parameters<typeof pay.payments.somethingNew>[0], string>>;
  // @ts-expect-error the body is required
  void pay.payments.somethingNew('pi_1');
  // @ts-expect-error the body is the spec's schema
  void pay.payments.somethingNew('pi_1', { note: 5 });
  void (0 as unknown as [Result, Id]);
}
`;
    const regenerated = path.join(root, 'proof.ts');
    const unchanged = path.join(root, 'proof-against-the-repository.ts');
    writeFileSync(regenerated, proof('./src', './generated'));
    writeFileSync(unchanged, proof(fromRoot('src'), fromRoot('generated')));
    const config = ts.getParsedCommandLineOfConfigFile(fromRoot('tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} })!;
    const program = ts.createProgram([regenerated, unchanged, copy.sdkTypeTest], { ...config.options, noEmit: true });
    const problems = (file: string) => ts.getPreEmitDiagnostics(program).filter((d) => d.file && path.resolve(d.file.fileName) === file).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    expect(problems(regenerated)).toEqual([]);
    expect(problems(copy.sdkTypeTest)).toEqual([]);
    expect(readFileSync(copy.sdkTypeTest, 'utf8')).toContain("BodyArgumentRuleOf<SdkResources['payments']['somethingNew'], 1, Operations['createSomethingNew'], Options>, 'required'");
    // The same program against the repository's own SDK fails: the method exists only where it was generated.
    expect(problems(unchanged)).toContainEqual(expect.stringContaining("Property 'payments' does not exist"));
  }, 60_000);

  it('a real call sends POST /payment_intents/{id}/something_new with the body, the scope and an idempotency key', async () => {
    server = await startTestServer(() => ({ status: 200, body: { id: 'pi_1', done: true } }));
    const { createPaymentsClient } = (await import(pathToFileURL(path.join(root, 'src/payments/index.ts')).href)) as { createPaymentsClient: typeof CreatePaymentsClient };
    const pay = createPaymentsClient({ apiKey: 'proof_api_key_000', accountId: 'acc_proof', baseUrl: server.url, maxRetries: 0 }) as unknown as { payments: { somethingNew: (id: string, body: unknown) => PromiseLike<unknown> } };
    await expect(pay.payments.somethingNew('pi_1', { note: 'hello' })).resolves.toEqual({ id: 'pi_1', done: true });
    const [sent] = server.requests;
    expect([sent!.method, sent!.path, JSON.parse(sent!.body), sent!.headers['x-account-id']]).toEqual(['POST', '/payment_intents/pi_1/something_new', { note: 'hello' }, 'acc_proof']);
    expect(sent!.headers['x-idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('the contract suite covers it: positive, conformance, negative, status-mapping and auth checks pass against Prism', async () => {
    prism = await startPrism(copy.bundle);
    const module = await import(pathToFileURL(copy.sdk).href);
    const { createPaymentsClient } = (await import(pathToFileURL(path.join(root, 'src/payments/index.ts')).href)) as { createPaymentsClient: typeof CreatePaymentsClient };
    const h = paymentsHarness(prism.url, false, { api: copy, module, createClient: createPaymentsClient });
    const model = h.operations.find((o) => o.operationId === 'createSomethingNew');
    expect(model, 'the suite iterates the operations of the bundle').toBeDefined();
    const positive = await positiveChecks(h, model!);
    for (const check of ['positive', 'conformance', 'idempotency'] as const) {
      expect(positive[check].failure, check).toBeUndefined();
      expect(positive[check].cases, check).toBeGreaterThan(0);
    }
    expect(positive.positive.requests).toBeGreaterThanOrEqual(positive.positive.cases);
    for (const result of [await negativeCheck(h, model!), await statusMappingCheck(h, model!), await authCheck(h, model!)]) {
      expect(result?.cases).toBeGreaterThan(0);
      expect(result?.failure).toBeUndefined();
    }
  }, 60_000);

  it('the docs landing page and drift diff name payments.payments.somethingNew', async () => {
    const docs = await describeApi(copy);
    expect(docs.operations.find((o) => o.operationId === 'createSomethingNew')?.sdkMethods).toEqual(['payments.payments.somethingNew']);
    const page = renderLandingPage({ apis: [docs], samples: [], redoclyVersion: 'test' }).replace(/<wbr>/g, '');
    expect(page).toContain('<td><code>createSomethingNew</code></td><td><code>payments.payments.somethingNew</code></td>');

    const report = await diffSpecs({ base: fromRoot(api.bundle), revision: copy.bundle, apiEntry: copy });
    expect(report.verdict).toBe('non-breaking');
    const added = report.changes.find((c) => c.operations.some((o) => o.operationId === 'createSomethingNew'));
    expect(added?.operations).toEqual([{ operationId: 'createSomethingNew', method: 'POST', path: '/payment_intents/{id}/something_new', sdkMethods: ['payments.payments.somethingNew'] }]);
  }, 60_000);

  it('a one-call browser bundle grows by the method table entry and nothing else', async () => {
    /** Minified bytes per input of a bundle of `createPaymentsClient(…).paymentIntents.get(…)` from `srcDir`. */
    const inputs = async (srcDir: string, base: string) => {
      const result = await build({
        stdin: { contents: `import { createPaymentsClient } from '${srcDir}/payments/index.ts';\ncreatePaymentsClient({ apiKey: 'k' }).paymentIntents.get('pi_1');`, resolveDir: repoRoot, loader: 'ts' },
        bundle: true, minify: true, platform: 'browser', format: 'esm', write: false, metafile: true, logLevel: 'silent',
      });
      const output = Object.values(result.metafile.outputs)[0]!;
      return Object.fromEntries(Object.entries(output.inputs).map(([input, info]) => {
        const file = path.resolve(repoRoot, input);
        return [path.relative(file.startsWith(root) ? root : base, file), info.bytesInOutput];
      }));
    };
    const before = await inputs(fromRoot('src'), repoRoot);
    const after = await inputs(path.join(root, 'src'), repoRoot);
    const changed = Object.keys({ ...before, ...after }).filter((input) => before[input] !== after[input]);
    expect(changed).toEqual(['generated/payments-v1.3.sdk.ts']);
    const entry = "somethingNew:{method:\"POST\",path:\"/payment_intents/{id}/something_new\",headers:{\"x-account-id\":\"required\",\"x-idempotency-key\":\"optional\"},body:\"required\"}";
    // The growth is the new namespace with its one entry (minified: `payments:{…}` and a comma).
    expect(after['generated/payments-v1.3.sdk.ts']! - before['generated/payments-v1.3.sdk.ts']!).toBe(`,payments:{${entry}}`.length);
  });
});
