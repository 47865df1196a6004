/**
 * Checkout sessions: hosted pages that collect payment for one payment intent. Seed "Create a new
 * checkout session" (with `payment_intent_data`, `subtotal`, `discount_amount`), "Complete a
 * checkout session", "Expire a check session", "Create a checkout session payment", plus the
 * list, get and details reads. The seed shows only status `open`; the spec infers `completed` and
 * `expired` from the two operations. The sandbox's rules (inferred, README.md):
 *
 * - a session is created `open` with its own payment intent and expires 24 h later (sandbox clock);
 * - it is paid with createCheckoutSessionPayment while open, with a method of an allowed type;
 * - complete needs a successful payment; expire needs none, and cancels the unpaid intent (`abandoned`);
 * - a completed or expired session is final: complete, expire and pay answer 409.
 */
import { newId } from '../core/index.js';
import type { OperationRequest } from '../core/types.js';
import type { RuleContext } from './context.js';
import { paymentsError, refuse, unprocessable } from './errors.js';
import { noteDue } from './clockwork.js';
import { checkoutBranding } from './fixtures.js';
import { byId, find, partnerScope, renderPayment, renderSession, visibleEntries } from './lookup.js';
import type { BodyOf, CheckoutSession } from './model.js';
import { listPage } from './paging.js';
import { cancelIntent, createIntent } from './payment-intents.js';
import { payWithStoredMethod } from './payments.js';

/** Inferred lifetime of an open session. */
export const checkoutSessionLifetimeMs = 24 * 60 * 60 * 1000;

function findSession(rc: RuleContext, id: string): CheckoutSession {
  return find(rc, rc.state.sessions, 'checkout session', id);
}

/** 409: the session is already final (the only fitting status these operations document). */
function requireOpen(session: CheckoutSession, action: string): void {
  if (session.status === 'open') return;
  refuse(paymentsError(409, `checkout_session_${session.status}`, `Checkout session ${session.id} is ${session.status}; it cannot be ${action}.`));
}

function paid(rc: RuleContext, session: CheckoutSession): boolean {
  const intent = byId(rc.state.intents, session.payment_intent_id);
  return intent?.status === 'captured' || intent?.status === 'uncaptured';
}

/** Expires every open session past its `expires_at` (run before each request, context.ts). */
export function expireDueSessions(rc: RuleContext): void {
  for (const session of rc.state.sessions.list(partnerScope(rc), (s) => s.status === 'open' && s.expires_at != null && Date.parse(s.expires_at) <= rc.now)) {
    if (!paid(rc, session)) expire(rc, session, session.expires_at!);
  }
}

function expire(rc: RuleContext, session: CheckoutSession, at: string): void {
  const intent = byId(rc.state.intents, session.payment_intent_id);
  if (intent && intent.status !== 'cancelled') cancelIntent(rc, intent, 'abandoned');
  Object.assign(session, { status: 'expired', updated_at: at });
  rc.emit('checkout_session.expired', session.account_id ?? '', renderSession(rc, session));
}

export const checkoutSessionRules = {
  listCheckoutSessions(req: OperationRequest, rc: RuleContext) {
    return { status: 200, body: listPage(rc, visibleEntries(rc, rc.state.sessions), req.query, (s) => renderSession(rc, s)) };
  },

  createCheckoutSession(req: OperationRequest, rc: RuleContext) {
    const body = req.body as BodyOf<'createCheckoutSession'>;
    const account = rc.scope.account!;
    // Inferred: a discount cannot exceed what it discounts.
    if (body.discount_amount > body.subtotal) {
      refuse(unprocessable('discount_exceeds_subtotal', `discount_amount (${body.discount_amount}) must not be greater than subtotal (${body.subtotal})`, 'discount_amount'));
    }
    const types = body.payment_method_types ?? body.payment_intent_data.payment_method_types ?? ['card', 'bank'];
    const intent = createIntent(rc, account, { ...body.payment_intent_data, payment_method_types: types });
    const id = newId('cs');
    const session: CheckoutSession = {
      id,
      entity: 'checkout_session',
      // The sandbox does not serve the hosted page; the URL names the session on this sandbox.
      url: `${rc.origin}/checkout/${id}`,
      cancel_url: body.cancel_url,
      success_url: body.success_url,
      customer_email: body.customer_email,
      reference_id: body.reference_id ?? null,
      user_fields: body.user_fields ?? {},
      payment_method_types: types,
      payment_intent_data: body.payment_intent_data,
      payment_intent_id: intent.id,
      subtotal: body.subtotal,
      discount_amount: body.discount_amount,
      status: 'open',
      account_id: account,
      partner_id: rc.partner.id,
      business_id: null,
      created_at: rc.iso,
      updated_at: rc.iso,
      expires_at: new Date(rc.now + checkoutSessionLifetimeMs).toISOString(),
    };
    rc.state.sessions.insert(rc.home(account), session);
    noteDue(rc, rc.now + checkoutSessionLifetimeMs);
    rc.emit('checkout_session.created', account, renderSession(rc, session));
    return { status: 201, body: renderSession(rc, session) };
  },

  getCheckoutSession(req: OperationRequest, rc: RuleContext) {
    return { status: 200, body: renderSession(rc, findSession(rc, req.params.id!)) };
  },

  /** Read by the hosted page: the spec gives it no `x-account-id`, so any account of the key. */
  getCheckoutSessionDetails(req: OperationRequest, rc: RuleContext) {
    return { status: 200, body: { checkout_session: renderSession(rc, findSession(rc, req.params.id!)), branding: checkoutBranding } };
  },

  completeCheckoutSession(req: OperationRequest, rc: RuleContext) {
    const session = findSession(rc, req.params.id!);
    requireOpen(session, 'completed');
    if (!paid(rc, session)) refuse(paymentsError(409, 'checkout_session_unpaid', `Checkout session ${session.id} has no successful payment yet; pay it before completing it.`));
    Object.assign(session, { status: 'completed', updated_at: rc.iso });
    rc.emit('checkout_session.completed', session.account_id ?? '', renderSession(rc, session));
    return { status: 200, body: renderSession(rc, session) };
  },

  expireCheckoutSession(req: OperationRequest, rc: RuleContext) {
    const session = findSession(rc, req.params.id!);
    requireOpen(session, 'expired');
    if (paid(rc, session)) refuse(paymentsError(409, 'checkout_session_paid', `Checkout session ${session.id} is paid; complete it instead of expiring it.`));
    expire(rc, session, rc.iso);
    return { status: 200, body: renderSession(rc, session) };
  },

  createCheckoutSessionPayment(req: OperationRequest, rc: RuleContext) {
    const session = findSession(rc, req.params.id!);
    requireOpen(session, 'paid');
    const intent = byId(rc.state.intents, session.payment_intent_id)!;
    const payment = payWithStoredMethod(rc, intent, req.body as BodyOf<'createCheckoutSessionPayment'>);
    return { status: 201, body: renderPayment(payment) };
  },
};
