/**
 * The matrix verdict: a runtime passes only when the server's record backs every step. The
 * scenario runs here in-process on the SDK source against the real matrix server; the runtimes
 * themselves run in `npm run test:runtimes`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as root from '../../src/index.js';
import * as justifi from '../../src/justifi/index.js';
import * as payments from '../../src/payments/index.js';
import { type ApiServer, smokeCredentials, startApiServer } from '../../scripts/runtimes/api-server.js';
import { nodeEsm } from '../../scripts/runtimes/runners/processes.js';
import { runSmoke, type SmokeReport } from '../../scripts/runtimes/scenario.js';
import { judge, judgeSteps } from '../../scripts/runtimes/verdict.js';

let server: ApiServer;
beforeAll(async () => {
  server = await startApiServer();
});
afterAll(() => server.close());

const smoke = (run: string): Promise<SmokeReport> =>
  runSmoke(
    { root, justifi, payments },
    { justifiUrl: `${server.url}/${run}/justifi`, paymentsUrl: `${server.url}/${run}/payments`, webhooksUrl: `${server.url}/${run}/webhooks`, ...smokeCredentials },
    { version: process.version, evidence: { node: process.versions.node } },
  );

describe('runtime matrix verdict', () => {
  it('passes a run whose every step the server saw', async () => {
    const report = await smoke('honest');
    expect(report.steps.map((s) => s.error)).toEqual([undefined, undefined, undefined, undefined, undefined]);
    expect(judgeSteps(report, server.requests('honest'), 'honest')).toEqual([]);
  });

  it('fails every step of a report the server has no requests for', async () => {
    const report = await smoke('claimed');
    const problems = judgeSteps(report, server.requests('nobody'), 'claimed');
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^0 token requests/),
        expect.stringMatching(/^justifi call: server saw 0 GET/),
        expect.stringMatching(/^payments call: server saw 0 GET/),
        expect.stringMatching(/^503 retried with one idempotency key: justifi write: server saw attempts none/),
      ]),
    );
  });

  it('fails a retry whose idempotency key changed between attempts', async () => {
    const report = await smoke('rekeyed');
    const requests = server.requests('rekeyed').map((r, i, all) =>
      r.method === 'POST' && r.path === '/payment_intents' && all.findIndex((x) => x.path === '/payment_intents' && x.method === 'POST') !== i ? { ...r, headers: { ...r.headers, 'x-idempotency-key': 'another-key-123' } } : r,
    );
    expect(judgeSteps(report, requests, 'rekeyed')).toEqual([expect.stringMatching(/payments write: x-idempotency-key .* differs between attempts/)]);
  });

  it('fails a thrown step with what it threw', async () => {
    const report = await smoke('thrown');
    const broken = { ...report, steps: report.steps.map((s) => (s.step === 'payments call' ? { step: s.step, error: 'TypeError: fetch failed' } : s)) };
    expect(judgeSteps(broken, server.requests('thrown'), 'thrown')).toEqual(['payments call: threw TypeError: fetch failed']);
  });

  it('fails a webhook step that verified another delivery or accepted a tampered one', async () => {
    const report = await smoke('webhook');
    const forged = {
      ...report,
      steps: report.steps.map((s) =>
        s.step === 'webhook verified'
          ? { step: s.step, observed: { justifi: { id: 'evt_other', name: 'payment.succeeded', tampered: { isWebhookVerificationError: true, reason: 'bad_signature' } }, payments: { ...(s.observed as { payments: object }).payments, tampered: 'accepted' } } }
          : s,
      ),
    };
    expect(judgeSteps(forged, server.requests('webhook'), 'webhook')).toEqual([
      expect.stringMatching(/^webhook verified: justifi webhook: verified .*evt_other.*, not the delivery the server signed/),
      expect.stringMatching(/^webhook verified: payments webhook: a tampered body gave "accepted"/),
    ]);
  });

  it('fails a report from another runtime, or from the wrong build, or that could not start', async () => {
    const report = await smoke('identity');
    const requests = server.requests('identity');
    const asBun = { ...report, identity: { version: '1.4.5', loadedFrom: 'file:///app/node_modules/payments-sdk/dist/esm/src/justifi/index.js', evidence: { bun: '1.4.5' } } };
    expect(judge(nodeEsm, { version: process.version, report: asBun }, requests, 'identity')).toEqual([expect.stringMatching(/^not Node/)]);
    const fromCjs = { ...report, identity: { ...report.identity, loadedFrom: '/app/node_modules/payments-sdk/dist/cjs/src/justifi/index.js' } };
    expect(judge(nodeEsm, { version: process.version, report: fromCjs }, requests, 'identity')).toEqual([expect.stringMatching(/not the installed package's dist\/esm/)]);
    expect(judge(nodeEsm, { version: 'unknown', failure: 'cannot start: spawn deno ENOENT' }, [], 'identity')).toEqual(['cannot start: spawn deno ENOENT']);
  });
});
