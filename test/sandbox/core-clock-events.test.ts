/** Core: the clock tests can move, and the event bus every state change is published on. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClock } from '../../sandbox/core/clock.js';
import { createEventBus } from '../../sandbox/core/events.js';
import { startNotes, type NotesSandbox } from './core-fixture.js';

describe('core clock', () => {
  it('stands still when frozen until advanced or set', () => {
    const clock = createClock({ start: Date.UTC(2030, 0, 1), frozen: true });
    expect(clock.now()).toBe(Date.UTC(2030, 0, 1));
    clock.advance(24 * 3600_000);
    expect(clock.now()).toBe(Date.UTC(2030, 0, 2));
    clock.set(Date.UTC(2031, 5, 1));
    expect(clock.now()).toBe(Date.UTC(2031, 5, 1));
  });

  it('follows real time by default, moved by advance', async () => {
    const clock = createClock();
    const before = clock.now();
    clock.advance(3600_000);
    expect(clock.now() - before).toBeGreaterThanOrEqual(3600_000);
    await new Promise((r) => setTimeout(r, 20));
    expect(clock.now() - before).toBeGreaterThanOrEqual(3600_000 + 15);
  });

  it('refuses to move backwards with advance', () => {
    expect(() => createClock().advance(-1)).toThrow(RangeError);
  });
});

describe('core events', () => {
  let sb: NotesSandbox;
  beforeAll(async () => {
    sb = await startNotes({ clock: createClock({ start: Date.UTC(2030, 0, 1), frozen: true }) });
  });
  afterAll(() => sb.stop());

  it('publishes a state change with the sandbox time, the request id and the idempotency key of the request that caused it', async () => {
    const res = await sb.call('POST', '/notes', { body: { text: 'evented' }, headers: { 'idempotency-key': 'event-key-1' } });
    const event = sb.events.at(-1)!;
    expect(event).toEqual({ api: 'justifi-v1', name: 'note.created', scope: 'alice', data: res.body, requestId: res.headers.get('x-request-id'), idempotencyKey: 'event-key-1', at: Date.UTC(2030, 0, 1) });
  });

  it('gives each event a snapshot of the object: a later change does not rewrite an earlier event', async () => {
    const created = await sb.call('POST', '/notes', { body: { text: 'before' }, headers: { 'idempotency-key': 'snapshot-1' } });
    await sb.call('PATCH', `/notes/${created.body.id}`, { body: { text: 'after' } });
    const [first, second] = sb.events.filter((e) => (e.data as { id: string }).id === created.body.id);
    expect([first!.name, (first!.data as { text: string }).text]).toEqual(['note.created', 'before']);
    expect([second!.name, (second!.data as { text: string }).text]).toEqual(['note.updated', 'after']);
  });

  it('keeps answering when a subscriber throws, and stops delivering after unsubscribe', () => {
    const clock = createClock({ frozen: true });
    const bus = createEventBus(clock);
    const got: string[] = [];
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args);
    try {
      bus.subscribe(() => {
        throw new Error('subscriber down');
      });
      const off = bus.subscribe((e) => got.push(e.name));
      bus.emit({ api: 'justifi-v1', name: 'a', scope: 's', data: {} });
      off();
      bus.emit({ api: 'justifi-v1', name: 'b', scope: 's', data: {} });
    } finally {
      console.error = original;
    }
    expect(got).toEqual(['a']);
    expect(errors).toHaveLength(2);
  });
});
