/**
 * The comparison behind `drift upstream`: each pair of matched operations, parameter by parameter,
 * body field by body field, status by status. A difference found in a shared component (our
 * `Payment` schema) is one finding listing every operation it reaches, not one per operation.
 * Along the way it keeps the ledger of our `x-inferred` items it could check: confirmed when the
 * vendor's spec says the same, contradicted when a finding falls on them or inside them.
 */
import { nameAt } from './diff-report.js';
import { exampleProblems } from './example-check.js';
import { servedAt } from './path-match.js';
import { describeShape, type Shape, tsTypes } from './schema-shape.js';
import { pointerOf, type SpecNode } from './spec-resolver.js';
import { type FindingKind, type FindingOperation, touchesSdkTypes, type UpstreamFinding } from './upstream-findings.js';
import { marksOf, type SideOperation, type SpecSide } from './upstream-side.js';

export interface OperationPair {
  ours: SideOperation;
  theirs: SideOperation;
  basePathDiffers: boolean;
}

/** Our `x-inferred` items the comparison reached, and what the vendor's spec said about them. */
export interface InferredItem {
  pointer: string;
  /** `Payment.amount`, `GET /payments (path)`: what the pointer names. */
  name: string;
  verdict: 'confirmed' | 'contradicted';
  /** The kinds of the findings that contradicted it. */
  by: FindingKind[];
}

interface Scope {
  /** The operation(s) a finding is about. */
  operation: FindingOperation;
  /** Our inferred items around the place being compared. */
  marks: string[];
}

interface FieldScope extends Scope {
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

export class UpstreamComparison {
  private readonly findings = new Map<string, UpstreamFinding>();
  private readonly inferred = new Map<string, { name: string; by: Set<FindingKind> }>();

  constructor(
    private readonly ours: SpecSide,
    private readonly theirs: SpecSide,
    private readonly sdkMethods: Record<string, string[]>,
  ) {}

  /** Everything found so far, in the order found. */
  results(): { findings: UpstreamFinding[]; inferred: InferredItem[] } {
    const inferred = [...this.inferred].map(([pointer, item]): InferredItem => ({
      pointer,
      name: item.name,
      verdict: item.by.size > 0 ? 'contradicted' : 'confirmed',
      by: [...item.by].sort(),
    }));
    return { findings: [...this.findings.values()], inferred };
  }

  private methodsOf(op: SideOperation): string[] {
    return op.operationId ? (this.sdkMethods[op.operationId] ?? []) : [];
  }

  private operationOf(pair: OperationPair, where?: string): FindingOperation {
    return {
      method: pair.ours.method.toUpperCase(),
      path: pair.ours.path,
      operationId: pair.ours.operationId,
      vendorPath: pair.theirs.path,
      vendorOperationId: pair.theirs.operationId,
      ...(where ? { where } : {}),
      sdkMethods: this.methodsOf(pair.ours),
    };
  }

  private see(marks: string[], name: (pointer: string) => string): void {
    for (const pointer of marks) if (!this.inferred.has(pointer)) this.inferred.set(pointer, { name: name(pointer), by: new Set() });
  }

  private emit(
    kind: FindingKind,
    scope: Scope,
    detail: { message: string; ours?: string; vendor?: string; hint?: string; ourPointer?: string; vendorNode?: SpecNode },
  ): void {
    for (const pointer of scope.marks) this.inferred.get(pointer)?.by.add(kind);
    const vendorKey = detail.vendorNode ? this.theirs.resolver.key(detail.vendorNode) : '';
    const key = [kind, detail.ourPointer ?? '', vendorKey, detail.ours ?? '', detail.vendor ?? '', detail.message].join('\u0000');
    const existing = this.findings.get(key);
    const methods = scope.operation.sdkMethods;
    if (existing) {
      existing.operations.push(scope.operation);
      existing.sdkMethods = [...new Set([...existing.sdkMethods, ...methods])].sort();
      existing.inferred ||= scope.marks.length > 0;
      return;
    }
    this.findings.set(key, {
      kind,
      touchesTypes: touchesSdkTypes(kind),
      message: detail.message,
      ...(detail.ours !== undefined ? { ours: detail.ours } : {}),
      ...(detail.vendor !== undefined ? { vendor: detail.vendor } : {}),
      ...(detail.hint ? { hint: detail.hint } : {}),
      inferred: scope.marks.length > 0,
      ...(detail.ourPointer ? { ourPointer: detail.ourPointer } : {}),
      ...(detail.vendorNode ? { vendorAt: this.theirs.resolver.where(detail.vendorNode) } : {}),
      operations: [scope.operation],
      sdkMethods: [...new Set(methods)].sort(),
    });
  }

  /** An operation of ours the vendor's spec does not have. */
  oursOnly(op: SideOperation, hint?: string): void {
    const pointer = pointerOf(op.node.path);
    const marks = op.inferredPath ? [pointer] : [];
    this.see(marks, () => `${op.method.toUpperCase()} ${op.path} (path)`);
    this.emit(
      'ours-only-operation',
      { operation: { method: op.method.toUpperCase(), path: op.path, operationId: op.operationId, sdkMethods: this.methodsOf(op) }, marks },
      {
        message: `${op.method.toUpperCase()} ${servedAt(op)} (${op.operationId}) is not in the vendor's spec${op.inferredPath ? '; our spec marks its path x-inferred-path' : ''}`,
        hint,
        ourPointer: pointer,
      },
    );
  }

  /** An operation the vendor's spec has and ours does not. */
  vendorOnly(op: SideOperation, hint?: string): void {
    this.emit(
      'vendor-only-operation',
      { operation: { method: op.method.toUpperCase(), vendorPath: op.path, vendorOperationId: op.operationId, sdkMethods: [] }, marks: [] },
      { message: `${op.method.toUpperCase()} ${servedAt(op)}${op.operationId ? ` (${op.operationId})` : ''} is in the vendor's spec only`, hint, vendorNode: op.node },
    );
  }

  /** Everything about one operation both specs have. */
  compare(pair: OperationPair): void {
    const { ours, theirs } = pair;
    if (ours.inferredPath) this.see([pointerOf(ours.node.path)], () => `${ours.method.toUpperCase()} ${ours.path} (path)`);
    if (pair.basePathDiffers) {
      // One finding per pair of base paths, listing every operation served under them.
      const [ourBase, theirBase] = [ours.basePath || '/', theirs.basePath || '/'];
      this.emit(
        'base-path',
        { operation: this.operationOf(pair, `served at ${servedAt(theirs)} by the vendor, ${servedAt(ours)} by us`), marks: [] },
        { message: `the vendor's spec serves these operations under the base path ${theirBase}, ours under ${ourBase}`, ours: ourBase, vendor: theirBase },
      );
    }
    this.compareParameters(pair);
    this.compareRequestBody(pair);
    this.compareResponses(pair);
  }

  private compareParameters(pair: OperationPair): void {
    const ours = this.ours.parameters(pair.ours);
    const theirs = this.theirs.parameters(pair.theirs);
    for (const key of new Set([...ours.byKey.keys(), ...theirs.byKey.keys()])) {
      const o = ours.byKey.get(key);
      const v = theirs.byKey.get(key);
      const shown = key.startsWith('path:') ? `{${o?.name ?? v?.name}}` : (o ?? v)!.name;
      const label = `${(o ?? v)!.in} parameter \`${shown}\``;
      const where = o && v && o.name !== v.name && key.startsWith('path:') ? `${label} (the vendor's \`{${v.name}}\`)` : label;
      if (o && !v) {
        // A parameter the vendor writes with a broken `$ref` may be this one: say nothing rather than something false.
        if (theirs.unreadable > 0) continue;
        this.see(o.marks, (p) => `${label} (${nameAt(p)})`);
        this.emit('ours-only-parameter', { operation: this.operationOf(pair, where), marks: o.marks }, {
          message: `${label} is in our spec only`,
          ours: `${describeShape(this.ours.shapes.shapeOfAll(o.schema))}${o.required ? ', required' : ''}`,
          ourPointer: pointerOf(o.node.path),
        });
      } else if (!o && v) {
        this.emit('vendor-only-parameter', { operation: this.operationOf(pair, where), marks: [] }, {
          message: `${label} is in the vendor's spec only`,
          vendor: `${describeShape(this.theirs.shapes.shapeOfAll(v.schema))}${v.required ? ', required' : ''}`,
          vendorNode: v.node,
        });
      } else if (o && v) {
        this.see(o.marks, (p) => `${label} (${nameAt(p)})`);
        const scope = { operation: this.operationOf(pair, where), marks: o.marks };
        if (o.required !== v.required) {
          this.emit('required', scope, {
            message: `${label} is ${v.required ? 'required' : 'optional'} in the vendor's spec, ${o.required ? 'required' : 'optional'} in ours`,
            ours: o.required ? 'required' : 'optional',
            vendor: v.required ? 'required' : 'optional',
            ourPointer: pointerOf(o.node.path),
            vendorNode: v.node,
          });
        }
        this.compareSchemas(o.schema, v.schema, { ...scope, role: 'parameter', prefix: label, field: [], stack: [], parent: pointerOf(o.node.path) });
      }
    }
  }

  private compareRequestBody(pair: OperationPair): void {
    const o = this.ours.requestBody(pair.ours);
    const v = this.theirs.requestBody(pair.theirs);
    if (v === null || o === null) return;
    const operation = this.operationOf(pair, 'request body');
    if (o && !v) {
      this.emit('ours-only-request-body', { operation, marks: marksOf(o) }, { message: `${pair.ours.method.toUpperCase()} ${pair.ours.path}: the request body is in our spec only`, ourPointer: pointerOf(o.target.path) });
      return;
    }
    if (!o && v) {
      this.emit('vendor-only-request-body', { operation, marks: [] }, { message: `${pair.ours.method.toUpperCase()} ${pair.ours.path}: the request body is in the vendor's spec only`, vendorNode: v.target });
      return;
    }
    if (!o || !v) return;
    const marks = marksOf(o);
    this.see(marks, nameAt);
    const oursRequired = (o.target.value as Record<string, unknown>).required === true;
    const theirsRequired = (v.target.value as Record<string, unknown>).required === true;
    if (oursRequired !== theirsRequired) {
      this.emit('required', { operation, marks }, {
        message: `${pair.ours.method.toUpperCase()} ${pair.ours.path}: the request body is ${theirsRequired ? 'required' : 'optional'} in the vendor's spec, ${oursRequired ? 'required' : 'optional'} in ours`,
        ours: oursRequired ? 'required' : 'optional',
        vendor: theirsRequired ? 'required' : 'optional',
        ourPointer: pointerOf(o.target.path),
        vendorNode: v.target,
      });
    }
    this.compareBodies(o.target, v.target, { operation, marks, role: 'request', prefix: 'request body', field: [], stack: [] }, ['ours-only-request-body', 'vendor-only-request-body']);
  }

  private compareResponses(pair: OperationPair): void {
    const ours = this.ours.responses(pair.ours);
    const theirs = this.theirs.responses(pair.theirs);
    for (const status of new Set([...ours.keys(), ...theirs.keys()])) {
      const o = ours.get(status);
      const v = theirs.get(status);
      const operation = this.operationOf(pair, `response ${status}`);
      if (o && !v) {
        const resolved = this.ours.resolver.resolve(o);
        const marks = marksOf(resolved);
        this.see(marks, nameAt);
        this.emit('ours-only-status', { operation, marks }, { message: `response status ${status} is documented in our spec only`, ours: status, ourPointer: resolved ? pointerOf(resolved.target.path) : undefined });
      } else if (!o && v) {
        this.emit('vendor-only-status', { operation, marks: [] }, { message: `response status ${status} is documented in the vendor's spec only`, vendor: status, vendorNode: v });
      } else if (o && v) {
        const vendor = this.theirs.resolver.resolve(v);
        if (!vendor) continue;
        const resolved = this.ours.resolver.resolve(o)!;
        const marks = marksOf(resolved);
        this.see(marks, nameAt);
        this.compareBodies(resolved.target, vendor.target, { operation, marks, role: 'response', prefix: `response ${status}`, field: [], stack: [] }, ['ours-only-response-body', 'vendor-only-response-body']);
      }
    }
  }

  /** The JSON bodies of a request body or response on both sides. */
  private compareBodies(ours: SpecNode, theirs: SpecNode, scope: FieldScope, [oursOnly, vendorOnly]: [FindingKind, FindingKind]): void {
    const o = this.ours.body(ours);
    const v = this.theirs.body(theirs);
    const what = `${scope.operation.method} ${scope.operation.path}: ${scope.prefix} body`;
    if (o && !v) this.emit(oursOnly, scope, { message: `${what} (${o.mediaType}) is in our spec only`, ours: o.mediaType, ourPointer: pointerOf(ours.path) });
    else if (!o && v) this.emit(vendorOnly, scope, { message: `${what} (${v.mediaType}) is in the vendor's spec only`, vendor: v.mediaType, vendorNode: theirs });
    if (!o || !v) return;
    this.checkExamples(v.media, v.schema);
    this.compareSchemas([o.schema], [v.schema], { ...scope, parent: pointerOf(ours.path) });
  }

  /** A vendor's body examples against the vendor's own schema (warnings, never findings). */
  private checkExamples(media: SpecNode, schema: SpecNode): void {
    const resolver = this.theirs.resolver;
    const samples: SpecNode[] = [];
    if ((media.value as Record<string, unknown>).example !== undefined) samples.push(resolver.child(media, 'example'));
    const examples = resolver.child(media, 'examples');
    for (const name of Object.keys((examples.value as Record<string, unknown> | undefined) ?? {})) {
      const example = resolver.deref(resolver.child(examples, name));
      if (example && (example.value as Record<string, unknown> | null)?.value !== undefined) samples.push(resolver.child(example, 'value'));
    }
    if (samples.length === 0) return;
    const shape = this.theirs.shapes.shapeOf(schema);
    for (const sample of samples) {
      for (const problem of exampleProblems(sample.value, shape, this.theirs.shapes)) resolver.warn('example-type', `example contradicts its schema: ${problem}`, sample);
    }
  }

  /** A readable name for a place in a schema: our component (`Refund.payment_id`), else the place in the operation. */
  private nameOf(scope: FieldScope, ourPointer: string | undefined): string {
    if (ourPointer?.startsWith('#/components/schemas/')) return nameAt(ourPointer);
    return scope.field.length ? `${scope.prefix} field ${fieldName(scope.field)}` : scope.prefix;
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
    this.see(o.inferredAt, nameAt);
    return [...(inside ? scope.marks : []), ...o.inferredAt];
  }

  private compareSchemas(oursNodes: SpecNode[], theirsNodes: SpecNode[], scope: FieldScope): void {
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
      this.emit('type', here, { message: `\`${name}\` is ${describeShape(o)} in our spec, ${describeShape(v)} in the vendor's`, ours: ot?.join(' | ') ?? 'any', vendor: vt?.join(' | ') ?? 'any', ourPointer, vendorNode });
    } else if (o.types && v.types && o.types.has('integer') !== v.types.has('integer')) {
      const [oi, vi] = [o.types.has('integer') ? 'integer' : 'number', v.types.has('integer') ? 'integer' : 'number'];
      this.emit('format', here, { message: `\`${name}\` is ${oi} in our spec, ${vi} in the vendor's (both a TypeScript number)`, ours: oi, vendor: vi, ourPointer, vendorNode });
    }
    this.compareEnums(o, v, here, name);
    if (o.format !== v.format && (v.format !== undefined || v.complete)) {
      this.emit('format', here, { message: `\`${name}\` has format ${o.format ?? 'none'} in our spec, ${v.format ?? 'none'} in the vendor's`, ours: o.format ?? 'none', vendor: v.format ?? 'none', ourPointer, vendorNode });
    }
    if (o.properties.size > 0 || v.properties.size > 0) this.compareProperties(o, v, here);
    if (o.items.length > 0 && v.items.length > 0) this.compareSchemas(o.items, v.items, this.fieldScope(here, withItems(here.field), marks, here.stack));
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
      this.emit('enum', scope, { message: `\`${name}\` enum values ${parts.join('; ')}`, ours: list(o.enum), vendor: list(v.enum), ourPointer, vendorNode: v.node });
    } else if (o.enum && !v.enum && v.complete) {
      this.emit('enum', scope, { message: `\`${name}\` is limited to ${list(o.enum)} in our spec; the vendor's has no enum`, ours: list(o.enum), vendor: 'no enum', ourPointer, vendorNode: v.node });
    } else if (!o.enum && v.enum) {
      this.emit('enum', scope, { message: `\`${name}\` is limited to ${list(v.enum)} in the vendor's spec; ours has no enum`, ours: 'no enum', vendor: list(v.enum), ourPointer, vendorNode: v.node });
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
        this.emit(oursKind, { ...at, marks }, {
          message: `\`${label}\` (${describeShape(shape)}) is in our spec only`,
          ours: describeShape(shape),
          hint: renamed ? `the vendor's spec has \`${vendorOnly[0]}\` (${describeShape(shapeV(vendorOnly[0]!))}) in the same object: renamed?` : undefined,
          ourPointer: childPointer(name),
          vendorNode: v.node,
        });
      }
    }
    for (const name of vendorOnly) {
      const shape = shapeV(name);
      const at = child(name);
      const label = this.nameOf(at, childPointer(name));
      this.emit(vendorKind, at, {
        message: `\`${label}\` (${describeShape(shape)}${v.required.has(name) ? ', required' : ''}) is in the vendor's spec only`,
        vendor: describeShape(shape),
        hint: renamed ? `our spec has \`${oursOnly[0]}\` (${describeShape(shapeO(oursOnly[0]!))}) in the same object: renamed?` : undefined,
        ourPointer: childPointer(name),
        vendorNode: v.properties.get(name)![0],
      });
    }
    for (const name of o.properties.keys()) {
      if (!v.properties.has(name)) continue;
      const at = child(name);
      const [oursRequired, theirsRequired] = [o.required.has(name), v.required.has(name)];
      if (oursRequired !== theirsRequired) {
        this.emit('required', { ...at, marks: this.marksAt(at, shapeO(name)) }, {
          message: `\`${this.nameOf(at, childPointer(name))}\` is ${theirsRequired ? 'required' : 'optional'} in the vendor's spec, ${oursRequired ? 'required' : 'optional'} in ours`,
          ours: oursRequired ? 'required' : 'optional',
          vendor: theirsRequired ? 'required' : 'optional',
          ourPointer: childPointer(name),
          vendorNode: v.properties.get(name)![0],
        });
      }
      this.compareSchemas(o.properties.get(name)!, v.properties.get(name)!, at);
    }
  }
}
