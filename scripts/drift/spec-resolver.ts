/**
 * Walking a spec across its documents: a node is a value plus where it was found (document and
 * JSON pointer), so a `$ref` resolves against the right file and every warning can say
 * `file:line:column`. A `$ref` that does not resolve (no such file, no such pointer, a loop) is a
 * warning at the place that wrote it, and the node is treated as unknown rather than empty, so
 * the comparison reports nothing below it instead of reporting everything as missing.
 */
import type { SpecDocument, SpecDocuments, SpecWarning } from './spec-documents.js';

export interface SpecNode {
  value: unknown;
  doc: SpecDocument;
  /** Keys from the document's root (JSON pointer tokens, unescaped). */
  path: readonly string[];
}

export interface Resolved {
  /** The node a `$ref` chain ends at (the node itself when it is not a `$ref`). */
  target: SpecNode;
  /** The `$ref` nodes passed on the way, first to last (their siblings, like `x-inferred`, count too). */
  via: SpecNode[];
}

function escapeToken(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

function decodeToken(token: string): string {
  let text = token;
  try {
    text = decodeURIComponent(token);
  } catch {
    // Not percent-encoded after all; use it as written.
  }
  return text.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** `#/components/schemas/Payment` style pointer of a path. */
export function pointerOf(path: readonly string[]): string {
  return `#${path.map((t) => `/${escapeToken(t)}`).join('')}`;
}

export class SpecResolver {
  readonly warnings: SpecWarning[];
  private readonly warned = new Set<string>();

  constructor(readonly spec: SpecDocuments) {
    this.warnings = spec.warnings;
  }

  root(): SpecNode {
    return { value: this.spec.entry.data, doc: this.spec.entry, path: [] };
  }

  /** The child at `key` (its value undefined when there is none). */
  child(node: SpecNode, key: string | number): SpecNode {
    const value = node.value && typeof node.value === 'object' ? (node.value as Record<string, unknown>)[String(key)] : undefined;
    return { value, doc: node.doc, path: [...node.path, String(key)] };
  }

  /** Where a node is, for reports: `file:line:column`, or `file#/pointer` when the line is not known. */
  where(node: SpecNode): string {
    const at = node.doc.locate(node.path);
    return at ? `${node.doc.label}:${at.line}:${at.column}` : `${node.doc.label}${pointerOf(node.path)}`;
  }

  /** A stable identity for a node: its document and pointer. */
  key(node: SpecNode): string {
    return `${node.doc.url}${pointerOf(node.path)}`;
  }

  /** Records a warning once per kind, place and message. */
  warn(kind: SpecWarning['kind'], message: string, node: SpecNode): void {
    const at = this.where(node);
    const id = `${kind}\u0000${at}\u0000${message}`;
    if (this.warned.has(id)) return;
    this.warned.add(id);
    this.warnings.push({ kind, message, at, pointer: pointerOf(node.path) });
  }

  /** Follows a `$ref` chain. Undefined, with a warning at the `$ref`, when it does not resolve. */
  resolve(node: SpecNode): Resolved | undefined {
    const via: SpecNode[] = [];
    let current = node;
    const seen = new Set<string>();
    while (current.value && typeof current.value === 'object' && typeof (current.value as { $ref?: unknown }).$ref === 'string') {
      const ref = (current.value as { $ref: string }).$ref;
      const id = this.key(current);
      if (seen.has(id)) {
        this.warn('unresolved-ref', `\`$ref: ${ref}\` is circular`, current);
        return undefined;
      }
      seen.add(id);
      via.push(current);
      const next = this.follow(current, ref);
      if (!next) return undefined;
      current = next;
    }
    return { target: current, via };
  }

  /** Shorthand for `resolve(node)?.target`. */
  deref(node: SpecNode): SpecNode | undefined {
    return this.resolve(node)?.target;
  }

  private follow(at: SpecNode, ref: string): SpecNode | undefined {
    let url: URL;
    try {
      url = new URL(ref, at.doc.url);
    } catch {
      this.warn('unresolved-ref', `\`$ref: ${ref}\` is not a valid reference`, at);
      return undefined;
    }
    const fragment = url.hash.replace(/^#/, '');
    url.hash = '';
    const doc = this.spec.documents.get(url.href);
    if (!doc) {
      const why = this.spec.unreadable.get(url.href) ?? 'the document was not loaded';
      this.warn('unresolved-ref', `\`$ref: ${ref}\` does not resolve: ${why}`, at);
      return undefined;
    }
    const tokens = fragment.split('/').filter((t, i) => i > 0 || t !== '').map(decodeToken);
    let node: SpecNode = { value: doc.data, doc, path: [] };
    for (const token of tokens) {
      const value = node.value && typeof node.value === 'object' ? (node.value as Record<string, unknown>)[token] : undefined;
      if (value === undefined) {
        this.warn('unresolved-ref', `\`$ref: ${ref}\` does not resolve: ${doc.label} has nothing at ${pointerOf(tokens)}`, at);
        return undefined;
      }
      node = { value, doc, path: [...node.path, token] };
    }
    // `#components/schemas/X` is not a JSON pointer (strict tools refuse it), but what it means is plain.
    if (fragment !== '' && !fragment.startsWith('/')) this.warn('ref-repaired', `\`$ref: ${ref}\` is not a JSON pointer (no \`/\` after \`#\`); read as ${pointerOf(tokens)}`, at);
    return node;
  }
}
