/** Core: routing by operationId from the spec, and what the core answers for routes the spec does not have. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiServer } from '../../sandbox/core/server.js';
import { createClock } from '../../sandbox/core/clock.js';
import { createEventBus } from '../../sandbox/core/events.js';
import { notesApi, startNotes, type NotesSandbox } from './core-fixture.js';

let sb: NotesSandbox;
beforeAll(async () => {
  sb = await startNotes();
});
afterAll(() => sb.stop());

describe('core routing', () => {
  it('routes each request to the operation its method and path template name', async () => {
    const created = await sb.call('POST', '/notes', { body: { text: 'hello' }, headers: { 'idempotency-key': 'route-1' } });
    expect(created.status).toBe(201);
    const got = await sb.call('GET', `/notes/${created.body.id}`);
    expect(got.status).toBe(200);
    expect(got.body).toEqual(created.body);
  });

  it('lets a literal path segment win over a {param} one (/notes/latest is not getNote)', async () => {
    await sb.call('POST', '/notes', { body: { text: 'newest' }, headers: { 'idempotency-key': 'route-2' } });
    const latest = await sb.call('GET', '/notes/latest');
    expect(latest.status).toBe(200);
    expect(latest.body.text).toBe('newest');
  });

  it('decodes percent-encoded path parameters', async () => {
    const missing = await sb.call('GET', '/notes/a%20b');
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toBe('no note a b');
  });

  it('answers an unknown route with 404 in the API error body', async () => {
    const res = await sb.call('GET', '/nothing/here');
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ error: { code: 'route_not_found', message: 'No operation of Notes API at GET /nothing/here' } });
  });

  it('answers a known path with another method with 405 and an Allow header listing its methods', async () => {
    const res = await sb.call('DELETE', '/notes/abc');
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, PATCH');
    expect(res.body.error.code).toBe('method_not_allowed');
  });

  it('decides by path first: GET on the literal /notes/search (POST only) is a 405, not getNote', async () => {
    const res = await sb.call('GET', '/notes/search');
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('POST');
  });

  it("also accepts the path of the spec's server URL as a prefix (/v1/notes)", async () => {
    const res = await sb.call('GET', '/v1/notes');
    expect(res.status).toBe(200);
    expect(res.body.data.length).toBeGreaterThan(0);
  });

  it('answers bad percent-encoding in a path parameter with 400, not a crash', async () => {
    const res = await sb.call('GET', '/notes/%E0%A4%A');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_path');
  });

  it('sends x-request-id on every answer, including the ones the core gives itself', async () => {
    const answers = await Promise.all([sb.call('GET', '/notes'), sb.call('GET', '/nowhere'), sb.call('PUT', '/notes'), sb.call('GET', '/notes', { scope: null })]);
    const ids = answers.map((a) => a.headers.get('x-request-id'));
    for (const id of ids) expect(id).toMatch(/^req_[0-9A-Za-z]{20}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('refuses to start when an operation of the spec has no handler', () => {
    const clock = createClock();
    const events = createEventBus(clock);
    const { definition } = notesApi(clock, events);
    delete definition.handlers.getLatestNote;
    expect(() => createApiServer(definition, { clock, events })).toThrow(/no handler for getLatestNote/);
  });

  it('refuses to start when a handler names an operation the spec does not have', () => {
    const clock = createClock();
    const events = createEventBus(clock);
    const { definition } = notesApi(clock, events);
    definition.handlers.deleteEverything = () => ({ status: 204 });
    expect(() => createApiServer(definition, { clock, events })).toThrow(/deleteEverything/);
  });
});
