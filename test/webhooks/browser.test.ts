/**
 * The verifiers outside Node: both entry points' webhook modules bundled by esbuild for the
 * browser platform (which fails on any Node-only import) and run in headless Chromium, where the
 * only crypto is WebCrypto. The page checks the two published vectors and a tampered body.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { fromRoot } from '../../scripts/lib/apis.js';
import { chromiumArgs, ensureChromium } from '../docs/chromium.js';

const browserLookup = ensureChromium();

/** The code that runs in the page: it only sees the bundle's global `sdk`. */
const pageScript = `
(async () => {
  const jBody = '{"id":"evt_1","event_name":"payment.succeeded","data":{"id":"py_1","amount":1000}}';
  const jHeaders = new Headers({ 'JUSTIFI-TIMESTAMP': '2024-05-01T12:00:00Z', 'JUSTIFI-SIGNATURE': JUSTIFI_SIGNATURE });
  const now = Date.parse('2024-05-01T12:00:00Z');
  const justifi = await sdk.verifyJustifiWebhook(jBody, jHeaders, 'jf_whsec_test_4ksP2mQ8vR1xT7yZ', { now });
  const tampered = await sdk.verifyJustifiWebhook(jBody.replace('1000', '1'), jHeaders, 'jf_whsec_test_4ksP2mQ8vR1xT7yZ', { now }).catch((e) => e.reason);
  const pHeaders = { 'webhook-id': 'msg_p5jXN8AQM9LWM0D4loKWxJek', 'webhook-timestamp': '1614265330', 'webhook-signature': 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=' };
  const payments = await sdk.verifyPaymentsWebhook(new TextEncoder().encode('{"test": 2432232314}'), pHeaders, 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', { now: 1614265330000 });
  return { justifi, tampered, payments, hasNodeBuffer: typeof Buffer !== 'undefined' };
})()`;

describe.skipIf(!browserLookup.executablePath)(`webhook verifiers in headless Chromium${browserLookup.skipReason ? ` (skipped: ${browserLookup.skipReason})` : ''}`, () => {
  it('verify the published vectors and refuse a tampered body with WebCrypto alone', async () => {
    const bundle = await build({
      stdin: {
        contents: "export { verifyJustifiWebhook } from './src/justifi/webhooks.ts'; export { verifyPaymentsWebhook } from './src/payments/webhooks.ts';",
        resolveDir: fromRoot('.'),
        loader: 'ts',
      },
      bundle: true,
      platform: 'browser',
      format: 'iife',
      globalName: 'sdk',
      write: false,
      logLevel: 'silent',
    });
    const { createHmac } = await import('node:crypto');
    const signature = createHmac('sha256', 'jf_whsec_test_4ksP2mQ8vR1xT7yZ')
      .update('2024-05-01T12:00:00Z.{"id":"evt_1","event_name":"payment.succeeded","data":{"id":"py_1","amount":1000}}')
      .digest('hex');
    // A loopback origin is a secure context, which crypto.subtle requires.
    const server = http.createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>webhooks</title>'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const browser = await chromium.launch({ executablePath: browserLookup.executablePath, args: chromiumArgs });
    try {
      const page = await browser.newPage();
      await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
      await page.addScriptTag({ content: bundle.outputFiles[0]!.text });
      const result = await page.evaluate(pageScript.replace('JUSTIFI_SIGNATURE', JSON.stringify(signature)));
      expect(result).toEqual({
        justifi: { id: 'evt_1', event_name: 'payment.succeeded', data: { id: 'py_1', amount: 1000 } },
        tampered: 'bad_signature',
        payments: { test: 2432232314 },
        hasNodeBuffer: false,
      });
    } finally {
      await browser.close();
      await new Promise((resolve) => server.close(resolve));
    }
  }, 60_000);
});
