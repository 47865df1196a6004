// Small helpers shared by the generator, the mutator and the Ajv wrapper: resolving local $refs,
// flattening `allOf`, reading `type` (incl. OpenAPI 3.0 `nullable`), and a key-order-independent
// JSON encoding used for `enum`/`uniqueItems` comparisons.

export type SchemaObject = Record<string, unknown>;
export type Schema = SchemaObject | boolean;
export type Direction = 'request' | 'response';

export interface SchemaOptions {
  /** The whole OpenAPI document; `$ref: "#/components/..."` is resolved against it. */
  root: object;
  /** `request` leaves out `readOnly` properties, `response` leaves out `writeOnly` ones. */
  direction?: Direction;
}

export const isObject = (v: unknown): v is SchemaObject =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** JSON encoding with sorted object keys, so `{a,b}` and `{b,a}` compare equal (as Ajv does). */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    isObject(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

/** Resolve a local JSON pointer (`#/components/schemas/A~1B`) inside `root`. */
export function resolvePointer(root: object, ref: string): Schema {
  if (!ref.startsWith('#')) throw new Error(`only local $refs are supported, got "${ref}"`);
  let node: unknown = root;
  for (const raw of ref.slice(1).split('/').slice(1)) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    node = isObject(node) || Array.isArray(node) ? (node as Record<string, unknown>)[key] : undefined;
    if (node === undefined) throw new Error(`unresolvable $ref "${ref}"`);
  }
  return node as Schema;
}

/** Declared types as a list, with OpenAPI 3.0 `nullable: true` folded in as "null". */
export function declaredTypes(s: SchemaObject): string[] | undefined {
  if (s.type === undefined) return undefined;
  const types = (Array.isArray(s.type) ? [...s.type] : [s.type]).map(String);
  if (s.nullable === true && !types.includes('null')) types.push('null');
  return types;
}

// Keywords that never constrain a value; they may differ between allOf parts without loss.
const ANNOTATIONS = new Set([
  'title', 'description', 'example', 'examples', 'default', 'deprecated', 'discriminator', 'xml',
  'externalDocs', '$comment', '$schema', '$id', '$anchor', 'summary',
]);
const isAnnotation = (k: string) => ANNOTATIONS.has(k) || k.startsWith('x-');
const MAX_KEYS = ['maximum', 'exclusiveMaximum', 'maxLength', 'maxItems', 'maxProperties'];
const MIN_KEYS = ['minimum', 'exclusiveMinimum', 'minLength', 'minItems', 'minProperties'];

/** True when a schema object has keywords beyond annotations (used for `$ref` siblings). */
export const hasConstraints = (s: SchemaObject) => Object.keys(s).some((k) => !isAnnotation(k));

export interface Effective {
  node: SchemaObject;
  /** The merge dropped something (two patterns, two oneOfs...): filter values with Ajv. */
  lossy: boolean;
}

/**
 * The schema that actually applies at a node: `$ref`s followed and `allOf` parts merged into one
 * object schema. Nested properties keep their own `$ref`s (resolved lazily, so cycles stay finite).
 */
export function effective(schema: Schema, root: object, depth = 0): Effective {
  if (depth > 32) throw new Error('$ref/allOf chain too deep (circular without any structure?)');
  if (!isObject(schema)) return { node: schema ? {} : { not: {} }, lossy: false };
  const { $ref, allOf, ...rest } = schema;
  if (typeof $ref === 'string') {
    const target = resolvePointer(root, $ref);
    // A bare $ref keeps the target's identity (the generator caches per schema object).
    if (!Array.isArray(allOf) && !hasConstraints(rest)) return effective(target, root, depth + 1);
    return mergeParts([target, ...(Array.isArray(allOf) ? allOf : []), rest], root, depth);
  }
  if (Array.isArray(allOf)) return mergeParts([rest, ...allOf], root, depth);
  return { node: schema, lossy: false };
}

function mergeParts(parts: unknown[], root: object, depth: number): Effective {
  let lossy = false;
  let node: SchemaObject = {};
  for (const part of parts) {
    const e = effective(part as Schema, root, depth + 1);
    lossy ||= e.lossy;
    const r = mergeTwo(node, normalizeNullable(e.node));
    node = r.node;
    lossy ||= r.lossy;
  }
  return { node, lossy };
}

// `nullable: true` only widens its own part's `type`; make that explicit before intersecting types.
function normalizeNullable(s: SchemaObject): SchemaObject {
  if (s.nullable === undefined) return s;
  const { nullable: _drop, ...rest } = s;
  const types = declaredTypes(s);
  return types ? { ...rest, type: types } : rest;
}

function mergeTwo(a: SchemaObject, b: SchemaObject): Effective {
  const out: SchemaObject = { ...a };
  let lossy = false;
  for (const [k, bv] of Object.entries(b)) {
    const av = out[k];
    if (av === undefined) out[k] = bv;
    else if (isAnnotation(k) || canonical(av) === canonical(bv)) continue;
    else if (MIN_KEYS.includes(k)) out[k] = Math.max(Number(av), Number(bv));
    else if (MAX_KEYS.includes(k)) out[k] = Math.min(Number(av), Number(bv));
    else if (k === 'required') out[k] = [...new Set([...(av as string[]), ...(bv as string[])])];
    else if (k === 'readOnly' || k === 'writeOnly' || k === 'uniqueItems') out[k] = av === true || bv === true;
    else if (k === 'properties' && isObject(av) && isObject(bv)) {
      const props: SchemaObject = { ...av };
      for (const [name, ps] of Object.entries(bv)) props[name] = name in props ? { allOf: [props[name], ps] } : ps;
      out[k] = props;
    } else if (k === 'type') {
      const as = ([] as unknown[]).concat(av).map(String);
      const bs = ([] as unknown[]).concat(bv).map(String);
      const accepts = (ts: string[], t: string) => ts.includes(t) || (t === 'integer' && ts.includes('number'));
      const both = [...new Set([...as, ...bs])].filter((t) => accepts(as, t) && accepts(bs, t));
      out[k] = both;
      lossy ||= both.length === 0;
    } else if (k === 'enum' && Array.isArray(av) && Array.isArray(bv)) {
      const keep = new Set(bv.map(canonical));
      out[k] = av.filter((v) => keep.has(canonical(v)));
    } else if ((k === 'items' || k === 'additionalProperties') && isObject(av) && isObject(bv)) {
      out[k] = { allOf: [av, bv] };
    } else lossy = true; // two patterns, two formats, two oneOfs...: keep the first, let Ajv filter
  }
  return { node: out, lossy };
}

/** Whether a property is left out in this direction (`readOnly` in requests, `writeOnly` in responses). */
export function isSkipped(schema: unknown, root: object, direction: Direction | undefined): boolean {
  if (!direction || !isObject(schema)) return false;
  const flag = direction === 'request' ? 'readOnly' : 'writeOnly';
  return effective(schema, root).node[flag] === true;
}

/** Escape one JSON pointer segment. */
export const escapePointer = (seg: string) => seg.replace(/~/g, '~0').replace(/\//g, '~1');
