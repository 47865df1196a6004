/**
 * Which operation of one spec is which operation of another, by what a client actually sends:
 * the method and the URL path. operationIds are names a spec's author picks (the vendor's are not
 * ours) and path-parameter names are documentation (`/payments/{id}` and `/payments/{payment_id}`
 * are the same URL), so neither takes part.
 *
 * The URL path is the server's base path plus the path template: our JustiFi spec serves
 * `/payments` under `https://api.justifi.ai/v1`, a vendor spec may write `/v1/payments` under
 * `https://api.justifi.ai`. Operations are matched on that full path first; what is left is then
 * matched on the template alone, which catches an operation whose base path differs (our token
 * endpoint sits outside `/v1`) and specs that declare no servers.
 */
import { httpMethods, type JsonObject } from '../lib/spec-model.js';

/** An operation's place, as far as matching is concerned. */
export interface OperationSite {
  method: string;
  /** The path template as written in the spec. */
  path: string;
  /** Base path of the server the operation uses; undefined when the spec declares no servers. */
  basePath: string | undefined;
}

/**
 * A path template with parameter names erased and spelling noise removed: `{anything}` and
 * Express-style `:name` segments become `{}`, repeated and trailing slashes go, a query string
 * written into the path is dropped.
 */
export function normalisePath(template: string): string {
  const bare = template.replace(/[?#].*$/, '').trim();
  const segments = bare
    .split('/')
    .filter(Boolean)
    .map((s) => (s.startsWith(':') ? '{}' : s.replace(/\{[^}]*\}/g, '{}')));
  return `/${segments.join('/')}`;
}

function joinPaths(base: string, template: string): string {
  return normalisePath(`${base}/${template}`);
}

/** The path part of the first server URL, with its variables' defaults filled in; undefined when none is declared. */
export function serverBasePath(servers: unknown): string | undefined {
  if (!Array.isArray(servers) || servers.length === 0) return undefined;
  const first = servers[0] as { url?: unknown; variables?: Record<string, { default?: unknown }> } | null;
  if (!first || typeof first.url !== 'string') return undefined;
  const url = first.url.replace(/\{([^}]+)\}/g, (whole, name: string) => {
    const fallback = first.variables?.[name]?.default;
    return typeof fallback === 'string' || typeof fallback === 'number' ? String(fallback) : whole;
  });
  let pathname = url;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) {
    try {
      pathname = decodeURI(new URL(url).pathname);
    } catch {
      pathname = url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '');
    }
  }
  return normalisePath(pathname) === '/' ? '' : normalisePath(pathname);
}

/** The key operations are matched on first: method and full URL path. */
export function fullKey(site: OperationSite): string {
  return `${site.method.toUpperCase()} ${joinPaths(site.basePath ?? '', site.path)}`;
}

/** The fallback key: method and path template, without the base path. */
export function templateKey(site: OperationSite): string {
  return `${site.method.toUpperCase()} ${normalisePath(site.path)}`;
}

/** The full URL path an operation is served at, parameter names kept (for reports). */
export function servedAt(site: OperationSite): string {
  return `/${`${site.basePath ?? ''}/${site.path}`.split('/').filter(Boolean).join('/')}`;
}

export interface OperationMatch<A, B> {
  pairs: { ours: A; theirs: B; /** matched on the template only, both sides declaring different base paths */ basePathDiffers: boolean }[];
  oursOnly: A[];
  theirsOnly: B[];
}

/** Pairs operations of two specs: full path first, then the template alone for what is left. */
export function matchOperations<A extends OperationSite, B extends OperationSite>(ours: A[], theirs: B[]): OperationMatch<A, B> {
  const pairs: OperationMatch<A, B>['pairs'] = [];
  let leftOurs = ours;
  let leftTheirs = theirs;
  for (const [keyOf, byTemplate] of [
    [fullKey, false],
    [templateKey, true],
  ] as const) {
    const index = new Map<string, B[]>();
    for (const site of leftTheirs) index.set(keyOf(site), [...(index.get(keyOf(site)) ?? []), site]);
    const oursByKey = new Map<string, number>();
    for (const site of leftOurs) oursByKey.set(keyOf(site), (oursByKey.get(keyOf(site)) ?? 0) + 1);
    const taken = new Set<B>();
    const unmatched: A[] = [];
    for (const site of leftOurs) {
      const candidates = index.get(keyOf(site)) ?? [];
      // Only a one-to-one match is a match: two templates that normalise alike on one side are ambiguous.
      if (candidates.length === 1 && oursByKey.get(keyOf(site)) === 1) {
        const match = candidates[0]!;
        taken.add(match);
        const basePathDiffers = byTemplate && site.basePath !== undefined && match.basePath !== undefined && site.basePath !== match.basePath;
        pairs.push({ ours: site, theirs: match, basePathDiffers });
      } else unmatched.push(site);
    }
    leftOurs = unmatched;
    leftTheirs = leftTheirs.filter((s) => !taken.has(s));
  }
  return { pairs, oursOnly: leftOurs, theirsOnly: leftTheirs };
}

export interface DocumentSite extends OperationSite {
  operationId: string | undefined;
}

/** Every operation of a parsed, self-contained spec (path items written inline), with its base path. */
export function documentSites(doc: JsonObject): DocumentSite[] {
  const sites: DocumentSite[] = [];
  for (const [path, rawItem] of Object.entries((doc.paths ?? {}) as JsonObject)) {
    if (!rawItem || typeof rawItem !== 'object') continue;
    const item = rawItem as JsonObject;
    for (const method of httpMethods) {
      const operation = item[method] as JsonObject | undefined;
      if (!operation || typeof operation !== 'object') continue;
      const basePath = serverBasePath(operation.servers) ?? serverBasePath(item.servers) ?? serverBasePath(doc.servers);
      sites.push({ method, path, basePath, operationId: typeof operation.operationId === 'string' ? operation.operationId : undefined });
    }
  }
  return sites;
}
