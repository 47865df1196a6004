/**
 * The upstream report as text for a terminal, markdown for a job summary or issue, and JSON for
 * machines. Operation and method lists are cut short in text and markdown (a difference in a
 * shared schema can reach dozens of operations), never in JSON.
 */
import type { FindingOperation, UpstreamFinding } from './upstream-findings.js';
import { upstreamExitCode, type UpstreamReport } from './upstream-report.js';

const listLimit = 8;

function shortList(items: string[], quote = (s: string) => s): string {
  if (items.length === 0) return 'none';
  const shown = items.slice(0, listLimit).map(quote).join(', ');
  return items.length > listLimit ? `${shown} and ${items.length - listLimit} more` : shown;
}

function operationLabel(op: FindingOperation): string {
  const id = op.operationId ?? op.vendorOperationId;
  return `${id ? `${id} ` : ''}(${op.method} ${op.path ?? op.vendorPath})`;
}

/** Each operation once (a schema can be reached at several places in one operation). */
function operationsLine(f: UpstreamFinding): string {
  return shortList([...new Set(f.operations.map(operationLabel))]);
}

/** The first place in an operation, and how many more there are. */
function placesLine(f: UpstreamFinding): string | undefined {
  const places = f.operations.filter((o) => o.where);
  if (places.length === 0) return undefined;
  const first = `${places[0]!.where} (${places[0]!.operationId ?? places[0]!.vendorOperationId})`;
  return places.length > 1 ? `${first} and ${places.length - 1} more` : first;
}

function specLine(spec: UpstreamReport['ours'] | UpstreamReport['vendor']): string {
  const parts = [spec.title && spec.version ? `${spec.title} ${spec.version}` : (spec.title ?? spec.version), spec.openapi ? `OpenAPI ${spec.openapi}` : undefined];
  if ('documents' in spec && spec.documents > 1) parts.push(`${spec.documents} documents`);
  const described = parts.filter(Boolean).join(', ');
  return described ? `${spec.source} (${described})` : spec.source;
}

function kindsLine(report: UpstreamReport): string {
  const entries = Object.entries(report.summary.byKind);
  return entries.length ? entries.map(([kind, n]) => `${kind} ${n}`).join(', ') : 'none';
}

/** `19 differences, 15 touching the SDK's types`; with `kinds`, the breakdown of all of them follows the total it adds up to. */
function headline(report: UpstreamReport, kinds = false): string {
  const { differences, touchingTypes } = report.summary;
  if (differences === 0) return 'no differences';
  return `${differences} difference${differences === 1 ? '' : 's'}${kinds ? ` (${kindsLine(report)})` : ''}, ${touchingTypes} touching the SDK's types`;
}

function summaryLine(report: UpstreamReport): string {
  const { operations: o, inferred, warnings } = report.summary;
  return (
    `Summary: operations ${o.shared} shared, ${o.vendorOnly} vendor-only, ${o.oursOnly} ours-only${o.unknown ? `, ${o.unknown} unknown (unreadable vendor path)` : ''}; ${headline(report, true)}; ` +
    `inferred items ${inferred.confirmed} confirmed, ${inferred.contradicted} contradicted; ${warnings} warning${warnings === 1 ? '' : 's'} about the vendor's spec.`
  );
}

function verdictLine(report: UpstreamReport): string {
  const exit = upstreamExitCode(report);
  if (report.verdict === 'touches SDK types') return `Differences touch the SDK's types (exit ${exit}).`;
  if (report.verdict === 'same') return `The vendor's spec describes the same API as ours (exit ${exit}).`;
  return `Differences found, none touching the SDK's types (exit ${exit}).`;
}

/** Readable report for a terminal. */
export function renderUpstreamText(report: UpstreamReport): string {
  const lines = [
    `Upstream drift for ${report.api.title} (${report.api.name}), recognised by ${report.recognisedBy}`,
    `  ours:   ${specLine(report.ours)}`,
    `  vendor: ${specLine(report.vendor)}`,
    '',
  ];
  for (const f of report.findings) {
    lines.push(`${f.touchesTypes ? '✖' : '•'} ${f.kind}: ${f.message}`);
    const pad = '    ';
    if (f.ours !== undefined || f.vendor !== undefined) lines.push(`${pad}ours: ${f.ours ?? '-'}; vendor: ${f.vendor ?? '-'}`);
    if (f.hint) lines.push(`${pad}hint: ${f.hint}`);
    lines.push(`${pad}operations: ${operationsLine(f)}`);
    const places = placesLine(f);
    if (places) lines.push(`${pad}at: ${places}`);
    lines.push(`${pad}SDK methods: ${shortList(f.sdkMethods)}`);
    const where = [f.inferred ? 'our side is x-inferred' : undefined, f.ourPointer ? `ours ${f.ourPointer}` : undefined, f.vendorAt ? `vendor ${f.vendorAt}` : undefined];
    if (where.some(Boolean)) lines.push(`${pad}${where.filter(Boolean).join('; ')}`);
    lines.push('');
  }
  const contradicted = report.inferred.filter((i) => i.verdict === 'contradicted');
  if (contradicted.length > 0) {
    lines.push(`Inferred items the vendor's spec contradicts (${contradicted.length}):`);
    for (const item of contradicted) lines.push(`  ${item.name} (${item.pointer}): ${item.by.join(', ')}`);
    lines.push('');
  }
  if (report.warnings.length > 0) {
    lines.push(`Warnings: ${report.warnings.length} problem${report.warnings.length === 1 ? '' : 's'} in the vendor's spec, worked around:`);
    for (const w of report.warnings) lines.push(`  ${w.at} ${w.kind}: ${w.message}`);
    lines.push('');
  }
  lines.push(summaryLine(report), verdictLine(report));
  return lines.join('\n');
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function findingRow(f: UpstreamFinding): string {
  const icon = f.touchesTypes ? '🔴' : '⚪';
  const what = [f.message, f.ours !== undefined || f.vendor !== undefined ? `(ours: ${f.ours ?? '-'}; vendor: ${f.vendor ?? '-'})` : '', f.hint ? `Hint: ${f.hint}` : ''].filter(Boolean).join(' ');
  const ops = shortList([...new Set(f.operations.map((o) => `\`${o.method} ${o.path ?? o.vendorPath}\``))]);
  const methods = shortList(f.sdkMethods, (m) => `\`${m}\``);
  return `| ${icon} \`${f.kind}\` | ${cell(what)} | ${cell(ops)} | ${cell(methods)} | ${f.inferred ? 'yes' : 'no'} |`;
}

/** Markdown for a GitHub job summary or issue: heading with the verdict, summary, one table row per finding, warnings folded. */
export function renderUpstreamMarkdown(report: UpstreamReport): string {
  const icon = report.verdict === 'touches SDK types' ? '❌' : report.verdict === 'same' ? '✅' : '⚠️';
  const { operations: o, inferred } = report.summary;
  const lines = [
    `### ${icon} Upstream drift: ${report.api.title}: ${headline(report)}`,
    '',
    `Ours: \`${specLine(report.ours)}\`  `,
    `Vendor: \`${specLine(report.vendor)}\` (recognised by ${report.recognisedBy})`,
    '',
    `Operations: **${o.shared}** shared, **${o.vendorOnly}** vendor-only, **${o.oursOnly}** ours-only${o.unknown ? `, **${o.unknown}** unknown (unreadable vendor path)` : ''}. ` +
      `Inferred items: **${inferred.confirmed}** confirmed, **${inferred.contradicted}** contradicted. Differences by kind: ${kindsLine(report)}.`,
    '',
  ];
  if (report.findings.length > 0) {
    lines.push('| Kind | Difference | Operations | SDK methods | Inferred |', '| --- | --- | --- | --- | --- |', ...report.findings.map(findingRow), '');
  }
  if (report.warnings.length > 0) {
    lines.push(`<details><summary>${report.warnings.length} warning${report.warnings.length === 1 ? '' : 's'} about the vendor's spec (worked around)</summary>`, '');
    for (const w of report.warnings) lines.push(`- \`${w.at}\` **${w.kind}**: ${cell(w.message)}`);
    lines.push('', '</details>', '');
  }
  lines.push(verdictLine(report));
  return lines.join('\n');
}

/** The report object itself, pretty-printed. */
export function renderUpstreamJson(report: UpstreamReport): string {
  return JSON.stringify(report, null, 2);
}
