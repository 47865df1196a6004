/**
 * `drift upstream <vendor-spec>`: our bundle (generated/<api>.yaml) against the vendor's own
 * published spec. Read the vendor's documents forgivingly, tell which API they describe, match
 * operations by method and path, compare each pair, and name the SDK methods every difference
 * reaches (through `sdkMethodMap`, keyed by our operationIds, which the matching supplies).
 */
import { fromRoot } from '../lib/apis.js';
import { sdkMethodMap } from '../lib/sdk-method-map.js';
import { loadBundle, type JsonObject } from '../lib/spec-model.js';
import { apiByFlag, apiOfDocument } from './api-choice.js';
import { UsageError } from './cli-args.js';
import { exampleProblem } from './example-check.js';
import { matchOperations } from './path-match.js';
import type { Shape } from './schema-shape.js';
import { inMemoryDocuments, loadSpecDocuments, type SpecDocuments } from './spec-documents.js';
import { type SpecNode, SpecResolver } from './spec-resolver.js';
import { type InferredItem, UpstreamComparison } from './upstream-compare.js';
import type { UpstreamFinding } from './upstream-findings.js';
import { movedHints } from './upstream-moves.js';
import { buildUpstreamReport, type SpecInfo, type UpstreamReport } from './upstream-report.js';
import { SpecSide } from './upstream-side.js';

export interface UpstreamOptions {
  /** A file (YAML or JSON, single or multi-file) or an `https://` URL. */
  vendor: string;
  /** `justifi` or `payments`; default: recognised from the vendor's title, servers or paths. */
  api?: string;
}

function infoOf(doc: JsonObject, source: string): SpecInfo {
  const info = (doc.info ?? {}) as { title?: unknown; version?: unknown };
  const text = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : undefined);
  return { source, title: text(info.title), version: text(info.version), openapi: text(doc.openapi) };
}

/** Warns about a schema's own `example`, `examples` and `default` that contradict its type or enum. */
function schemaExampleCheck(resolver: SpecResolver): (node: SpecNode, shape: Shape) => void {
  return (node, shape) => {
    const schema = node.value as Record<string, unknown>;
    const samples: [SpecNode, string][] = [];
    for (const key of ['example', 'default']) if (schema[key] !== undefined) samples.push([resolver.child(node, key), key]);
    if (Array.isArray(schema.examples)) schema.examples.forEach((_, i) => samples.push([resolver.child(resolver.child(node, 'examples'), i), 'example']));
    for (const [sample, key] of samples) {
      const problem = exampleProblem(sample.value, shape);
      if (problem) resolver.warn('example-type', `${key} contradicts its schema: ${problem}`, sample);
    }
  };
}

/** What comparing two specs found, before it is a report. */
export interface DocumentComparison {
  /** `unknown`: ours at a path of the vendor's spec that could not be read. */
  operations: { shared: number; vendorOnly: number; oursOnly: number; unknown: number };
  findings: UpstreamFinding[];
  inferred: InferredItem[];
}

/**
 * The comparison itself: our documents against the vendor's, operations matched by method and
 * path, `sdkMethods` keyed by our operationIds. Warnings go to the vendor's documents.
 */
export function compareDocuments(oursDocs: SpecDocuments, vendorDocs: SpecDocuments, sdkMethods: Record<string, string[]>): DocumentComparison {
  const theirsResolver = new SpecResolver(vendorDocs);
  const entry = vendorDocs.entry.data as JsonObject;
  if (!Array.isArray(entry.servers) || entry.servers.length === 0) {
    theirsResolver.warn('no-servers', 'the spec declares no servers; paths are compared without a base path', theirsResolver.root());
  }
  const ours = new SpecSide(new SpecResolver(oursDocs), false);
  const theirs = new SpecSide(theirsResolver, true, schemaExampleCheck(theirsResolver));
  const match = matchOperations(ours.operations(), theirs.operations());
  // Ours at a vendor path that could not be read are unknown, not missing (the resolver warned there).
  const unknown = new Set(matchOperations(match.oursOnly, theirs.unreadablePaths).pairs.map((p) => p.ours));
  match.oursOnly = match.oursOnly.filter((op) => !unknown.has(op));
  const comparison = new UpstreamComparison(ours, theirs, sdkMethods);
  for (const pair of match.pairs) comparison.compare(pair);
  const hints = movedHints(ours, theirs, match.oursOnly, match.theirsOnly);
  for (const op of match.oursOnly) comparison.oursOnly(op, hints.get(op));
  for (const op of match.theirsOnly) comparison.vendorOnly(op, hints.get(op));
  return { operations: { shared: match.pairs.length, vendorOnly: match.theirsOnly.length, oursOnly: match.oursOnly.length, unknown: unknown.size }, ...comparison.results() };
}

/** Compares the vendor's spec with ours and returns the report (the caller renders it and picks the exit code). */
export async function compareUpstream(options: UpstreamOptions): Promise<UpstreamReport> {
  const vendorDocs = await loadSpecDocuments(options.vendor);
  const entry = vendorDocs.entry.data as JsonObject;
  const recognised = apiOfDocument(entry, [options.vendor]);
  const api = options.api ? apiByFlag(options.api) : recognised?.api;
  if (!api) {
    throw new UsageError(`cannot tell which API ${options.vendor} describes (title ${JSON.stringify(infoOf(entry, '').title ?? null)}, no known server or paths); pass --api justifi|payments`);
  }
  if (options.api && recognised && recognised.api !== api) {
    vendorDocs.warnings.push({ kind: 'api-mismatch', message: `--api ${options.api} was given, but the spec looks like ${recognised.api.title} (by ${recognised.by})`, at: `${vendorDocs.entry.label}:1:1` });
  }
  const oursDocs = inMemoryDocuments(loadBundle(api), fromRoot(api.bundle), api.bundle);
  const result = compareDocuments(oursDocs, vendorDocs, await sdkMethodMap(api));
  return buildUpstreamReport({
    api,
    recognisedBy: options.api ? '--api' : recognised!.by,
    ours: infoOf(loadBundle(api), api.bundle),
    vendor: { ...infoOf(entry, options.vendor), documents: vendorDocs.documents.size },
    ...result,
    warnings: vendorDocs.warnings,
  });
}
