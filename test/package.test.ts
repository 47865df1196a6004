/**
 * The published package as a user gets it: build, `npm pack`, install the tarball into an empty
 * project, then use it the ways consumers do: `import` and `require` of both entry points, `import`
 * of the CommonJS files, TypeScript on `nodenext` and on `node` (node10) resolution, one error
 * hierarchy across both formats and across minified bundles, and the two package linters
 * (`attw`, `publint --strict`) on the same tarball.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromRoot, repoRoot } from '../scripts/lib/apis.js';
import { type Consumer, installPackedSdk, runOrExplain } from '../scripts/runtimes/consumer.js';

let consumer: Consumer;
let project: string;
let installed: string;
const run = runOrExplain;
/** Runs a tool that may exit non-zero, keeping its output for the assertion message. */
const runAllowingFailure = (cmd: string, args: string[], cwd: string): { status: number; output: string } => {
  try {
    return { status: 0, output: execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }) };
  } catch (error) {
    const e = error as { status?: number; stdout?: string; stderr?: string };
    return { status: e.status ?? 1, output: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
};
const node = (file: string) => run(process.execPath, [file], path.dirname(file));
const entryPoints = { root: 'index.js', justifi: 'justifi/index.js', payments: 'payments/index.js' };

beforeAll(() => {
  consumer = installPackedSdk({ prefix: 'payments-sdk-pack-' });
  ({ project, installed } = consumer);
}, 180_000);

afterAll(() => consumer?.remove());

const probe = (load: string) => `
${load}
const out = {
  justifi: typeof justifi.createJustifiClient,
  payments: typeof payments.createPaymentsClient,
  sharedErrors: justifi.ApiError === payments.ApiError && payments.ApiError === root.ApiError,
  mode: justifi.createJustifiClient({ clientId: 'test_x', clientSecret: 'y' }).mode,
  checkout: justifi.hostedCheckoutUrl('cs_1'),
};
payments.createPaymentsClient({ apiKey: 'k', accountId: 'a', baseUrl: 'http://127.0.0.1:9', maxRetries: 0 })
  .paymentIntents.get('pi_1')
  .catch((e) => { out.error = e instanceof root.ConnectionError ? 'ConnectionError' : String(e); console.log(JSON.stringify(out)); });
`;

const expected = { justifi: 'function', payments: 'function', sharedErrors: true, mode: 'test', checkout: 'https://checkout.justifi.ai/r/cs_1', error: 'ConnectionError' };

describe('the packed tarball', () => {
  it('works with import', () => {
    const file = path.join(project, 'esm.mjs');
    writeFileSync(file, probe("import * as justifi from 'payments-sdk/justifi'; import * as payments from 'payments-sdk/payments'; import * as root from 'payments-sdk';"));
    expect(JSON.parse(node(file))).toEqual(expected);
  });

  it('works with require', () => {
    const file = path.join(project, 'cjs.cjs');
    writeFileSync(file, probe("const justifi = require('payments-sdk/justifi'); const payments = require('payments-sdk/payments'); const root = require('payments-sdk');"));
    expect(JSON.parse(node(file))).toEqual(expected);
  });

  it('exposes the same named exports to import from its CommonJS files as its ES modules do', () => {
    // Node reads a CJS file's names with cjs-module-lexer; without the annotation esbuild emits for
    // platform 'node', `import { createJustifiClient }` of the CJS build finds only `default`.
    const file = path.join(project, 'cjs-named.mjs');
    const url = (format: string, entry: string) => pathToFileURL(path.join(installed, 'dist', format, 'src', entry)).href;
    const files = Object.fromEntries(Object.entries(entryPoints).map(([name, entry]) => [name, { esm: url('esm', entry), cjs: url('cjs', entry) }]));
    writeFileSync(
      file,
      `const names = async (file) => Object.keys(await import(file)).filter((k) => k !== 'default' && k !== 'module.exports').sort();
const out = {};
for (const [name, { esm, cjs }] of Object.entries(${JSON.stringify(files)})) out[name] = { esm: await names(esm), cjs: await names(cjs) };
const { createJustifiClient, NotFoundError } = await import(${JSON.stringify(files.justifi!.cjs)});
out.named = [typeof createJustifiClient, typeof NotFoundError];
console.log(JSON.stringify(out));
`,
    );
    const out = JSON.parse(node(file)) as Record<string, { esm: string[]; cjs: string[] }> & { named: string[] };
    for (const name of Object.keys(entryPoints)) {
      expect(out[name]!.esm).toContain('NotFoundError');
      expect(out[name]!.cjs, `${name}: named exports of the CJS build`).toEqual(out[name]!.esm);
    }
    expect(out.named).toEqual(['function', 'function']);
  });

  it('ships declarations a TypeScript consumer can type-check against', () => {
    const file = path.join(project, 'consumer.mts');
    writeFileSync(
      file,
      `import { createJustifiClient, type JustifiErrorCode } from 'payments-sdk/justifi';
import { createPaymentsClient } from 'payments-sdk/payments';
const justifi = createJustifiClient({ clientId: 'test_x', clientSecret: 'y' });
const pay = createPaymentsClient({ apiKey: 'k' });
export async function demo(): Promise<number> {
  const code: JustifiErrorCode = 'card_declined';
  const payment = await justifi.payments.get('py_1');
  const intent = await pay.paymentIntents.get('pi_1');
  return String(payment.id).length + String(intent.id).length + code.length;
}
`,
    );
    const out = run(process.execPath, [fromRoot('node_modules/typescript/bin/tsc'), '--noEmit', '--strict', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022', '--lib', 'es2022,dom', file], project);
    expect(out).toBe('');
  });

  it('resolves the root and both subpaths under moduleResolution node (node10) to typed declarations', () => {
    const file = path.join(project, 'node10.ts');
    writeFileSync(
      file,
      `import { createJustifiClient, type JustifiErrorCode } from 'payments-sdk/justifi';
import { createPaymentsClient, type PaymentsClient } from 'payments-sdk/payments';
import { NotFoundError } from 'payments-sdk';
// Real types, not \`any\`: a code outside JustiFi's table must be refused.
// @ts-expect-error 'not_a_code' is not a JustifiErrorCode
const wrong: JustifiErrorCode = 'not_a_code';
const pay: PaymentsClient = createPaymentsClient({ apiKey: 'k' });
export const used = [wrong, pay, createJustifiClient, NotFoundError];
`,
    );
    const tsc = runAllowingFailure(process.execPath, [fromRoot('node_modules/typescript/bin/tsc'), '--noEmit', '--strict', '--module', 'commonjs', '--moduleResolution', 'node', '--target', 'es2022', '--lib', 'es2022,dom', file], project);
    expect(tsc.output).toBe('');
    expect(tsc.status).toBe(0);
  });
});

describe('one error hierarchy across module formats', () => {
  it('an error thrown by the required copy is instanceof the imported class, and the other way round', () => {
    const file = path.join(project, 'dual.mjs');
    writeFileSync(
      file,
      `import http from 'node:http';
import { createRequire } from 'node:module';
import * as esm from 'payments-sdk';
const cjs = createRequire(import.meta.url)('payments-sdk');
// A real server answering every request with a JustiFi-style 404.
const server = http.createServer((req, res) => {
  res.writeHead(req.url === '/oauth/token' ? 200 : 404, { 'content-type': 'application/json' });
  res.end(JSON.stringify(req.url === '/oauth/token' ? { access_token: 't', expires_in: 86400 } : { error: { code: 'not_found', message: 'no such payment' } }));
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const baseUrl = 'http://127.0.0.1:' + server.address().port;
const thrownBy = (sdk) => sdk.createJustifiClient({ clientId: 'test_x', clientSecret: 'y', baseUrl, maxRetries: 0 }).payments.get('py_missing').then(() => undefined, (e) => e);
const fromCjs = await thrownBy(cjs);
const fromEsm = await thrownBy(esm);
server.close();
class NotFoundError extends Error {}
class AppError extends esm.ApiError {}
// A lookalike of the SDK's class in the app: same name, same place in the hierarchy.
const Lookalike = { NotFoundError: class NotFoundError extends esm.ApiError {} }.NotFoundError;
console.log(JSON.stringify({
  twoCopies: esm.NotFoundError !== cjs.NotFoundError,
  cjsErrorIsEsm: [fromCjs instanceof esm.NotFoundError, fromCjs instanceof esm.ApiError, fromCjs instanceof esm.PaymentsSdkError, fromCjs instanceof Error],
  esmErrorIsCjs: [fromEsm instanceof cjs.NotFoundError, fromEsm instanceof cjs.ApiError, fromEsm instanceof cjs.PaymentsSdkError],
  status: [fromCjs.status, fromEsm.status],
  notOtherClasses: [fromCjs instanceof esm.RateLimitError, fromCjs instanceof esm.ConnectionError, new cjs.ApiError({ status: 400 }) instanceof esm.NotFoundError, new cjs.TimeoutError(1, 1, 1) instanceof esm.ConnectionError],
  notLookalikes: [new NotFoundError() instanceof cjs.NotFoundError, new Error('x') instanceof cjs.PaymentsSdkError, { name: 'NotFoundError' } instanceof cjs.NotFoundError, fromCjs instanceof AppError, new Lookalike({ status: 404 }) instanceof esm.NotFoundError],
  subclassOfImported: [new AppError({ status: 500 }) instanceof cjs.ApiError, new AppError({ status: 500 }) instanceof cjs.NotFoundError],
}));
`,
    );
    expect(JSON.parse(node(file))).toEqual({
      twoCopies: true,
      cjsErrorIsEsm: [true, true, true, true],
      esmErrorIsCjs: [true, true, true],
      status: [404, 404],
      notOtherClasses: [false, false, false, true],
      notLookalikes: [false, false, false, false, false],
      subclassOfImported: [true, false],
    });
  });

  it('instanceof holds between two minified bundles, one of the ESM build and one of the CJS build', async () => {
    // A bundler that minifies renames classes; the build's keepNames keeps the names the brand reads.
    for (const [format, outfile] of [['esm', 'bundle-esm.mjs'], ['cjs', 'bundle-cjs.cjs']] as const) {
      await build({
        stdin: { contents: format === 'esm' ? "export * from 'payments-sdk';" : "module.exports = require('payments-sdk');", resolveDir: project },
        bundle: true,
        minify: true,
        format,
        platform: format === 'esm' ? 'neutral' : 'node',
        mainFields: ['module', 'main'],
        outfile: path.join(project, outfile),
        logLevel: 'silent',
      });
    }
    const file = path.join(project, 'minified.mjs');
    writeFileSync(
      file,
      `import * as a from './bundle-esm.mjs';
import b from './bundle-cjs.cjs';
const fromB = new b.NotFoundError({ status: 404 });
console.log(JSON.stringify([a.NotFoundError !== b.NotFoundError, fromB instanceof a.NotFoundError, fromB instanceof a.ApiError, new a.ApiError({ status: 400 }) instanceof b.NotFoundError]));
`,
    );
    expect(JSON.parse(node(file))).toEqual([true, true, true, false]);
  });
});

describe('package linters', () => {
  it('attw finds no problem in the tarball under node10, node16 (CJS and ESM) and bundler resolution', () => {
    const attw = runAllowingFailure(process.execPath, [fromRoot('node_modules/@arethetypeswrong/cli/dist/index.js'), consumer.tarball, '--format', 'json'], repoRoot);
    expect(attw.status, attw.output).toBe(0);
    const { analysis } = JSON.parse(attw.output) as { analysis: { problems: unknown[]; entrypoints: Record<string, { resolutions: Record<string, { resolution?: { fileName: string } }> }> } };
    expect(analysis.problems).toEqual([]);
    expect(Object.keys(analysis.entrypoints).sort()).toEqual(['.', './justifi', './package.json', './payments']);
    for (const entry of ['.', './justifi', './payments']) {
      const resolved = Object.fromEntries(Object.entries(analysis.entrypoints[entry]!.resolutions).map(([kind, r]) => [kind, r.resolution?.fileName.endsWith('.d.ts')]));
      expect(resolved, entry).toEqual({ node10: true, 'node16-cjs': true, 'node16-esm': true, bundler: true });
    }
  });

  it('publint --strict reports nothing', () => {
    const publint = runAllowingFailure(process.execPath, [fromRoot('node_modules/publint/src/cli.js'), '--strict'], repoRoot);
    expect(publint.status, publint.output).toBe(0);
    expect(publint.output).toContain('All good!');
  });
});
