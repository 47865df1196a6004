/**
 * `drift traffic` on recorded JustiFi sessions (test/fixtures/drift/): traffic that violates the
 * spec is reported per operation with each kind of problem (undocumented status, missing required
 * field, wrong type, unknown enum value) and exits 1; conforming traffic exits 0.
 */
import { describe, expect, it } from 'vitest';
import type { TrafficReport } from '../../scripts/drift/traffic-report.js';
import { runDrift } from './run-drift.js';

const conforming = 'test/fixtures/drift/justifi-conforming.har';
const violating = 'test/fixtures/drift/justifi-violating.har';

describe.concurrent('drift traffic', () => {
  it('conforming traffic passes (exit 0) with every operation it used listed as clean', async () => {
    const run = await runDrift(['traffic', conforming]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('5 exchanges, 5 placed on an operation');
    for (const op of ['createAccessToken', 'createPayment', 'getPayment', 'listPayments', 'refundPayment']) {
      expect(run.stdout).toMatch(new RegExp(`^✔ ${op} \\(.*\\): 1 exchange, no violations$`, 'm'));
    }
    expect(run.stdout).toContain('The traffic conforms to the spec (exit 0).');
  });

  it('violating traffic is flagged (exit 1) with each problem under the operation that showed it', async () => {
    const run = await runDrift(['traffic', violating, '--format', 'json']);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as TrafficReport;
    expect(report.api.name).toBe('justifi-v1');
    const problems = report.operations.flatMap((op) => op.violations.map((v) => ({ operation: op.operationId, kind: v.kind, status: v.status, dataPath: v.dataPath })));
    expect(problems).toEqual(
      expect.arrayContaining([
        { operation: 'getPayment', kind: 'undocumented status', status: 429, dataPath: undefined },
        { operation: 'getPayment', kind: 'missing required field', status: 200, dataPath: '/data/amount' },
        { operation: 'refundPayment', kind: 'wrong type', status: 201, dataPath: '/data/amount' },
        { operation: 'listPayments', kind: 'unknown enum value', status: 200, dataPath: '/data/0/status' },
      ]),
    );
    expect(problems).toHaveLength(4);
    expect(report.operations.find((op) => op.operationId === 'createAccessToken')?.violations).toEqual([]);
  });

  it('the text report names the operation of each violation', async () => {
    const run = await runDrift(['traffic', violating]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^✖ getPayment \(GET \/payments\/\{id\}\): 2 exchanges, 2 violations$/m);
    expect(run.stdout).toMatch(/^ {2}✖ undocumented status \[response 429\]: /m);
    expect(run.stdout).toMatch(/^ {2}✖ missing required field \[response 200 \/data\/amount\]: /m);
    expect(run.stdout).toMatch(/^✖ refundPayment .*\n {2}✖ wrong type \[response 201 \/data\/amount\]: /m);
    expect(run.stdout).toMatch(/^✖ listPayments .*\n {2}✖ unknown enum value \[response 200 \/data\/0\/status\]: .*"on_hold"/m);
    expect(run.stdout).toContain('4 violations in 3 operations (exit 1).');
  });

  it('a file that is not a HAR is a usage error (exit 2)', async () => {
    const run = await runDrift(['traffic', 'package.json']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('is not a HAR file');
  });
});
