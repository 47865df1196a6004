/** Core: the generic idempotency store, applied through the API's IdempotencyPolicy. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNotes, type NotesSandbox } from './core-fixture.js';

let sb: NotesSandbox;
let slow: NotesSandbox;
let faulty: NotesSandbox;
beforeAll(async () => {
  [sb, slow, faulty] = await Promise.all([startNotes(), startNotes({ latencyMs: 150 }), startNotes({ faults: new Set(['replay-creates-new']) })]);
});
afterAll(() => Promise.all([sb.stop(), slow.stop(), faulty.stop()]));

const count = async (s: NotesSandbox, scope = 'alice') => (await s.call('GET', '/notes?limit=100', { scope })).body.data.length as number;

describe('core idempotency', () => {
  it('answers a write without a key, where the policy requires one, with the policy rejection', async () => {
    const res = await sb.call('POST', '/notes', { body: { text: 'no key' } });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('key_missing');
    expect(sb.calls.createNote ?? 0).toBe(0);
  });

  it('runs a write without a key where the policy makes it optional', async () => {
    const note = await sb.call('POST', '/notes', { body: { text: 'optional' }, headers: { 'idempotency-key': 'opt-create' } });
    const res = await sb.call('PATCH', `/notes/${note.body.id}`, { body: { text: 'edited' } });
    expect(res.status).toBe(200);
    expect(res.body.text).toBe('edited');
  });

  it('rejects a key shorter than the policy minimum', async () => {
    const res = await sb.call('POST', '/notes', { body: { text: 'short key' }, headers: { 'idempotency-key': 'abc' } });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('key_too_short');
  });

  it('replays the first answer for the same key and parameters: same status, same bytes, no second object, no second event', async () => {
    const before = await count(sb);
    const calls = sb.calls.createNote ?? 0;
    const eventsBefore = sb.events.length;
    const first = await fetch(`${sb.url}/notes`, { method: 'POST', headers: { authorization: 'Bearer alice', 'content-type': 'application/json', 'idempotency-key': 'replay-1' }, body: '{"text":"once","pages":2}' });
    const firstText = await first.text();
    sb.clock.advance(1000);
    const again = await fetch(`${sb.url}/notes`, { method: 'POST', headers: { authorization: 'Bearer alice', 'content-type': 'application/json', 'idempotency-key': 'replay-1' }, body: '{"pages":2,"text":"once"}' });
    expect(again.status).toBe(first.status);
    expect(await again.text()).toBe(firstText);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    expect(again.headers.get('x-request-id')).not.toBe(first.headers.get('x-request-id'));
    expect(await count(sb)).toBe(before + 1);
    expect(sb.calls.createNote).toBe(calls + 1);
    expect(sb.events.length).toBe(eventsBefore + 1);
  });

  it('refuses the same key with other parameters (params mismatch) and keeps the first object', async () => {
    await sb.call('POST', '/notes', { body: { text: 'original' }, headers: { 'idempotency-key': 'mismatch-1' } });
    const res = await sb.call('POST', '/notes', { body: { text: 'changed' }, headers: { 'idempotency-key': 'mismatch-1' } });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('key_params_mismatch');
  });

  it('treats the same key on another path as other parameters', async () => {
    const note = await sb.call('POST', '/notes', { body: { text: 'p' }, headers: { 'idempotency-key': 'path-key-1' } });
    const res = await sb.call('PATCH', `/notes/${note.body.id}`, { body: { text: 'p' }, headers: { 'idempotency-key': 'path-key-1' } });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('key_params_mismatch');
  });

  it('answers a second request with a key that is still in flight with the policy in-flight rejection (409)', async () => {
    const send = () => slow.call('POST', '/notes', { body: { text: 'concurrent' }, headers: { 'idempotency-key': 'concurrent-1' } });
    const [a, b] = await Promise.all([send(), send()]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    expect([a, b].find((r) => r.status === 409)!.body.error.code).toBe('in_flight');
    expect(slow.calls.createNote).toBe(1);
    const after = await send();
    expect(after.status).toBe(201);
    expect(after.headers.get('idempotent-replayed')).toBe('true');
  });

  it('keeps keys per scope: the same key in another scope is another request', async () => {
    const a = await sb.call('POST', '/notes', { body: { text: 'scoped' }, headers: { 'idempotency-key': 'scoped-key' }, scope: 'alice' });
    const b = await sb.call('POST', '/notes', { body: { text: 'scoped' }, headers: { 'idempotency-key': 'scoped-key' }, scope: 'bob' });
    expect(b.status).toBe(201);
    expect(b.body.id).not.toBe(a.body.id);
  });

  it('forgets a key after the policy window, by the sandbox clock', async () => {
    const first = await sb.call('POST', '/notes', { body: { text: 'windowed' }, headers: { 'idempotency-key': 'window-1' } });
    sb.clock.advance(59_999);
    expect((await sb.call('POST', '/notes', { body: { text: 'windowed' }, headers: { 'idempotency-key': 'window-1' } })).body.id).toBe(first.body.id);
    sb.clock.advance(1);
    const later = await sb.call('POST', '/notes', { body: { text: 'windowed' }, headers: { 'idempotency-key': 'window-1' } });
    expect(later.status).toBe(201);
    expect(later.body.id).not.toBe(first.body.id);
  });

  it('does not keep answers the policy does not store (a 500): the retry runs again', async () => {
    const calls = sb.calls.createNote ?? 0;
    const first = await sb.call('POST', '/notes', { body: { text: 'fail-500' }, headers: { 'idempotency-key': 'retry-500' } });
    expect(first.status).toBe(500);
    const retry = await sb.call('POST', '/notes', { body: { text: 'fail-500' }, headers: { 'idempotency-key': 'retry-500' } });
    expect(retry.status).toBe(500);
    expect(retry.headers.get('idempotent-replayed')).toBeNull();
    expect(sb.calls.createNote).toBe(calls + 2);
  });

  it('replays a stored error answer too (the policy stores 4XX)', async () => {
    const missing = await sb.call('PATCH', '/notes/nope', { body: { text: 'x' }, headers: { 'idempotency-key': 'err-404' } });
    const again = await sb.call('PATCH', '/notes/nope', { body: { text: 'x' }, headers: { 'idempotency-key': 'err-404' } });
    expect([missing.status, again.status]).toEqual([404, 404]);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
  });

  it('with the test-only fault replay-creates-new, a replay runs the handler again and stores a second object', async () => {
    const a = await faulty.call('POST', '/notes', { body: { text: 'dup' }, headers: { 'idempotency-key': 'fault-1' } });
    const b = await faulty.call('POST', '/notes', { body: { text: 'dup' }, headers: { 'idempotency-key': 'fault-1' } });
    expect(b.body.id).not.toBe(a.body.id);
    expect(await count(faulty)).toBe(2);
  });
});
