/**
 * `drift traffic <har-file>`: validate recorded traffic against the bundled spec with Redocly's
 * drift command, add undocumented statuses (which it skips), and report per operation.
 */
import { existsSync } from 'node:fs';
import { fromRoot } from '../lib/apis.js';
import { loadBundle } from '../lib/spec-model.js';
import { apiByFlag, apiOfHosts } from './api-choice.js';
import { UsageError } from './cli-args.js';
import { exchangesOf, readHar } from './har.js';
import { redoclyDrift } from './redocly-drift.js';
import { userPath } from './spec-source.js';
import { buildTrafficReport, type TrafficReport } from './traffic-report.js';
import { undocumentedStatusFindings } from './undocumented-status-rule.js';

export interface TrafficOptions {
  har: string;
  /** `justifi` or `payments`; default: the API whose servers the traffic went to. */
  api?: string;
  /** Base URL the traffic was recorded against (a sandbox, a local proxy); default: the spec's servers. */
  server?: string;
}

/** Checks a HAR file against the spec and returns the report (the caller renders it and picks the exit code). */
export function checkTraffic(options: TrafficOptions): TrafficReport {
  const harFile = userPath(options.har);
  if (!existsSync(harFile)) throw new UsageError(`${options.har}: no such file`);
  const entries = readHar(harFile);
  const hosts = entries.flatMap((e) => {
    try {
      return [new URL(e.request.url).host];
    } catch {
      return [];
    }
  });
  const api = options.api ? apiByFlag(options.api) : apiOfHosts(hosts);
  if (!api) throw new UsageError(`cannot tell which API ${options.har} was recorded against (hosts: ${[...new Set(hosts)].join(', ') || 'none'}); pass --api justifi|payments and --server <url>`);
  if (options.server !== undefined) {
    try {
      new URL(options.server);
    } catch {
      throw new UsageError(`--server must be a URL (got "${options.server}")`);
    }
  }

  const doc = loadBundle(api);
  const exchanges = exchangesOf(entries, doc, options.server);
  const redocly = redoclyDrift(harFile, fromRoot(api.bundle), options.server);
  const problems = [...redocly.problems, ...undocumentedStatusFindings(exchanges, doc)];
  return buildTrafficReport({ api, har: options.har, doc, exchanges, problems });
}
