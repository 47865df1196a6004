/** Core: what the core answers by itself for bodies it cannot take, in the API's error body, without ever crashing. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNotes, type NotesSandbox } from './core-fixture.js';

let sb: NotesSandbox;
beforeAll(async () => {
  sb = await startNotes();
});
afterAll(() => sb.stop());

const post = (body: BodyInit, headers: Record<string, string> = { 'content-type': 'application/json' }, init: RequestInit = {}) =>
  fetch(`${sb.url}/notes`, { method: 'POST', headers: { authorization: 'Bearer alice', 'idempotency-key': `p-${Math.random()}`, ...headers }, body, ...init });

describe('core protocol errors', () => {
  it('answers invalid JSON with 400 invalid_json saying where it broke', async () => {
    const res = await post('{"text": "unterminated');
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.code).toBe('invalid_json');
    expect(body.error.message).toMatch(/^Request body is not valid JSON: /);
  });

  it('answers a body in a content type the operation does not take with 415', async () => {
    const res = await post('text=hello', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(res.status).toBe(415);
    expect((await res.json()).error).toEqual({ code: 'unsupported_media_type', message: 'createNote takes application/json, not application/x-www-form-urlencoded' });
  });

  it('answers a body without a Content-Type with 415', async () => {
    const res = await post(new Blob(['{"text":"x"}']), {});
    expect(res.status).toBe(415);
  });

  it('accepts application/json with parameters (charset)', async () => {
    const res = await post('{"text":"charset"}', { 'content-type': 'application/json; charset=utf-8' });
    expect(res.status).toBe(201);
  });

  it('answers a body over 1 MiB (Content-Length) with 413 without reading it', async () => {
    const res = await post(JSON.stringify({ text: 'x'.repeat(1024 * 1024) }));
    expect(res.status).toBe(413);
    expect((await res.json()).error).toEqual({ code: 'payload_too_large', message: 'Request body is larger than 1048576 bytes' });
    expect(res.headers.get('x-request-id')).toMatch(/^req_/);
    expect(res.headers.get('connection')).toBe('close');
  });

  it('closes the connection after answering before the body was read, so the next request is not read from the old body', async () => {
    const big = 'z'.repeat(512 * 1024);
    const lost = await fetch(`${sb.url}/no/such/route`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: big });
    expect(lost.status).toBe(404);
    expect(lost.headers.get('connection')).toBe('close');
    expect((await sb.call('GET', '/notes')).status).toBe(200);
  });

  it('answers a streamed (chunked) body that grows over 1 MiB with 413', async () => {
    const chunk = new TextEncoder().encode('x'.repeat(64 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 20) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const res = await post(stream, { 'content-type': 'application/json' }, { duplex: 'half' } as RequestInit);
    expect(res.status).toBe(413);
  });

  it('takes a body just under the limit and validates it as usual', async () => {
    const text = 'y'.repeat(1024 * 1024 - 20);
    const res = await post(JSON.stringify({ text }));
    expect(res.status).toBe(201);
  });

  it('ignores a body sent to an operation that takes none', async () => {
    const res = await fetch(`${sb.url}/notes/latest`, { method: 'GET', headers: { authorization: 'Bearer alice' } });
    expect(res.status).toBe(200);
    const odd = await fetch(`${sb.url}/tokens`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(odd.status).toBe(200);
  });

  it('keeps answering after every kind of bad input', async () => {
    expect((await sb.call('GET', '/notes')).status).toBe(200);
  });
});
