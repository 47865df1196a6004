/**
 * A vendor's published spec as the set of documents it is made of: the entry file or `https://`
 * URL, and every file or URL its `$ref`s name, each read with the forgiving parser of
 * spec-text.ts. Nothing here fails on a broken reference: a document that cannot be read is
 * remembered with the reason, and the resolver warns where a `$ref` needs it. Only an entry that
 * cannot be read at all is an error.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { JsonObject } from '../lib/spec-model.js';
import { UsageError } from './cli-args.js';
import { userPath } from './spec-source.js';
import { parseSpecText } from './spec-text.js';

/** One problem found in a vendor's spec, worked around rather than failed on. */
export interface SpecWarning {
  kind:
    | 'yaml-repaired'
    | 'yaml-syntax'
    | 'duplicate-key'
    | 'unresolved-ref'
    | 'ref-repaired'
    | 'schema-as-list'
    | 'properties-as-list'
    | 'required-not-a-list'
    | 'not-a-schema'
    | 'example-type'
    | 'duplicate-operation'
    | 'no-servers'
    | 'not-openapi-3'
    | 'api-mismatch';
  message: string;
  /** `file:line:column` when the parser kept the line, else `file#/json/pointer`. */
  at: string;
  pointer?: string;
}

export interface SpecDocument {
  /** Absolute `file:` or `https:` URL; `$ref`s resolve against it. */
  url: string;
  /** Short name for reports: the path relative to the entry's folder, or the URL. */
  label: string;
  data: unknown;
  locate(path: readonly string[]): { line: number; column: number } | undefined;
}

export interface SpecDocuments {
  /** What the user passed. */
  source: string;
  entry: SpecDocument;
  documents: Map<string, SpecDocument>;
  /** URL → why it could not be read (missing file, HTTP status, refused scheme). */
  unreadable: Map<string, string>;
  warnings: SpecWarning[];
}

/** Limits for what a published spec may make the tool read. */
const maxDocuments = 1000;
const maxBytes = 50 * 1024 * 1024;
const fetchTimeoutMs = 30_000;

function withoutFragment(url: string): string {
  const hash = url.indexOf('#');
  return hash < 0 ? url : url.slice(0, hash);
}

async function readUrl(url: string): Promise<string> {
  const response = await fetch(url, {
    redirect: 'follow',
    signal: AbortSignal.timeout(fetchTimeoutMs),
    headers: { accept: 'application/yaml, application/x-yaml, application/json;q=0.9, text/plain;q=0.8, */*;q=0.5' },
  });
  // A redirect must not downgrade to plain HTTP (the whole point of taking only https:// URLs).
  if (!response.url.startsWith('https:')) throw new Error(`redirected to ${response.url}, which is not https`);
  if (!response.ok) throw new Error(`GET ${url} answered ${response.status} ${response.statusText}`.trim());
  const text = await response.text();
  if (text.length > maxBytes) throw new Error(`${url} is larger than ${maxBytes / 1024 / 1024} MB`);
  return text;
}

function readFile(url: string): string {
  const file = fileURLToPath(url);
  if (!existsSync(file)) throw new Error('no such file');
  if (statSync(file).size > maxBytes) throw new Error(`${file} is larger than ${maxBytes / 1024 / 1024} MB`);
  return readFileSync(file, 'utf8');
}

function readError(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const message = error instanceof Error ? error.message : String(error);
  return cause?.code ? `${message} (${cause.code})` : message;
}

/** The external documents a document's `$ref`s name, as absolute URLs without fragments. */
function externalRefs(data: unknown, base: string): string[] {
  const found = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === 'object') {
      const ref = (node as JsonObject).$ref;
      if (typeof ref === 'string' && !ref.startsWith('#')) {
        try {
          found.add(withoutFragment(new URL(ref, base).href));
        } catch {
          // A malformed $ref is reported by the resolver where it is used.
        }
      }
      for (const child of Object.values(node)) visit(child);
    }
  };
  visit(data);
  return [...found];
}

/** Why a document at `target` may not be read from one at `from`, if it may not. */
function refusal(from: string, target: string): string | undefined {
  const scheme = new URL(target).protocol;
  if (scheme !== 'file:' && scheme !== 'https:') return `only files and https:// URLs are read (not ${scheme})`;
  // A spec fetched from the web must not make the tool read files on this machine.
  if (from.startsWith('https:') && scheme === 'file:') return 'a spec fetched over https may only reference https documents';
  return undefined;
}

function labelFor(url: string, entryUrl: string): string {
  if (!url.startsWith('file:') || !entryUrl.startsWith('file:')) return url;
  const relative = path.relative(path.dirname(fileURLToPath(entryUrl)), fileURLToPath(url));
  return relative.split(path.sep).join('/');
}

/** The URL a command-line spec argument names: an `https://` URL as given, anything else a file. */
export function sourceUrl(source: string): string {
  if (/^https:\/\//i.test(source)) return new URL(source).href;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(source)) throw new UsageError(`${source}: only https:// URLs and files are supported`);
  const file = userPath(source);
  if (!existsSync(file)) throw new UsageError(`${source}: no such file`);
  return pathToFileURL(file).href;
}

/**
 * Reads the entry and every document its `$ref`s reach. Throws (exit 2) only when the entry
 * itself cannot be read or is not an OpenAPI 3 document.
 */
export async function loadSpecDocuments(source: string): Promise<SpecDocuments> {
  const entryUrl = sourceUrl(source);
  const documents = new Map<string, SpecDocument>();
  const unreadable = new Map<string, string>();
  const warnings: SpecWarning[] = [];

  const load = async (url: string): Promise<SpecDocument> => {
    const text = url.startsWith('https:') ? await readUrl(url) : readFile(url);
    const parsed = parseSpecText(text);
    const label = labelFor(url, entryUrl);
    for (const w of parsed.warnings) warnings.push({ kind: w.kind, message: w.message, at: `${label}:${w.line}:${w.column}` });
    return { url, label, data: parsed.data, locate: parsed.locate };
  };

  let entry: SpecDocument;
  try {
    entry = await load(entryUrl);
  } catch (error) {
    throw new Error(`cannot read ${source}: ${readError(error)}`);
  }
  checkOpenApi(entry, source, warnings);
  documents.set(entryUrl, entry);

  let wave = externalRefs(entry.data, entryUrl).map((to) => ({ from: entryUrl, to }));
  while (wave.length > 0) {
    const next: { from: string; to: string }[] = [];
    const fresh = [...new Map(wave.filter((r) => !documents.has(r.to) && !unreadable.has(r.to)).map((r) => [r.to, r])).values()];
    await Promise.all(
      fresh.map(async ({ from, to }) => {
        const refused = refusal(from, to);
        if (refused) return void unreadable.set(to, refused);
        if (documents.size >= maxDocuments) return void unreadable.set(to, `more than ${maxDocuments} documents referenced`);
        try {
          const doc = await load(to);
          documents.set(to, doc);
          next.push(...externalRefs(doc.data, to).map((target) => ({ from: to, to: target })));
        } catch (error) {
          unreadable.set(to, readError(error));
        }
      }),
    );
    wave = next;
  }
  return { source, entry, documents, unreadable, warnings };
}

/** A spec already parsed in memory (our own bundle): one document, nothing to warn about. */
export function inMemoryDocuments(data: JsonObject, file: string, label: string): SpecDocuments {
  const url = pathToFileURL(file).href;
  const entry: SpecDocument = { url, label, data, locate: () => undefined };
  return { source: label, entry, documents: new Map([[url, entry]]), unreadable: new Map(), warnings: [] };
}

function checkOpenApi(entry: SpecDocument, source: string, warnings: SpecWarning[]): void {
  const doc = entry.data as JsonObject | null;
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) throw new UsageError(`${source} is not an OpenAPI document (no mapping at the top)`);
  if (doc.swagger !== undefined) throw new UsageError(`${source} is Swagger ${String(doc.swagger)}; only OpenAPI 3.0 and 3.1 are compared (convert it first, e.g. with swagger2openapi)`);
  const version = typeof doc.openapi === 'string' || typeof doc.openapi === 'number' ? String(doc.openapi) : undefined;
  if (!doc.paths || typeof doc.paths !== 'object') throw new UsageError(`${source} is not an OpenAPI document (no \`paths\`)`);
  if (!version || !version.startsWith('3')) {
    warnings.push({
      kind: 'not-openapi-3',
      message: version ? `\`openapi: ${version}\` is not 3.x; read as OpenAPI 3` : 'no `openapi` version field; read as OpenAPI 3',
      at: `${entry.label}:1:1`,
    });
  }
}
