/**
 * `redocly diff` as a function: two single-file specs in, Redocly's JSON report out. Redocly does
 * the comparison and the semver rating; this module only runs it with the diff rules switched on
 * and types the parts of its report the drift tool reads.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runRedoclyJson } from '../lib/redocly.js';

export type Impact = 'major' | 'minor' | 'patch';

/** Why Redocly rated a change as it did; one change can carry several. */
export interface RedoclyVerdict {
  ruleId: string;
  impact: Impact;
  message: string;
  location?: { pointer?: string };
}

/** A place in one of the two documents, with the value found there. */
export interface RedoclySide {
  pointer: string;
  value?: unknown;
}

export interface RedoclyChange {
  /** Where Redocly first met the change, walking from `paths` (a shared schema is reported once). */
  path: string;
  typeName: string;
  kind: 'added' | 'removed' | 'modified';
  impact: Impact;
  verdicts: RedoclyVerdict[];
  /** The keyword that changed (`enum`, `required`, `type`, `key` for a rename), when one did. */
  property?: string;
  base?: RedoclySide;
  revision?: RedoclySide;
}

export interface RedoclyDiffReport {
  summary: Record<Impact, number>;
  bump?: Impact;
  changes: RedoclyChange[];
}

/** Our diff-only Redocly config, beside this file (the repository config has lint rules only). */
const diffConfig = path.join(path.dirname(fileURLToPath(import.meta.url)), 'redocly-diff.yaml');

/** Runs `redocly diff base revision --format json` and returns its parsed report. */
export function redoclyDiff(baseFile: string, revisionFile: string): RedoclyDiffReport {
  // --fail-on none: the exit code must mean "the diff ran", the verdict is ours to give.
  const report = runRedoclyJson<RedoclyDiffReport>(['diff', baseFile, revisionFile, '--config', diffConfig, '--format', 'json', '--fail-on', 'none']);
  report.changes ??= [];
  return report;
}
