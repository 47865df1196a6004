/** Prism process management: readiness from its log line, failure with its own output, clean stop. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { apis, fromRoot } from '../scripts/lib/apis.js';
import { startPrism } from '../scripts/lib/prism.js';

describe('startPrism', () => {
  it('resolves once Prism is listening, serves the spec, and stops the process', async () => {
    const prism = await startPrism(fromRoot(apis[1]!.bundle));
    const response = await fetch(`${prism.url}/ledger/balances`, { headers: { 'x-api-key': 'k' } });
    expect(response.status).toBe(200);
    await prism.stop();
    await expect(fetch(`${prism.url}/ledger/balances`)).rejects.toThrow();
  }, 40_000);

  it("fails with Prism's own output when it cannot start", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'prism-bad-'));
    const file = path.join(dir, 'broken.yaml');
    writeFileSync(file, 'openapi: 3.1.0\ninfo: [this is not an info object\n');
    try {
      await expect(startPrism(file, { timeoutMs: 20_000 })).rejects.toThrow(/Prism (exited|did not start)[\s\S]*broken\.yaml[\s\S]*Its output:/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 40_000);
});
