/** Core: every request is validated against its operation, and every answer against its documented response. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNotes, type NotesSandbox } from './core-fixture.js';

let sb: NotesSandbox;
beforeAll(async () => {
  sb = await startNotes();
});
afterAll(() => sb.stop());

const key = (() => {
  let n = 0;
  return () => ({ 'idempotency-key': `validation-${++n}` });
})();

describe('core request validation', () => {
  it('reports a missing required body field through the API validation error, naming the field and the rule', async () => {
    const res = await sb.call('POST', '/notes', { body: { pages: 2 }, headers: key() });
    expect(res.status).toBe(422);
    expect(res.body.error.message).toBe('text is required');
  });

  it('reports every problem of a body at once', async () => {
    const res = await sb.call('POST', '/notes', { body: { text: '', pages: 0, tags: [1] }, headers: key() });
    expect(res.status).toBe(422);
    expect(res.body.error.message.split('; ').sort()).toEqual(['pages must be >= 1', 'tags[0] must be string', 'text must NOT have fewer than 1 characters']);
  });

  it('never coerces a JSON body: "pages": "3" is a type error, not 3', async () => {
    const res = await sb.call('POST', '/notes', { body: { text: 'x', pages: '3' }, headers: key() });
    expect(res.status).toBe(422);
    expect(res.body.error.message).toBe('pages must be integer');
  });

  it('requires a body where the spec marks the request body required', async () => {
    const res = await sb.call('POST', '/notes', { headers: { ...key(), 'content-type': 'application/json' } });
    expect(res.status).toBe(422);
    expect(res.body.error.message).toBe('(body) is required (a JSON request body)');
  });

  it('coerces query values to their schema types and applies schema defaults', async () => {
    for (let i = 0; i < 3; i++) await sb.call('POST', '/notes', { body: { text: `q${i}`, tags: ['a', i % 2 ? 'odd' : 'even'] }, headers: key() });
    const two = await sb.call('GET', '/notes?limit=2');
    expect(two.status).toBe(200);
    expect(two.body.data).toHaveLength(2);
    const all = await sb.call('GET', '/notes');
    expect(all.body.data.length).toBe(3); // default limit 25 applied, all three returned
  });

  it('reads a repeated query key as an array when the schema says array', async () => {
    const both = await sb.call('GET', '/notes?tag=a&tag=odd');
    expect(both.body.data.map((n: { text: string }) => n.text)).toEqual(['q1']);
    const one = await sb.call('GET', '/notes?tag=even');
    expect(one.body.data.map((n: { text: string }) => n.text)).toEqual(['q2', 'q0']);
  });

  it('rejects a query value that cannot be coerced (pinned=maybe), naming the parameter', async () => {
    const res = await sb.call('GET', '/notes?pinned=maybe');
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe('pinned must be boolean');
  });

  it('falls back to the default for a wrong-typed lenient query parameter (limit=abc → 25) but still rejects out-of-range values', async () => {
    const lenient = await sb.call('GET', '/notes?limit=abc');
    expect(lenient.status).toBe(200);
    const tooBig = await sb.call('GET', '/notes?limit=101');
    expect(tooBig.status).toBe(400);
    expect(tooBig.body.error.message).toBe('limit must be <= 100');
  });

  it('validates header parameters against their schema', async () => {
    const res = await sb.call('GET', '/notes', { headers: { 'x-trace': 'nope' } });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe('X-Trace must match pattern "^t-"');
    expect((await sb.call('GET', '/notes', { headers: { 'x-trace': 't-1' } })).status).toBe(200);
  });

  it('authenticates before answering validation problems: an unauthenticated invalid request gets the 401', async () => {
    const res = await sb.call('POST', '/notes', { body: { pages: 'x' }, headers: key(), scope: null });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('not_authenticated');
  });

  it('answers a ProblemError thrown by a handler (an unknown cursor) with the API validation error', async () => {
    const res = await sb.call('GET', '/notes?after_cursor=bm90LWEtY3Vyc29y');
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe('after_cursor is not a cursor this list returned (use page_info.start_cursor / end_cursor)');
  });
});

describe('core response validation', () => {
  it('turns an answer that breaks its schema into a 500 naming the operation and the schema path, never the bad body', async () => {
    const res = await sb.call('GET', '/broken');
    expect(res.status).toBe(500);
    expect(res.body.error.code).toBe('response_invalid');
    expect(res.body.error.message).toMatch(/^sandbox bug: brokenNote answered 200, which breaks .*notes\.yaml: \/id must be string \(schema #\/components\/schemas\/Note\/properties\/id\/type\)$/);
    expect(JSON.stringify(res.body)).not.toContain('secret-body-value');
    expect(sb.log.at(-1)).toBe(res.body.error.message);
  });

  it('treats a status the operation does not document as a violation', async () => {
    const res = await sb.call('GET', '/teapot');
    expect(res.status).toBe(500);
    expect(res.body.error.message).toContain('teapot answered 418');
    expect(res.body.error.message).toContain('status 418 is not documented');
  });

  it('validates the API error answers too (a documented 404 passes)', async () => {
    const res = await sb.call('GET', '/notes/nope');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('not_found');
  });

  it('answers a handler that throws with a 500 and keeps serving', async () => {
    const res = await sb.call('GET', '/crash');
    expect(res.status).toBe(500);
    expect(res.body.error.code).toBe('handler_failed');
    expect(res.body.error.message).toContain('the handler fell over');
    expect(sb.log.at(-1)).toMatch(/^sandbox: crash failed \(request req_\w+\): Error: the handler fell over\n\s+at /);
    expect((await sb.call('GET', '/notes')).status).toBe(200);
  });

  it('lets public operations (security: []) through the API authenticate hook', async () => {
    const res = await sb.call('POST', '/tokens', { scope: null });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ token: 'alice' });
  });
});
