/**
 * The traffic report: Redocly's drift findings plus the undocumented-status rule, grouped by
 * operation and named by kind (undocumented status, missing required field, wrong type, unknown
 * enum value, ...). This is the shape `--format json` prints; the text renderer reads it too.
 */
import type { ApiEntry } from '../lib/apis.js';
import { listOperations, type JsonObject } from '../lib/spec-model.js';
import type { Exchange } from './har.js';
import type { RedoclyDriftProblem } from './redocly-drift.js';
import { undocumentedStatusRuleId } from './undocumented-status-rule.js';

export interface TrafficViolation {
  /** What kind of drift, in words: `missing required field`, `wrong type`, `unknown enum value`, ... */
  kind: string;
  severity: 'error' | 'warning';
  /** Which half of the exchange is wrong. */
  target: 'request' | 'response';
  message: string;
  ruleId: string;
  by: 'redocly' | 'payments-sdk';
  method: string;
  url: string;
  status?: number;
  /** JSON pointer into the body (or the parameter), when the finding has one. */
  dataPath?: string;
  expected?: string;
  actual?: string;
  /** How many exchanges showed the same problem (the first is the one named). */
  occurrences: number;
}

export interface OperationTraffic {
  operationId: string;
  method: string;
  path: string;
  /** Exchanges of the HAR placed on this operation. */
  exchanges: number;
  violations: TrafficViolation[];
}

export interface TrafficReport {
  api: { name: ApiEntry['name']; title: string };
  har: string;
  exchanges: number;
  /** Exchanges placed on an operation of the spec. */
  matched: number;
  /** Every operation seen in the traffic or named by a finding, in spec order. */
  operations: OperationTraffic[];
  /** Findings not tied to an operation (undocumented endpoints or servers). */
  unmatched: TrafficViolation[];
  counts: { violations: number; operationsWithViolations: number };
  verdict: 'violations' | 'conforms';
}

const kindByKeyword: Record<string, string> = {
  required: 'missing required field',
  type: 'wrong type',
  enum: 'unknown enum value',
  const: 'unknown enum value',
  format: 'wrong format',
  additionalProperties: 'undocumented field',
};

function kindOf(problem: RedoclyDriftProblem): string {
  if (problem.ruleId === undocumentedStatusRuleId) return 'undocumented status';
  if (problem.ruleId === 'undocumented-endpoint') return 'undocumented endpoint';
  const keyword = problem.details?.keyword;
  if (keyword) return kindByKeyword[keyword] ?? `schema: ${keyword}`;
  return problem.ruleId;
}

function violationOf(problem: RedoclyDriftProblem): TrafficViolation {
  return {
    kind: kindOf(problem),
    severity: problem.severity === 'error' ? 'error' : 'warning',
    target: problem.target ?? 'request',
    message: problem.message,
    ruleId: problem.ruleId,
    by: problem.ruleId.startsWith('sdk-') ? 'payments-sdk' : 'redocly',
    method: problem.method,
    url: problem.url,
    ...(problem.status !== undefined ? { status: problem.status } : {}),
    ...(problem.dataPath ? { dataPath: problem.dataPath } : {}),
    ...(problem.details?.expected ? { expected: problem.details.expected } : {}),
    ...(problem.details?.actual ? { actual: problem.details.actual } : {}),
    occurrences: problem.occurrences ?? 1,
  };
}

/** Groups findings by operation; `problems` holds Redocly's findings and the drift tool's own. */
export function buildTrafficReport(input: { api: ApiEntry; har: string; doc: JsonObject; exchanges: Exchange[]; problems: RedoclyDriftProblem[] }): TrafficReport {
  const operations: OperationTraffic[] = listOperations(input.doc).map((op) => ({
    operationId: op.operationId,
    method: op.method.toUpperCase(),
    path: op.path,
    exchanges: input.exchanges.filter((e) => e.operationId === op.operationId).length,
    violations: [],
  }));
  const byId = new Map(operations.map((o) => [o.operationId, o]));
  const unmatched: TrafficViolation[] = [];
  const ordered = [...input.problems].sort((a, b) => a.exchangeIndex - b.exchangeIndex);
  for (const problem of ordered) {
    const target = problem.operationId === undefined ? undefined : byId.get(problem.operationId);
    (target ? target.violations : unmatched).push(violationOf(problem));
  }
  const seen = operations.filter((o) => o.exchanges > 0 || o.violations.length > 0);
  const violations = seen.reduce((n, o) => n + o.violations.length, unmatched.length);
  return {
    api: { name: input.api.name, title: input.api.title },
    har: input.har,
    exchanges: input.exchanges.length,
    matched: input.exchanges.filter((e) => e.operationId !== undefined).length,
    operations: seen,
    unmatched,
    counts: { violations, operationsWithViolations: seen.filter((o) => o.violations.length > 0).length },
    verdict: violations > 0 ? 'violations' : 'conforms',
  };
}
