/**
 * The `drift upstream` report: findings sorted (those touching the SDK's types first), the
 * summary the issue asks for (operations shared / vendor-only / ours-only, differences by kind,
 * inferred items confirmed vs contradicted, warnings) and the verdict behind the exit code. This
 * is what `--format json` prints; the text and markdown renderers read the same object.
 */
import type { ApiEntry } from '../lib/apis.js';
import type { SpecWarning } from './spec-documents.js';
import type { InferredItem } from './upstream-compare.js';
import { type FindingKind, findingKinds, type UpstreamFinding } from './upstream-findings.js';

export interface SpecInfo {
  /** A file path or URL, as given (ours: the bundle). */
  source: string;
  title?: string;
  version?: string;
  openapi?: string;
}

export interface UpstreamReport {
  api: { name: ApiEntry['name']; title: string };
  /** How the API was chosen: `--api`, or what in the vendor's spec gave it away. */
  recognisedBy: string;
  ours: SpecInfo;
  vendor: SpecInfo & { documents: number };
  /** `touches SDK types` exits 1; the other two exit 0. */
  verdict: 'touches SDK types' | 'differs, no SDK type affected' | 'same';
  summary: {
    /** `unknown`: ours at a vendor path that could not be read (neither shared nor missing). */
    operations: { shared: number; vendorOnly: number; oursOnly: number; unknown: number };
    differences: number;
    touchingTypes: number;
    byKind: Partial<Record<FindingKind, number>>;
    inferred: { confirmed: number; contradicted: number };
    warnings: number;
  };
  findings: UpstreamFinding[];
  inferred: InferredItem[];
  warnings: SpecWarning[];
}

/** The exit code a report stands for: 1 when something touches the SDK's types, else 0. */
export function upstreamExitCode(report: UpstreamReport): 0 | 1 {
  return report.verdict === 'touches SDK types' ? 1 : 0;
}

/** Assembles the report from the comparison's results. */
export function buildUpstreamReport(input: {
  api: ApiEntry;
  recognisedBy: string;
  ours: SpecInfo;
  vendor: SpecInfo & { documents: number };
  operations: UpstreamReport['summary']['operations'];
  findings: UpstreamFinding[];
  inferred: InferredItem[];
  warnings: SpecWarning[];
}): UpstreamReport {
  const order = (kind: FindingKind) => findingKinds.indexOf(kind);
  const findings = [...input.findings].sort(
    (a, b) => Number(b.touchesTypes) - Number(a.touchesTypes) || order(a.kind) - order(b.kind) || a.message.localeCompare(b.message),
  );
  for (const f of findings) f.operations.sort((a, b) => `${a.path ?? a.vendorPath} ${a.method}`.localeCompare(`${b.path ?? b.vendorPath} ${b.method}`));
  const byKind: Partial<Record<FindingKind, number>> = {};
  for (const f of findings) byKind[f.kind] = (byKind[f.kind] ?? 0) + 1;
  const touchingTypes = findings.filter((f) => f.touchesTypes).length;
  const inferred = [...input.inferred].sort((a, b) => a.verdict.localeCompare(b.verdict) || a.pointer.localeCompare(b.pointer));
  return {
    api: { name: input.api.name, title: input.api.title },
    recognisedBy: input.recognisedBy,
    ours: input.ours,
    vendor: input.vendor,
    verdict: touchingTypes > 0 ? 'touches SDK types' : findings.length > 0 ? 'differs, no SDK type affected' : 'same',
    summary: {
      operations: input.operations,
      differences: findings.length,
      touchingTypes,
      byKind,
      inferred: {
        confirmed: inferred.filter((i) => i.verdict === 'confirmed').length,
        contradicted: inferred.filter((i) => i.verdict === 'contradicted').length,
      },
      warnings: input.warnings.length,
    },
    findings,
    inferred,
    warnings: input.warnings,
  };
}
