/**
 * The one check the traffic report adds on top of Redocly's drift findings.
 *
 * Redocly CLI 2.77's drift command looks up the response a status belongs to (exact code, `4XX`,
 * `default`) and, when there is none, skips the exchange silently: a `418` from an operation that
 * documents 200/400/401/403/404/500 produces no finding (verified against JustiFi's GET /payments/{id}).
 * An undocumented status is exactly the drift a client cannot handle, so this rule reports it,
 * using the same lookup order. Exchanges Redocly could not place on an operation are left to its
 * own undocumented-endpoint rule.
 */
import { listOperations, type JsonObject } from '../lib/spec-model.js';
import type { Exchange } from './har.js';
import type { RedoclyDriftProblem } from './redocly-drift.js';

export const undocumentedStatusRuleId = 'sdk-undocumented-status';

/** True when `status` has a response in `responses`: the exact code, its `NXX` range, or `default`. */
export function statusDocumented(responses: Record<string, unknown>, status: number): boolean {
  const keys = Object.keys(responses).map((k) => k.toUpperCase());
  return [String(status), `${Math.floor(status / 100)}XX`, 'DEFAULT'].some((k) => keys.includes(k));
}

/** One finding per exchange whose status its operation does not document. */
export function undocumentedStatusFindings(exchanges: Exchange[], doc: JsonObject): RedoclyDriftProblem[] {
  const operations = new Map(listOperations(doc).map((op) => [op.operationId, op]));
  const findings: RedoclyDriftProblem[] = [];
  for (const exchange of exchanges) {
    const op = exchange.operationId === undefined ? undefined : operations.get(exchange.operationId);
    if (!op || exchange.status === 0) continue;
    const responses = (op.operation.responses ?? {}) as Record<string, unknown>;
    if (statusDocumented(responses, exchange.status)) continue;
    const documented = Object.keys(responses).join(', ');
    findings.push({
      ruleId: undocumentedStatusRuleId,
      severity: 'error',
      message: `Response status ${exchange.status} is not documented for this operation (documented: ${documented}).`,
      exchangeIndex: exchange.index,
      operationId: op.operationId,
      target: 'response',
      method: exchange.method,
      url: exchange.url,
      status: exchange.status,
      details: { keyword: 'status' },
    });
  }
  return findings;
}
