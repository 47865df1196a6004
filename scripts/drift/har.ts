/**
 * Reading recorded traffic (HAR 1.2, as browsers, proxies and `redocly proxy` write it) and
 * placing each exchange on an operation of a spec, the same way Redocly's drift command does:
 * the URL must start with one of the spec's servers (or the `--server` given), and the rest of
 * it is the API path.
 */
import { readFileSync } from 'node:fs';
import { type JsonObject, operationMatcher } from '../lib/spec-model.js';
import { UsageError } from './cli-args.js';

export interface HarEntry {
  request: { method: string; url: string };
  response?: { status: number };
}

export interface Exchange {
  /** Position in the HAR (Redocly's `exchangeIndex`). */
  index: number;
  method: string;
  url: string;
  /** 0 when the HAR recorded no response (an aborted request). */
  status: number;
  /** The path after the server's base URL, or undefined when the URL is under none of them. */
  apiPath?: string;
  operationId?: string;
}

/** Reads a HAR file's entries, or says why it is not one. */
export function readHar(file: string): HarEntry[] {
  let har: { log?: { entries?: unknown } };
  try {
    har = JSON.parse(readFileSync(file, 'utf8')) as typeof har;
  } catch (error) {
    throw new UsageError(`${file} is not a readable HAR file: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!Array.isArray(har.log?.entries)) throw new UsageError(`${file} is not a HAR file (no log.entries)`);
  return har.log.entries as HarEntry[];
}

/** `https://api.justifi.ai/v1/` → `api.justifi.ai/v1`: host and base path, as strict-host matching compares them. */
function base(url: string): string {
  const u = new URL(url);
  return `${u.host}${u.pathname.replace(/\/+$/, '')}`;
}

/** The base URLs traffic may be under: `--server` if given, else every server of the spec (operation-level ones too). */
export function serverBases(doc: JsonObject, server?: string): string[] {
  if (server) return [base(server)];
  const urls = new Set<string>();
  const collect = (servers: unknown) => {
    for (const s of (Array.isArray(servers) ? servers : []) as { url?: unknown }[]) if (typeof s.url === 'string') urls.add(s.url);
  };
  collect(doc.servers);
  for (const item of Object.values((doc.paths ?? {}) as Record<string, JsonObject>)) {
    collect(item.servers);
    for (const op of Object.values(item)) if (op && typeof op === 'object') collect((op as JsonObject).servers);
  }
  return [...urls].map(base).sort((a, b) => b.length - a.length);
}

/** Places every entry on an operation of `doc` (longest matching server base wins). */
export function exchangesOf(entries: HarEntry[], doc: JsonObject, server?: string): Exchange[] {
  const bases = serverBases(doc, server);
  const match = operationMatcher(doc);
  return entries.map((entry, index) => {
    const url = new URL(entry.request.url);
    const full = `${url.host}${url.pathname}`;
    const prefix = bases.find((b) => full === b || full.startsWith(`${b}/`));
    const apiPath = prefix === undefined ? undefined : full.slice(prefix.length) || '/';
    return {
      index,
      method: entry.request.method.toUpperCase(),
      url: entry.request.url,
      status: entry.response?.status ?? 0,
      apiPath,
      operationId: apiPath === undefined ? undefined : match(entry.request.method, apiPath),
    };
  });
}
