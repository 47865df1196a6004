// Invalid inputs, Schemathesis style: take a valid value and break exactly one constraint.
//
// `listMutations` walks the schema (through $refs, merged allOf, object properties and array
// items) and lists every breakable site. For each site we build a "forced" schema: the original
// with every object on the way made to contain the next property and every array on the way made
// non-empty, so a generated valid value always has something at the site to break. The base value
// must validate against the original schema and the broken one must not; anything else is discarded.
// oneOf/anyOf are not entered (we could not tell which branch a value took); at such a node the
// only site is a wrong type that no branch accepts.
import fc from 'fast-check';
import { validateAgainst } from './ajv.js';
import { arbitraryFromSchema, keepIf, lengthOf } from './schema-arbitrary.js';
import {
  declaredTypes, effective, escapePointer, isObject, isSkipped,
  type Schema, type SchemaObject, type SchemaOptions,
} from './schema-utils.js';

export type MutationKind =
  | 'missing-required' | 'wrong-type' | 'above-maximum' | 'below-minimum' | 'not-in-enum'
  | 'too-short' | 'too-long' | 'pattern-mismatch' | 'too-few-items' | 'too-many-items';

export interface Mutation {
  kind: MutationKind;
  /** JSON pointer to the broken location, e.g. `/amount` or `/items/0/sku`. */
  path: string;
  /** The JSON Schema keyword that no longer holds, e.g. `required`, `maxLength`, `format`. */
  keyword: string;
  /** e.g. "dropped required property amount" */
  detail: string;
}

/** A breakable location; array items are written `*` in `path` (any index). */
export type MutationSite = Mutation;

const REMOVE = Symbol('remove');
interface Site extends MutationSite {
  forced: Schema; // whole-document schema whose values always reach this location
  replacement?: Schema; // values for the location are generated from this (too-many-items)
  breakValue(current: unknown, n: number, generated: unknown): unknown;
}

const MAX_DEPTH = 16; // JSON pointer segments; a last-resort guard (allOf cycles, very deep specs)
const MAX_REF_REPEATS = 2;

export function listMutations(schema: Schema, options: SchemaOptions): MutationSite[] {
  return collect(schema, options).map(({ kind, path, keyword, detail }) => ({ kind, path, keyword, detail }));
}

export interface MutationOptions extends SchemaOptions {
  /** Break only the sites this accepts (e.g. one site at a time, to report per constraint). */
  only?: (site: MutationSite) => boolean;
}

export function invalidArbitraryFromSchema(
  schema: Schema,
  options: MutationOptions,
): fc.Arbitrary<{ value: unknown; mutation: Mutation }> {
  const sites = collect(schema, options).filter((site) => !options.only || options.only(site));
  if (sites.length === 0) throw new Error('schema has no breakable constraint: no negative case possible');
  const isValid = (v: unknown) => validateAgainst(schema, v, options.root, options.direction).valid;
  const perSite = sites.flatMap((site) => {
    let base: fc.Arbitrary<unknown>;
    let generated: fc.Arbitrary<unknown>;
    try {
      base = keepIf(arbitraryFromSchema(site.forced, options), isValid, `a valid value reaching ${site.path || '/'}`);
      generated = site.replacement ? arbitraryFromSchema(site.replacement, options) : fc.constant(undefined);
    } catch {
      return []; // the site cannot be reached with a finite valid value (circular refs)
    }
    return [fc.tuple(base, fc.nat(), generated).map(([value, n, g]) => applyAt(site, value, n, g))];
  });
  if (perSite.length === 0) throw new Error('no breakable constraint can be reached: no negative case possible');
  return keepIf(fc.oneof(...perSite), ({ value }) => !isValid(value), 'an invalid value');
}

/** Copy `value`, break it at the site (choosing an index for `*`), report the concrete path. */
function applyAt(site: Site, value: unknown, n: number, generated: unknown): { value: unknown; mutation: Mutation } {
  const segments = site.path.split('/').slice(1);
  const concrete: string[] = [];
  const holder = { root: structuredClone(value) as unknown };
  let parent: Record<string, unknown> = holder;
  let key = 'root';
  for (const raw of segments) {
    const container = parent[key] as Record<string, unknown> | unknown[];
    const seg = raw === '*' ? String(n % (container as unknown[]).length) : raw.replace(/~1/g, '/').replace(/~0/g, '~');
    concrete.push(raw === '*' ? seg : raw);
    parent = container as Record<string, unknown>;
    key = seg;
  }
  const broken = site.breakValue(parent[key], n, generated);
  if (broken === REMOVE) delete parent[key];
  else parent[key] = broken;
  const path = concrete.map((s) => `/${s}`).join('');
  return { value: holder.root, mutation: { kind: site.kind, keyword: site.keyword, detail: site.detail, path } };
}

function collect(schema: Schema, options: SchemaOptions): Site[] {
  const out: Site[] = [];
  walk(schema, [], (s) => s, options, out);
  return out;
}

type Wrap = (schemaHere: Schema) => Schema;

function walk(schema: Schema, segments: string[], wrap: Wrap, opts: SchemaOptions, out: Site[], refs: string[] = []): void {
  if (!isObject(schema) || segments.length > MAX_DEPTH) return;
  // A circular $ref is entered twice at most: deeper levels would only repeat the same sites.
  if (typeof schema.$ref === 'string') {
    if (refs.filter((r) => r === schema.$ref).length >= MAX_REF_REPEATS) return;
    refs = [...refs, schema.$ref];
  }
  const node = effective(schema, opts.root).node;
  const path = segments.map((s) => `/${s}`).join('');
  const types = declaredTypes(node);
  // The location itself must hold a non-null value for most breaks (null is fine for wrong-type).
  const { nullable: _n, type: _t, ...untyped } = node;
  const nonNull = types ? { ...untyped, type: types.filter((t) => t !== 'null') } : untyped;
  // `narrowTo` pins the location's type, so e.g. a too-long site always has a string to lengthen.
  const add: Add = (kind, keyword, detail, narrowTo, breakValue, replacement) => {
    const forced = wrap(narrowTo ? { ...nonNull, type: narrowTo } : nonNull);
    out.push({ kind, keyword, detail, path, forced, breakValue, replacement });
  };
  const wrongType = (allowed: string[]) => {
    const candidates = WRONG_VALUES.filter((c) => !c.types.some((t) => allowed.includes(t)));
    if (candidates.length) {
      add('wrong-type', 'type', `sent a value that is not ${allowed.join(' or ')}`, undefined, (_v, n) => candidates[n % candidates.length]!.value);
    }
  };

  const branches = node.oneOf ?? node.anyOf;
  if (Array.isArray(branches)) {
    // A `type` next to oneOf/anyOf applies to every branch; otherwise every branch must declare one.
    const branchTypes = branches.map((b) => declaredTypes(effective(b as Schema, opts.root).node));
    if (types) wrongType(types);
    else if (branchTypes.every((t) => t !== undefined)) wrongType([...new Set(branchTypes.flat() as string[])]);
    return;
  }
  if (types) wrongType(types);

  const allowedValues = 'const' in node ? [node.const] : Array.isArray(node.enum) ? node.enum : undefined;
  if (allowedValues) {
    const keyword = 'const' in node ? 'const' : 'enum';
    add('not-in-enum', keyword, `sent a value outside ${keyword} ${JSON.stringify(allowedValues)}`, undefined, (v) => outside(allowedValues, v));
  }

  const has = (t: string) => !types || types.includes(t);
  const n = (k: string) => (typeof node[k] === 'number' ? (node[k] as number) : undefined);
  if (has('string') && !allowedValues) stringSites(node, add, n);
  if ((has('number') || has('integer')) && !allowedValues) {
    const integer = types !== undefined && !types.includes('number');
    numberSites(node, integer, add, n);
  }
  if (has('array')) {
    const [minItems, maxItems] = [n('minItems'), n('maxItems')];
    if (minItems) {
      add('too-few-items', 'minItems', `sent fewer than ${minItems} items`, ['array'], (v) => (v as unknown[]).slice(0, minItems - 1));
    }
    // With uniqueItems, more items than maxItems need that many distinct values (not so for an enum of 2).
    if (maxItems !== undefined && (node.uniqueItems !== true || distinctValues(node.items, opts.root) > maxItems)) {
      const tooMany = { ...nonNull, type: 'array', minItems: maxItems + 1, maxItems: maxItems + 1 };
      add('too-many-items', 'maxItems', `sent more than ${maxItems} items`, ['array'], (_v, _n, g) => g, tooMany);
    }
    if (isObject(node.items) && maxItems !== 0) {
      const arrayAround = (item: Schema) => wrap({ ...nonNull, type: 'array', minItems: Math.max(1, minItems ?? 0), items: item });
      walk(node.items, [...segments, '*'], arrayAround, opts, out, refs);
    }
  }
  if (has('object')) {
    const props = isObject(node.properties) ? node.properties : {};
    const required = (Array.isArray(node.required) ? node.required.map(String) : [])
      .filter((name) => !isSkipped(props[name], opts.root, opts.direction));
    for (const name of required) {
      out.push({
        kind: 'missing-required', keyword: 'required', detail: `dropped required property ${name}`,
        path: `${path}/${escapePointer(name)}`, forced: wrap({ ...nonNull, type: 'object' }), breakValue: () => REMOVE,
      });
    }
    for (const [name, propSchema] of Object.entries(props)) {
      if (isSkipped(propSchema, opts.root, opts.direction)) continue;
      const objectAround = (child: Schema) =>
        wrap({ ...nonNull, type: 'object', required: [...new Set([...required, name])], properties: { ...props, [name]: child } });
      walk(propSchema as Schema, [...segments, escapePointer(name)], objectAround, opts, out, refs);
    }
  }
}

type Add = (
  kind: MutationKind, keyword: string, detail: string, narrowTo: string[] | undefined,
  breakValue: Site['breakValue'], replacement?: Schema,
) => void;
type Num = (k: string) => number | undefined;

function stringSites(node: SchemaObject, add: Add, n: Num): void {
  const [minLength, maxLength] = [n('minLength'), n('maxLength')];
  const str = ['string'];
  if (minLength) {
    add('too-short', 'minLength', `sent fewer than ${minLength} characters`, str, (v) => [...(v as string)].slice(0, minLength - 1).join(''));
  }
  if (maxLength !== undefined) {
    add('too-long', 'maxLength', `sent more than ${maxLength} characters`, str, (v) => {
      // Repeat the last character: the longer string most likely still matches the pattern.
      const s = v as string;
      return s + ([...s].at(-1) ?? 'x').repeat(maxLength + 1 - lengthOf(s));
    });
  }
  // A same-length string of one odd character breaks a pattern or format without breaking lengths.
  const odd = (v: unknown, ok: (s: string) => boolean, readable?: string) => {
    const len = Math.min(Math.max(lengthOf(v as string), minLength ?? 0, 1), maxLength ?? Infinity);
    const fits = readable && lengthOf(readable) >= (minLength ?? 0) && lengthOf(readable) <= (maxLength ?? Infinity);
    const candidates = [...(fits ? [readable] : []), ...['!', '~', ' ', '-', '_', 'Z', '0'].map((c) => c.repeat(len))];
    return candidates.find((s) => !ok(s)) ?? v;
  };
  if (typeof node.pattern === 'string') {
    const re = new RegExp(node.pattern, 'u');
    add('pattern-mismatch', 'pattern', `sent a string not matching ${node.pattern}`, str, (v) => odd(v, (s) => re.test(s)));
  }
  if (typeof node.format === 'string' && BREAKABLE_FORMATS.includes(node.format)) {
    const readable = `not-a-${node.format}`;
    add('pattern-mismatch', 'format', `sent a string that is not a valid ${node.format}`, str, (v) => odd(v, () => false, readable));
  }
}

function numberSites(node: SchemaObject, integer: boolean, add: Add, n: Num): void {
  const multipleOf = n('multipleOf');
  const step = multipleOf !== undefined && (!integer || Number.isInteger(multipleOf)) ? multipleOf : 1;
  const types = integer ? ['integer'] : ['number'];
  const tidy = (v: number) => Number(v.toPrecision(12));
  const [minimum, exMin, maximum, exMax] = [n('minimum'), n('exclusiveMinimum'), n('maximum'), n('exclusiveMaximum')];
  // Break the tighter bound; stay on the multipleOf grid so only the bound fails.
  if (exMin !== undefined && (minimum === undefined || exMin >= minimum)) {
    add('below-minimum', 'exclusiveMinimum', `sent a number <= ${exMin}`, types, () => (integer ? Math.floor(exMin) : exMin));
  } else if (minimum !== undefined) {
    add('below-minimum', 'minimum', `sent a number < ${minimum}`, types, (_v, k) => tidy((Math.ceil(minimum / step) - 1 - (k % 3)) * step));
  }
  if (exMax !== undefined && (maximum === undefined || exMax <= maximum)) {
    add('above-maximum', 'exclusiveMaximum', `sent a number >= ${exMax}`, types, () => (integer ? Math.ceil(exMax) : exMax));
  } else if (maximum !== undefined) {
    add('above-maximum', 'maximum', `sent a number > ${maximum}`, types, (_v, k) => tidy((Math.floor(maximum / step) + 1 + (k % 3)) * step));
  }
}

// Formats a plain word can never satisfy (unlike uri-reference, where any word is a relative ref).
const BREAKABLE_FORMATS = ['uuid', 'email', 'date', 'date-time', 'uri', 'url'];

// One value per JSON type; `types` says which schema types would accept it.
const WRONG_VALUES: { types: string[]; value: unknown }[] = [
  { types: ['string'], value: 'not-the-right-type' },
  { types: ['integer', 'number'], value: 42 },
  { types: ['number'], value: 4.5 },
  { types: ['boolean'], value: true },
  { types: ['object'], value: {} },
  { types: ['array'], value: [] },
  { types: ['null'], value: null },
];

/** How many distinct values an item schema allows, when obviously finite (enum, const, boolean). */
function distinctValues(items: unknown, root: object): number {
  if (!isObject(items)) return Infinity;
  const node = effective(items, root).node;
  if (Array.isArray(node.enum)) return node.enum.length;
  if ('const' in node) return 1;
  const types = declaredTypes(node);
  return types?.every((t) => t === 'boolean' || t === 'null') ? types.length + (types.includes('boolean') ? 1 : 0) : Infinity;
}

/** A value of the same type as `v` that is not in `allowed`. */
function outside(allowed: unknown[], v: unknown): unknown {
  const taken = new Set(allowed.map((a) => JSON.stringify(a)));
  if (typeof v === 'number') return Math.max(...allowed.filter((a): a is number => typeof a === 'number')) + 1;
  if (typeof v === 'boolean' && !taken.has(String(!v))) return !v;
  let s = typeof v === 'string' ? `${v}-x` : 'not-in-enum';
  while (taken.has(JSON.stringify(s))) s += 'x';
  return s;
}
