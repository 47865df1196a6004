/**
 * Sandbox build cost: each run is a fresh process (as every test file is a fresh worker), so the
 * first build pays what a test file pays; see sandbox-build-process.ts for what is timed.
 */
import { forkBench } from './child.js';
import type { SandboxBuildSample } from './sandbox-build-process.js';

export type SandboxBuildResult = SandboxBuildSample[];

/** Runs `runs` fresh processes one after the other and returns their samples. */
export async function runSandboxBuildBench(runs: number, log: (line: string) => void = () => {}): Promise<SandboxBuildResult> {
  log(`sandbox build: ${runs} fresh processes…`);
  const samples: SandboxBuildSample[] = [];
  for (let run = 0; run < runs; run++) {
    const child = forkBench<SandboxBuildSample>('sandbox-build-process.ts', {});
    try {
      samples.push(await child.message);
    } finally {
      await child.stop();
    }
  }
  return samples;
}
