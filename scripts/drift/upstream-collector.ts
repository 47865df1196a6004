/**
 * Where `drift upstream` findings are collected. A difference found in a shared component (our
 * `Payment` schema) is one finding listing every operation it reaches, not one per operation:
 * findings with the same kind, places on both sides and values are merged. Alongside, the ledger
 * of our `x-inferred` items the comparison could check: confirmed when the vendor's spec says the
 * same, contradicted when a finding falls on them or inside them.
 */
import type { SpecResolver, SpecNode } from './spec-resolver.js';
import { type FindingKind, type FindingOperation, touchesSdkTypes, type UpstreamFinding } from './upstream-findings.js';

/** Our `x-inferred` items the comparison reached, and what the vendor's spec said about them. */
export interface InferredItem {
  pointer: string;
  /** `Payment.amount`, `GET /payments (path)`: what the pointer names. */
  name: string;
  verdict: 'confirmed' | 'contradicted';
  /** The kinds of the findings that contradicted it. */
  by: FindingKind[];
}

/** Where a finding is: the operation (and the place in it), and our inferred items around that place. */
export interface Scope {
  operation: FindingOperation;
  /** Pointers of our x-inferred items the place is inside. */
  marks: string[];
}

export interface FindingDetail {
  message: string;
  ours?: string;
  vendor?: string;
  hint?: string;
  ourPointer?: string;
  vendorNode?: SpecNode;
}

export class FindingCollector {
  private readonly findings = new Map<string, UpstreamFinding>();
  private readonly inferred = new Map<string, { name: string; by: Set<FindingKind> }>();

  /** `vendor` locates the vendor's nodes (`file:line:column`). */
  constructor(private readonly vendor: SpecResolver) {}

  /** Records that our inferred items were compared (confirmed unless a finding contradicts them). */
  see(marks: string[], name: (pointer: string) => string): void {
    for (const pointer of marks) if (!this.inferred.has(pointer)) this.inferred.set(pointer, { name: name(pointer), by: new Set() });
  }

  emit(kind: FindingKind, scope: Scope, detail: FindingDetail): void {
    for (const pointer of scope.marks) this.inferred.get(pointer)?.by.add(kind);
    const vendorKey = detail.vendorNode ? this.vendor.key(detail.vendorNode) : '';
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
      ...(detail.vendorNode ? { vendorAt: this.vendor.where(detail.vendorNode) } : {}),
      operations: [scope.operation],
      sdkMethods: [...new Set(methods)].sort(),
    });
  }

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
}
