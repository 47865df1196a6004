/**
 * Which of the two APIs a drift command is about. The SDK-impact mapping and the traffic checks
 * need one; users should rarely have to say which, so it is inferred from what they pass: a
 * spec's title, servers or paths, or a HAR file's hosts.
 */
import { apis, type ApiEntry } from '../lib/apis.js';
import { httpMethods, loadBundle, type JsonObject } from '../lib/spec-model.js';
import { UsageError } from './cli-args.js';
import { normalisePath, serverBasePath } from './path-match.js';

/** The API named by `--api`: `justifi` / `payments`, or the full names `justifi-v1` / `payments-v1.3`. */
export function apiByFlag(flag: string): ApiEntry {
  const wanted = flag.toLowerCase();
  const api = apis.find((a) => a.name === wanted || a.name.split('-')[0] === wanted);
  if (!api) throw new UsageError(`--api must be justifi or payments (got "${flag}")`);
  return api;
}

/** How an API was recognised, for the report's first line. */
export interface ApiRecognition {
  api: ApiEntry;
  by: string;
}

/** The last two labels of a host name: `api.sandbox.getfwd.com` → `getfwd.com`. */
function domainOf(host: string): string {
  return host.toLowerCase().split('.').slice(-2).join('.');
}

function hostsOf(doc: JsonObject): string[] {
  const servers: unknown[] = [...((doc.servers ?? []) as unknown[])];
  for (const item of Object.values((doc.paths ?? {}) as Record<string, JsonObject | null>)) {
    if (!item || typeof item !== 'object') continue;
    servers.push(...((item.servers ?? []) as unknown[]));
    for (const method of httpMethods) servers.push(...((((item[method] as JsonObject | undefined)?.servers ?? []) as unknown[])));
  }
  return servers.flatMap((s) => {
    try {
      return [new URL(String((s as { url?: unknown } | null)?.url ?? '')).host];
    } catch {
      return [];
    }
  });
}

/** Normalised path templates of a document, with and without its base path (path items need not be inline). */
function templatesOf(doc: JsonObject): Set<string> {
  const base = serverBasePath(doc.servers) ?? '';
  return new Set(Object.keys((doc.paths ?? {}) as JsonObject).flatMap((p) => [normalisePath(p), normalisePath(`${base}/${p}`)]));
}

/**
 * The API a spec document describes, and how that was decided, in order of reliability:
 * 1. `info.title` as our own specs have it (the same in every version of a spec; file names of copies say nothing);
 * 2. the host of a server URL (`api.justifi.ai`, `api.getfwd.com`, `api.sandbox.getfwd.com`: same domain as our servers);
 * 3. words in the title (a vendor's "JustiFi API Documentation"; "Payments API"; the vendor "getfwd");
 * 4. the paths, when clearly more of them are one API's than the other's;
 * 5. `hints` (the file names given), for a retitled copy.
 * "justifi" is tested before "payments" because JustiFi's own titles and paths contain "payments".
 */
export function apiOfDocument(doc: JsonObject, hints: string[]): ApiRecognition | undefined {
  const title = (doc.info as { title?: unknown } | undefined)?.title;
  const byName = (name: ApiEntry['name']) => apis.find((a) => a.name === name)!;
  if (typeof title === 'string' && title) {
    const exact = apis.find((a) => a.title.startsWith(`${title} `));
    if (exact) return { api: exact, by: `its title "${title}"` };
  }
  for (const host of hostsOf(doc)) {
    const api = apis.find((a) => ((loadBundle(a).servers ?? []) as { url?: string }[]).some((s) => {
      try {
        return domainOf(new URL(s.url ?? '').host) === domainOf(host);
      } catch {
        return false;
      }
    }));
    if (api) return { api, by: `its server ${host}` };
  }
  if (typeof title === 'string') {
    if (/justifi/i.test(title)) return { api: byName('justifi-v1'), by: `its title "${title}"` };
    if (/getfwd|\bpayments api\b/i.test(title)) return { api: byName('payments-v1.3'), by: `its title "${title}"` };
  }
  const theirs = templatesOf(doc);
  const overlap = apis
    .map((api) => ({ api, shared: [...templatesOf(loadBundle(api))].filter((t) => theirs.has(t)).length }))
    .sort((a, b) => b.shared - a.shared);
  if (overlap[0]!.shared > 0 && overlap[0]!.shared > overlap[1]!.shared) {
    return { api: overlap[0]!.api, by: `its paths (${overlap[0]!.shared} path templates are ${overlap[0]!.api.title}'s, ${overlap[1]!.shared} ${overlap[1]!.api.title}'s)` };
  }
  const text = hints.join(' ').toLowerCase();
  if (text.includes('justifi')) return { api: byName('justifi-v1'), by: 'its file name' };
  if (/payments-v1|getfwd/.test(text)) return { api: byName('payments-v1.3'), by: 'its file name' };
  return undefined;
}

/** The API whose servers include one of these hosts (for recorded traffic). */
export function apiOfHosts(hosts: Iterable<string>): ApiEntry | undefined {
  const seen = new Set(hosts);
  return apis.find((api) =>
    ((loadBundle(api).servers ?? []) as { url?: string }[]).some((s) => {
      try {
        return seen.has(new URL(s.url ?? '').host);
      } catch {
        return false;
      }
    }),
  );
}
