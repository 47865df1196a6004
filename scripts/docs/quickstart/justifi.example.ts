// Quickstart shown on the docs landing page. Type-checked with the project (`npm run typecheck`) so
// the published snippet cannot drift from the SDK; the page swaps the relative import for the
// package name and drops everything above the first import. Never run: it would call the live API.
import { createJustifiClient, ApiError, RateLimitError, type JustifiApiError } from '../../../src/justifi/index.js';

const justifi = createJustifiClient({
  clientId: process.env.JUSTIFI_CLIENT_ID!, // test_… or live_…
  clientSecret: process.env.JUSTIFI_CLIENT_SECRET!,
  subAccount: 'acc_123xyz', // default Sub-Account header (platforms)
});

// Create: the SDK adds a fresh Idempotency-Key and re-sends it on every retry.
const payment = await justifi.payments.create({
  amount: 1000,
  currency: 'usd',
  capture_strategy: 'automatic',
  payment_method: { token: 'pm_123xyz' },
});
console.log(payment.id, payment.status);

// List: await for one page, or iterate every item across pages (one page in memory at a time).
const page = await justifi.payments.list({ limit: 25 });
console.log(page.data.length, page.hasNext);
for await (const p of justifi.payments.list({ limit: 100 })) console.log(p.id);

// Errors: one class per status; `code` is JustiFi's documented error code.
try {
  await justifi.payments.get('py_missing');
} catch (e) {
  if (e instanceof RateLimitError) console.log('slow down; already retried', e.requestId);
  else if (e instanceof ApiError) console.log(e.status, (e as JustifiApiError).code, e.message);
  else throw e;
}
