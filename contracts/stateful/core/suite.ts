/**
 * Declares an API's stateful suite as one vitest test: the sandbox behind a Prism proxy (or the
 * external target of CONTRACT_TARGET_*), `runStateful` over it, a summary line, the `stateful`
 * column of the coverage report, and the failure report as the test's error.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apis } from '../../../scripts/lib/apis.js';
import { listOperations, loadBundle } from '../../../scripts/lib/spec-model.js';
import { CoverageRecorder } from '../../support/coverage.js';
import { defaultSequences, maxCommands, runStateful, type StatefulRunResult } from './runner.js';
import { startStatefulTarget, type StatefulTarget } from './target.js';
import type { StatefulApi } from './types.js';

/** The summary a run prints: sequences, commands, time, and what could not run here. */
export function summary(result: StatefulRunResult, where: string): string {
  const lines = [
    `[${result.api}] stateful against ${where}: ${result.sequences} sequences, ${result.commands} commands (longest ${result.longest}), seed ${result.seed}, ${(result.durationMs / 1000).toFixed(1)} s${result.shrinkRuns ? `, ${result.shrinkRuns} shrink runs` : ''}`,
    `  commands run: ${[...result.perCommand].map(([name, n]) => `${name} ${n}`).join(', ')}`,
    ...result.skipped.map((s) => `  skipped: ${s.name}: ${s.reason}`),
  ];
  return lines.join('\n');
}

/** Writes the run's `stateful` column for every operation of the API (an operation no command called gets 0). */
export function recordStateful(result: StatefulRunResult): void {
  const api = apis.find((a) => a.name === result.api)!;
  const recorder = new CoverageRecorder(api.name, 'stateful');
  for (const entry of listOperations(loadBundle(api))) {
    recorder.register(entry.operationId, entry.method, entry.path);
    const stats = result.perOperation.get(entry.operationId);
    recorder.record(entry.operationId, 'stateful', { cases: stats?.calls ?? 0, requests: stats?.requests ?? 0, failures: stats?.failures ?? 0 });
  }
  recorder.write();
}

export function defineStatefulSuite<M extends object>(def: StatefulApi<M>, testFile: string): void {
  const title = apis.find((a) => a.name === def.api)!.title;
  let target: StatefulTarget;
  beforeAll(async () => {
    target = await startStatefulTarget(def.api);
  });
  afterAll(async () => {
    await target?.stop();
  });

  describe(`${title} stateful contract`, () => {
    it(`holds the documented rules over ${defaultSequences} sequences of up to ${maxCommands} commands, driven through the SDK`, { timeout: 600_000 }, async () => {
      const result = await runStateful(def, {
        target,
        path: process.env.CONTRACT_PATH || undefined,
        allowWrites: process.env.CONTRACT_ALLOW_WRITES === '1',
        testFile,
      });
      console.log(summary(result, target.external ? target.url : 'the sandbox behind a Prism proxy'));
      recordStateful(result);
      if (result.failure) throw new Error(result.failure.text);
      expect(target.failures, 'the sandbox reported failures of its own').toEqual([]);
    });
  });
}
