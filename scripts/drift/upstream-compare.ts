/**
 * The comparison behind `drift upstream`, operation by operation: for each pair of matched
 * operations the base path, the parameters (by location and name; path parameters by position),
 * the request body, the response statuses and, through schema-compare.ts, every body field; for
 * operations one side lacks, one finding each. Findings and the inferred-item ledger are kept by
 * upstream-collector.ts; a vendor's body examples are checked against its own schemas on the way.
 */
import { nameAt } from './diff-report.js';
import { exampleProblems } from './example-check.js';
import { servedAt } from './path-match.js';
import { type FieldScope, SchemaComparison } from './schema-compare.js';
import { pointerOf, type SpecNode } from './spec-resolver.js';
import { FindingCollector } from './upstream-collector.js';
import type { FindingKind, FindingOperation } from './upstream-findings.js';
import { marksOf, type SideOperation, type SpecSide } from './upstream-side.js';

export type { InferredItem } from './upstream-collector.js';

export interface OperationPair {
  ours: SideOperation;
  theirs: SideOperation;
  basePathDiffers: boolean;
}

export class UpstreamComparison {
  private readonly out: FindingCollector;
  private readonly schemas: SchemaComparison;

  constructor(
    private readonly ours: SpecSide,
    private readonly theirs: SpecSide,
    private readonly sdkMethods: Record<string, string[]>,
  ) {
    this.out = new FindingCollector(theirs.resolver);
    this.schemas = new SchemaComparison(ours, theirs, this.out);
  }

  /** Everything found so far, in the order found. */
  results(): ReturnType<FindingCollector['results']> {
    return this.out.results();
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

  /** An operation of ours the vendor's spec does not have. */
  oursOnly(op: SideOperation, hint?: string): void {
    const pointer = pointerOf(op.node.path);
    const marks = op.inferredPath ? [pointer] : [];
    this.out.see(marks, () => `${op.method.toUpperCase()} ${op.path} (path)`);
    this.out.emit(
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
    this.out.emit(
      'vendor-only-operation',
      { operation: { method: op.method.toUpperCase(), vendorPath: op.path, vendorOperationId: op.operationId, sdkMethods: [] }, marks: [] },
      { message: `${op.method.toUpperCase()} ${servedAt(op)}${op.operationId ? ` (${op.operationId})` : ''} is in the vendor's spec only`, hint, vendorNode: op.node },
    );
  }

  /** Everything about one operation both specs have. */
  compare(pair: OperationPair): void {
    const { ours, theirs } = pair;
    if (ours.inferredPath) this.out.see([pointerOf(ours.node.path)], () => `${ours.method.toUpperCase()} ${ours.path} (path)`);
    if (pair.basePathDiffers) {
      // One finding per pair of base paths, listing every operation served under them.
      const [ourBase, theirBase] = [ours.basePath || '/', theirs.basePath || '/'];
      this.out.emit(
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
        this.out.see(o.marks, (p) => `${label} (${nameAt(p)})`);
        this.out.emit('ours-only-parameter', { operation: this.operationOf(pair, where), marks: o.marks }, {
          message: `${label} is in our spec only`,
          ours: `${this.ours.shapes.describe(this.ours.shapes.shapeOfAll(o.schema))}${o.required ? ', required' : ''}`,
          ourPointer: pointerOf(o.node.path),
        });
      } else if (!o && v) {
        this.out.emit('vendor-only-parameter', { operation: this.operationOf(pair, where), marks: [] }, {
          message: `${label} is in the vendor's spec only`,
          vendor: `${this.theirs.shapes.describe(this.theirs.shapes.shapeOfAll(v.schema))}${v.required ? ', required' : ''}`,
          vendorNode: v.node,
        });
      } else if (o && v) {
        this.out.see(o.marks, (p) => `${label} (${nameAt(p)})`);
        const scope = { operation: this.operationOf(pair, where), marks: o.marks };
        if (o.required !== v.required) {
          this.out.emit('required', scope, {
            message: `${label} is ${v.required ? 'required' : 'optional'} in the vendor's spec, ${o.required ? 'required' : 'optional'} in ours`,
            ours: o.required ? 'required' : 'optional',
            vendor: v.required ? 'required' : 'optional',
            ourPointer: pointerOf(o.node.path),
            vendorNode: v.node,
          });
        }
        this.schemas.compare(o.schema, v.schema, { ...scope, role: 'parameter', prefix: label, field: [], stack: [], parent: pointerOf(o.node.path) });
      }
    }
  }

  private compareRequestBody(pair: OperationPair): void {
    const o = this.ours.requestBody(pair.ours);
    const v = this.theirs.requestBody(pair.theirs);
    if (v === null || o === null) return;
    const operation = this.operationOf(pair, 'request body');
    if (o && !v) {
      this.out.emit('ours-only-request-body', { operation, marks: marksOf(o) }, { message: `${pair.ours.method.toUpperCase()} ${pair.ours.path}: the request body is in our spec only`, ourPointer: pointerOf(o.target.path) });
      return;
    }
    if (!o && v) {
      this.out.emit('vendor-only-request-body', { operation, marks: [] }, { message: `${pair.ours.method.toUpperCase()} ${pair.ours.path}: the request body is in the vendor's spec only`, vendorNode: v.target });
      return;
    }
    if (!o || !v) return;
    const marks = marksOf(o);
    this.out.see(marks, nameAt);
    const oursRequired = (o.target.value as Record<string, unknown>).required === true;
    const theirsRequired = (v.target.value as Record<string, unknown>).required === true;
    if (oursRequired !== theirsRequired) {
      this.out.emit('required', { operation, marks }, {
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
        this.out.see(marks, nameAt);
        this.out.emit('ours-only-status', { operation, marks }, { message: `response status ${status} is documented in our spec only`, ours: status, ourPointer: resolved ? pointerOf(resolved.target.path) : undefined });
      } else if (!o && v) {
        this.out.emit('vendor-only-status', { operation, marks: [] }, { message: `response status ${status} is documented in the vendor's spec only`, vendor: status, vendorNode: v });
      } else if (o && v) {
        const vendor = this.theirs.resolver.resolve(v);
        if (!vendor) continue;
        const resolved = this.ours.resolver.resolve(o)!;
        const marks = marksOf(resolved);
        this.out.see(marks, nameAt);
        this.compareBodies(resolved.target, vendor.target, { operation, marks, role: 'response', prefix: `response ${status}`, field: [], stack: [] }, ['ours-only-response-body', 'vendor-only-response-body']);
      }
    }
  }

  /** The JSON bodies of a request body or response on both sides. */
  private compareBodies(ours: SpecNode, theirs: SpecNode, scope: FieldScope, [oursOnly, vendorOnly]: [FindingKind, FindingKind]): void {
    const o = this.ours.body(ours);
    const v = this.theirs.body(theirs);
    const what = `${scope.operation.method} ${scope.operation.path}: ${scope.prefix} body`;
    if (o && !v) this.out.emit(oursOnly, scope, { message: `${what} (${o.mediaType}) is in our spec only`, ours: o.mediaType, ourPointer: pointerOf(ours.path) });
    else if (!o && v) this.out.emit(vendorOnly, scope, { message: `${what} (${v.mediaType}) is in the vendor's spec only`, vendor: v.mediaType, vendorNode: theirs });
    if (!o || !v) return;
    this.checkExamples(v.media, v.schema);
    this.schemas.compare([o.schema], [v.schema], { ...scope, parent: pointerOf(ours.path) });
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
}
