/**
 * Proof that the stateful suite catches state bugs: each API's sandbox is started with one
 * deliberately broken rule (a test-only fault), and the suite must fail naming that rule, with a
 * shrunk sequence of at most five commands, printed as an SDK script, curl lines and a replay
 * command that reproduces it.
 */
import { describe, expect, it } from 'vitest';
import { runStateful } from './core/runner.js';
import { sharedRules } from './core/rules.js';
import { startStatefulTarget } from './core/target.js';
import { statefulSuites } from './definitions.js';

const faults = [
  { fault: 'refund-unlimited', rule: sharedRules.refundLimit },
  { fault: 'replay-creates-new', rule: sharedRules.replayReturnsFirst },
  { fault: 'list-skips-page', rule: sharedRules.listedOnce },
] as const;

describe.each(statefulSuites)('stateful suite of $def.api against a sandbox with a broken rule', ({ def, testFile }) => {
  for (const { fault, rule } of faults) it(`with the test-only fault ${fault}, fails naming the rule "${rule}", shrunk to at most 5 commands`, { timeout: 120_000 }, async () => {
    const target = await startStatefulTarget(def.api, { faults: [fault], validate: false });
    try {
      const result = await runStateful(def, { target, testFile });
      expect(result.failure, 'the suite passed against a sandbox with a broken rule').toBeDefined();
      const failure = result.failure!;
      expect(failure.rule, failure.text).toBe(rule);
      expect(failure.commands.length, failure.text).toBeLessThanOrEqual(5);
      // The report: the script makes the client and then the calls, the curl lines carry no credentials, the replay names seed and path.
      expect(failure.script.length).toBeGreaterThan(failure.commands.length);
      expect(failure.curl.length).toBeGreaterThan(0);
      for (const line of failure.curl) expect(line).toMatch(/^curl -i -X [A-Z]+ 'http:\/\/127\.0\.0\.1:\d+\//);
      expect(failure.curl.join('\n')).not.toMatch(/Bearer (?!\$JUSTIFI_ACCESS_TOKEN)|x-api-key: (?!\$PAYMENTS_API_KEY)/);
      expect(failure.replay).toBe(`CONTRACT_SEED=${result.seed} CONTRACT_PATH='${failure.replay.match(/CONTRACT_PATH='([^']*)'/)![1]}' npx vitest run --project contracts ${testFile}`);
      if (fault === 'refund-unlimited') console.log(`${def.api}, fault ${fault}:\n${failure.text}`);
    } finally {
      await target.stop();
    }
  });

  it('replays a failure from the seed and path it prints, to the same shrunk sequence', { timeout: 120_000 }, async () => {
    const target = await startStatefulTarget(def.api, { faults: ['refund-unlimited'], validate: false });
    try {
      const first = await runStateful(def, { target, testFile });
      const path = first.failure!.replay.match(/CONTRACT_PATH='([^']*)'/)![1]!;
      const again = await runStateful(def, { target, testFile, seed: first.seed, path });
      expect(again.failure?.rule).toBe(first.failure!.rule);
      expect(again.failure?.commands).toEqual(first.failure!.commands);
    } finally {
      await target.stop();
    }
  });
});
