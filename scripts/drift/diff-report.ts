/**
 * The drift diff report: Redocly's changes, each rated breaking or not and tied to the operations
 * and SDK methods it touches. This is the shape `--format json` prints; the text and markdown
 * renderers read the same object.
 */
import type { ApiEntry } from '../lib/apis.js';
import { httpMethods } from '../lib/spec-model.js';
import { applyEnumNarrowingRule } from './enum-narrowing-rule.js';
import type { OperationRef } from './operation-reach.js';
import type { Impact, RedoclyChange, RedoclyDiffReport } from './redocly-diff.js';

export interface AffectedOperation extends OperationRef {
  /** Public SDK methods that call the operation (empty for an operation the SDK does not have yet). */
  sdkMethods: string[];
}

export interface DiffChange {
  /** Redocly's semver impact is major (after the enum-narrowing rule). */
  breaking: boolean;
  impact: Impact;
  /** Redocly's own rating, present only when the drift tool's rule changed it. */
  redoclyImpact?: Impact;
  kind: RedoclyChange['kind'];
  typeName: string;
  /** One line saying what changed. */
  summary: string;
  /** Every rule that rated the change; `by` says whose rule it is. */
  reasons: { ruleId: string; message: string; by: 'redocly' | 'payments-sdk' }[];
  /** Where, readably: `schemas/Payment/properties/amount` or `PATCH /payments/{id}`. */
  location: string;
  /** Redocly's pointer to the first place an operation reaches the change. */
  pointer: string;
  operations: AffectedOperation[];
}

export interface DiffReport {
  api: { name: ApiEntry['name']; title: string };
  base: string;
  revision: string;
  verdict: 'breaking' | 'non-breaking' | 'no changes';
  counts: { breaking: number; nonBreaking: number };
  /** SDK methods touched by at least one breaking change, sorted. */
  brokenSdkMethods: string[];
  changes: DiffChange[];
}

function decode(token: string): string {
  return token.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** `#/paths/~1payments~1{id}/patch/requestBody` → `PATCH /payments/{id} requestBody`; components lose their prefix. */
export function readablePointer(pointer: string): string {
  const tokens = pointer.replace(/^#\//, '').split('/').map(decode);
  if (tokens[0] === 'components') return tokens.slice(1).join('/');
  if (tokens[0] === 'paths' && tokens[1] !== undefined) {
    const [, path, method, ...rest] = tokens;
    if (method && (httpMethods as readonly string[]).includes(method)) return [`${method.toUpperCase()} ${path}`, rest.join('/')].filter(Boolean).join(' ');
    return [path, [method, ...rest].filter(Boolean).join('/')].filter(Boolean).join(' ');
  }
  return tokens.join('/');
}

function locationOf(change: RedoclyChange): string {
  const before = change.base?.pointer;
  const after = change.revision?.pointer;
  // A rename (`key`) is only clear with both names.
  if (change.property === 'key' && before && after && before !== after) return `${readablePointer(before)} → ${decode(after.split('/').at(-1) ?? '')}`;
  const pointer = [before, after].find((p) => p?.startsWith('#/components/')) ?? before ?? after ?? change.path;
  return readablePointer(pointer);
}

/** A short name for what a pointer points at: `Payment.statement_descriptor`, `PATCH /payments/{id}`. */
export function nameAt(pointer: string): string {
  const tokens = pointer.replace(/^#\//, '').split('/').map(decode);
  if (tokens[0] !== 'components') return readablePointer(pointer);
  return tokens
    .slice(2)
    .filter((t) => t !== 'properties')
    .map((t) => (t === 'items' ? '[]' : t))
    .join('.')
    .replace(/\.\[\]/g, '[]');
}

function summaryOf(change: RedoclyChange): string {
  const first = change.verdicts[0];
  if (first) return first.message;
  // Redocly gives no message for changes no rule rated (additions, patches): say what and where.
  const pointer = [change.base?.pointer, change.revision?.pointer].find((p) => p?.startsWith('#/components/')) ?? change.revision?.pointer ?? change.base?.pointer ?? change.path;
  const what = `${change.typeName === 'PathItem' ? 'Path' : change.typeName} \`${nameAt(pointer.replace(/\/(enum|required|type)$/, ''))}\``;
  return change.property && change.kind === 'modified' ? `\`${change.property}\` of ${what} changed.` : `${what} was ${change.kind}.`;
}

/** Builds the report from Redocly's diff. `operationsOf` names the operations a change touches and their SDK methods. */
export function buildDiffReport(input: {
  api: ApiEntry;
  base: string;
  revision: string;
  redocly: RedoclyDiffReport;
  operationsOf: (change: RedoclyChange) => AffectedOperation[];
}): DiffReport {
  const changes = input.redocly.changes.map((raw): DiffChange => {
    const change = applyEnumNarrowingRule(raw);
    const operations = input.operationsOf(change);
    return {
      breaking: change.impact === 'major',
      impact: change.impact,
      ...(change.redoclyImpact ? { redoclyImpact: change.redoclyImpact } : {}),
      kind: change.kind,
      typeName: change.typeName,
      summary: summaryOf(change),
      reasons: change.verdicts.map((v) => ({ ruleId: v.ruleId, message: v.message, by: v.ruleId.startsWith('sdk-') ? 'payments-sdk' : 'redocly' })),
      location: locationOf(change),
      pointer: change.path,
      operations,
    };
  });
  changes.sort((a, b) => Number(b.breaking) - Number(a.breaking) || a.location.localeCompare(b.location));
  const breaking = changes.filter((c) => c.breaking);
  return {
    api: { name: input.api.name, title: input.api.title },
    base: input.base,
    revision: input.revision,
    verdict: breaking.length > 0 ? 'breaking' : changes.length > 0 ? 'non-breaking' : 'no changes',
    counts: { breaking: breaking.length, nonBreaking: changes.length - breaking.length },
    brokenSdkMethods: [...new Set(breaking.flatMap((c) => c.operations.flatMap((o) => o.sdkMethods)))].sort(),
    changes,
  };
}
