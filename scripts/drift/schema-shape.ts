/**
 * A schema reduced to what the SDK's generated types are made of: its JSON types, enum values,
 * format, properties with their required-ness, and array items. OpenAPI 3.0 and 3.1 spell the
 * same thing differently (`nullable: true` or `type: [string, 'null']`; `allOf`, `oneOf`,
 * `anyOf`), and published specs add their own spellings: a schema written as a YAML list, a
 * `properties` list of one-key mappings, `required: true` on a property, a bare `schema: string`.
 * Each of those is read for what it obviously means and reported as a warning where it is written,
 * so two specs saying the same thing compare equal however they say it.
 */
import type { SpecNode, SpecResolver } from './spec-resolver.js';
import { pointerOf } from './spec-resolver.js';

export type JsonType = 'string' | 'number' | 'integer' | 'boolean' | 'object' | 'array' | 'null';

const jsonTypes = new Set<string>(['string', 'number', 'integer', 'boolean', 'object', 'array', 'null']);

export interface Shape {
  /** False when nothing of the schema could be read (its `$ref` does not resolve): compare nothing. */
  known: boolean;
  /** False when a part could not be read (one `allOf` branch unresolved): what is missing is not reported. */
  complete: boolean;
  /** The JSON types allowed; undefined for "any" (`{}`). */
  types?: Set<JsonType>;
  enum?: unknown[];
  format?: string;
  /** Property name → the schema node(s) describing it (several when composed). */
  properties: Map<string, SpecNode[]>;
  required: Set<string>;
  items: SpecNode[];
  /** Pointers of the nodes that carry `x-inferred: true` (ours only marks them). */
  inferredAt: string[];
  /** The node the schema is written at (after `$ref`s), for names and locations. */
  node: SpecNode | undefined;
}

export interface ShapeOptions {
  /** Warn about messy spellings (the vendor's side); our bundle is linted, so it needs none. */
  warn: boolean;
  /** Called for every schema node read with its own types, to check its examples (vendor side). */
  onSchema?: (node: SpecNode, shape: Shape) => void;
}

function unknownShape(node: SpecNode | undefined): Shape {
  return { known: false, complete: false, properties: new Map(), required: new Set(), items: [], inferredAt: [], node };
}

function emptyShape(node: SpecNode | undefined): Shape {
  return { known: true, complete: true, properties: new Map(), required: new Set(), items: [], inferredAt: [], node };
}

function typeName(value: unknown): JsonType | undefined {
  if (value === null) return 'null';
  return typeof value === 'string' && jsonTypes.has(value) ? (value as JsonType) : undefined;
}

/** The JSON type of a value, as a schema would name it. */
export function valueType(value: unknown): JsonType {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value as JsonType;
}

function intersectTypes(a: Set<JsonType> | undefined, b: Set<JsonType> | undefined): Set<JsonType> | undefined {
  if (!a) return b;
  if (!b) return a;
  const out = new Set<JsonType>();
  for (const t of a) {
    if (b.has(t)) out.add(t);
    else if (t === 'integer' && b.has('number')) out.add('integer');
    else if (t === 'number' && b.has('integer')) out.add('integer');
  }
  return out;
}

function mergeProperties(into: Map<string, SpecNode[]>, from: Map<string, SpecNode[]>): void {
  for (const [name, nodes] of from) into.set(name, [...(into.get(name) ?? []), ...nodes]);
}

/** `allOf`: every branch holds. */
function combineAll(shapes: Shape[], node: SpecNode | undefined): Shape {
  const out = emptyShape(node);
  for (const s of shapes) {
    if (!s.known) {
      out.complete = false;
      continue;
    }
    out.complete &&= s.complete;
    out.types = intersectTypes(out.types, s.types);
    if (s.enum) out.enum = out.enum ? out.enum.filter((v) => s.enum!.some((w) => JSON.stringify(w) === JSON.stringify(v))) : s.enum;
    out.format ??= s.format;
    mergeProperties(out.properties, s.properties);
    for (const r of s.required) out.required.add(r);
    out.items.push(...s.items);
    out.inferredAt.push(...s.inferredAt);
  }
  out.known = shapes.some((s) => s.known) || shapes.length === 0;
  return out;
}

/** `oneOf` / `anyOf`: one branch holds, so only what all branches require is required. */
function combineAny(shapes: Shape[], node: SpecNode | undefined): Shape {
  const known = shapes.filter((s) => s.known);
  const out = emptyShape(node);
  out.known = known.length > 0;
  out.complete = known.length === shapes.length && known.every((s) => s.complete);
  out.types = known.every((s) => s.types) ? new Set(known.flatMap((s) => [...s.types!])) : undefined;
  // A branch that only allows null (`- type: 'null'`) adds null to the types, not "any value" to the enum.
  const valued = known.filter((s) => !(s.types?.size === 1 && s.types.has('null') && !s.enum));
  out.enum = valued.length > 0 && valued.every((s) => s.enum) ? [...new Map(valued.flatMap((s) => s.enum!).map((v) => [JSON.stringify(v), v])).values()] : undefined;
  const formats = new Set(known.map((s) => s.format));
  out.format = formats.size === 1 ? [...formats][0] : undefined;
  for (const s of known) {
    mergeProperties(out.properties, s.properties);
    out.items.push(...s.items);
    out.inferredAt.push(...s.inferredAt);
  }
  const objects = known.filter((s) => s.properties.size > 0);
  if (objects.length > 0) for (const r of objects[0]!.required) if (objects.every((s) => s.required.has(r))) out.required.add(r);
  return out;
}

/** Reads schemas into shapes, each node once (shared components are read once however often they are used). */
export class ShapeReader {
  private readonly cache = new Map<string, Shape>();
  private readonly reading = new Set<string>();

  constructor(
    private readonly resolver: SpecResolver,
    private readonly options: ShapeOptions,
  ) {}

  /** The shape of a schema written at one node (following its `$ref`). */
  shapeOf(node: SpecNode | undefined): Shape {
    if (!node || node.value === undefined) return emptyShape(node);
    const resolved = this.resolver.resolve(node);
    if (!resolved) return unknownShape(node);
    const { target, via } = resolved;
    const marks = via.filter((v) => (v.value as Record<string, unknown>)['x-inferred'] === true).map((v) => pointerOf(v.path));
    const key = this.resolver.key(target);
    // A schema that contains itself (a tree): the inner occurrence is not compared again.
    if (this.reading.has(key)) return { ...unknownShape(target), inferredAt: marks };
    let shape = this.cache.get(key);
    if (!shape) {
      this.reading.add(key);
      try {
        shape = this.read(target);
      } finally {
        this.reading.delete(key);
      }
      this.cache.set(key, shape);
    }
    return marks.length ? { ...shape, inferredAt: [...marks, ...shape.inferredAt] } : shape;
  }

  /** A short description of a shape read by this reader (array items included). */
  describe(shape: Shape): string {
    return describeShape(shape, this);
  }

  /** The combined shape of several nodes describing one thing (a property composed from branches). */
  shapeOfAll(nodes: SpecNode[]): Shape {
    if (nodes.length === 1) return this.shapeOf(nodes[0]);
    return combineAll(nodes.map((n) => this.shapeOf(n)), nodes[0]);
  }

  private read(node: SpecNode): Shape {
    const value = node.value;
    const warn = this.options.warn;
    if (Array.isArray(value)) {
      if (warn) this.resolver.warn('schema-as-list', `schema written as a list of ${value.length} schema(s); read as \`allOf\``, node);
      return combineAll(value.map((_, i) => this.shapeOf(this.resolver.child(node, i))), node);
    }
    if (value === true || (value && typeof value === 'object' && Object.keys(value).length === 0)) return emptyShape(node);
    if (typeof value === 'string' && typeName(value)) {
      if (warn) this.resolver.warn('not-a-schema', `schema written as the bare word \`${value}\`; read as \`type: ${value}\``, node);
      return { ...emptyShape(node), types: new Set([typeName(value)!]) };
    }
    if (!value || typeof value !== 'object') {
      if (warn) this.resolver.warn('not-a-schema', `\`${JSON.stringify(value)}\` is not a schema; nothing below it is compared`, node);
      return unknownShape(node);
    }
    const schema = value as Record<string, unknown>;
    const own = emptyShape(node);
    if (schema['x-inferred'] === true) own.inferredAt.push(pointerOf(node.path));

    const declared = Array.isArray(schema.type) ? schema.type : schema.type === undefined ? [] : [schema.type];
    const types = declared.map(typeName).filter((t): t is JsonType => t !== undefined);
    if (types.length > 0) own.types = new Set(types);
    if (Array.isArray(schema.enum)) own.enum = schema.enum;
    if (schema.const !== undefined) own.enum = [schema.const];
    // `enum: [a, b, null]` (3.1) says what `nullable: true` (3.0) says: null is a type, not a value to compare.
    const enumAllowsNull = own.enum?.includes(null) ?? false;
    if (enumAllowsNull) own.enum = own.enum!.filter((v) => v !== null);
    if (typeof schema.format === 'string') own.format = schema.format;

    this.readProperties(node, schema, own);
    if (Array.isArray(schema.required)) for (const r of schema.required) if (typeof r === 'string') own.required.add(r);
    if (typeof schema.required === 'string') {
      if (warn) this.resolver.warn('required-not-a-list', `\`required: ${schema.required}\` is not a list; read as [${schema.required}]`, this.resolver.child(node, 'required'));
      own.required.add(schema.required);
    }
    if (schema.items !== undefined) own.items.push(this.resolver.child(node, 'items'));
    if (Array.isArray(schema.prefixItems)) own.items.push(...schema.prefixItems.map((_, i) => this.resolver.child(this.resolver.child(node, 'prefixItems'), i)));

    // What the generator infers when `type` is left out: properties make an object, items an array, an enum its values' types.
    if (!own.types) {
      if (own.properties.size > 0) own.types = new Set(['object']);
      else if (schema.items !== undefined) own.types = new Set(['array']);
      else if (own.enum && own.enum.length > 0) own.types = new Set(own.enum.map(valueType).map((t) => (t === 'integer' ? 'number' : t)));
    }
    if (enumAllowsNull) own.types?.add('null');
    this.options.onSchema?.(node, schema.nullable === true && own.types ? { ...own, types: new Set([...own.types, 'null']) } : own);

    const parts: Shape[] = [own];
    const composed = (key: 'allOf' | 'oneOf' | 'anyOf'): Shape[] | undefined => {
      const list = schema[key];
      if (list === undefined) return undefined;
      const holder = this.resolver.child(node, key);
      if (!Array.isArray(list)) {
        if (warn) this.resolver.warn('schema-as-list', `\`${key}\` is not a list; read as a list of one schema`, holder);
        return [this.shapeOf(holder)];
      }
      return list.map((_, i) => this.shapeOf(this.resolver.child(holder, i)));
    };
    const all = composed('allOf');
    if (all) parts.push(...all);
    for (const key of ['oneOf', 'anyOf'] as const) {
      const branches = composed(key);
      if (branches) parts.push(combineAny(branches, node));
    }
    const shape = parts.length === 1 ? own : combineAll(parts, node);
    // OpenAPI 3.0's `nullable` also applies to a composed schema (`nullable: true` beside `allOf: [$ref]`).
    if (schema.nullable === true && shape.types) shape.types = new Set([...shape.types, 'null']);
    return shape;
  }

  private readProperties(node: SpecNode, schema: Record<string, unknown>, into: Shape): void {
    const props = schema.properties;
    if (props === undefined) return;
    const holder = this.resolver.child(node, 'properties');
    let entries: [string, SpecNode][];
    if (Array.isArray(props)) {
      // `properties:` written as a list of one-key mappings (`- id: {type: string}`).
      if (this.options.warn) this.resolver.warn('properties-as-list', '`properties` written as a list; each entry read as a property', holder);
      entries = props.flatMap((item, i) =>
        item && typeof item === 'object' && !Array.isArray(item)
          ? Object.keys(item).map((name): [string, SpecNode] => [name, this.resolver.child(this.resolver.child(holder, i), name)])
          : [],
      );
    } else if (props && typeof props === 'object') {
      entries = Object.keys(props).map((name) => [name, this.resolver.child(holder, name)]);
    } else return;
    for (const [name, child] of entries) {
      into.properties.set(name, [...(into.properties.get(name) ?? []), child]);
      const own = child.value as Record<string, unknown> | null;
      if (own && typeof own === 'object' && typeof own.required === 'boolean') {
        if (this.options.warn) this.resolver.warn('required-not-a-list', `\`required: ${String(own.required)}\` on property \`${name}\`; read as ${own.required ? '' : 'not '}required by its object`, child);
        if (own.required) into.required.add(name);
      }
    }
  }
}

/** The TypeScript-relevant types: openapi-typescript makes both `integer` and `number` a `number`. */
export function tsTypes(shape: Shape): string[] | undefined {
  if (!shape.types) return undefined;
  return [...new Set([...shape.types].map((t) => (t === 'integer' ? 'number' : t)))].sort();
}

/** A short description for reports: `string (date-time)`, `'a' | 'b'`, `array of string`, `integer | null`. */
export function describeShape(shape: Shape, reader?: ShapeReader, depth = 0): string {
  if (!shape.known) return 'unknown';
  if (shape.enum) return shape.enum.map((v) => JSON.stringify(v).replace(/^"(.*)"$/, "'$1'")).join(' | ');
  if (!shape.types) return 'any';
  const parts = [...shape.types].sort((a, b) => Number(a === 'null') - Number(b === 'null')).map((t) => {
    if (t === 'array' && reader && depth < 2 && shape.items.length > 0) return `array of ${describeShape(reader.shapeOfAll(shape.items), reader, depth + 1)}`;
    return t;
  });
  return `${parts.join(' | ')}${shape.format ? ` (${shape.format})` : ''}`;
}
