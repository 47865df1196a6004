/**
 * `npm start`, the main job, as a newcomer runs it: the quickstart through both clients against the
 * stateful sandboxes (behind Prism proxies), whose webhooks reach a local receiver that verifies
 * them with the SDK; or the static mocks with --mock, or other servers, where no webhook can arrive.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { fromRoot, repoRoot } from '../scripts/lib/apis.js';
import { startSandbox } from '../sandbox/index.js';

const run = promisify(execFile);
const start = (...args: string[]) =>
  run(process.execPath, [fromRoot('node_modules/tsx/dist/cli.mjs'), 'scripts/start.ts', ...args], { cwd: repoRoot, env: { ...process.env, NO_COLOR: '1' }, timeout: 120_000 });

/** The `→` line that follows the step whose label contains `label`. */
function result(stdout: string, label: string): string {
  const lines = stdout.split('\n');
  const at = lines.findIndex((l) => /^\s*\d+ ✓ /.test(l) && l.includes(label));
  expect(at, `step "${label}" passed`).toBeGreaterThanOrEqual(0);
  return lines.slice(at + 1).find((l) => l.trim().startsWith('→'))!;
}

describe('npm start', () => {
  it('runs the quickstart against the sandboxes behind Prism proxies and shows real state; a local receiver verifies the webhooks of the payment and the intent it made; exits 0', async () => {
    const { stdout } = await start();
    expect(stdout).toContain('(sandbox, validated by a Prism proxy)');
    expect(stdout).toContain('JustiFi API v1 (test mode)');
    expect(stdout).toContain('Payments API v1.3.0');
    const created = /id=(py_\w+) {2}amount=1000 usd {2}status=succeeded/.exec(result(stdout, 'create a $10.00 payment'))?.[1];
    expect(created).toBeDefined();
    expect(stdout).toMatch(/^ {2}webhooks {13}http:\/\/127\.0\.0\.1:\d+\/webhooks {2}\(a local receiver/m);
    expect(result(stdout, `a local webhook receiver gets payment.created for ${created} and checks it with verifyJustifiWebhook`)).toBe(`     → payment.created ${created}: signature verified (JUSTIFI-SIGNATURE)`);
    expect(result(stdout, `read ${created} back`)).toContain(`id=${created}  amount=1000 usd  status=succeeded  amount_refundable=1000`);
    expect(result(stdout, `refund $5.00 of ${created}`)).toMatch(/id=re_\w+ {2}amount=500 usd {2}status=succeeded/);
    expect(result(stdout, `read ${created} again after the refund`)).toContain('amount=1000  amount_refunded=500  amount_refundable=500  refunds=1');
    expect(result(stdout, 'declined test card 4000000000009995')).toContain('PaymentRequiredError 402  code=card_declined  declineCode=insufficient_funds');
    const listed = result(stdout, 'list payments');
    expect(listed).toContain(`${created} succeeded`);
    expect(listed).toMatch(/py_\w+ failed/);
    expect(new Set(listed.match(/py_\w+/g)).size).toBe(listed.match(/py_\w+/g)!.length);
    expect(result(stdout, 'read the dispute list')).toContain('2 disputes on the first page (under_review 4000, needs_response 2500)');
    const intent = /id=(pi_\w+) {2}amount=10800 USD {2}status=captured/.exec(result(stdout, 'capture pi_'))?.[1];
    expect(intent).toBeDefined();
    expect(result(stdout, `a local webhook receiver gets payment_intent.captured for ${intent} and checks it with verifyPaymentsWebhook`)).toBe(`     → payment_intent.captured ${intent}: signature verified (svix-signature)`);
    expect(stdout).not.toContain('webhook step skipped');
    expect(stdout).toContain('all steps passed');
    expect(stdout).toContain('(sandboxes, proxies and webhook receiver stopped)');
    expect(stdout).not.toContain('quickstart_client_secret');
    expect(stdout).not.toContain('quickstart_api_key_0001');
  }, 150_000);

  it('with --mock runs the same quickstart against the static Prism mocks and exits 0', async () => {
    const { stdout } = await start('--mock');
    expect(stdout).toContain('(Prism mock)');
    for (const call of ['POST   /oauth/token', 'POST   /payments ', 'GET    /payments?limit=2', '/refunds', 'GET    /disputes', 'POST   /payment_intents ', '/capture', 'GET    /transactions', 'GET    /ledger/balances']) {
      expect(stdout, call).toContain(call);
    }
    expect(stdout.match(/^ {5}webhook step skipped: a Prism mock delivers no webhooks \(the sandbox does: npm start without --mock\)$/gm)).toHaveLength(2);
    expect(stdout).not.toContain('a local webhook receiver gets');
    expect(stdout).toContain('all steps passed');
    expect(stdout).toContain('(mocks stopped)');
  }, 150_000);

  it('with --justifi-url and --payments-url runs against those servers and says in one line per API that no webhook can reach it; exits 0', async () => {
    const other = await startSandbox();
    try {
      const { stdout } = await start('--justifi-url', other.justifi.url, '--payments-url', other.payments.url);
      expect(stdout).toContain(`  JustiFi API v1       ${other.justifi.url}\n`);
      for (const url of [other.justifi.url, other.payments.url]) {
        expect(stdout).toContain(`     webhook step skipped: ${url} is not the local sandbox, so no webhook can reach a local receiver\n`);
      }
      expect(stdout).not.toContain('a local webhook receiver gets');
      expect(stdout).toContain('all steps passed');
    } finally {
      await other.stop();
    }
  }, 150_000);
});
