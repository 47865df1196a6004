/**
 * JustiFi sandbox: every operation of the bundle is answered, each with a documented response,
 * here through the Prism proxy that `--validate` puts in front (`prism proxy <bundle> <sandbox>
 * --errors`, the same starter startSandbox uses), so a second, independent validator checks every
 * exchange against generated/justifi-v1.yaml. Only the JustiFi side is started, to keep it quick.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJustifiClient } from '../../src/justifi/index.js';
import type { LogEvent } from '../../src/core/logger.js';
import { loadSpec } from '../../sandbox/core/spec.js';
import { createRouter } from '../../sandbox/core/router.js';
import { createApiServer, createClock, createEventBus, repoRoot, type ApiServer } from '../../sandbox/core/index.js';
import { createJustifiApi } from '../../sandbox/justifi/index.js';
import { startPrismProxy, type PrismProxy } from '../../scripts/lib/prism-proxy.js';
import { card, day, minute, startTime } from './justifi-harness.js';

const failures: string[] = [];
const clock = createClock({ start: startTime, frozen: true });
let server: ApiServer;
let proxy: PrismProxy;
let sandbox: { clock: typeof clock; justifi: { url: string; directUrl: string } };
beforeAll(async () => {
  const events = createEventBus(clock);
  server = createApiServer(createJustifiApi({ clock, events }), { clock, events, log: (line) => failures.push(line) });
  const directUrl = await server.start();
  proxy = await startPrismProxy(`${repoRoot}/generated/justifi-v1.yaml`, directUrl);
  sandbox = { clock, justifi: { url: proxy.url, directUrl } };
}, 60_000);
afterAll(async () => {
  await proxy?.stop();
  await server?.stop();
});

describe('JustiFi operations', () => {
  it('answers every operation of the bundle with a documented 2xx through the validating Prism proxy', async () => {
    const spec = loadSpec('generated/justifi-v1.yaml');
    const route = createRouter(spec.operations);
    const seen = new Map<string, number>();
    const logger = (e: LogEvent) => {
      if (e.type !== 'response') return;
      const url = new URL(e.url);
      const routed = route(e.method, url.pathname);
      if (routed.kind === 'match') seen.set(routed.operation.operationId, e.status);
    };
    const justifi = createJustifiClient({ clientId: 'test_every_operation', clientSecret: 'secret', baseUrl: sandbox.justifi.url, maxRetries: 0, logger });
    const onboarding = { business_details: { url: 'https://example.com', type: 'for_profit' as const, structure: 'single_member_llc' as const, industry: 'Coffee' }, representative: { name: 'Ada' }, bank_account: { routing_number: '110000000', account_number: '000123456789' }, terms_and_conditions: { accepted: true, ip: '203.0.113.10' } };

    const sub = await justifi.subAccounts.create({ name: 'Every Operation LLC' });
    await justifi.subAccounts.list();
    await justifi.subAccounts.get(sub.id);
    const seller = await justifi.sellerAccounts.create({ name: 'Every Operation Seller' });
    await justifi.sellerAccounts.list();
    await justifi.sellerAccounts.get(seller.id);
    await justifi.onboarding.create(sub.id, onboarding);
    sandbox.clock.advance(minute);

    const payment = await justifi.payments.create({ amount: 5000, currency: 'usd', capture_strategy: 'automatic', payment_method: card('4242424242424242') });
    await justifi.payments.list({ limit: 5 });
    await justifi.payments.get(payment.id);
    await justifi.payments.update(payment.id, { description: 'updated', metadata: { a: 1 } });
    const authorized = await justifi.payments.create({ amount: 5000, currency: 'usd', capture_strategy: 'manual', payment_method: card('5555555555554444') });
    await justifi.payments.capture(authorized.id);
    const refund = await justifi.payments.refund(payment.id, { amount: 1000, reason: 'duplicate' });
    await justifi.payments.balanceTransactions(payment.id);
    await justifi.payments.create({ amount: 7000, currency: 'usd', capture_strategy: 'automatic', payment_method: card('4242424242424242') }, { subAccount: sub.id });

    const intent = await justifi.paymentIntents.create({ amount: 2500, currency: 'usd' });
    await justifi.paymentIntents.list();
    await justifi.paymentIntents.get(intent.id);
    await justifi.paymentIntents.update(intent.id, { payment_method: card('4242424242424242') });
    await justifi.checkoutSessions.create({ payment_intent_id: intent.id, after_payment_url: 'https://example.com/done' });
    await justifi.paymentIntents.capture(intent.id, {});
    await justifi.paymentIntents.listPayments(intent.id);

    const method = await justifi.paymentMethods.create({ payment_method: card('6011000990139424') });
    await justifi.paymentMethods.list();
    await justifi.paymentMethods.get(method.card!.token!);
    await justifi.paymentMethods.update(method.card!.token!, { card: { month: '5' } });
    await justifi.paymentMethods.clone(method.card!.token!, { destination_account_id: sub.id });

    await justifi.refunds.list();
    await justifi.refunds.get(refund.id);
    await justifi.refunds.update(refund.id, { metadata: { note: 'x' } });

    const dispute = (await justifi.disputes.list()).data[0]!;
    await justifi.disputes.get(dispute.id);
    await justifi.disputes.update(dispute.id, { metadata: { evidence: 'sent' } });

    sandbox.clock.advance(day);
    const payout = (await justifi.payouts.list()).data[0]!;
    await justifi.payouts.get(payout.id);
    await justifi.payouts.update(payout.id, { metadata: { reconciled: true } });
    await justifi.payouts.csvReport(payout.id);
    const proceeds = (await justifi.proceeds.list()).data[0]!;
    await justifi.proceeds.get(proceeds.id);

    const missing = spec.operations.map((op) => op.operationId).filter((id) => !seen.has(id));
    expect(missing).toEqual([]);
    for (const [id, status] of seen) expect(status, id).toBeLessThan(300);
    expect(failures).toEqual([]);
  }, 60_000);

  it('keeps the direct (unproxied) URL available next to the proxy URL', async () => {
    expect(sandbox.justifi.url).not.toBe(sandbox.justifi.directUrl);
    const direct = await fetch(`${sandbox.justifi.directUrl}/payments`);
    expect(direct.status).toBe(401);
    expect(direct.headers.get('x-request-id')).toMatch(/^req_/);
  });
});
