/**
 * Payments API sandbox: every operation of the bundle answers from state, and every answer is
 * valid against the spec: the core validates each response before sending it (a violation would be
 * a 500 and a line in `failures`), and, independently, Prism's proxy checks every exchange.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromRoot } from '../../scripts/lib/apis.js';
import { startPrismProxy } from '../../scripts/lib/prism-proxy.js';
import { exerciseEveryOperation } from './payments-every-operation.js';
import { startPaymentsSandbox, type PaymentsSandbox } from './payments-sandbox.js';

let sandbox: PaymentsSandbox;
beforeAll(async () => {
  sandbox = await startPaymentsSandbox();
});
afterAll(() => sandbox?.stop());

describe('Payments sandbox: every operation', () => {
  it('answers a valid request with a documented success status and a body valid against the spec', async () => {
    const pay = sandbox.client({ accountId: 'acc_ops', businessId: 'biz_ops' });
    expect(await exerciseEveryOperation(pay, sandbox.advance)).toEqual([]);
    expect(sandbox.failures).toEqual([]);
  });

  it('passes Prism\'s own validation of every exchange (prism proxy --errors in front of the sandbox)', async () => {
    const proxy = await startPrismProxy(fromRoot('generated/payments-v1.3.yaml'), sandbox.url);
    try {
      const pay = sandbox.client({ apiKey: 'sk_test_through_prism', accountId: 'acc_prism', businessId: 'biz_prism', baseUrl: proxy.url });
      expect(await exerciseEveryOperation(pay, sandbox.advance)).toEqual([]);
      expect(proxy.output()).not.toMatch(/violation/i);
    } finally {
      await proxy.stop();
    }
  }, 90_000);
});
