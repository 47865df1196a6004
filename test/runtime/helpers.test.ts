import { describe, expect, it } from 'vitest';
import { hostedCheckoutUrl, hostedOnboardingUrl, RequestValidationError, testBankAccounts, testCards } from '../../src/justifi/index.js';
import { justifiTestNumbers } from '../support/seeds.js';

describe('helpers', () => {
  it('hostedCheckoutUrl is https://checkout.justifi.ai/r/{checkout_session_id}', () => {
    expect(hostedCheckoutUrl('cs_123')).toBe('https://checkout.justifi.ai/r/cs_123');
    expect(hostedCheckoutUrl('a/b')).toBe('https://checkout.justifi.ai/r/a%2Fb');
    expect(() => hostedCheckoutUrl('')).toThrow(RequestValidationError);
  });

  it('hostedOnboardingUrl is https://accounts.justifi.ai/onboarding/{sub_account_id}', () => {
    expect(hostedOnboardingUrl('acc_123')).toBe('https://accounts.justifi.ai/onboarding/acc_123');
    expect(() => hostedOnboardingUrl(undefined as never)).toThrow(/subAccountId/);
  });

  it('the test cards and bank accounts are exactly the numbers of the seed Testing section', () => {
    const ours = [
      ...Object.values(testCards).map((c) => c.number),
      ...Object.values(testBankAccounts).flatMap((a) => [a.routingNumber, a.accountNumber]),
    ];
    expect([...new Set(ours)].sort()).toEqual([...justifiTestNumbers()].sort());
  });

  it('every test card passes or fails the Luhn check as documented', () => {
    const luhn = (n: string) =>
      [...n].reverse().map(Number).reduce((sum, d, i) => sum + (i % 2 ? (d * 2 > 9 ? d * 2 - 9 : d * 2) : d), 0) % 10 === 0;
    for (const card of Object.values(testCards)) expect(luhn(card.number), card.number).toBe(card.number !== testCards.failsLuhnCheck.number);
  });
});
