/**
 * Two schemas compared the way the generated types would differ: JSON types (`integer` and
 * `number` are both a TypeScript number, so that difference is reported as a format), enum
 * values, formats, properties present on one side only (with a rename hint when one field went
 * and one of the same type came), required-ness, and array items, recursively. Nothing is
 * compared below a part of the vendor's schema that could not be read.
 */
import { nameAt } from './diff-report.js';
import { type Shape, tsTypes } from './schema-shape.js';
import { pointerOf, type SpecNode } from './spec-resolver.js';
import type { FindingCollector, Scope } from './upstream-collector.js';
import type { FindingKind } from './upstream-findings.js';
import type { SpecSide } from './upstream-side.js';

export interface FieldScope extends Scope {
  role: 'parameter' | 'request' | 'response';
  /** `response 200`, `request body`, `query parameter \`limit\`` */
  prefix: string;
  field: string[];
  /** Our schema pointers on the way down (a recursive schema stops the walk). */
  stack: string[];
  /** Our node the comparison came from: its marks cover what is written inside it, not what it `$ref`s. */
  parent?: string;
}

const maxDepth = 16;

function sameList(a: string[] | undefined, b: string[] | undefined): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function literal(value: unknown): string {
  return typeof value === 'string' ? `'${value}'` : JSON.stringify(value);
}

function fieldName(field: string[]): string {
  return field.join('.').replace(/\.\[\]/g, '[]');
}

function withItems(field: string[]): string[] {
  return field.length === 0 ? ['[]'] : [...field.slice(0, -1), `${field.at(-1)}[]`];
}

export class SchemaComparison {
  constructor(
    private readonly ours: SpecSide,
    private readonly theirs: SpecSide,
    private readonly out: FindingCollector,
  ) {}

  /**
   * A readable name for a place in a schema, in backticks: our component (`Refund.payment_id`), else
   * the place in the operation; a parameter's own label already quotes its name (query parameter `limit`).
   */
  private nameOf(scope: FieldScope, ourPointer: string | undefined): string {
    const name = ourPointer?.startsWith('#/components/schemas/') ? nameAt(ourPointer) : scope.field.length ? `${scope.prefix} field ${fieldName(scope.field)}` : scope.prefix;
    return name.includes('`') ? name : `\`${name}\``;
  }

  private fieldScope(scope: FieldScope, field: string[], marks: string[], stack: string[]): FieldScope {
    const where = `${scope.prefix}${field.length ? ` field ${fieldName(field)}` : ''}`;
    return { ...scope, field, marks, stack, operation: { ...scope.operation, where } };
  }

  /**
   * Our inferred items a comparison at shape `o` speaks about. An x-inferred item covers what is
   * written inside it: `refunds: {x-inferred, items: {$ref: Refund}}` infers an array of refunds,
   * while the fields of Refund are judged by Refund's own marks.
   */
  private marksAt(scope: FieldScope, o: Shape): string[] {
    const pointer = o.node ? pointerOf(o.node.path) : undefined;
    const inside = !scope.parent || !pointer || pointer === scope.parent || pointer.startsWith(`${scope.parent}/`);
    this.out.see(o.inferredAt, nameAt);
    return [...(inside ? scope.marks : []), ...o.inferredAt];
  }

  /** Compares two schemas (each possibly several nodes) at one place, and everything below it. */
  compare(oursNodes: SpecNode[], theirsNodes: SpecNode[], scope: FieldScope): void {
    const o = this.ours.shapes.shapeOfAll(oursNodes);
    const v = this.theirs.shapes.shapeOfAll(theirsNodes);
    if (!o.known || !v.known) return;
    const ourPointer = o.node ? pointerOf(o.node.path) : undefined;
    if ((ourPointer && scope.stack.includes(ourPointer)) || scope.stack.length > maxDepth) return;
    const marks = this.marksAt(scope, o);
    const here = { ...this.fieldScope(scope, scope.field, marks, ourPointer ? [...scope.stack, ourPointer] : scope.stack), parent: ourPointer };
    const name = this.nameOf(here, ourPointer);
    const vendorNode = v.node;

    const [ot, vt] = [tsTypes(o), tsTypes(v)];
    if (!sameList(ot, vt) && (vt !== undefined || v.complete)) {
      this.out.emit('type', here, { message: `${name} is ${this.ours.shapes.describe(o)} in our spec, ${this.theirs.shapes.describe(v)} in the vendor's`, ours: ot?.join(' | ') ?? 'any', vendor: vt?.join(' | ') ?? 'any', ourPointer, vendorNode });
    } else if (o.types && v.types && o.types.has('integer') !== v.types.has('integer')) {
      const [oi, vi] = [o.types.has('integer') ? 'integer' : 'number', v.types.has('integer') ? 'integer' : 'number'];
      this.out.emit('format', here, { message: `${name} is ${oi} in our spec, ${vi} in the vendor's (both a TypeScript number)`, ours: oi, vendor: vi, ourPointer, vendorNode });
    }
    this.compareEnums(o, v, here, name);
    if (o.format !== v.format && (v.format !== undefined || v.complete)) {
      this.out.emit('format', here, { message: `${name} has format ${o.format ?? 'none'} in our spec, ${v.format ?? 'none'} in the vendor's`, ours: o.format ?? 'none', vendor: v.format ?? 'none', ourPointer, vendorNode });
    }
    if (o.properties.size > 0 || v.properties.size > 0) this.compareProperties(o, v, here);
    if (o.items.length > 0 && v.items.length > 0) this.compare(o.items, v.items, this.fieldScope(here, withItems(here.field), marks, here.stack));
  }

  private compareEnums(o: Shape, v: Shape, scope: FieldScope, name: string): void {
    const ourPointer = o.node ? pointerOf(o.node.path) : undefined;
    const list = (values: unknown[]) => values.map(literal).join(', ');
    if (o.enum && v.enum) {
      const has = (values: unknown[], x: unknown) => values.some((y) => JSON.stringify(y) === JSON.stringify(x));
      const oursOnly = o.enum.filter((x) => !has(v.enum!, x));
      const vendorOnly = v.enum.filter((x) => !has(o.enum!, x));
      if (oursOnly.length === 0 && vendorOnly.length === 0) return;
      const parts = [oursOnly.length ? `only in ours: ${list(oursOnly)}` : '', vendorOnly.length ? `only in the vendor's: ${list(vendorOnly)}` : ''].filter(Boolean);
      this.out.emit('enum', scope, { message: `${name} enum values ${parts.join('; ')}`, ours: list(o.enum), vendor: list(v.enum), ourPointer, vendorNode: v.node });
    } else if (o.enum && !v.enum && v.complete) {
      this.out.emit('enum', scope, { message: `${name} is limited to ${list(o.enum)} in our spec; the vendor's has no enum`, ours: list(o.enum), vendor: 'no enum', ourPointer, vendorNode: v.node });
    } else if (!o.enum && v.enum) {
      this.out.emit('enum', scope, { message: `${name} is limited to ${list(v.enum)} in the vendor's spec; ours has no enum`, ours: 'no enum', vendor: list(v.enum), ourPointer, vendorNode: v.node });
    }
  }

  private compareProperties(o: Shape, v: Shape, scope: FieldScope): void {
    const kinds: Record<FieldScope['role'], [FindingKind, FindingKind]> = {
      parameter: ['ours-only-request-field', 'vendor-only-request-field'],
      request: ['ours-only-request-field', 'vendor-only-request-field'],
      response: ['ours-only-response-field', 'vendor-only-response-field'],
    };
    const [oursKind, vendorKind] = kinds[scope.role];
    const parent = o.node ? o.node.path : undefined;
    const childPointer = (name: string) => (parent ? pointerOf([...parent, 'properties', name]) : undefined);
    const oursOnly = [...o.properties.keys()].filter((n) => !v.properties.has(n));
    const vendorOnly = [...v.properties.keys()].filter((n) => !o.properties.has(n));
    const shapeO = (n: string) => this.ours.shapes.shapeOfAll(o.properties.get(n)!);
    const shapeV = (n: string) => this.theirs.shapes.shapeOfAll(v.properties.get(n)!);
    // One field gone and one come, of the same type, in the same object: most likely a rename.
    const renamed = oursOnly.length === 1 && vendorOnly.length === 1 && v.complete && sameList(tsTypes(shapeO(oursOnly[0]!)), tsTypes(shapeV(vendorOnly[0]!)));
    const child = (name: string) => this.fieldScope(scope, [...scope.field, name], scope.marks, scope.stack);

    if (v.complete) {
      for (const name of oursOnly) {
        const shape = shapeO(name);
        const at = child(name);
        const marks = this.marksAt(at, shape);
        const label = this.nameOf(at, childPointer(name));
        this.out.emit(oursKind, { ...at, marks }, {
          message: `${label} (${this.ours.shapes.describe(shape)}) is in our spec only`,
          ours: this.ours.shapes.describe(shape),
          hint: renamed ? `the vendor's spec has \`${vendorOnly[0]}\` (${this.theirs.shapes.describe(shapeV(vendorOnly[0]!))}) in the same object: renamed?` : undefined,
          ourPointer: childPointer(name),
          vendorNode: v.node,
        });
      }
    }
    for (const name of vendorOnly) {
      const shape = shapeV(name);
      const at = child(name);
      const label = this.nameOf(at, childPointer(name));
      this.out.emit(vendorKind, at, {
        message: `${label} (${this.theirs.shapes.describe(shape)}${v.required.has(name) ? ', required' : ''}) is in the vendor's spec only`,
        vendor: this.theirs.shapes.describe(shape),
        hint: renamed ? `our spec has \`${oursOnly[0]}\` (${this.ours.shapes.describe(shapeO(oursOnly[0]!))}) in the same object: renamed?` : undefined,
        ourPointer: childPointer(name),
        vendorNode: v.properties.get(name)![0],
      });
    }
    for (const name of o.properties.keys()) {
      if (!v.properties.has(name)) continue;
      const at = child(name);
      const [oursRequired, theirsRequired] = [o.required.has(name), v.required.has(name)];
      if (oursRequired !== theirsRequired) {
        this.out.emit('required', { ...at, marks: this.marksAt(at, shapeO(name)) }, {
          message: `${this.nameOf(at, childPointer(name))} is ${theirsRequired ? 'required' : 'optional'} in the vendor's spec, ${oursRequired ? 'required' : 'optional'} in ours`,
          ours: oursRequired ? 'required' : 'optional',
          vendor: theirsRequired ? 'required' : 'optional',
          ourPointer: childPointer(name),
          vendorNode: v.properties.get(name)![0],
        });
      }
      this.compare(o.properties.get(name)!, v.properties.get(name)!, at);
    }
  }
}
