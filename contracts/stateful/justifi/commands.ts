/**
 * How the JustiFi commands are written: `command()` turns a precondition and a run into a
 * fast-check command whose one-line description names the model objects it acted on; the checks
 * every command shares (a refusal, possibly by the validating proxy; an object as the model
 * predicts it; a write kept for replay).
 */
import { describeOutcome, expectError, rule, sharedRules, type ExpectedError } from '../core/rules.js';
import type { CallOptions, CreatedObject, Outcome, Real, StatefulCommand } from '../core/types.js';
import type { JustifiModel, WriteModel } from './model.js';

/**
 * A command from its parameters: `check` is the precondition (on the model), `run` acts and checks;
 * it `say`s the description with the model's labels filled in (`refund(payment#2, 700)`) and may
 * return a final one (`… → refund#1`).
 */
export function command<P>(params: P, spec: { describe(p: P): string; check?(m: Readonly<JustifiModel>, p: P): boolean; run(m: JustifiModel, r: Real, p: P, say: (text: string) => string): Promise<string | void> }): StatefulCommand<JustifiModel> {
  let text = spec.describe(params);
  // `say` names the model objects as soon as the run has picked them, so a run that fails reads well too.
  const say = (line: string) => (text = line);
  return {
    check: (m) => spec.check?.(m, params) ?? true,
    async run(m, r) {
      text = (await spec.run(m, r, params, say)) ?? text;
    },
    toString: () => text,
  };
}

/**
 * A request the spec's own schema forbids (an amount that is not an integer, or below 1; a reason
 * outside the enum). The validating Prism proxy in front of the local sandbox refuses it itself
 * (422 `application/problem+json` naming the field), so the server never sees it; without the
 * proxy the API answers with its documented code.
 */
export function expectSchemaRefusal(name: string, r: Real, outcome: Outcome, field: string, expected: ExpectedError): void {
  const exchange = r.exchanges.at(-1);
  if (!outcome.ok && exchange && /problem\+json/.test(exchange.responseHeaders.get('content-type') ?? '')) {
    let locations: string[] = [];
    try {
      locations = ((JSON.parse(exchange.responseText) as { validation?: { location?: string[] }[] }).validation ?? []).map((v) => (v.location ?? []).join('.'));
    } catch {
      // not Prism's report: judged below
    }
    rule(name, outcome.status === expected.status && locations.some((l) => l.endsWith(field)), () => `expected the proxy's ${expected.status} naming ${field}, got ${describeOutcome(outcome)} (${locations.join(', ') || 'no validation entries'})`);
    return;
  }
  expectError(name, outcome, expected);
}

/** Each `[field, seen, expected]` must agree: the object is what the model says it is. */
export function expectFields(name: string, what: string, fields: [string, unknown, unknown][]): void {
  const wrong = fields.filter(([, seen, expected]) => JSON.stringify(seen) !== JSON.stringify(expected));
  rule(name, wrong.length === 0, () => `${what}: ${wrong.map(([f, seen, expected]) => `${f} is ${JSON.stringify(seen)}, expected ${JSON.stringify(expected)}`).join('; ')}`);
}

/** Keeps a successful keyed write so a replay command can send it again. */
export function remember(m: JustifiModel, write: Omit<WriteModel, 'at' | 'status' | 'data'>, outcome: Extract<Outcome, { ok: true }>): void {
  m.writes.push({ ...write, status: outcome.status, data: outcome.data, at: m.now });
}

/** What the link-derived read-backs start from: the create's whole answer, sent in `scope` (the call's `Sub-Account`). */
export function createdBy(method: string, outcome: Extract<Outcome, { ok: true }>, scope: CallOptions, request?: CreatedObject['request']): CreatedObject {
  return { method, body: outcome.body, options: scope, ...(request ? { request } : {}) };
}

/** A documented status or code of one call (the shared rule's name). */
export const documented = sharedRules.documentedStatus;

/** What an answer's `data` is, as a plain record. */
export const record = (data: unknown): Record<string, unknown> => (data && typeof data === 'object' ? (data as Record<string, unknown>) : {});

/** `[field, seen, expected]` for each field whose value the model knows (set by the request or an update); unknown ones are left out. */
export function knownFields(data: Record<string, unknown>, fields: Record<string, unknown>): [string, unknown, unknown][] {
  return Object.entries(fields).flatMap(([f, expected]) => (expected === undefined ? [] : [[f, data[f], expected] as [string, unknown, unknown]]));
}
