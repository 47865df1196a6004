/**
 * The sandbox clock. Everything time-dependent (token expiry, idempotency windows, authorisation
 * expiry, settlement, payouts) reads it, never `Date.now()`, so a test can move time instead of
 * waiting for it.
 */
import type { SandboxClock } from './types.js';

export interface ClockOptions {
  /** Start time in ms since the epoch. Default: now. */
  start?: number | undefined;
  /** When true the clock stands still between `advance`/`set` calls (deterministic tests). Default false: it follows real time. */
  frozen?: boolean | undefined;
}

/** A clock that follows real time (or stands still) and can be moved forward or set. */
export function createClock(options: ClockOptions = {}): SandboxClock {
  let offset = (options.start ?? Date.now()) - Date.now();
  let frozenAt = options.frozen ? Date.now() + offset : undefined;
  return {
    now: () => frozenAt ?? Date.now() + offset,
    advance(ms) {
      if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`clock.advance: ms must be a finite number >= 0 (got ${ms})`);
      if (frozenAt !== undefined) frozenAt += ms;
      else offset += ms;
    },
    set(ms) {
      if (!Number.isFinite(ms)) throw new RangeError(`clock.set: ms must be a finite number (got ${ms})`);
      if (frozenAt !== undefined) frozenAt = ms;
      else offset = ms - Date.now();
    },
  };
}
