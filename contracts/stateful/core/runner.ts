/**
 * Runs an API's stateful definition: `fc.commands` over its command specs, each sequence played
 * with `fc.asyncModelRun` on a fresh scope through the SDK, fast-check shrinking a failure to the
 * shortest sequence that still breaks the rule. The shrunk sequence is then played once more on a
 * fresh scope, recorded, and reported as an SDK script, curl lines and the replay command.
 */
import fc from 'fast-check';
import { apis } from '../../../scripts/lib/apis.js';
import { methodsByOperation, type SdkMethodRef, type SdkModule } from '../../../scripts/lib/sdk-method-map.js';
import { argumentCount } from '../../support/sdk-call.js';
import * as justifiSdk from '../../../generated/justifi-v1.sdk.js';
import * as paymentsSdk from '../../../generated/payments-v1.3.sdk.js';
import { linkCommandSpec } from './links.js';
import { createReal, type RealSide } from './real.js';
import { failureReport, type FailureReport } from './report.js';
import type { CommandSpec, Real, StatefulApi, StatefulApiName, StatefulCommand, StatefulEnv } from './types.js';
import type { StatefulTarget } from './target.js';

/** Sequences are drawn up to this long (fast-check's largest size, so long sequences are common, not rare). */
export const maxCommands = 25;

/** Sequences per API: twice CONTRACT_RUNS (the cases per operation of the stateless suite), 100 by default. */
export const defaultSequences = 2 * Number(process.env.CONTRACT_RUNS ?? 50);

/** A fixed seed unless CONTRACT_SEED says otherwise, so every run plays the same sequences. */
export const defaultSeed = Number(process.env.CONTRACT_SEED ?? 20261202);

export interface StatefulRunOptions {
  target: Pick<StatefulTarget, 'url' | 'external' | 'clock'>;
  sequences?: number;
  seed?: number;
  /**
   * A failure to replay (CONTRACT_PATH, as a failure report prints it): fast-check's counterexample
   * path, then `@` and the commands' replay path (which commands ran: fc.commands needs it to
   * shrink the same way again).
   */
  path?: string | undefined;
  /** Against an external target: allow commands that write (CONTRACT_ALLOW_WRITES=1). */
  allowWrites?: boolean;
  /** The test file to name in the replay command. */
  testFile: string;
}

export interface OperationStats {
  /** Calls of the operation made by commands. */
  calls: number;
  requests: number;
  /** Failing sequences whose breaking call was this operation. */
  failures: number;
}

export interface StatefulRunResult {
  api: StatefulApiName;
  /** Sequences played before the first failure (all of them when none failed). */
  sequences: number;
  /** Commands run in those sequences (those whose precondition held). */
  commands: number;
  /** The longest of those sequences. */
  longest: number;
  /** Sequences played while shrinking. */
  shrinkRuns: number;
  perOperation: Map<string, OperationStats>;
  /** Per command spec: how many times it ran. */
  perCommand: Map<string, number>;
  skipped: { name: string; reason: string }[];
  failure: FailureReport | undefined;
  seed: number;
  durationMs: number;
}

const sdkModules: Record<StatefulApiName, SdkModule> = { 'justifi-v1': justifiSdk, 'payments-v1.3': paymentsSdk };

/** Full method name → its operation and how many positional arguments come before the options. */
function methodTable(refs: ReadonlyMap<string, SdkMethodRef>) {
  return new Map([...refs].map(([operationId, ref]) => [ref.name, { operationId, arity: argumentCount(ref.info) }]));
}

/** Which specs may run where: against an external target, reads only (unless allowed) and nothing local-only. */
export function selectCommands<M extends object>(specs: CommandSpec<M>[], env: StatefulEnv): { run: CommandSpec<M>[]; skipped: { name: string; reason: string }[] } {
  const skipped: { name: string; reason: string }[] = [];
  const run = specs.filter((spec) => {
    const reason = !env.external ? undefined
      : spec.write && !env.allowWrites ? 'writes against an external target need CONTRACT_ALLOW_WRITES=1'
      : spec.localOnly;
    if (reason) skipped.push({ name: spec.name, reason });
    return !reason;
  });
  return { run, skipped };
}

/** What the wrapped commands report to the run while a sequence plays. */
interface Tracker {
  ran: string[];
  onRun(spec: string): void;
}

/** A command that tells the run it ran (fast-check only calls `run` when `check` held). */
function tracked<M extends object>(spec: CommandSpec<M>, tracker: () => Tracker): fc.Arbitrary<StatefulCommand<M>> {
  return spec.arbitrary.map((inner) => ({
    check: (m: Readonly<M>) => inner.check(m),
    run: async (m: M, r: Real) => {
      const t = tracker();
      t.onRun(spec.name);
      try {
        await inner.run(m, r);
      } finally {
        // Described after it ran: a command names the model objects it picked while running.
        t.ran.push(inner.toString());
      }
    },
    toString: () => inner.toString(),
  }));
}

export async function runStateful<M extends object>(def: StatefulApi<M>, options: StatefulRunOptions): Promise<StatefulRunResult> {
  const started = Date.now();
  const api = apis.find((a) => a.name === def.api)!;
  const env: StatefulEnv = { external: options.target.external, allowWrites: !options.target.external || options.allowWrites === true };
  const refs = methodsByOperation(sdkModules[def.api]);
  const linked = linkCommandSpec(def, refs);
  const { run: specs, skipped } = selectCommands([...def.commands(env), ...(linked ? [linked] : [])], env);
  if (specs.length === 0) throw new Error(`[${def.api}] no stateful command can run here (${skipped.map((s) => s.reason).join('; ')})`);
  const methods = methodTable(refs);
  const runId = Math.random().toString(36).slice(2, 8);
  const seed = options.seed ?? defaultSeed;
  const result: StatefulRunResult = {
    api: def.api, sequences: 0, commands: 0, longest: 0, shrinkRuns: 0, perOperation: new Map(), perCommand: new Map(), skipped, failure: undefined, seed, durationMs: 0,
  };
  let failed = false;
  let sequence = 0;
  let current: Tracker = { ran: [], onRun: () => {} };
  /** The sequence played last: the one the report shows. */
  let last: { real: RealSide; clientScript: string } | undefined;

  const play = async (commands: Iterable<fc.AsyncCommand<M, Real>>, counted: boolean): Promise<void> => {
    const scope = def.newScope(env, ++sequence);
    const real = createReal({ api: def.api, clientName: api.client, url: options.target.url, scope, clock: options.target.clock, methods, runId, sequence });
    last = { real, clientScript: scope.clientScript };
    const tracker: Tracker = {
      ran: [],
      onRun: (name) => {
        if (!counted) return;
        result.commands++;
        result.perCommand.set(name, (result.perCommand.get(name) ?? 0) + 1);
      },
    };
    current = tracker;
    try {
      await fc.asyncModelRun(() => ({ model: def.initialModel(env), real }), commands);
    } finally {
      if (counted) {
        result.sequences++;
        result.longest = Math.max(result.longest, tracker.ran.length);
        for (const call of real.calls) {
          if (!call.operationId) continue;
          const stats = result.perOperation.get(call.operationId) ?? { calls: 0, requests: 0, failures: 0 };
          stats.calls++;
          stats.requests += call.requests;
          result.perOperation.set(call.operationId, stats);
        }
      }
    }
  };

  const [path, replayPath] = options.path ? options.path.split('@') : [];
  const arbitraries = specs.flatMap((spec) => Array<fc.Arbitrary<StatefulCommand<M>>>(spec.weight ?? 1).fill(tracked(spec, () => current)));
  const details = await fc.check(
    fc.asyncProperty(fc.commands(arbitraries, { maxCommands, size: 'max', ...(replayPath ? { replayPath } : {}) }), async (commands) => {
      if (failed) result.shrinkRuns++;
      try {
        await play(commands, !failed);
      } catch (error) {
        failed = true;
        throw error;
      }
    }),
    { numRuns: options.sequences ?? defaultSequences, seed, ...(path ? { path } : {}) },
  );

  if (details.failed) {
    // Play the shrunk sequence once more on a fresh scope, recorded from its first request, for the report.
    const shrunk = details.counterexample?.[0] as Iterable<fc.AsyncCommand<M, Real>> | undefined;
    let error: unknown = details.errorInstance;
    if (shrunk) {
      try {
        await play(shrunk, false);
        error = new Error(`the shrunk sequence passed when played again (it depends on more than its commands); it failed with: ${(details.errorInstance as Error | undefined)?.message ?? String(details.errorInstance)}`);
      } catch (replayed) {
        error = replayed;
      }
    }
    result.failure = failureReport({
      api: def.api, clientScript: last?.clientScript ?? '', error, commands: current.ran, real: last?.real, seed: details.seed, testFile: options.testFile,
      path: `${details.counterexamplePath ?? ''}@${/replayPath="([^"]*)"/.exec(String(shrunk))?.[1] ?? ''}`,
    });
    const breaking = last?.real.calls.at(-1)?.operationId;
    if (breaking) {
      const stats = result.perOperation.get(breaking) ?? { calls: 0, requests: 0, failures: 0 };
      stats.failures++;
      result.perOperation.set(breaking, stats);
    }
  }
  result.durationMs = Date.now() - started;
  return result;
}
