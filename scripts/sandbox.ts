/**
 * `npm run sandbox`: both stateful sandboxes until Ctrl-C / SIGTERM.
 *
 *   npm run sandbox                                   # free loopback ports
 *   npm run sandbox -- --justifi-port 4010 --payments-port 4011
 *   npm run sandbox -- --validate                     # a Prism proxy in front of each; prints the proxy URLs
 *   npm run sandbox -- --token-ttl 15m                # JustiFi tokens expire after 15 minutes (default 24h)
 *   npm run sandbox -- --events                       # one line per event on stderr
 *   npm run sandbox -- --webhook-url URL --webhook-secret SECRET [--payments-webhook-secret whsec_…]
 *                                                     # every event posted to URL, signed as each API signs
 *
 * stdout is exactly one line per API, `<title>  <url>`, so scripts can read the URLs; everything
 * else (the webhook set-up, one line per delivery) goes to stderr.
 */
import { parseArgs } from 'node:util';
import { startSandbox } from '../sandbox/index.js';
import { describeDelivery, webhookArgOptions, webhookBanner, webhookOptionsFromArgs, type SandboxWebhookFlags } from '../sandbox/webhooks/index.js';

const usage = `usage: npm run sandbox [-- --justifi-port N] [--payments-port N] [--validate] [--token-ttl DURATION] [--latency MS] [--events]
       [--webhook-url URL --webhook-secret SECRET [--payments-webhook-secret whsec_…]]
  --justifi-port N      port of the JustiFi API v1 sandbox (default: a free one)
  --payments-port N     port of the Payments API v1.3.0 sandbox (default: a free one)
  --validate            put a Prism proxy (prism proxy <bundle> <sandbox> --errors) in front of each; print the proxy URLs
  --token-ttl DURATION  JustiFi access-token lifetime: 90s, 15m, 24h, or milliseconds (default 24h)
  --latency MS          simulated processing time of keyed writes (default 0)
  --events              print every event (state change) on stderr
  --webhook-url URL     post every event to URL as a signed webhook (retried on a non-2xx; one line per delivery on stderr)
  --webhook-secret S    signs the JustiFi deliveries (JUSTIFI-SIGNATURE); required with --webhook-url, never printed
  --payments-webhook-secret whsec_…
                        signs the Payments API deliveries (svix-signature); default: derived from --webhook-secret, printed at start
  --fault NAME          test-only: break one rule on purpose (replay-creates-new, list-skips-page, refund-unlimited)`;

function fail(message: string): never {
  console.error(`npm run sandbox: ${message}\n${usage}`);
  process.exit(2);
}

/** `90s`, `15m`, `24h`, `500ms` or a bare number of milliseconds. */
export function parseDuration(text: string): number {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(text.trim());
  if (!match) throw new Error(`not a duration: "${text}" (use e.g. 90s, 15m, 24h)`);
  const factor = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[match[2] ?? 'ms']!;
  const ms = Number(match[1]) * factor;
  if (ms <= 0) throw new Error(`the duration must be positive (got "${text}")`);
  return ms;
}

function port(text: string | undefined, flag: string): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > 65535) fail(`${flag} must be a port number 1-65535 (got "${text}")`);
  return n;
}

let values: ReturnType<typeof parse>['values'];
function parse() {
  return parseArgs({
    options: {
      'justifi-port': { type: 'string' },
      'payments-port': { type: 'string' },
      validate: { type: 'boolean', default: false },
      'token-ttl': { type: 'string' },
      latency: { type: 'string' },
      events: { type: 'boolean', default: false },
      fault: { type: 'string', multiple: true },
      help: { type: 'boolean', short: 'h' },
      ...webhookArgOptions,
    },
  });
}
try {
  values = parse().values;
} catch (error) {
  fail((error as Error).message);
}
if (values.help) {
  console.log(usage);
  process.exit(0);
}

let tokenTtlMs: number | undefined;
try {
  tokenTtlMs = values['token-ttl'] === undefined ? undefined : parseDuration(values['token-ttl']);
} catch (error) {
  fail(`--token-ttl: ${(error as Error).message}`);
}
const latencyMs = values.latency === undefined ? undefined : Number(values.latency);
if (latencyMs !== undefined && !(Number.isFinite(latencyMs) && latencyMs >= 0)) fail(`--latency must be a number of milliseconds >= 0 (got "${values.latency}")`);

let webhooks: SandboxWebhookFlags | undefined;
try {
  webhooks = webhookOptionsFromArgs(values);
} catch (error) {
  fail((error as Error).message);
}

const sandbox = await startSandbox({
  justifiPort: port(values['justifi-port'], '--justifi-port'),
  paymentsPort: port(values['payments-port'], '--payments-port'),
  validate: values.validate,
  tokenTtlMs,
  latencyMs,
  faults: values.fault,
  webhooks: webhooks && { ...webhooks, onSettled: (delivery) => console.error(describeDelivery(delivery)) },
  // Not `precompile`: it would delay the URLs by ~2 s for every start (the tests start this often);
  // each operation compiles on its first request, and the test suite compiles them all.
}).catch((error: unknown) => fail(`could not start: ${(error as Error).message}`));

if (values.events) sandbox.events.subscribe((e) => console.error(`event ${new Date(e.at).toISOString()} ${e.api} ${e.name} scope=${e.scope}${e.idempotencyKey ? ` key=${e.idempotencyKey}` : ''}`));
for (const api of [sandbox.justifi, sandbox.payments]) console.log(`${api.title}  ${api.url}`);
if (values.fault?.length) console.error(`test-only faults on: ${values.fault.join(', ')}`);
if (webhooks) for (const line of webhookBanner(webhooks, sandbox.webhooks!)) console.error(line);
console.error(values.validate ? 'every exchange is validated by Prism (sandbox URLs behind it: ' + `${sandbox.justifi.directUrl}, ${sandbox.payments.directUrl}); Ctrl-C to stop` : 'Ctrl-C to stop');

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    sandbox.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(`npm run sandbox: stopping failed: ${(error as Error).message}`);
        process.exit(1);
      },
    );
  });
}
