/**
 * How the Payments API commands draw their choices (which intent, which page size, which amount,
 * which optional fields), each shrinking towards the simplest choice, and the command shape itself.
 */
import fc from 'fast-check';
import type { Real, StatefulCommand } from '../core/types.js';
import type { ModelIntent, PaymentsModel } from './model.js';

/**
 * Which intent a command acts on: `back` 0 is the newest, 1 the one before, … (modulo the count);
 * unless `any`, among the intents in the state the command is meant for (`wanted`), when there are
 * some. So most captures meet an authorized intent, yet every state is tried; and a shrunk
 * sequence acts on the intent it just made.
 */
export interface IntentPick {
  back: number;
  any: boolean;
}

export const intentPick: fc.Arbitrary<IntentPick> = fc.record({
  back: fc.oneof({ weight: 2, arbitrary: fc.constant(0) }, fc.nat({ max: 7 })),
  any: fc.nat({ max: 3 }).map((n) => n === 3),
});

export function pickIntent(m: PaymentsModel, pick: IntentPick, wanted?: (i: ModelIntent) => boolean): ModelIntent {
  const candidates = wanted && !pick.any ? m.intents.filter(wanted) : [];
  const from = candidates.length > 0 ? candidates : m.intents;
  return from[from.length - 1 - (pick.back % from.length)]!;
}

/** How a command's description names its pick (`state`: what `wanted` prefers). */
export const pickText = (pick: IntentPick, state?: string) => {
  const which = pick.back === 0 ? 'latest intent' : `intent latest-${pick.back}`;
  return state && !pick.any ? `${which} (${state} if any)` : which;
};

/** A page size for a list walk, 1-5, most often 1 so that even two objects take two pages. */
export const pageSize = fc.oneof(fc.constant(1), fc.integer({ min: 1, max: 5 }));

/**
 * An optional field, left out three times in four (so most requests take the documented defaults);
 * two nested options, so it still shrinks to "left out".
 */
export const rarely = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> => fc.option(fc.option(arb, { nil: undefined, freq: 2 }), { nil: undefined, freq: 2 });

/** The object without its undefined fields (what the request body is). */
export const defined = <T extends object>(value: T): T => Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;

/**
 * An amount relative to what the command acts on (authorized for a capture, refundable for a
 * refund): `undefined` sends none (the API takes all), else `round(base × part) + plus`, at least 0.
 */
export const relativeAmount = fc.option(
  fc.oneof(
    fc.record({ part: fc.constantFrom(1, 0.5, 0), plus: fc.integer({ min: -1, max: 2 }) }),
    fc.record({ part: fc.constant(0), plus: fc.integer({ min: 0, max: 30_000 }) }),
  ),
  { nil: undefined },
);
export type RelativeAmount = { part: number; plus: number } | undefined;
export const resolveAmount = (a: RelativeAmount, base: number) => (a === undefined ? undefined : Math.max(0, Math.round(base * a.part) + a.plus));
export const amountText = (a: RelativeAmount, base: string) =>
  a === undefined ? 'no amount' : a.part === 0 ? `amount ${a.plus}` : `${a.part === 1 ? base : `half ${base}`}${a.plus === 0 ? '' : a.plus > 0 ? `+${a.plus}` : a.plus}`;

/** The precondition of every command on an intent. */
export const hasIntent = (m: Readonly<PaymentsModel>) => m.intents.length > 0;

/** A fast-check command from its description, precondition and run. */
export function command<M extends object>(text: string, check: (m: Readonly<M>) => boolean, run: (m: M, r: Real) => Promise<void>): StatefulCommand<M> {
  return { check, run, toString: () => text };
}
