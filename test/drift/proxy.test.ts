/**
 * `drift proxy` end to end: a real Prism proxy in front of a local server that answers like a
 * drifted JustiFi (the violating fixture's responses). Upstream answers pass through unchanged,
 * each violation is printed under its exchange as it happens, and stopping prints a summary and
 * exits 1 because violations were seen.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runProxy } from '../../scripts/drift/proxy-command.js';
import { fromRoot } from '../../scripts/lib/apis.js';

interface HarEntry {
  request: { method: string; url: string };
  response: { status: number; content: { text: string } };
}

const entries = (JSON.parse(readFileSync(fromRoot('test/fixtures/drift/justifi-violating.har'), 'utf8')) as { log: { entries: HarEntry[] } }).log.entries;
const lines: string[] = [];
let upstream: http.Server;
let stop: () => void;
let proxyUrl: string;
let exitCode: Promise<number>;

beforeAll(async () => {
  // The recorded session, replayed: each path answers with what the drifted server returned.
  upstream = http.createServer((req, res) => {
    const entry = entries.find((e) => e.request.method === req.method && new URL(e.request.url).pathname === req.url?.split('?')[0]);
    res.writeHead(entry?.response.status ?? 404, { 'content-type': 'application/json' });
    res.end(entry?.response.content.text ?? '{"error":{"code":"not_found","message":"Not found"}}');
  });
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  const stopSignal = new Promise<void>((resolve) => (stop = resolve));
  const listening = new Promise<string>((resolve) => {
    exitCode = runProxy({
      api: 'justifi',
      upstream: `http://127.0.0.1:${(upstream.address() as AddressInfo).port}/v1`,
      stopSignal,
      print: (line) => {
        lines.push(line);
        const url = /^Validating proxy for .*: (http:\/\/\S+) →/.exec(line)?.[1];
        if (url) resolve(url);
      },
    });
  });
  proxyUrl = await listening;
}, 60_000);

afterAll(() => {
  stop?.();
  upstream?.close();
});

describe('drift proxy', () => {
  it('passes upstream answers through, reports each violation under its exchange, and exits 1 when stopped', async () => {
    const headers = { authorization: 'Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln', accept: 'application/json' };
    const got = [];
    for (const path of ['/payments/py_123xyz', '/payments/py_2Mf1a9sQk', '/payments?limit=2']) {
      const response = await fetch(`${proxyUrl}${path}`, { headers });
      got.push(response.status);
      await response.arrayBuffer();
    }
    expect(got).toEqual([429, 200, 200]);
    stop();
    expect(await exitCode).toBe(1);
    const report = lines.join('\n');
    expect(report).toMatch(/^GET \/payments\/py_123xyz → 429 \(getPayment\)\n {2}⚠ undocumented status: response /m);
    expect(report).toMatch(/^GET \/payments\/py_2Mf1a9sQk → 200 \(getPayment\)\n {2}✖ missing required field: response\.body\.data .*'amount'/m);
    expect(report).toMatch(/^GET \/payments → 200 \(listPayments\)\n {2}✖ unknown enum value: response\.body\.data\.0\.status /m);
    expect(report).toContain('proxy stopped: 3 exchanges, 3 violations: getPayment 2, listPayments 1.');
  }, 30_000);
});
