/**
 * The drift tool's command line: one command word, its positionals and flags, turned into a typed
 * command. Parsing is strict (an unknown flag is an error), because a mistyped `--fromat` in CI
 * would otherwise silently fall back to the default output and hide the report.
 */
import { parseArgs } from 'node:util';

/** Thrown for a command line the tool cannot run; the CLI prints it with the usage and exits 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export type DiffFormat = 'text' | 'markdown' | 'json';
export type TrafficFormat = 'text' | 'json';

export type DriftCommand =
  | { name: 'help' }
  | { name: 'types' }
  | { name: 'diff'; base: string; revision: string; api?: string; format: DiffFormat }
  | { name: 'upstream'; vendor: string; api?: string; format: DiffFormat }
  | { name: 'traffic'; har: string; api?: string; server?: string; format: TrafficFormat }
  | { name: 'proxy'; api: string; upstream: string; port?: number; errors: boolean };

export const usage = `Usage: npm run drift -- <command> [options]   (or: payments-sdk-drift <command> [options])

Commands:
  types                           generated/ matches spec/ (the generator's --check)
  diff <base> <revision>          compare two versions of a spec; exit 1 on breaking changes
      --api justifi|payments        which API (default: inferred from the spec's title, servers or paths)
      --format text|markdown|json   report format (default: text)
    <base>/<revision> is a file, or a git ref and path such as origin/main:spec/justifi-v1/openapi.yaml
  upstream <vendor-spec>          compare our spec with the vendor's own published spec; exit 1 when a
                                  difference touches the SDK's types
      --api justifi|payments        which API (default: inferred from the spec's title, servers or paths)
      --format text|markdown|json   report format (default: text)
    <vendor-spec> is a YAML or JSON file (single or multi-file, OpenAPI 3.0 or 3.1) or an https:// URL
  traffic <har-file>              validate recorded traffic against the spec; exit 1 on any violation
      --api justifi|payments        which API (default: inferred from the hosts in the HAR)
      --server <url>                base URL the traffic was recorded against (default: the spec's servers)
      --format text|json            report format (default: text)
  proxy --api justifi|payments --upstream <url>
                                  validating proxy in front of a real server; Ctrl-C stops it
      --port <n>                    local port (default: a free one)
      --errors                      answer violating exchanges with Prism's 500 violation report
                                    instead of passing the upstream response through (default: off)

Exit codes: 0 no drift, 1 drift found (stale types, breaking change, upstream difference touching the
SDK's types, traffic violation), 2 usage or tool error.`;

function oneOf<T extends string>(flag: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`--${flag} must be one of ${allowed.join(', ')} (got "${value}")`);
}

function positionals(command: string, got: string[], names: string[]): string[] {
  if (got.length !== names.length) {
    throw new UsageError(`${command} takes ${names.map((n) => `<${n}>`).join(' ') || 'no arguments'}, got ${got.length ? got.join(' ') : 'none'}`);
  }
  return got;
}

/** The flags each command takes; any other is an error rather than silently ignored. */
const flagsOf: Record<string, string[]> = {
  types: [],
  diff: ['api', 'format'],
  upstream: ['api', 'format'],
  traffic: ['api', 'server', 'format'],
  proxy: ['api', 'upstream', 'port', 'errors'],
};

/** Turns `process.argv.slice(2)` into a command, or throws a UsageError saying what is wrong. */
export function parseDriftArgs(argv: string[]): DriftCommand {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') return { name: 'help' };
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      allowPositionals: true,
      strict: true,
      options: {
        api: { type: 'string' },
        format: { type: 'string' },
        server: { type: 'string' },
        upstream: { type: 'string' },
        port: { type: 'string' },
        errors: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals: got } = parsed;
  if (values.help) return { name: 'help' };
  const flags = flagsOf[name];
  if (!flags) throw new UsageError(`unknown command "${name}"`);
  const misplaced = Object.keys(values).find((flag) => !flags.includes(flag));
  if (misplaced) throw new UsageError(`${name} does not take --${misplaced}`);
  switch (name) {
    case 'types':
      positionals('types', got, []);
      return { name: 'types' };
    case 'diff': {
      const [base, revision] = positionals('diff', got, ['base', 'revision']) as [string, string];
      return { name: 'diff', base, revision, api: values.api, format: oneOf('format', values.format, ['text', 'markdown', 'json'], 'text') };
    }
    case 'upstream': {
      const [vendor] = positionals('upstream', got, ['vendor-spec']) as [string];
      return { name: 'upstream', vendor, api: values.api, format: oneOf('format', values.format, ['text', 'markdown', 'json'], 'text') };
    }
    case 'traffic': {
      const [har] = positionals('traffic', got, ['har-file']) as [string];
      return { name: 'traffic', har, api: values.api, server: values.server, format: oneOf('format', values.format, ['text', 'json'], 'text') };
    }
    case 'proxy': {
      positionals('proxy', got, []);
      if (!values.api) throw new UsageError('proxy needs --api justifi|payments');
      if (!values.upstream) throw new UsageError('proxy needs --upstream <url> (the real server to forward to)');
      let port: number | undefined;
      if (values.port !== undefined) {
        port = Number(values.port);
        if (!Number.isInteger(port) || port < 1 || port > 65535) throw new UsageError(`--port must be a TCP port number (got "${values.port}")`);
      }
      return { name: 'proxy', api: values.api, upstream: values.upstream, port, errors: values.errors ?? false };
    }
    default:
      throw new UsageError(`unknown command "${name}"`);
  }
}
