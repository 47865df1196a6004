/**
 * Which of the two APIs a drift command is about. The SDK-impact mapping and the traffic checks
 * need one; users should rarely have to say which, so it is inferred from what they pass.
 */
import { apis, type ApiEntry } from '../lib/apis.js';
import { loadBundle } from '../lib/spec-model.js';
import { UsageError } from './cli-args.js';

/** The API named by `--api`: `justifi` / `payments`, or the full names `justifi-v1` / `payments-v1.3`. */
export function apiByFlag(flag: string): ApiEntry {
  const wanted = flag.toLowerCase();
  const api = apis.find((a) => a.name === wanted || a.name.split('-')[0] === wanted);
  if (!api) throw new UsageError(`--api must be justifi or payments (got "${flag}")`);
  return api;
}

/**
 * The API a spec document describes. Its `info.title` decides (it is the same in every version of
 * a spec, and file names of copies say nothing); the path is the fallback for a retitled spec.
 * "justifi" is tested before "payments" because JustiFi's own paths contain "payments".
 */
export function apiOfSpec(title: unknown, hints: string[]): ApiEntry | undefined {
  // An entry's title is the spec's `info.title` plus its version ("JustiFi API" → "JustiFi API v1").
  const byTitle = typeof title === 'string' && title ? apis.find((a) => a.title.startsWith(`${title} `)) : undefined;
  if (byTitle) return byTitle;
  const text = hints.join(' ').toLowerCase();
  if (text.includes('justifi')) return apis.find((a) => a.name === 'justifi-v1');
  if (/payments-v1|getfwd/.test(text)) return apis.find((a) => a.name === 'payments-v1.3');
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
