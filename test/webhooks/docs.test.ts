/**
 * The landing page lists every webhook of each spec in that API's section, with the schema of
 * its `data`, the verifier to use and which events are inferred or deprecated.
 */
import { describe, expect, it } from 'vitest';
import { describeApi } from '../../scripts/docs/build-site.js';
import { renderLandingPage } from '../../scripts/docs/landing-page.js';
import { apis } from '../../scripts/lib/apis.js';
import { loadBundle } from '../../scripts/lib/spec-model.js';
import { listWebhooks } from '../../scripts/lib/webhook-model.js';

describe('landing page: webhook events', async () => {
  const docs = await Promise.all(apis.map(describeApi));
  const page = renderLandingPage({ apis: docs, samples: [], redoclyVersion: 'test' });
  const section = (name: string) => page.slice(page.indexOf(`data-api="${name}"`), page.indexOf('</section>', page.indexOf(`data-api="${name}"`)));

  it.each(apis.map((api) => [api.name, api] as const))('the %s section lists each of its webhooks once, and no other API’s', (name, api) => {
    const own = section(name);
    const hooks = listWebhooks(loadBundle(api));
    const listed = [...own.matchAll(/<dt><code>([^<]+)<\/code>/g)].map((m) => m[1]);
    expect(listed).toEqual(hooks.map((h) => String(h.operation.summary)));
    expect(own).toContain(`declares ${hooks.length} webhooks`);
    expect(own).toContain(name === 'justifi-v1' ? '<code>verifyJustifiWebhook</code>' : '<code>verifyPaymentsWebhook</code>');
  });

  it('names the data schema of each event and flags inferred and deprecated ones', () => {
    const justifi = section('justifi-v1');
    expect(justifi).toMatch(/<dt><code>payment\.refund\.updated<\/code> <span class="flag">inferred<\/span><\/dt><dd><code>Refund<\/code>: A refund of a payment changed/);
    expect(justifi).toMatch(/<dt><code>sub_account\.updated<\/code><\/dt><dd><code>SubAccount<\/code>/);
    expect(justifi).toMatch(/<dt><code>seller_account\.updated<\/code> <span class="flag">deprecated<\/span><\/dt>/);
    expect(justifi).toContain('<code>JUSTIFI-TIMESTAMP</code>, <code>JUSTIFI-SIGNATURE</code>');
    const payments = section('payments-v1.3');
    expect(payments).toMatch(/<dt><code>payment_intent\.\* events<\/code> <span class="flag">inferred<\/span><\/dt><dd><code>PaymentIntent<\/code>/);
    expect(payments).toContain('<code>svix-id</code>, <code>svix-timestamp</code>, <code>svix-signature</code>');
    expect(payments).toContain('e.g. payment_intent.succeeded; the vendor does not publish the names).</dd>');
    const events = justifi.slice(justifi.indexOf('class="events"'));
    expect((events.match(/class="flag">inferred</g) ?? []).length).toBe(22);
  });
});
