/** `npm start`, the main job, as a newcomer runs it: the quickstart through both clients against the stateful sandboxes (behind Prism proxies), or the static mocks with --mock. */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { fromRoot, repoRoot } from '../scripts/lib/apis.js';

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
  it('runs the quickstart against the sandboxes behind Prism proxies and shows real state; exits 0', async () => {
    const { stdout } = await start();
    expect(stdout).toContain('(sandbox, validated by a Prism proxy)');
    expect(stdout).toContain('JustiFi API v1 (test mode)');
    expect(stdout).toContain('Payments API v1.3.0');
    const created = /id=(py_\w+) {2}amount=1000 usd {2}status=succeeded/.exec(result(stdout, 'create a $10.00 payment'))?.[1];
    expect(created).toBeDefined();
    expect(result(stdout, `read ${created} back`)).toContain(`id=${created}  amount=1000 usd  status=succeeded  amount_refundable=1000`);
    expect(result(stdout, `refund $5.00 of ${created}`)).toMatch(/id=re_\w+ {2}amount=500 usd {2}status=succeeded/);
    expect(result(stdout, `read ${created} again after the refund`)).toContain('amount=1000  amount_refunded=500  amount_refundable=500  refunds=1');
    expect(result(stdout, 'declined test card 4000000000009995')).toContain('PaymentRequiredError 402  code=card_declined  declineCode=insufficient_funds');
    const listed = result(stdout, 'list payments');
    expect(listed).toContain(`${created} succeeded`);
    expect(listed).toMatch(/py_\w+ failed/);
    expect(new Set(listed.match(/py_\w+/g)).size).toBe(listed.match(/py_\w+/g)!.length);
    expect(result(stdout, 'read the dispute list')).toContain('2 disputes on the first page (under_review 4000, needs_response 2500)');
    expect(stdout).toContain('all steps passed');
    expect(stdout).toContain('(sandboxes and proxies stopped)');
    expect(stdout).not.toContain('quickstart_client_secret');
    expect(stdout).not.toContain('quickstart_api_key_0001');
  }, 150_000);

  it('with --mock runs the same quickstart against the static Prism mocks and exits 0', async () => {
    const { stdout } = await start('--mock');
    expect(stdout).toContain('(Prism mock)');
    for (const call of ['POST   /oauth/token', 'POST   /payments ', 'GET    /payments?limit=2', '/refunds', 'GET    /disputes', 'POST   /payment_intents ', '/capture', 'GET    /transactions', 'GET    /ledger/balances']) {
      expect(stdout, call).toContain(call);
    }
    expect(stdout).toContain('all steps passed');
    expect(stdout).toContain('(mocks stopped)');
  }, 150_000);
});
