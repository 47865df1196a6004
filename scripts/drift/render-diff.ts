/**
 * The diff report as text for a terminal, markdown for a pull-request comment or job summary, and
 * JSON for machines. Lists of operations and methods are cut short in text and markdown (a change
 * to a shared schema can touch dozens), never in JSON.
 */
import type { DiffChange, DiffReport } from './diff-report.js';

const listLimit = 10;

function shortList(items: string[], quote = (s: string) => s): string {
  if (items.length === 0) return 'none';
  const shown = items.slice(0, listLimit).map(quote).join(', ');
  return items.length > listLimit ? `${shown} and ${items.length - listLimit} more` : shown;
}

function methodsOf(change: DiffChange): string[] {
  return [...new Set(change.operations.flatMap((o) => o.sdkMethods))];
}

function operationsOf(change: DiffChange): string[] {
  return change.operations.map((o) => o.operationId);
}

function headline(report: DiffReport): string {
  const { breaking, nonBreaking } = report.counts;
  if (report.verdict === 'no changes') return 'no changes';
  return `${breaking} breaking, ${nonBreaking} non-breaking change${breaking + nonBreaking === 1 ? '' : 's'}`;
}

/** Readable report for a terminal. */
export function renderDiffText(report: DiffReport): string {
  const lines = [`API diff for ${report.api.title} (${report.api.name})`, `  base:     ${report.base}`, `  revision: ${report.revision}`, ''];
  for (const change of report.changes) {
    const rated = change.redoclyImpact ? `${change.impact}, Redocly: ${change.redoclyImpact}` : change.impact;
    lines.push(`${change.breaking ? 'BREAKING    ' : 'non-breaking'}  ${change.summary}`);
    for (const reason of change.reasons.slice(1)) lines.push(`              ${reason.message}`);
    lines.push(`              at ${change.location} (${change.kind} ${change.typeName}; ${rated}; ${change.reasons.map((r) => r.ruleId).join(', ') || 'no rule'})`);
    lines.push(`              operations: ${shortList(operationsOf(change))}`);
    lines.push(`              SDK methods: ${shortList(methodsOf(change))}`);
    lines.push('');
  }
  if (report.brokenSdkMethods.length > 0) lines.push(`SDK methods affected by breaking changes: ${report.brokenSdkMethods.join(', ')}`, '');
  const exit = report.verdict === 'breaking' ? 'exit 1' : 'exit 0';
  lines.push(`${headline(report)}: ${report.verdict === 'breaking' ? 'BREAKING' : 'no breaking changes'} (${exit}).`);
  return lines.join('\n');
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** Markdown for a PR comment or a GitHub job summary: a heading with the verdict and one table row per change. */
export function renderDiffMarkdown(report: DiffReport): string {
  const icon = report.verdict === 'breaking' ? '❌' : '✅';
  const lines = [`### ${icon} API diff: ${report.api.title}: ${headline(report)}`, '', `\`${report.base}\` → \`${report.revision}\``, ''];
  if (report.changes.length === 0) {
    lines.push('The two versions describe the same API.');
    return lines.join('\n');
  }
  lines.push('| Impact | Change | Where | Operations | SDK methods |', '| --- | --- | --- | --- | --- |');
  for (const change of report.changes) {
    const impact = change.breaking ? '🔴 breaking' : change.impact === 'minor' ? '🟢 non-breaking (minor)' : '⚪ non-breaking (patch)';
    const rules = change.reasons.map((r) => `\`${r.ruleId}\``).join(' ');
    const what = [...new Set([change.summary, ...change.reasons.map((r) => r.message)])].join(' ');
    lines.push(
      `| ${impact} | ${cell(`${what} ${rules}`.trim())} | ${cell(`\`${change.location}\``)} | ${cell(shortList(operationsOf(change), (s) => `\`${s}\``))} | ${cell(shortList(methodsOf(change), (s) => `\`${s}\``))} |`,
    );
  }
  if (report.brokenSdkMethods.length > 0) {
    lines.push('', `**SDK methods affected by breaking changes:** ${report.brokenSdkMethods.map((m) => `\`${m}\``).join(', ')}`);
  }
  return lines.join('\n');
}

/** The report object itself, pretty-printed. */
export function renderDiffJson(report: DiffReport): string {
  return JSON.stringify(report, null, 2);
}
