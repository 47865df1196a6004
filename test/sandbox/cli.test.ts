/** `npm run sandbox`: prints one line per API, serves until SIGTERM, then stops cleanly, leaving no process or port behind. */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import net from 'node:net';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { fromRoot, repoRoot } from '../../scripts/lib/apis.js';
import { freePort } from '../../scripts/lib/prism.js';

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
      for (const pid of below) expect(alive(pid), `process ${pid}`).toBe(false);
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
      for (const pid of below) expect(alive(pid), `process ${pid}`).toBe(false);
      for (const line of lines) expect(await refused(urlOf(line))).toBe(true);
    } finally {
      run.child.kill('SIGKILL');
    }
  }, 90_000);

  it('refuses a bad --token-ttl with exit 2 and the usage', async () => {
    const run = start(['--token-ttl', 'forever']);
    run.lines.catch(() => undefined);
    expect(await run.exit).toBe(2);
    expect(run.stderr()).toContain('--token-ttl: not a duration: "forever"');
  }, 30_000);
});
