/**
 * `drift diff` with a git ref on one side, as the pull-request workflow runs it
 * (`origin/main:spec/justifi-v1/openapi.yaml` against the working copy): the multi-file spec is
 * taken out of git at that ref and bundled before Redocly compares it.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { DiffReport } from '../../scripts/drift/diff-report.js';
import { repoRoot } from '../../scripts/lib/apis.js';
import { runDrift } from './run-drift.js';

/** Whether spec/justifi-v1/ has uncommitted edits (someone may be editing the spec while the tests run). */
function specEditedSinceHead(): boolean {
  try {
    execFileSync('git', ['diff', '--quiet', 'HEAD', '--', 'spec/justifi-v1'], { cwd: repoRoot, stdio: 'ignore' });
    return false;
  } catch {
    return true;
  }
}

// Each test bundles both sides with Redocly in a child process: seconds alone, much longer on a busy 2-core machine.
describe.concurrent('drift diff with git refs', { timeout: 90_000 }, () => {
  it('compares HEAD:spec/justifi-v1/openapi.yaml with the working file', async () => {
    const run = await runDrift(['diff', 'HEAD:spec/justifi-v1/openapi.yaml', 'spec/justifi-v1/openapi.yaml', '--format', 'json']);
    const report = JSON.parse(run.stdout) as DiffReport;
    expect(report.base).toBe('HEAD:spec/justifi-v1/openapi.yaml');
    expect(report.api.name).toBe('justifi-v1');
    if (specEditedSinceHead()) {
      expect([0, 1]).toContain(run.code);
    } else {
      expect(run.code).toBe(0);
      expect(report.verdict).toBe('no changes');
    }
  });

  it('a path that does not exist at the ref is a usage error (exit 2) that says so', async () => {
    const run = await runDrift(['diff', 'HEAD:spec/no-such-api/openapi.yaml', 'spec/justifi-v1/openapi.yaml']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('spec/no-such-api/openapi.yaml does not exist at HEAD');
  });
});
