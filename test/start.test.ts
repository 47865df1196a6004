/** `npm start`, the main job, as a newcomer runs it: mocks up, quickstart through both clients, mocks down. */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { fromRoot, repoRoot } from '../scripts/lib/apis.js';

const run = promisify(execFile);

describe('npm start', () => {
  it('runs the quickstart for both APIs against the bundled mocks and exits 0', async () => {
    const { stdout } = await run(process.execPath, [fromRoot('node_modules/tsx/dist/cli.mjs'), 'scripts/start.ts'], {
      cwd: repoRoot,
      env: { ...process.env, NO_COLOR: '1' },
      timeout: 90_000,
    });
    expect(stdout).toContain('JustiFi API v1 (test mode)');
    expect(stdout).toContain('Payments API v1.3.0');
    for (const call of ['POST   /oauth/token', 'POST   /payments ', 'GET    /payments?limit=2', '/refunds', 'GET    /disputes', 'POST   /payment_intents ', '/capture', 'GET    /transactions', 'GET    /ledger/balances']) {
      expect(stdout, call).toContain(call);
    }
    expect(stdout).toContain('all steps passed');
    expect(stdout).not.toContain('quickstart_client_secret');
    expect(stdout).not.toContain('quickstart_api_key_0001');
  }, 120_000);
});
