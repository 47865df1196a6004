/**
 * Bad input, bounded fuzzing: every operation of both sandboxes gets inputs that break exactly one
 * constraint of its body or query (the contract suite's generators, contracts/support/), plus random
 * bytes as bodies, paths and methods. The sandboxes must answer each with a 4XX in the API's error
 * body, never a 5XX, never a violation of their own spec, and keep answering afterwards.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invalidInput, modelOperation, type OperationModel } from '../../contracts/support/operation-model.js';
import { apis } from '../../scripts/lib/apis.js';
import { listOperations, loadBundle } from '../../scripts/lib/spec-model.js';
import { startSandbox, type Sandbox } from '../../sandbox/index.js';

let sandbox: Sandbox;
const failures: string[] = [];
let justifiToken = '';
beforeAll(async () => {
  sandbox = await startSandbox({ log: (line) => failures.push(line) });
  const res = await fetch(`${sandbox.justifi.url}/oauth/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ client_id: 'test_fuzz', client_secret: 'fuzz' }) });
  justifiToken = ((await res.json()) as { access_token: string }).access_token;
});
afterAll(() => sandbox?.stop());

/** Authenticated, scoped headers as each API wants them, so the broken field is what gets refused. */
function headersFor(api: string, model: OperationModel): Record<string, string> {
  const base: Record<string, string> = api === 'justifi-v1' ? { authorization: `Bearer ${justifiToken}`, 'idempotency-key': `fuzz-${Math.random()}` } : { 'x-api-key': 'sk_test_fuzz', 'x-idempotency-key': `fuzz-key-${Math.random()}` };
  for (const p of model.entry.parameters) {
    if (p.in === 'header' && p.required && String(p.name).toLowerCase() === 'x-account-id') base['x-account-id'] = 'acc_fuzz';
    if (p.in === 'header' && p.required && String(p.name).toLowerCase() === 'x-business-id') base['x-business-id'] = 'biz_fuzz';
  }
  return base;
}

function urlFor(base: string, model: OperationModel, input: { path?: Record<string, unknown>; query?: Record<string, unknown> }): string {
  const path = model.entry.path.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(String(input.path?.[name] ?? 'x')));
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(input.query ?? {})) {
    if (v === undefined) continue;
    for (const item of Array.isArray(v) ? v : [v]) search.append(k, typeof item === 'object' ? JSON.stringify(item) : String(item));
  }
  const qs = search.toString();
  return `${base}${path}${qs ? `?${qs}` : ''}`;
}

const urlOf = (api: string) => (api === 'justifi-v1' ? sandbox.justifi.url : sandbox.payments.url);

describe.each(apis.map((a) => [a.title, a] as const))('fuzzing the %s sandbox', (_title, api) => {
  const doc = loadBundle(api);
  const models = listOperations(doc)
    .map((entry) => modelOperation(doc, entry))
    .map((model) => ({ model, invalid: invalidInput(doc, model) }))
    .filter((m): m is { model: OperationModel; invalid: fc.Arbitrary<import('../../contracts/support/operation-model.js').InvalidInput> } => m.invalid !== undefined);

  it('answers inputs that break one constraint of an operation with a 4XX in the API error body', async () => {
    expect(models.length).toBeGreaterThan(10);
    const cases = fc.oneof(...models.map(({ model, invalid }) => invalid.map((broken) => ({ model, broken }))));
    await fc.assert(
      fc.asyncProperty(cases, async ({ model, broken }) => {
        const body = broken.input.body === undefined ? undefined : JSON.stringify(broken.input.body);
        const res = await fetch(urlFor(urlOf(api.name), model, broken.input), {
          method: model.entry.method.toUpperCase(),
          headers: { ...headersFor(api.name, model), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
          body,
        });
        const text = await res.text();
        const what = `${model.operationId} ${broken.where} ${broken.mutation.kind} ${broken.mutation.path}: ${res.status} ${text.slice(0, 300)}`;
        expect(res.status, what).toBeGreaterThanOrEqual(400);
        expect(res.status, what).toBeLessThan(500);
        expect(() => JSON.parse(text), what).not.toThrow();
        expect(res.headers.get('x-request-id'), what).toMatch(/^req_/);
      }),
      { numRuns: 250, interruptAfterTimeLimit: 40_000, seed: 12 },
    );
    expect(failures).toEqual([]);
  }, 90_000);

  it('answers random bytes as a body, random paths and random methods without a 5XX, and keeps answering', async () => {
    const writes = models.map((m) => m.model).filter((m) => m.entry.method !== 'get');
    const junk = fc.oneof(
      fc.record({ kind: fc.constant('body' as const), op: fc.constantFrom(...writes), bytes: fc.uint8Array({ maxLength: 2048 }), type: fc.constantFrom('application/json', 'text/plain', 'application/octet-stream', '') }),
      fc.record({ kind: fc.constant('path' as const), path: fc.array(fc.string({ maxLength: 12 }), { maxLength: 5 }), method: fc.constantFrom('GET', 'POST', 'PATCH', 'PUT', 'DELETE', 'OPTIONS') }),
    );
    await fc.assert(
      fc.asyncProperty(junk, async (c) => {
        let res: Response;
        if (c.kind === 'body') {
          const headers: Record<string, string> = headersFor(api.name, c.op);
          if (c.type) headers['content-type'] = c.type;
          res = await fetch(urlFor(urlOf(api.name), c.op, {}), { method: c.op.entry.method.toUpperCase(), headers, body: c.bytes });
        } else {
          res = await fetch(`${urlOf(api.name)}/${c.path.map(encodeURIComponent).join('/')}`, { method: c.method, headers: headersFor(api.name, models[0]!.model) });
        }
        const text = await res.text();
        expect(res.status, `${JSON.stringify(c).slice(0, 200)} → ${res.status} ${text.slice(0, 200)}`).toBeLessThan(500);
      }),
      { numRuns: 200, interruptAfterTimeLimit: 30_000, seed: 34 },
    );
    expect(failures).toEqual([]);
    const alive = await fetch(`${urlOf(api.name)}${api.name === 'justifi-v1' ? '/oauth/token' : '/ledger/balances'}`, { method: api.name === 'justifi-v1' ? 'POST' : 'GET', headers: { 'content-type': 'application/json', 'x-api-key': 'k', 'x-account-id': 'acc_fuzz' }, body: api.name === 'justifi-v1' ? '{"client_id":"test_alive","client_secret":"s"}' : undefined });
    expect(alive.status).toBe(200);
  }, 90_000);
});
