/**
 * The published package as a user gets it: build, `npm pack`, install the tarball into an empty
 * project, then import both entry points with `import` and with `require`, make a call through
 * each, and type-check a TypeScript consumer against the shipped declarations.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromRoot, repoRoot } from '../scripts/lib/apis.js';

let dir: string;
const run = (cmd: string, args: string[], cwd: string) =>
  execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, npm_config_loglevel: 'error' } });

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'payments-sdk-pack-'));
  run(process.execPath, [fromRoot('node_modules/tsx/dist/cli.mjs'), 'scripts/build.ts'], repoRoot);
  run('npm', ['pack', '--pack-destination', dir], repoRoot);
  const tarball = readdirSync(dir).find((f) => f.endsWith('.tgz'))!;
  const project = path.join(dir, 'consumer');
  mkdirSync(project);
  writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true }));
  run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', path.join(dir, tarball)], project);
}, 180_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

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
    const file = path.join(dir, 'consumer', 'esm.mjs');
    writeFileSync(file, probe("import * as justifi from 'payments-sdk/justifi'; import * as payments from 'payments-sdk/payments'; import * as root from 'payments-sdk';"));
    expect(JSON.parse(run(process.execPath, [file], path.dirname(file)))).toEqual(expected);
  });

  it('works with require', () => {
    const file = path.join(dir, 'consumer', 'cjs.cjs');
    writeFileSync(file, probe("const justifi = require('payments-sdk/justifi'); const payments = require('payments-sdk/payments'); const root = require('payments-sdk');"));
    expect(JSON.parse(run(process.execPath, [file], path.dirname(file)))).toEqual(expected);
  });

  it('ships declarations a TypeScript consumer can type-check against', () => {
    const file = path.join(dir, 'consumer', 'consumer.mts');
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
    const out = run(process.execPath, [fromRoot('node_modules/typescript/bin/tsc'), '--noEmit', '--strict', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022', '--lib', 'es2022,dom', file], path.dirname(file));
    expect(out).toBe('');
  });
});
