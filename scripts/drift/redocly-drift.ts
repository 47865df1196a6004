/**
 * `redocly drift` as a function: a HAR file and a bundled spec in, Redocly's findings out. Redocly
 * matches each exchange to an operation and validates parameters and bodies with Ajv; this module
 * runs it and types the parts of its JSON report the drift tool reads.
 */
import { runRedoclyJson } from '../lib/redocly.js';

export interface RedoclyDriftProblem {
  ruleId: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  /** The first exchange showing the problem; `occurrences` counts them all. */
  exchangeIndex: number;
  occurrences?: number;
  operationId?: string;
  target?: 'request' | 'response';
  method: string;
  url: string;
  status?: number;
  dataPath?: string;
  /** Ajv's keyword (`required`, `type`, `enum`, ...) and values, for schema findings. */
  details?: { keyword?: string; expected?: string | null; actual?: string | null; operationPathTemplate?: string };
}

export interface RedoclyDriftReport {
  run: { totalExchanges: number; documentedExchanges: number; undocumentedExchanges: number };
  problems: RedoclyDriftProblem[];
}

/** Runs `redocly drift <har> --api <spec> --format json`; `server` is passed as `--server` when given. */
export function redoclyDrift(harFile: string, specFile: string, server?: string): RedoclyDriftReport {
  // Info findings (an undocumented User-Agent header and the like) are noise for a contract check.
  const args = ['drift', harFile, '--api', specFile, '--traffic-format', 'har', '--format', 'json', '--min-severity', 'warning'];
  if (server) args.push('--server', server);
  const report = runRedoclyJson<RedoclyDriftReport>(args);
  report.problems ??= [];
  return report;
}
