// Quickstart shown on the docs landing page. Type-checked with the project (`npm run typecheck`) so
// the published snippet cannot drift from the SDK; the page swaps the relative import for the
// package name and drops everything above the first import. Never run: it would call the live API.
import { createPaymentsClient, ApiError, NotFoundError } from '../../../src/payments/index.js';

const pay = createPaymentsClient({
  apiKey: process.env.PAYMENTS_API_KEY!,
  accountId: 'acct_123', // default x-account-id
  environment: 'sandbox', // or 'production'
});

// Create: pass your own x-idempotency-key (10+ characters) to make a retry from your side safe too.
const intent = await pay.paymentIntents.create({ amount: 1000, currency: 'USD' }, { idempotencyKey: 'order-2026-0001' });
console.log(intent);

// List: await for one page, or iterate every item (starting_after cursors are followed for you).
const first = await pay.transactions.list({ limit: 50 });
if (first.hasNext) await first.nextPage();
for await (const t of pay.transactions.list({ limit: 50 })) console.log(t);

// Errors: the same classes as the JustiFi client, so one handler covers both APIs.
try {
  await pay.paymentIntents.get('pi_missing');
} catch (e) {
  if (e instanceof NotFoundError) console.log('no such payment intent', e.requestId);
  else if (e instanceof ApiError) console.log(e.status, e.code, e.message);
  else throw e;
}
