/**
 * The one rule the drift report adds on top of Redocly's ratings.
 *
 * Redocly rates a change by what it does on the wire. An enum that loses values is major where a
 * client sends it (a request, or a schema used by both sides), but only a patch where it is
 * response-only: the server merely promises fewer values. For this SDK that is still breaking:
 * openapi-typescript turns the enum into a union type, so a user's `status === 'lost'` or a
 * `switch` case on the removed value stops compiling (TS2367) after regenerating. Verified with
 * Redocly CLI 2.77: removing `lost` from JustiFi's response-only `DisputeStatus` is rated patch
 * with no verdict. This rule rates exactly that case major and says why; every other rating is
 * Redocly's.
 */
import type { RedoclyChange, RedoclyVerdict } from './redocly-diff.js';

export const enumNarrowingRuleId = 'sdk-enum-values-removed';

function lostValues(change: RedoclyChange): unknown[] {
  if (change.property !== 'enum' || change.kind !== 'modified') return [];
  const before = change.base?.value;
  const after = change.revision?.value;
  if (!Array.isArray(before) || !Array.isArray(after)) return [];
  const kept = new Set(after.map((v) => JSON.stringify(v)));
  return before.filter((v) => !kept.has(JSON.stringify(v)));
}

/**
 * Returns the change rated major when an enum lost values and Redocly rated it lower (the
 * response-only case); other changes come back unchanged. `redoclyImpact` keeps Redocly's rating.
 */
export function applyEnumNarrowingRule(change: RedoclyChange): RedoclyChange & { redoclyImpact?: RedoclyChange['impact'] } {
  const lost = lostValues(change);
  if (lost.length === 0 || change.impact === 'major') return change;
  const pointer = change.revision?.pointer ?? change.base?.pointer ?? change.path;
  const name = /\/components\/schemas\/([^/]+)/.exec(pointer)?.[1] ?? pointer.split('/').slice(-2, -1)[0] ?? 'enum';
  const verdict: RedoclyVerdict = {
    ruleId: enumNarrowingRuleId,
    impact: 'major',
    message:
      `Enum of \`${name}\` lost values: ${lost.map((v) => `'${String(v)}'`).join(', ')}. ` +
      `Response-only, so Redocly rates it ${change.impact}; the SDK's generated union type loses them, so code that handles them stops compiling.`,
    location: { pointer },
  };
  return { ...change, impact: 'major', redoclyImpact: change.impact, verdicts: [...change.verdicts, verdict] };
}
