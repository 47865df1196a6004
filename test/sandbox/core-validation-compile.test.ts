/**
 * Core: when validators are compiled. Each operation is compiled on its first request and kept for
 * the process, shared by every server of the same spec (building a sandbox costs no compilation);
 * `precompile` compiles everything at start, and every operation of both bundles does compile.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { createClock, createEventBus, createApiServer, loadSpec, type ApiDefinition, type ApiServer } from '../../sandbox/core/index.js';
import { createValidators } from '../../sandbox/core/validation.js';
import { createJustifiApi } from '../../sandbox/justifi/index.js';
import { createPaymentsApi } from '../../sandbox/payments/index.js';

const clock = createClock({ frozen: true });
const events = createEventBus(clock);
const definitions = [createJustifiApi({ clock, events }), createPaymentsApi({ clock, events })];
const optionsOf = (d: ApiDefinition) => ({ skipHeaders: [d.idempotency.header], lenientQuery: d.lenientQuery });

/** A two-operation API whose `/bad` answer schema points at a schema that does not exist. */
function brokenApi(): ApiDefinition {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'sandbox-compile-')), 'broken.yaml');
  const answer = (schema: object) => ({ '200': { description: 'ok', content: { 'application/json': { schema } } } });
  writeFileSync(
    file,
    stringify({
      openapi: '3.1.0',
      info: { title: 'Broken', version: '1' },
      paths: {
        '/good': { get: { operationId: 'good', responses: answer({ type: 'object', required: ['ok'], properties: { ok: { type: 'boolean' } } }) } },
        '/bad': { get: { operationId: 'bad', responses: answer({ $ref: '#/components/schemas/DoesNotExist' }) } },
      },
    }),
  );
  const fail = (status: number, code: string, message: string) => ({ status, body: { code, message } });
  return {
    name: 'justifi-v1',
    title: 'Broken API',
    bundle: file,
    handlers: { good: () => ({ status: 200, body: { ok: true } }), bad: () => ({ status: 200, body: {} }) },
    authenticate: () => ({ scope: 'only' }),
    idempotency: { header: 'Idempotency-Key', appliesTo: () => false, required: () => false, minLength: 1, windowMs: 1, stores: () => false, reject: () => fail(400, 'key', 'key') },
    errorResponse: fail,
    validationError: () => fail(400, 'invalid', 'invalid'),
  };
}

const servers: ApiServer[] = [];
afterAll(() => Promise.all(servers.map((s) => s.stop())));

describe('core validator compilation', () => {
  it('compiles every operation of both bundles, so a schema Ajv cannot compile fails the suite, not a request', () => {
    for (const definition of definitions) {
      const spec = loadSpec(definition.bundle);
      const table = createValidators(spec, optionsOf(definition));
      expect(() => table.compileAll(), definition.bundle).not.toThrow();
      for (const op of spec.operations) {
        // Compiled and real: an undocumented status is a violation, naming the operation's responses.
        expect(table.get(op.operationId).response(599, 'application/json', {}), op.operationId).toMatchObject({ detail: 'status 599 is not documented' });
      }
      expect(() => table.get('noSuchOperation')).toThrow(`${definition.bundle} has no operation noSuchOperation`);
    }
  });

  it('shares what it compiled between every server of the same spec and options in the process', () => {
    for (const definition of definitions) {
      const spec = loadSpec(definition.bundle);
      const first = createValidators(spec, optionsOf(definition));
      const again = createValidators(spec, { lenientQuery: [...(definition.lenientQuery ?? [])].reverse(), skipHeaders: [definition.idempotency.header.toUpperCase()] });
      expect(again).toBe(first);
      const op = spec.operations[0]!.operationId;
      expect(again.get(op)).toBe(first.get(op));
      // Other options validate other headers: their own table.
      expect(createValidators(spec, { skipHeaders: [] })).not.toBe(first);
    }
  });

  it('builds a server without compiling: a schema that cannot compile fails only its own operation, answered as a 500', async () => {
    const log: string[] = [];
    const server = createApiServer(brokenApi(), { clock, events, log: (line) => log.push(line) });
    servers.push(server);
    const url = await server.start();
    const good = await fetch(`${url}/good`);
    expect(good.status).toBe(200);
    expect(await good.json()).toEqual({ ok: true });
    const bad = await fetch(`${url}/bad`);
    expect(bad.status).toBe(500);
    expect(await bad.json()).toMatchObject({ code: 'handler_failed', message: expect.stringContaining('DoesNotExist') });
    expect(log.join('\n')).toContain('DoesNotExist');
    expect((await fetch(`${url}/good`)).status).toBe(200);
  });

  it('with precompile refuses to build a server whose spec has a schema Ajv cannot compile', () => {
    expect(() => createApiServer(brokenApi(), { clock, events, precompile: true })).toThrow(/DoesNotExist/);
  });
});
