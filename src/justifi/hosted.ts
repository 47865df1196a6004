/** URLs of JustiFi's hosted pages, as the hosted checkout and hosted onboarding guides give them. */
import { RequestValidationError } from '../core/errors.js';

function segment(value: string, field: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw new RequestValidationError(field, 'is required (a non-empty string)');
  return encodeURIComponent(value);
}

/** Where to redirect a customer to pay a checkout session: `https://checkout.justifi.ai/r/{id}`. */
export function hostedCheckoutUrl(checkoutSessionId: string): string {
  return `https://checkout.justifi.ai/r/${segment(checkoutSessionId, 'checkoutSessionId')}`;
}

/** The iframe source for a sub account's hosted onboarding form: `https://accounts.justifi.ai/onboarding/{id}`. */
export function hostedOnboardingUrl(subAccountId: string): string {
  return `https://accounts.justifi.ai/onboarding/${segment(subAccountId, 'subAccountId')}`;
}
