/**
 * `drift diff <base> <revision>`: load both sides as single-file specs, let Redocly compare and
 * rate them, then add what Redocly cannot know: which operations each change reaches and which
 * public SDK methods call those operations.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ApiEntry } from '../lib/apis.js';
import { sdkMethodMap } from '../lib/sdk-method-map.js';
import { apiByFlag, apiOfSpec } from './api-choice.js';
import { UsageError } from './cli-args.js';
import { buildDiffReport, type DiffReport } from './diff-report.js';
import { operationReach, type OperationRef } from './operation-reach.js';
import { redoclyDiff, type RedoclyChange } from './redocly-diff.js';
import { loadSpecSide } from './spec-source.js';

export interface DiffOptions {
  base: string;
  revision: string;
  /** `justifi` or `payments`; default: inferred from the revision's title, then the paths given. */
  api?: string;
  /** The API itself, overriding `api`: its generated method table names the SDK methods (see `apiEntryIn`). */
  apiEntry?: ApiEntry;
}

/** Compares two versions of a spec and returns the report (the caller renders it and picks the exit code). */
export async function diffSpecs(options: DiffOptions): Promise<DiffReport> {
  const workDir = mkdtempSync(path.join(os.tmpdir(), 'payments-sdk-drift-'));
  try {
    const base = loadSpecSide(options.base, workDir, 'base');
    const revision = loadSpecSide(options.revision, workDir, 'revision');
    const title = options.api || options.apiEntry ? undefined : (revision.doc().info as { title?: unknown } | undefined)?.title;
    const api = options.apiEntry ?? (options.api ? apiByFlag(options.api) : apiOfSpec(title, [options.revision, options.base]));
    if (!api) throw new UsageError(`cannot tell which API "${String(title)}" is; pass --api justifi|payments`);
    const redocly = redoclyDiff(base.file, revision.file);
    if (redocly.changes.length === 0) {
      return buildDiffReport({ api, base: base.label, revision: revision.label, redocly, operationsOf: () => [], sdkMethods: {} });
    }

    const reachBase = operationReach(base.doc());
    const reachRevision = operationReach(revision.doc());
    // A pointer is looked up in both documents: a removed operation exists only in the base, a new one only in the revision.
    const operationsOf = (change: RedoclyChange): OperationRef[] => {
      const pointers = [change.path, change.base?.pointer, change.revision?.pointer, ...change.verdicts.map((v) => v.location?.pointer)];
      const found = new Map<string, OperationRef>();
      for (const pointer of pointers) {
        if (!pointer) continue;
        for (const op of [...reachBase(pointer), ...reachRevision(pointer)]) found.set(`${op.method} ${op.path}`, op);
      }
      return [...found.values()];
    };
    return buildDiffReport({ api, base: base.label, revision: revision.label, redocly, operationsOf, sdkMethods: await sdkMethodMap(api) });
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}
