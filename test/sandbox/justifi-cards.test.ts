/** JustiFi sandbox: the test cards and bank accounts of the Testing section, each doing exactly what it says. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bank, card, day, startJustifiSandbox, type JustifiSandbox } from './justifi-harness.js';

let sb: JustifiSandbox;
beforeAll(async () => {
  sb = await startJustifiSandbox();
});
afterAll(() => sb.stop());

const pay = (paymentMethod: object, extra: object = {}) => sb.client().payments.create({ amount: 2000, currency: 'usd', capture_strategy: 'automatic', payment_method: paymentMethod as never, ...extra });

// "Successful Test Cards": 13 numbers, any 3-digit CVC (4 for American Express), any future date.
const successful = ['4242424242424242', '4000056655665556', '5555555555554444', '2223003122003222', '5200828282828210', '5105105105105100', '378282246310005', '371449635398431', '6011000990139424', '3056930009020004', '36227206271667', '3566002020360505', '6200000000000005'];

// "Declined Test Cards" that decline when paying, with the documented code and decline_code.
const declined: [string, string, string | undefined][] = [
  ['4000000000000002', 'card_declined', undefined],
  ['4000000000009995', 'card_declined', 'insufficient_funds'],
  ['4000000000009987', 'card_declined', 'lost_card'],
  ['4000000000009979', 'card_declined', 'stolen_card'],
  ['4000000000000069', 'expired_card', undefined],
  ['4000000000000127', 'invalid_cvc', undefined],
  ['4000000000000119', 'gateway_error', undefined],
];

describe('JustiFi test cards', () => {
  it.each(successful)('the successful test card %s succeeds', async (number) => {
    const payment = await pay(card(number));
    expect(payment).toMatchObject({ status: 'succeeded', captured: true, amount: 2000, amount_refundable: 2000 });
    expect(payment.payment_method?.card?.acct_last_four).toBe(number.slice(-4));
  });

  it.each(declined)('the declined test card %s fails with 402 %s (decline_code %s)', async (number, code, declineCode) => {
    const error = await pay(card(number)).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'PaymentRequiredError', status: 402, code, declineCode });
  });

  it('stores a declined payment as failed with its error code ("If a payment fails, the status will reflect it")', async () => {
    const justifi = sb.client({ name: 'failed-list' });
    await justifi.payments.create({ amount: 2000, currency: 'usd', capture_strategy: 'automatic', payment_method: card('4000000000009995') }).catch(() => undefined);
    const failed = (await justifi.payments.list({ payment_status: 'failed' })).data;
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ status: 'failed', error_code: 'card_declined', captured: false });
  });

  it('4000000000000341 tokenizes, but a payment with it fails', async () => {
    const justifi = sb.client();
    const method = await justifi.paymentMethods.create({ payment_method: card('4000000000000341') });
    expect(method.card?.token).toMatch(/^pm_/);
    await expect(pay({ token: method.card!.token })).rejects.toMatchObject({ status: 402, code: 'card_declined' });
  });

  it('4000000000000101 fails the cvc_check when a CVC is given (402 invalid_cvc), and succeeds without one', async () => {
    await expect(pay(card('4000000000000101'))).rejects.toMatchObject({ status: 402, code: 'invalid_cvc' });
    const { verification: _cvc, ...withoutCvc } = card('4000000000000101').card;
    expect((await pay({ card: withoutCvc })).status).toBe('succeeded');
  });

  it('4242424242424241 fails the Luhn check with 402 card_number_invalid', async () => {
    await expect(pay(card('4242424242424241'))).rejects.toMatchObject({ status: 402, code: 'card_number_invalid' });
  });

  it('refuses an expiry date in the past with 402 expired_card ("Any future date")', async () => {
    await expect(pay(card('4242424242424242', { month: '2', year: '2030' }))).rejects.toMatchObject({ status: 402, code: 'expired_card' });
    expect((await pay(card('4242424242424242', { month: '3', year: '2030' }))).status).toBe('succeeded');
  });

  it('wants 4 CVC digits for American Express and 3 for the others (verification_invalid)', async () => {
    await expect(pay(card('378282246310005', { verification: '123' }))).rejects.toMatchObject({ status: 422, code: 'verification_invalid' });
    await expect(pay(card('4242424242424242', { verification: '1234' }))).rejects.toMatchObject({ status: 422, code: 'verification_invalid' });
  });

  it('refuses month 13 with 422 month_invalid', async () => {
    await expect(pay(card('4242424242424242', { month: '13' }))).rejects.toMatchObject({ status: 422, code: 'month_invalid' });
  });

  it('declines a card number that is not a test card (test mode)', async () => {
    await expect(pay(card('4111111111111111'))).rejects.toMatchObject({ status: 402, code: 'card_declined', declineCode: 'test_mode_live_card' });
  });
});

describe('JustiFi test bank accounts (ACH)', () => {
  it('the successful account 110000000 / 000123456789 is pending, then succeeds when it settles three days later', async () => {
    const justifi = sb.client({ name: 'ach' });
    const payment = await justifi.payments.create({ amount: 5000, currency: 'usd', capture_strategy: 'automatic', payment_method: bank('000123456789') });
    expect(payment).toMatchObject({ status: 'pending', captured: false });
    sb.clock.advance(3 * day);
    const settled = await justifi.payments.get(payment.id);
    expect(settled).toMatchObject({ status: 'succeeded', captured: true, amount_refundable: 5000 });
    expect(sb.events.filter((e) => (e.data as { id?: string }).id === payment.id).map((e) => e.name)).toEqual(['payment.created', 'payment.pending', 'payment.succeeded']);
  });

  // The table gives descriptions, not codes; the code is the table's nearest (inferred mapping, sandbox/README.md).
  it.each([
    ['000222222227', 'Insufficient Funds', 'card_declined', 'insufficient_funds'],
    ['000333333335', "The account doesn't support debits", 'not_authorized', 'debits_not_supported'],
    ['000111111113', 'The account is closed', 'card_declined', 'account_closed'],
    ['000111111116', "The account doesn't exist", 'payment_method_not_found', 'no_account'],
  ])('the declined account %s (%s) fails with 402 %s', async (account, description, code, declineCode) => {
    const error = await pay(bank(account)).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 402, code, declineCode });
    expect((error as Error).message).toContain(description);
  });

  it('refuses capture_strategy manual for a bank account with 422 capture_strategy_invalid ("Not supported by bank account (ACH)")', async () => {
    await expect(pay(bank('000123456789'), { capture_strategy: 'manual' })).rejects.toMatchObject({ status: 422, code: 'capture_strategy_invalid' });
  });
});
