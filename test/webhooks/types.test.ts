/**
 * The verified event's type is the union of the spec's webhook payloads (from generated/), and
 * comparing its name narrows `data` to the resource. These are compile-time checks: `npm run
 * typecheck` fails when one breaks (`@ts-expect-error` fails when the error it expects goes away).
 * The checks sit in functions that only the compiler reads; at run time there is no event to read.
 */
import { describe, expectTypeOf, it } from 'vitest';
import type { JustifiComponents, JustifiWebhookEvent, JustifiWebhookEventName } from '../../src/justifi/index.js';
import type { PaymentsComponents, PaymentsWebhookEvent, PaymentsWebhookResource } from '../../src/payments/index.js';

type J = JustifiComponents['schemas'];
type P = PaymentsComponents['schemas'];

describe('webhook event types', () => {
  it('JustiFi: narrowing on event_name gives the resource of that event', () => {
    const check = (justifiEvent: JustifiWebhookEvent) => {
      if (justifiEvent.event_name === 'payment.succeeded') expectTypeOf(justifiEvent.data).toEqualTypeOf<J['Payment']>();
      if (justifiEvent.event_name === 'payment.refund.updated') expectTypeOf(justifiEvent.data).toEqualTypeOf<J['Refund']>();
      if (justifiEvent.event_name === 'payment.dispute.closed') expectTypeOf(justifiEvent.data).toEqualTypeOf<J['Dispute']>();
      if (justifiEvent.event_name === 'payment_intent.succeeded') expectTypeOf(justifiEvent.data).toEqualTypeOf<J['PaymentIntent']>();
      if (justifiEvent.event_name === 'payment_method.updated') expectTypeOf(justifiEvent.data).toEqualTypeOf<J['PaymentMethod']>();
      if (justifiEvent.event_name === 'proceeds.payout.created') expectTypeOf(justifiEvent.data).toEqualTypeOf<J['Payout']>();
      if (justifiEvent.event_name === 'sub_account.updated') expectTypeOf(justifiEvent.data).toEqualTypeOf<J['SubAccount']>();
      if (justifiEvent.event_name === 'checkout.completed') expectTypeOf(justifiEvent.data).toEqualTypeOf<J['CheckoutSession']>();
      switch (justifiEvent.event_name) {
        case 'payout.paid':
          expectTypeOf(justifiEvent.data.status).toEqualTypeOf<J['PayoutStatus'] | undefined>();
          break;
        case 'payment.failed':
          expectTypeOf(justifiEvent.data.amount).toEqualTypeOf<number>();
      }
      // @ts-expect-error not an event name of the spec: the comparison has no overlap
      if (justifiEvent.event_name === 'payment.exploded') return;
    };
    expectTypeOf(check).parameter(0).toEqualTypeOf<JustifiWebhookEvent>();
  });

  it('JustiFi: the envelope fields are typed and the names are the spec’s', () => {
    const check = (justifiEvent: JustifiWebhookEvent) => {
      expectTypeOf(justifiEvent.account_type).toEqualTypeOf<'test' | 'live'>();
      expectTypeOf(justifiEvent.platform_account_id).toEqualTypeOf<string | null>();
      expectTypeOf(justifiEvent.version).toEqualTypeOf<'v1'>();
    };
    expectTypeOf(check).toBeFunction();
    expectTypeOf<'payment.created'>().toExtend<JustifiWebhookEventName>();
    expectTypeOf<'seller_account.updated'>().toExtend<JustifiWebhookEventName>();
    expectTypeOf<JustifiWebhookEvent<'payment.created'>['event_name']>().toEqualTypeOf<'payment.created'>();
  });

  it('Payments API: comparing event_type with a name narrows data to the resource of its prefix', () => {
    const check = (paymentsEvent: PaymentsWebhookEvent) => {
      if (paymentsEvent.event_type === 'payment_intent.succeeded') expectTypeOf(paymentsEvent.data).toEqualTypeOf<P['PaymentIntent']>();
      if (paymentsEvent.event_type === 'payment.failed') expectTypeOf(paymentsEvent.data).toEqualTypeOf<P['Payment']>();
      if (paymentsEvent.event_type === 'refund.updated') expectTypeOf(paymentsEvent.data).toEqualTypeOf<P['Refund']>();
      if (paymentsEvent.event_type === 'checkout_session.completed') expectTypeOf(paymentsEvent.data).toEqualTypeOf<P['CheckoutSession']>();
      // The resource's own `entity` enum narrows the same way.
      if (paymentsEvent.data.entity === 'dispute') expectTypeOf(paymentsEvent.data).toEqualTypeOf<P['Dispute']>();
      // @ts-expect-error no webhook covers `invoice.` events
      if (paymentsEvent.event_type === 'invoice.paid') return;
    };
    expectTypeOf(check).parameter(0).toEqualTypeOf<PaymentsWebhookEvent>();
  });

  it('Payments API: the resources are the spec’s webhook keys', () => {
    expectTypeOf<PaymentsWebhookResource>().toEqualTypeOf<'checkout_session' | 'payment_intent' | 'payment' | 'refund' | 'dispute' | 'payout' | 'payment_method'>();
    expectTypeOf<PaymentsWebhookEvent<'payout'>['event_type']>().toEqualTypeOf<`payout.${string}`>();
  });
});
