/**
 * `drift diff <base> <revision>`: load both sides as single-file specs, let Redocly compare and
 * rate them, then add what Redocly cannot know: which operations each change reaches and which
 * public SDK methods call those operations. An operation is tied to its SDK methods by method and
 * path (our-operations.ts), so a side with other operationIds (a vendor's spec) still names them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ApiEntry } from '../lib/apis.js';
import { sdkMethodMap } from '../lib/sdk-method-map.js';
import { apiByFlag, apiOfDocument } from './api-choice.js';
import { UsageError } from './cli-args.js';
import { buildDiffReport, type AffectedOperation, type DiffReport } from './diff-report.js';
import { operationReach } from './operation-reach.js';
import { ourOperationIdsFor } from './our-operations.js';
import { normalisePath } from './path-match.js';
import { redoclyDiff, type RedoclyChange } from './redocly-diff.js';
import { loadSpecSide } from './spec-source.js';

export interface DiffOptions {
  base: string;
  revision: string;
  /** `justifi` or `payments`; default: inferred from the revision (title, servers, paths), then the base, then the file names. */
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
    const hints = [options.revision, options.base];
    const api = options.apiEntry ?? (options.api ? apiByFlag(options.api) : (apiOfDocument(revision.doc(), hints) ?? apiOfDocument(base.doc(), hints))?.api);
    if (!api) {
      const title = (revision.doc().info as { title?: unknown } | undefined)?.title;
      throw new UsageError(`cannot tell which API "${String(title)}" is; pass --api justifi|payments`);
    }
    const redocly = redoclyDiff(base.file, revision.file);
    if (redocly.changes.length === 0) {
      return buildDiffReport({ api, base: base.label, revision: revision.label, redocly, operationsOf: () => [] });
    }

    const sdkMethods = await sdkMethodMap(api);
    const sides = [base.doc(), revision.doc()].map((doc) => ({ reach: operationReach(doc), ourId: ourOperationIdsFor(api, doc) }));
    // A pointer is looked up in both documents: a removed operation exists only in the base, a new one only in the revision.
    const operationsOf = (change: RedoclyChange): AffectedOperation[] => {
      const pointers = [change.path, change.base?.pointer, change.revision?.pointer, ...change.verdicts.map((v) => v.location?.pointer)];
      const found = new Map<string, AffectedOperation>();
      for (const pointer of pointers) {
        if (!pointer) continue;
        for (const side of sides) {
          for (const op of side.reach(pointer)) {
            const ourId = side.ourId(op);
            // Path-parameter names do not make another operation: `/payments/{id}` is `/payments/{payment_id}`.
            const key = `${op.method} ${normalisePath(op.path)}`;
            const methods = [...new Set([...(found.get(key)?.sdkMethods ?? []), ...(ourId ? (sdkMethods[ourId] ?? []) : [])])];
            found.set(key, { ...op, sdkMethods: methods });
          }
        }
      }
      return [...found.values()];
    };
    return buildDiffReport({ api, base: base.label, revision: revision.label, redocly, operationsOf });
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}
