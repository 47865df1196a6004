/** JustiFi sandbox: amount and currency rules, and the documented error codes a bad payment body gets. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { card, startJustifiSandbox, type JustifiSandbox } from './justifi-harness.js';

let sb: JustifiSandbox;
let token: string;
beforeAll(async () => {
  sb = await startJustifiSandbox();
  token = await sb.token();
});
afterAll(() => sb.stop());

const good = { amount: 1000, currency: 'usd', capture_strategy: 'automatic', payment_method: card('4242424242424242') };
let n = 0;
const create = (body: unknown) => sb.fetch('/payments', { body, token, headers: { 'idempotency-key': `amounts-${++n}` } });

describe('JustiFi amounts', () => {
  it.each([50, 1, -5, 0])('refuses amount %i with 422 amount_below_minimum ("Amount must be greater than 50")', async (amount) => {
    const res = await create({ ...good, amount });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('amount_below_minimum');
  });

  it('takes 51, the smallest amount greater than 50', async () => {
    expect((await create({ ...good, amount: 51 })).status).toBe(201);
  });

  it('refuses a fractional amount with 422 amount_must_be_an_integer', async () => {
    const res = await create({ ...good, amount: 10.5 });
    expect(res.status).toBe(422);
    expect(res.body.error).toEqual({ code: 'amount_must_be_an_integer', message: 'amount must be integer' });
  });

  it('refuses an amount sent as a string with 422 amount_must_be_an_integer (bodies are never coerced)', async () => {
    expect((await create({ ...good, amount: '1000' })).body.error.code).toBe('amount_must_be_an_integer');
  });

  it('refuses a currency other than usd with 422 currency_invalid', async () => {
    const res = await create({ ...good, currency: 'eur' });
    expect(res.status).toBe(422);
    expect(res.body.error).toEqual({ code: 'currency_invalid', message: 'currency must be one of: usd' });
  });

  it('refuses an amount over the inferred maximum with 422 amount_too_large', async () => {
    expect((await create({ ...good, amount: 100_000_000 })).body.error.code).toBe('amount_too_large');
  });

  it('answers a missing amount with 422 amount_required', async () => {
    const { amount: _a, ...rest } = good;
    expect((await create(rest)).body.error).toEqual({ code: 'amount_required', message: 'amount is required' });
  });

  it('answers a missing payment method with 422 payment_method_required', async () => {
    const { payment_method: _p, ...rest } = good;
    expect((await create(rest)).body.error.code).toBe('payment_method_required');
  });

  it('answers a card number with letters with 422 card_number_invalid, naming the field', async () => {
    const res = await create({ ...good, payment_method: card('4242abcd42424242') });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('card_number_invalid');
    expect(res.body.error.message).toContain('payment_method.card.number must match pattern');
  });

  it('answers a missing field without a code of its own with 400 parameter_missing', async () => {
    const res = await sb.fetch('/sub_accounts', { body: {}, token });
    expect(res.status).toBe(400);
    expect(res.body.error).toEqual({ code: 'parameter_missing', message: 'Missing required parameter: name is required' });
  });

  it('answers a capture_strategy outside the enum with 422 capture_strategy_invalid', async () => {
    expect((await create({ ...good, capture_strategy: 'later' })).body.error.code).toBe('capture_strategy_invalid');
  });
});
