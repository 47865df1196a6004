/**
 * `npm run sandbox`: prints one line per API, serves until SIGTERM, then stops cleanly, leaving no
 * process or port behind; with the webhook flags, posts every event signed to the URL given.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import net from 'node:net';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { fromRoot, repoRoot } from '../../scripts/lib/apis.js';
import { freePort } from '../../scripts/lib/prism.js';
import { derivePaymentsWebhookSecret, startWebhookReceiver, verifiedLine } from '../../sandbox/webhooks/index.js';
import { createJustifiClient } from '../../src/justifi/index.js';
import { createPaymentsClient } from '../../src/payments/index.js';

function start(args: string[]): { child: ChildProcess; lines: Promise<string[]>; exit: Promise<number | null>; stderr: () => string } {
  const child = spawn(process.execPath, [fromRoot('node_modules/tsx/dist/cli.mjs'), 'scripts/sandbox.ts', ...args], { cwd: repoRoot, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const lines = new Promise<string[]>((resolve, reject) => {
    const got: string[] = [];
    const rl = createInterface({ input: child.stdout! });
    rl.on('line', (line) => {
      got.push(line);
      if (got.length === 2) resolve(got);
    });
    void exit.then((code) => reject(new Error(`npm run sandbox exited (${code}) before printing both URLs:\n${stderr}`)));
  });
  return { child, lines, exit, stderr: () => stderr };
}

/** Every process below `pid` (the tsx launcher's node child, and Prism's under it). */
function descendants(pid: number): number[] {
  const table = execFileSync('ps', ['-eo', 'pid=,ppid='], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((l) => l.trim().split(/\s+/).map(Number) as [number, number]);
  const out: number[] = [];
  const walk = (p: number) => {
    for (const [child, parent] of table) if (parent === p) out.push(child), walk(child);
  };
  walk(pid);
  return out;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/**
 * Whether `pid` is still running a moment after the sandbox exited: helpers below it (tsx's esbuild
 * service) exit on their own once their parent is gone, which on a loaded machine can take a few
 * hundred milliseconds. A process still there after 3 s was left behind.
 */
async function lingers(pid: number): Promise<boolean> {
  for (const started = Date.now(); Date.now() - started < 3_000; ) {
    if (!alive(pid)) return false;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return alive(pid);
}

const refused = (url: string) =>
  new Promise<boolean>((resolve) => {
    const { hostname, port } = new URL(url);
    const socket = net.connect(Number(port), hostname);
    socket.once('connect', () => (socket.destroy(), resolve(false)));
    socket.once('error', () => resolve(true));
  });

const urlOf = (line: string) => line.split('  ')[1]!;

describe('npm run sandbox', () => {
  it('prints "JustiFi API v1 sandbox  URL" and "Payments API v1.3.0 sandbox  URL", serves both, and stops on SIGTERM with exit 0', async () => {
    const run = start(['--token-ttl', '15m']);
    try {
      const lines = await run.lines;
      expect(lines[0]).toMatch(/^JustiFi API v1 sandbox {2}http:\/\/127\.0\.0\.1:\d+$/);
      expect(lines[1]).toMatch(/^Payments API v1\.3\.0 sandbox {2}http:\/\/127\.0\.0\.1:\d+$/);
      const token = await fetch(`${urlOf(lines[0]!)}/oauth/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ client_id: 'test_cli', client_secret: 's' }) });
      expect(token.status).toBe(200);
      expect((await fetch(`${urlOf(lines[1]!)}/payment_intents`)).status).toBe(401);
      const below = descendants(run.child.pid!);
      run.child.kill('SIGTERM');
      expect(await run.exit).toBe(0);
      for (const pid of below) expect(await lingers(pid), `process ${pid}`).toBe(false);
      for (const line of lines) expect(await refused(urlOf(line))).toBe(true);
    } finally {
      run.child.kill('SIGKILL');
    }
  }, 60_000);

  it('listens on the ports given with --justifi-port and --payments-port', async () => {
    const [j, p] = [await freePort(), await freePort()];
    const run = start(['--justifi-port', String(j), '--payments-port', String(p)]);
    try {
      expect(await run.lines).toEqual([`JustiFi API v1 sandbox  http://127.0.0.1:${j}`, `Payments API v1.3.0 sandbox  http://127.0.0.1:${p}`]);
      run.child.kill('SIGTERM');
      expect(await run.exit).toBe(0);
    } finally {
      run.child.kill('SIGKILL');
    }
  }, 60_000);

  it('with --validate prints the Prism proxy URLs, and stops the Prism proxies too', async () => {
    const run = start(['--validate']);
    try {
      const lines = await run.lines;
      const token = await fetch(`${urlOf(lines[0]!)}/oauth/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ client_id: 'test_cli', client_secret: 's' }) });
      expect(token.status).toBe(200);
      expect(run.stderr()).toContain('every exchange is validated by Prism');
      const below = descendants(run.child.pid!);
      expect(below.length).toBeGreaterThanOrEqual(3); // the node running the script, and one Prism per API
      run.child.kill('SIGTERM');
      expect(await run.exit).toBe(0);
      for (const pid of below) expect(await lingers(pid), `process ${pid}`).toBe(false);
      for (const line of lines) expect(await refused(urlOf(line))).toBe(true);
    } finally {
      run.child.kill('SIGKILL');
    }
  }, 90_000);

  it('with --webhook-url and --webhook-secret posts each event signed to the URL, prints the derived whsec_ (never the secret) on stderr, and keeps stdout to the two URLs', async () => {
    const secret = 'cli-webhook-secret-7Qx';
    const receiver = await startWebhookReceiver({ justifiSecret: secret, paymentsSecret: derivePaymentsWebhookSecret(secret) });
    const run = start(['--webhook-url', receiver.url, '--webhook-secret', secret]);
    try {
      const lines = await run.lines;
      expect(lines[0]).toMatch(/^JustiFi API v1 sandbox {2}http:\/\/127\.0\.0\.1:\d+$/);
      expect(lines[1]).toMatch(/^Payments API v1\.3\.0 sandbox {2}http:\/\/127\.0\.0\.1:\d+$/);
      const justifi = createJustifiClient({ clientId: 'test_cli_hooks', clientSecret: 's', baseUrl: urlOf(lines[0]!), maxRetries: 0 });
      const payment = await justifi.payments.create({ amount: 1000, currency: 'usd', capture_strategy: 'automatic', payment_method: { card: { name: 'Cli Hooks', number: '4242424242424242', verification: '123', month: '3', year: '2040' } } });
      const pay = createPaymentsClient({ apiKey: 'sk_test_cli_hooks', accountId: 'acc_cli', baseUrl: urlOf(lines[1]!), maxRetries: 0 });
      const intent = await pay.paymentIntents.create({ amount: 1000 });

      const created = await receiver.waitFor((r) => r.api === 'justifi-v1' && r.event.event_name === 'payment.created' && (r.event.data as { id: string }).id === payment.id);
      expect(verifiedLine(created)).toBe(`payment.created ${payment.id}: signature verified (JUSTIFI-SIGNATURE)`);
      const intentCreated = await receiver.waitFor((r) => r.api === 'payments-v1.3' && r.event.event_type === 'payment_intent.created');
      expect((intentCreated.event.data as { id: string }).id).toBe(intent.id);
      expect(receiver.rejected).toEqual([]);

      while (!/webhook payment_intent\.created \(payments-v1\.3\) msg_\w+ delivered/.test(run.stderr())) await new Promise((resolve) => setTimeout(resolve, 20));
      const stderr = run.stderr();
      expect(stderr).toContain(`webhooks: posting every event to ${receiver.url}`);
      expect(stderr).toContain(`signed with ${derivePaymentsWebhookSecret(secret)} (derived from --webhook-secret`);
      expect(stderr).toMatch(/webhook payment\.created \(justifi-v1\) evt_[0-9a-f]{32} delivered: 200 after 1 attempt/);
      expect(stderr).not.toContain(secret);
      run.child.kill('SIGTERM');
      expect(await run.exit).toBe(0);
    } finally {
      run.child.kill('SIGKILL');
      await receiver.close();
    }
  }, 60_000);

  it('refuses webhook flags that cannot work with exit 2, naming the flag and never echoing a secret', async () => {
    const alone = start(['--webhook-secret', 'lonely-secret-value']);
    alone.lines.catch(() => undefined);
    expect(await alone.exit).toBe(2);
    expect(alone.stderr()).toContain('--webhook-url: required when a webhook secret is given');
    expect(alone.stderr()).not.toContain('lonely-secret-value');
    const badWhsec = start(['--webhook-url', 'http://127.0.0.1:9/h', '--webhook-secret', 's', '--payments-webhook-secret', 'whsec_%%%secret%%%']);
    badWhsec.lines.catch(() => undefined);
    expect(await badWhsec.exit).toBe(2);
    expect(badWhsec.stderr()).toContain('--payments-webhook-secret: a whsec_ secret');
    expect(badWhsec.stderr()).not.toContain('%%%secret%%%');
  }, 30_000);

  it('refuses a bad --token-ttl with exit 2 and the usage', async () => {
    const run = start(['--token-ttl', 'forever']);
    run.lines.catch(() => undefined);
    expect(await run.exit).toBe(2);
    expect(run.stderr()).toContain('--token-ttl: not a duration: "forever"');
  }, 30_000);
});
