/**
 * Declares the contract suite for one API: for every operation of its bundled spec, checks 1–6
 * as vitest tests, recorded in the coverage report. Against an external target (a sandbox or a
 * proxy) only read-only operations run, unless CONTRACT_ALLOW_WRITES=1, and statuses cannot be
 * forced (`Prefer: code=N` is a Prism feature), so check 4 is skipped there.
 */
import { afterAll, describe, expect, inject, it } from 'vitest';
import { authCheck, type CheckResult, negativeCheck, positiveChecks, sdkRejectionCheck, statusMappingCheck } from './checks.js';
import { type CheckName, CoverageRecorder } from './coverage.js';
import type { Harness } from './harness.js';

export function defineContractSuite(apiName: string, makeHarness: (url: string, external: boolean) => Harness): void {
  const target = inject('targets')[apiName];
  if (!target) throw new Error(`no contract target for ${apiName}`);
  const h = makeHarness(target.url, target.external);
  const recorder = new CoverageRecorder(apiName);
  const allowWrites = !target.external || process.env.CONTRACT_ALLOW_WRITES === '1';

  const record = (operationId: string, check: CheckName, result: CheckResult | undefined, reason: string) => {
    if (!result) return recorder.skip(operationId, check, reason);
    recorder.record(operationId, check, { cases: result.cases, requests: result.requests, failures: result.failure ? 1 : 0 });
    if (result.failure) throw new Error(result.failure);
  };

  describe(`${h.api.title} contract (${target.external ? target.url : 'Prism mock'})`, () => {
    for (const model of h.operations) {
      const { operationId } = model;
      recorder.register(operationId, model.entry.method, model.entry.path);
      if (model.write && !allowWrites) {
        for (const check of ['positive', 'conformance', 'negative', 'status', 'auth', 'idempotency'] as const) recorder.skip(operationId, check, 'write skipped against an external target');
        continue;
      }
      describe(operationId, () => {
        it('accepts valid inputs with conformant responses, and keys writes (checks 1, 2, 6)', async () => {
          const results = await positiveChecks(h, model);
          const failures = (['positive', 'conformance', 'idempotency'] as const).flatMap((check) => {
            const r = results[check];
            if (check === 'idempotency' && r.cases === 0) {
              recorder.skip(operationId, check, 'takes no idempotency key');
              return [];
            }
            recorder.record(operationId, check, { cases: r.cases, requests: r.requests, failures: r.failure ? 1 : 0 });
            return r.failure ? [r.failure] : [];
          });
          if (failures.length) throw new Error(failures.join('\n'));
        });

        it('rejects inputs that break one constraint (check 3)', async () => {
          const server = await negativeCheck(h, model);
          const sdk = await sdkRejectionCheck(h, model);
          if (!server && !sdk) return recorder.skip(operationId, 'negative', 'no constraint to break');
          for (const result of [server, sdk]) if (result) record(operationId, 'negative', result, '');
        });

        it('maps every documented error status to its error class (check 4)', async () => {
          if (target.external) return recorder.skip(operationId, 'status', 'Prefer: code=N needs Prism');
          record(operationId, 'status', await statusMappingCheck(h, model), '');
        });

        it('refuses the call without credentials (check 5)', async () => {
          record(operationId, 'auth', await authCheck(h, model), 'operation has no security requirement');
        });
      });
    }

    it('covers every operation with positive, conformance and status-mapping checks', () => {
      const expected = target.external ? [] : recorder.missingMandatory();
      expect(expected).toEqual([]);
    });
  });

  afterAll(() => recorder.write());
}
