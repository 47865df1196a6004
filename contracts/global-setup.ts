/**
 * Vitest global setup for the contract suite: one Prism mock per bundled spec, unless
 * CONTRACT_TARGET_JUSTIFI / CONTRACT_TARGET_PAYMENTS point the suite at servers that already run.
 * Teardown stops every Prism it started and prints the operation × check coverage table.
 */
import type { TestProject } from 'vitest/node';
import { apis, fromRoot } from '../scripts/lib/apis.js';
import { startPrism, type PrismServer } from './support/prism.js';
import { finishCoverageReport } from './support/coverage.js';

declare module 'vitest' {
  export interface ProvidedContext {
    targets: Record<string, { url: string; external: boolean }>;
  }
}

const overrides: Record<string, string | undefined> = {
  'justifi-v1': process.env.CONTRACT_TARGET_JUSTIFI,
  'payments-v1.3': process.env.CONTRACT_TARGET_PAYMENTS,
};

export default async function setup(project: TestProject) {
  const started: PrismServer[] = [];
  const targets: Record<string, { url: string; external: boolean }> = {};
  try {
    await Promise.all(
      apis.map(async (api) => {
        const external = overrides[api.name];
        if (external) {
          targets[api.name] = { url: external.replace(/\/+$/, ''), external: true };
          return;
        }
        const prism = await startPrism(fromRoot(api.bundle));
        started.push(prism);
        targets[api.name] = { url: prism.url, external: false };
      }),
    );
  } catch (error) {
    await Promise.all(started.map((p) => p.stop()));
    throw error;
  }
  project.provide('targets', targets);

  return async () => {
    await Promise.all(started.map((p) => p.stop()));
    finishCoverageReport();
  };
}
