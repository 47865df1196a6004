/**
 * The traffic report as text (one block per operation, each violation on its own lines with the
 * exchange that showed it) or JSON.
 */
import type { TrafficReport, TrafficViolation } from './traffic-report.js';

function violationLines(v: TrafficViolation): string[] {
  const mark = v.severity === 'error' ? '✖' : '⚠';
  const where = [v.target, v.status !== undefined ? String(v.status) : '', v.dataPath ?? ''].filter(Boolean).join(' ');
  const values = [v.expected ? `expected ${v.expected}` : '', v.actual ? `actual ${v.actual}` : ''].filter(Boolean).join(', ');
  const times = v.occurrences > 1 ? ` (${v.occurrences} exchanges)` : '';
  return [`  ${mark} ${v.kind} [${where}]: ${v.message}${values ? ` (${values})` : ''}${times}`, `      ${v.method} ${v.url}   rule: ${v.ruleId}`];
}

/** Readable report for a terminal. */
export function renderTrafficText(report: TrafficReport): string {
  const lines = [
    `Traffic check of ${report.har} against ${report.api.title} (${report.api.name})`,
    `  ${report.exchanges} exchanges, ${report.matched} placed on an operation`,
    '',
  ];
  for (const op of report.operations) {
    const count = `${op.exchanges} exchange${op.exchanges === 1 ? '' : 's'}`;
    if (op.violations.length === 0) {
      lines.push(`✔ ${op.operationId} (${op.method} ${op.path}): ${count}, no violations`);
      continue;
    }
    lines.push(`✖ ${op.operationId} (${op.method} ${op.path}): ${count}, ${op.violations.length} violation${op.violations.length === 1 ? '' : 's'}`);
    for (const v of op.violations) lines.push(...violationLines(v));
  }
  if (report.unmatched.length > 0) {
    lines.push(`✖ not in the spec: ${report.unmatched.length} exchange${report.unmatched.length === 1 ? '' : 's'}`);
    for (const v of report.unmatched) lines.push(...violationLines(v));
  }
  if (report.exchanges > 0 && report.matched === 0) {
    lines.push('', 'No exchange was under the spec\'s servers: if the traffic was recorded against another host (a sandbox, a local proxy), pass --server <its base URL>.');
  }
  lines.push('');
  lines.push(
    report.verdict === 'conforms'
      ? 'The traffic conforms to the spec (exit 0).'
      : `${report.counts.violations} violation${report.counts.violations === 1 ? '' : 's'} in ${report.counts.operationsWithViolations} operation${report.counts.operationsWithViolations === 1 ? '' : 's'}${report.unmatched.length ? ' and outside the spec' : ''} (exit 1).`,
  );
  return lines.join('\n');
}

/** The report object itself, pretty-printed. */
export function renderTrafficJson(report: TrafficReport): string {
  return JSON.stringify(report, null, 2);
}
