/**
 * Payment methods. Seed "Fetch payment method" and "Update payment method" (`billing_details`
 * required: address object, email, name, phone). The spec gives neither operation an
 * `x-account-id`: a method belongs to the API key (the fixtures of fixtures.ts, and the methods
 * recorded by external payments).
 */
import type { OperationRequest } from '../core/types.js';
import type { RuleContext } from './context.js';
import { notFound, refuse } from './errors.js';
import type { BodyOf, PaymentMethod } from './model.js';

function findMethod(rc: RuleContext, id: string): PaymentMethod {
  return rc.partner.paymentMethods.get(id) ?? refuse(notFound('payment method', id));
}

export const paymentMethodRules = {
  getPaymentMethod(req: OperationRequest, rc: RuleContext) {
    return { status: 200, body: structuredClone(findMethod(rc, req.params.id!)) };
  },

  /** The spec: "Replaces the billing details of a payment method". Payments made earlier keep the details they were made with. */
  updatePaymentMethod(req: OperationRequest, rc: RuleContext) {
    const method = findMethod(rc, req.params.id!);
    const body = req.body as BodyOf<'updatePaymentMethod'>;
    Object.assign(method, { billing_details: structuredClone(body.billing_details), updated_at: rc.iso });
    rc.emit('payment_method.updated', rc.scope.account ?? '', structuredClone(method));
    return { status: 200, body: structuredClone(method) };
  },
};
