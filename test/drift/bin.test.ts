/**
 * The `payments-sdk-drift` bin: from a source checkout it is the drift CLI (same arguments, same
 * exit codes); where scripts/drift.ts is missing (the published package) it says where the tool
 * runs and exits 2.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromRoot } from '../../scripts/lib/apis.js';
import { runCommand } from './run-drift.js';

const bin = fromRoot('bin/payments-sdk-drift.js');

describe.concurrent('payments-sdk-drift bin', () => {
  it('in a source checkout it runs the drift CLI with the same arguments', async () => {
    const help = await runCommand(process.execPath, [bin, 'help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: npm run drift -- <command>');
  });

  it('passes the CLI exit code through (1 for violating traffic)', async () => {
    const run = await runCommand(process.execPath, [bin, 'traffic', 'test/fixtures/drift/justifi-violating.har']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('4 violations in 3 operations (exit 1).');
  });

  it('in an installed package (no scripts/drift.ts) it explains where the tool runs and exits 2', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'payments-sdk-bin-'));
    try {
      mkdirSync(path.join(dir, 'bin'));
      writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'payments-sdk', type: 'module' }));
      copyFileSync(bin, path.join(dir, 'bin', 'payments-sdk-drift.js'));
      const run = await runCommand(process.execPath, [path.join(dir, 'bin', 'payments-sdk-drift.js'), 'diff', 'a.yaml', 'b.yaml'], dir);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('runs from a source checkout of payments-sdk');
      expect(run.stderr).toContain('Redocly CLI, Prism');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
