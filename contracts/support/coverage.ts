/**
 * The coverage report: per operation, which checks ran, how many cases and requests, how many
 * failures, and why a check was skipped. Each contract test file writes its API's fragment (the
 * stateful suite its own, in the `stateful` column: calls made by commands, and failing sequences);
 * global teardown merges them into reports/contract-coverage.json and prints the table.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fromRoot } from '../../scripts/lib/apis.js';

export const checkNames = ['positive', 'conformance', 'negative', 'status', 'auth', 'idempotency', 'stateful'] as const;
export type CheckName = (typeof checkNames)[number];

/** Checks every operation must have run, or the suite fails. */
export const mandatoryChecks: readonly CheckName[] = ['positive', 'conformance', 'status'];

export interface CheckRecord {
  cases: number;
  requests: number;
  failures: number;
  skipped?: string;
}

export interface OperationCoverage {
  api: string;
  operationId: string;
  method: string;
  path: string;
  checks: Partial<Record<CheckName, CheckRecord>>;
}

const fragmentsDir = fromRoot('reports/contract-coverage');
const reportFile = fromRoot('reports/contract-coverage.json');

export class CoverageRecorder {
  readonly operations = new Map<string, OperationCoverage>();

  /** `part` names the fragment when several files report on one API (e.g. `stateful`). */
  constructor(readonly api: string, readonly part?: string) {}

  register(operationId: string, method: string, path: string): void {
    if (!this.operations.has(operationId)) this.operations.set(operationId, { api: this.api, operationId, method: method.toUpperCase(), path, checks: {} });
  }

  record(operationId: string, check: CheckName, result: Omit<CheckRecord, 'skipped'>): void {
    const op = this.operations.get(operationId)!;
    const prev = op.checks[check];
    op.checks[check] = prev && !prev.skipped
      ? { cases: prev.cases + result.cases, requests: prev.requests + result.requests, failures: prev.failures + result.failures }
      : { ...result };
  }

  skip(operationId: string, check: CheckName, reason: string): void {
    this.operations.get(operationId)!.checks[check] = { cases: 0, requests: 0, failures: 0, skipped: reason };
  }

  /** Operations lacking a mandatory check (never run, or skipped). */
  missingMandatory(): string[] {
    return [...this.operations.values()].flatMap((op) =>
      mandatoryChecks.filter((c) => !op.checks[c] || op.checks[c]!.skipped).map((c) => `${op.operationId}: ${c}`),
    );
  }

  write(): void {
    mkdirSync(fragmentsDir, { recursive: true });
    writeFileSync(path.join(fragmentsDir, `${this.api}${this.part ? `.${this.part}` : ''}.json`), JSON.stringify([...this.operations.values()], null, 2));
  }
}

function cell(record: CheckRecord | undefined): string {
  if (!record) return '-';
  if (record.skipped) return 'skip';
  if (record.cases === 0 && record.failures === 0) return '-';
  return record.failures > 0 ? `FAIL ${record.failures}/${record.cases}` : `ok ${record.cases}`;
}

/** Merges the fragments into reports/contract-coverage.json and prints the operation × check table. */
export function finishCoverageReport(): void {
  let fragments: string[];
  try {
    fragments = readdirSync(fragmentsDir).filter((f) => f.endsWith('.json'));
  } catch {
    return;
  }
  // Fragments of one API (the stateless suite's and the stateful suite's) merge per operation.
  const merged = new Map<string, OperationCoverage>();
  for (const op of fragments.sort().flatMap((f) => JSON.parse(readFileSync(path.join(fragmentsDir, f), 'utf8')) as OperationCoverage[])) {
    const key = `${op.api} ${op.operationId}`;
    const seen = merged.get(key);
    if (seen) Object.assign(seen.checks, op.checks);
    else merged.set(key, op);
  }
  const operations = [...merged.values()];
  const totals = { operations: operations.length, cases: 0, requests: 0, failures: 0 };
  for (const op of operations) for (const r of Object.values(op.checks)) {
    totals.cases += r.cases;
    totals.requests += r.requests;
    totals.failures += r.failures;
  }
  writeFileSync(reportFile, JSON.stringify({ generatedAt: new Date().toISOString(), totals, operations }, null, 2));
  rmSync(fragmentsDir, { recursive: true, force: true });

  const width = Math.max(...operations.map((o) => o.operationId.length), 9) + 2;
  const header = ['operation'.padEnd(width), ...checkNames.map((c) => c.padEnd(12))].join('');
  const lines = operations.map((op) => [`${op.operationId}`.padEnd(width), ...checkNames.map((c) => cell(op.checks[c]).padEnd(12))].join(''));
  console.log(['', 'Contract coverage (cases per check)', header, ...lines,
    `${totals.operations} operations, ${totals.cases} cases, ${totals.requests} requests, ${totals.failures} failures -> ${path.relative(fromRoot('.'), reportFile)}`, ''].join('\n'));
}
