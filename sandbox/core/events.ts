/**
 * The event bus: every state change an API makes is published here, stamped with the sandbox
 * clock. Delivery (webhooks, issue 14) subscribes; a failing subscriber is reported on stderr and
 * never fails the request that caused the event.
 */
import type { EventBus, SandboxClock, SandboxEvent } from './types.js';

export function createEventBus(clock: SandboxClock): EventBus {
  const listeners = new Set<(event: SandboxEvent) => void>();
  return {
    emit(event) {
      if (listeners.size === 0) return;
      // A snapshot: the object keeps changing after the event (a refund, a capture), the event must not.
      const stamped: SandboxEvent = { ...event, data: structuredClone(event.data), at: clock.now() };
      for (const listener of listeners) {
        try {
          listener(stamped);
        } catch (error) {
          console.error(`sandbox: an event subscriber failed on ${stamped.name}: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** The bus as one request sees it: events it emits carry its request id and idempotency key. */
export function requestEvents(bus: EventBus, requestId: string, idempotencyKey: string | undefined): EventBus {
  return {
    emit: (event) => bus.emit({ ...event, requestId: event.requestId ?? requestId, idempotencyKey: event.idempotencyKey ?? idempotencyKey }),
    subscribe: (listener) => bus.subscribe(listener),
  };
}
