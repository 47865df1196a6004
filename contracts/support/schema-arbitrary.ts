// JSON Schema (OpenAPI 3.1 flavour) -> fast-check arbitrary of VALID values.
//
// Values are kept small and readable on purpose (short printable-ASCII strings, at most a few
// array items, no extra object keys) because they end up in HTTP logs and curl reproductions.
// Where a keyword cannot be generated directly (oneOf exclusivity, allOf parts that do not merge
// cleanly) we generate a superset and filter with Ajv, so "generated => valid" always holds.
import fc from 'fast-check';
import { ajvFor, compileSchema } from './ajv.js';
import {
  canonical, declaredTypes, effective, hasConstraints, isObject, isSkipped, resolvePointer,
  type Schema, type SchemaObject, type SchemaOptions,
} from './schema-utils.js';

export type { SchemaOptions, Direction } from './schema-utils.js';

type Arb = fc.Arbitrary<unknown>;
/** `undefined` means "no finite value here" (a circular $ref was cut, or `false`). */
type Gen = Arb | undefined;

const MAX_REF_REPEATS = 2; // how often one $ref target may re-enter itself on a single path
const EXTRA_ITEMS = 3; // arrays get at most minItems + 3 items
const EXTRA_CHARS = 12; // strings get at most minLength + 12 characters
const NUMBER_SPAN = 100_000; // range used when a number has no bound on one side

interface Ctx extends SchemaOptions {
  stack: Map<object, number>; // $ref targets currently being built, with their depth
  cuts: number; // how many circular refs were cut; arbitraries built with cuts are not cached
}

const caches = new WeakMap<object, WeakMap<object, Map<string, Arb>>>();

const MAX_MISSES = 10_000;
/**
 * `arb.filter(keep)`, but an impossible filter (say, a pattern that cannot meet its minLength)
 * throws a readable error after many misses in a row instead of hanging the test run.
 */
export function keepIf<T>(arb: fc.Arbitrary<T>, keep: (v: T) => boolean, what: string): fc.Arbitrary<T> {
  let misses = 0;
  return arb.filter((v) => {
    if (keep(v)) {
      misses = 0;
      return true;
    }
    if (++misses > MAX_MISSES) throw new Error(`gave up generating ${what}: ${MAX_MISSES} candidates in a row were rejected`);
    return false;
  });
}

export interface ArbitraryOptions extends SchemaOptions {
  /** Parameter or property name; an id-like name (`id`, `payment_id`, `accountId`) is never empty. */
  name?: string;
}

export function arbitraryFromSchema(schema: Schema, options: ArbitraryOptions): Arb {
  const arb = build(schema, { ...options, stack: new Map(), cuts: 0 });
  if (!arb) throw new Error('schema has no finite valid value (false, or circular $refs all the way)');
  // Parameters and properties named like ids must not be empty: `/payments/` is another route.
  return options.name && isIdLike(options.name) ? arb.filter((v) => v !== '') : arb;
}

const isIdLike = (name: string) => /(^id$|_id$|Id$)/.test(name);

function build(schema: Schema, ctx: Ctx): Gen {
  if (schema === true) return anyJson;
  if (schema === false) return undefined;
  let cache = caches.get(ctx.root);
  if (!cache) caches.set(ctx.root, (cache = new WeakMap()));
  let perDirection = cache.get(schema);
  if (!perDirection) cache.set(schema, (perDirection = new Map()));
  const key = ctx.direction ?? 'any';
  const hit = perDirection.get(key);
  if (hit) return hit;
  const cutsBefore = ctx.cuts;
  const arb = buildUncached(schema, ctx);
  if (arb && ctx.cuts === cutsBefore) perDirection.set(key, arb);
  return arb;
}

function buildUncached(s: SchemaObject, ctx: Ctx): Gen {
  if (typeof s.$ref === 'string' && !hasConstraints(withoutKeys(s, '$ref'))) {
    const target = resolvePointer(ctx.root, s.$ref);
    if (typeof target === 'boolean') return build(target, ctx);
    const depth = ctx.stack.get(target) ?? 0;
    if (depth >= MAX_REF_REPEATS) return void ctx.cuts++;
    ctx.stack.set(target, depth + 1);
    try {
      return build(target, ctx);
    } finally {
      ctx.stack.set(target, depth);
    }
  }
  if (typeof s.$ref === 'string' || Array.isArray(s.allOf)) {
    const { node, lossy } = effective(s, ctx.root);
    const arb = build(node, ctx);
    return arb && lossy ? keepIf(arb, validator(s, ctx), 'a value for a merged allOf') : arb;
  }
  if (Array.isArray(s.oneOf) || Array.isArray(s.anyOf)) return buildAlternatives(s, ctx);
  if ('const' in s) return fc.constant(s.const);
  if (Array.isArray(s.enum)) return fc.constantFrom(...s.enum);

  const types = declaredTypes(s) ?? inferTypes(s);
  if (!types) return anyJson;
  const arbs = types.filter((t) => t !== 'null').flatMap((t) => buildTyped(t, s, ctx) ?? []);
  if (types.includes('null')) return arbs.length ? fc.option(fc.oneof(...arbs), { nil: null, freq: 5 }) : fc.constant(null);
  return arbs.length === 0 ? undefined : arbs.length === 1 ? arbs[0] : fc.oneof(...arbs);
}

const withoutKeys = (s: SchemaObject, ...keys: string[]) =>
  Object.fromEntries(Object.entries(s).filter(([k]) => !keys.includes(k)));

const validator = (s: SchemaObject, ctx: Ctx) => {
  const validate = compileSchema(ajvFor(ctx.root), s, ctx.root, ctx.direction);
  return (v: unknown) => validate(v);
};

// A schema without `type` still constrains by its keywords; pick the type those keywords are about.
function inferTypes(s: SchemaObject): string[] | undefined {
  const has = (...keys: string[]) => keys.some((k) => k in s);
  if (has('properties', 'required', 'additionalProperties', 'minProperties', 'maxProperties')) return ['object'];
  if (has('items', 'minItems', 'maxItems', 'uniqueItems')) return ['array'];
  if (has('minLength', 'maxLength', 'pattern', 'format')) return ['string'];
  if (has('minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf')) return ['number'];
  return undefined;
}

function buildAlternatives(s: SchemaObject, ctx: Ctx): Gen {
  const key = Array.isArray(s.oneOf) ? 'oneOf' : 'anyOf';
  const siblings = withoutKeys(s, key);
  const constrained = hasConstraints(siblings);
  // Keywords next to oneOf/anyOf apply to every branch: fold them into each branch.
  const branches = (s[key] as Schema[]).map((b) => build(constrained ? { allOf: [siblings, b] } : b, ctx));
  const arbs = branches.filter((b): b is Arb => b !== undefined);
  if (arbs.length === 0) return undefined;
  const arb = fc.oneof(...arbs);
  // oneOf means "exactly one": a value of one branch may also match another, so let Ajv decide.
  return key === 'oneOf' || constrained ? keepIf(arb, validator(s, ctx), `a value matching ${key}`) : arb;
}

function buildTyped(type: string, s: SchemaObject, ctx: Ctx): Gen {
  switch (type) {
    case 'string': return buildString(s);
    case 'integer': return buildNumber(s, true);
    case 'number': return buildNumber(s, false);
    case 'boolean': return fc.boolean();
    case 'array': return buildArray(s, ctx);
    case 'object': return buildObject(s, ctx);
    default: return undefined;
  }
}

// --- strings ---------------------------------------------------------------------------------

const word = fc.stringMatching(/^[a-z][a-z0-9]{0,7}$/);
const instant = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T23:59:59Z'), noInvalidDate: true });
const FORMATS: Record<string, Arb> = {
  uuid: fc.uuid({ version: 4 }),
  email: fc.tuple(word, fc.option(word, { nil: undefined })).map(([a, b]) => `${a}${b ? `.${b}` : ''}@example.test`),
  date: instant.map((d) => d.toISOString().slice(0, 10)),
  'date-time': fc.tuple(instant, fc.boolean()).map(([d, ms]) => (ms ? d.toISOString() : d.toISOString().replace(/\.\d{3}Z$/, 'Z'))),
  uri: fc.array(word, { maxLength: 3 }).map((segments) => `https://example.test/${segments.join('/')}`),
};
FORMATS.url = FORMATS['uri-reference'] = FORMATS.iri = FORMATS.uri!;

/** Length as Ajv counts it: code points, not UTF-16 units. */
export const lengthOf = (s: string) => [...s].length;

function buildString(s: SchemaObject): Arb {
  const min = typeof s.minLength === 'number' ? s.minLength : 0;
  const max = typeof s.maxLength === 'number' ? s.maxLength : undefined;
  const fits = (v: string) => lengthOf(v) >= min && (max === undefined || lengthOf(v) <= max);
  const pattern = typeof s.pattern === 'string' ? new RegExp(s.pattern, 'u') : undefined;
  const format = typeof s.format === 'string' ? FORMATS[s.format] : undefined;
  if (format) {
    const ok = (v: unknown) => fits(v as string) && (!pattern || pattern.test(v as string));
    return keepIf(format, ok, `a ${s.format as string} within the length/pattern bounds`);
  }
  if (pattern) {
    // fast-check pads unanchored patterns with random text, which minLength may need.
    const sized = max === undefined ? { size: min > 8 ? ('medium' as const) : ('small' as const) } : { maxLength: max };
    return keepIf(fc.stringMatching(pattern, sized), fits, `a string matching ${pattern} within the length bounds`);
  }
  return fc.string({ unit: 'grapheme-ascii', minLength: min, maxLength: Math.min(max ?? Infinity, min + EXTRA_CHARS) });
}

// --- numbers ---------------------------------------------------------------------------------

const num = (v: unknown) => (typeof v === 'number' ? v : undefined);
const clampSafe = (v: number) => Math.max(-Number.MAX_SAFE_INTEGER, Math.min(Number.MAX_SAFE_INTEGER, v));

/** Ajv's own multipleOf test (no multipleOfPrecision): the quotient must be an integer. */
export const ajvMultipleOf = (v: number, m: number) => {
  const q = v / m;
  return q === parseInt(String(q), 10);
};

function buildNumber(s: SchemaObject, integer: boolean): Arb {
  const [minimum, exMin, maximum, exMax] = [num(s.minimum), num(s.exclusiveMinimum), num(s.maximum), num(s.exclusiveMaximum)];
  const multipleOf = num(s.multipleOf);
  const inRange = (v: number) =>
    (minimum === undefined || v >= minimum) && (exMin === undefined || v > exMin) &&
    (maximum === undefined || v <= maximum) && (exMax === undefined || v < exMax);
  const lows = [minimum, exMin].filter((v): v is number => v !== undefined);
  const highs = [maximum, exMax].filter((v): v is number => v !== undefined);
  let lo = lows.length ? Math.max(...lows) : undefined;
  let hi = highs.length ? Math.min(...highs) : undefined;
  lo ??= (hi ?? NUMBER_SPAN) - 2 * NUMBER_SPAN;
  hi ??= lo + 2 * NUMBER_SPAN;

  if (multipleOf !== undefined) {
    // Generate k and emit k * multipleOf; rounding noise is removed, Ajv's own check filters the rest.
    const k = fc.integer({ min: clampSafe(Math.ceil(lo / multipleOf)), max: clampSafe(Math.floor(hi / multipleOf)) });
    const multiples = k.map((n) => Number((n * multipleOf).toPrecision(12)));
    return keepIf(multiples, (v) => inRange(v) && ajvMultipleOf(v, multipleOf) && (!integer || Number.isInteger(v)), `a multiple of ${multipleOf}`);
  }
  if (integer) {
    const arb = fc.integer({ min: clampSafe(Math.ceil(lo)), max: clampSafe(Math.floor(hi)) });
    return exMin === undefined && exMax === undefined ? arb : arb.filter(inRange);
  }
  const double = fc.double({ min: lo, max: hi, minExcluded: lo === exMin, maxExcluded: hi === exMax, noNaN: true, noDefaultInfinity: true });
  // Mostly whole or cent amounts (readable in logs), sometimes any double in range.
  const [cLo, cHi] = [clampSafe(Math.ceil(lo * 100)), clampSafe(Math.floor(hi * 100))];
  if (cLo > cHi) return double.filter(inRange);
  const cents = fc.integer({ min: cLo, max: cHi }).map((c) => c / 100);
  return fc.oneof({ arbitrary: cents, weight: 3 }, { arbitrary: double, weight: 1 }).filter(inRange);
}

// --- arrays and objects ----------------------------------------------------------------------

function buildArray(s: SchemaObject, ctx: Ctx): Gen {
  const minLength = num(s.minItems) ?? 0;
  const maxLength = Math.min(num(s.maxItems) ?? Infinity, minLength + EXTRA_ITEMS);
  const item = s.items === undefined ? anyJson : build(s.items as Schema, ctx);
  if (!item) return minLength === 0 ? fc.constant([]) : undefined;
  return s.uniqueItems === true
    ? fc.uniqueArray(item, { minLength, maxLength, selector: canonical })
    : fc.array(item, { minLength, maxLength });
}

const key = fc.stringMatching(/^[a-z][a-z0-9_]{0,7}$/);

function buildObject(s: SchemaObject, ctx: Ctx): Gen {
  const props = isObject(s.properties) ? s.properties : {};
  const required = new Set(Array.isArray(s.required) ? s.required.map(String) : []);
  const additional = s.additionalProperties === false ? undefined : build((s.additionalProperties ?? true) as Schema, ctx);
  const model: Record<string, Arb> = {};
  const requiredKeys: string[] = [];
  for (const [name, propSchema] of Object.entries(props)) {
    if (isSkipped(propSchema, ctx.root, ctx.direction)) continue;
    const arb = build(propSchema as Schema, ctx);
    if (!arb) {
      if (required.has(name)) return undefined;
      continue;
    }
    model[name] = isIdLike(name) ? arb.filter((v) => v !== '') : arb;
    if (required.has(name)) requiredKeys.push(name);
  }
  // `required` may name keys that `properties` does not declare: they come from additionalProperties.
  for (const name of required) {
    if (name in props) continue;
    if (!additional) return undefined;
    model[name] = additional;
    requiredKeys.push(name);
  }
  const minProperties = num(s.minProperties) ?? 0;
  const maxProperties = num(s.maxProperties);
  // With additionalProperties: false the only way to reach minProperties is to send every property.
  const allRequired = minProperties > requiredKeys.length && !additional;
  let arb: fc.Arbitrary<Record<string, unknown>> = fc.record(model, {
    requiredKeys: allRequired ? Object.keys(model) : requiredKeys, noNullPrototype: true,
  });
  // A map-like object (only additionalProperties, e.g. `metadata`) gets a few keys; others get none
  // unless minProperties needs them.
  const mapLike = Object.keys(props).length === 0 && isObject(s.additionalProperties);
  const extraCount = mapLike ? fc.integer({ min: minProperties, max: minProperties + EXTRA_ITEMS }) : fc.constant(minProperties);
  if (additional && (mapLike || minProperties > 0)) {
    const extras = extraCount.chain((n) => fc.uniqueArray(fc.tuple(key, additional), { minLength: n, maxLength: n, selector: ([k]) => k }));
    arb = fc.tuple(arb, extras).map(([obj, pairs]) => {
      const out = { ...obj };
      for (const [k, v] of pairs) {
        if (!mapLike && Object.keys(out).length >= minProperties) break;
        if (!(k in props) && !(k in out)) out[k] = v;
      }
      return out;
    });
    arb = keepIf(arb, (o) => Object.keys(o).length >= minProperties, `an object with ${minProperties} properties`);
  }
  // Too many keys: drop optional ones until maxProperties holds.
  if (maxProperties !== undefined) {
    arb = arb.map((obj) => {
      const out = { ...obj };
      for (const k of Object.keys(out)) {
        if (Object.keys(out).length <= maxProperties) break;
        if (!required.has(k)) delete out[k];
      }
      return out;
    });
  }
  return arb;
}

// --- no schema at all --------------------------------------------------------------------------

const scalar = fc.oneof(fc.constant(null), fc.boolean(), fc.integer({ min: -1000, max: 1000 }), fc.string({ unit: 'grapheme-ascii', maxLength: 8 }));
const anyJson: Arb = fc.oneof(
  scalar,
  fc.array(scalar, { maxLength: EXTRA_ITEMS }),
  fc.dictionary(key, scalar, { maxKeys: EXTRA_ITEMS, noNullPrototype: true }),
);
