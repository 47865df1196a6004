/**
 * Test cards and bank accounts, exactly as the reference's Testing section lists them, and what
 * tokenizing one does. The outcome of a later charge is kept with the token; the full card or
 * account number never is.
 */
import { createHash } from 'node:crypto';
import { describe, JustifiError } from './errors.js';
import type { ChargeOutcome } from './state.js';
import type { CreateBankAccount, CreateCard } from './types.js';

/** "Successful Test Cards … CVC: Any 3 digits (American Express: Any 4 digits), Date: Any future date". */
const successfulCards: Record<string, string> = {
  '4242424242424242': 'visa',
  '4000056655665556': 'visa',
  '5555555555554444': 'mastercard',
  '2223003122003222': 'mastercard',
  '5200828282828210': 'mastercard',
  '5105105105105100': 'mastercard',
  '378282246310005': 'american_express',
  '371449635398431': 'american_express',
  '6011000990139424': 'discover',
  '3056930009020004': 'diners_club',
  '36227206271667': 'diners_club',
  '3566002020360505': 'jcb',
  '6200000000000005': 'unionpay',
};

/** "Declined Test Cards": each number with the sentence that says what it does. Messages: the spec's sample ("The card has been declined.") or the code's description in the table. */
const declined = (code: 'card_declined' | 'expired_card' | 'invalid_cvc' | 'gateway_error', declineCode?: string) => ({ kind: 'declines' as const, code, ...(declineCode ? { declineCode } : {}), message: code === 'card_declined' ? 'The card has been declined.' : describe(code) });
const declinedCards: Record<string, ChargeOutcome> = {
  // "Tokenizing this card succeeds, but attempts to make a payment fail."
  '4000000000000341': declined('card_declined'),
  // "Payment is declined with a card_declined code."
  '4000000000000002': declined('card_declined'),
  // "Payment is declined with a card_declined code. The decline_code attribute is insufficient_funds."
  '4000000000009995': declined('card_declined', 'insufficient_funds'),
  // "… The decline_code attribute is lost_card."
  '4000000000009987': declined('card_declined', 'lost_card'),
  // "… The decline_code attribute is stolen_card."
  '4000000000009979': declined('card_declined', 'stolen_card'),
  // "Payment is declined with an expired_card code."
  '4000000000000069': declined('expired_card'),
  // "Payment is declined with an invalid_cvc code."
  '4000000000000127': declined('invalid_cvc'),
  // "Payment is declined with a gateway_error code."
  '4000000000000119': declined('gateway_error'),
};

/** "If a CVC number is provided, the cvc_check fails." */
const cvcCheckFails = '4000000000000101';

/**
 * "Successful Bank Account (ACH): 110000000 000123456789" and "Declined Bank Accounts (ACH)". The
 * table gives a description, not a code; the code for each is the nearest one in the Error Codes
 * table (inferred): insufficient funds → `card_declined` with `decline_code` `insufficient_funds`
 * (as the card of that description); debits not supported → `not_authorized`; closed account →
 * `card_declined` with `decline_code` `account_closed`; no such account → `payment_method_not_found`.
 */
const declinedAccounts: Record<string, ChargeOutcome> = {
  '110000000/000222222227': { kind: 'declines', code: 'card_declined', declineCode: 'insufficient_funds', message: 'The bank account has been declined: Insufficient Funds' },
  '110000000/000333333335': { kind: 'declines', code: 'not_authorized', declineCode: 'debits_not_supported', message: "The bank account has been declined: The account doesn't support debits" },
  '110000000/000111111113': { kind: 'declines', code: 'card_declined', declineCode: 'account_closed', message: 'The bank account has been declined: The account is closed' },
  '110000000/000111111116': { kind: 'declines', code: 'payment_method_not_found', declineCode: 'no_account', message: "The bank account has been declined: The account doesn't exist" },
};

/** The Luhn check ("the card number fails the Luhn check"). */
export function passesLuhn(number: string): boolean {
  let sum = 0;
  for (let i = 0; i < number.length; i++) {
    let digit = Number(number[number.length - 1 - i]);
    if (i % 2 === 1) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
  }
  return sum % 10 === 0;
}

/** The same card or account always gives the same signature ("identical for the same card or account"). */
export const signatureOf = (text: string) => createHash('sha256').update(text).digest('base64url').slice(0, 16);

export interface TokenizedCard {
  brand: string;
  last4: string;
  month: string;
  year: string;
  signature: string;
  outcome: ChargeOutcome;
}

/**
 * Tokenizing a card. 402 for what the reference calls errors "while tokenizing the payment method,
 * such as an invalid cvc or an expiration date in the past"; 422 for a field in the wrong format.
 */
export function tokenizeCard(card: CreateCard, now: number): TokenizedCard {
  const number = card.number;
  // "4242424242424241: Payment is declined with an card_number_invalid code as the card number fails the Luhn check."
  if (!passesLuhn(number)) throw new JustifiError(402, 'card_number_invalid', `The card number fails the Luhn check (card_number_invalid)`);
  const month = Number(card.month);
  if (!/^\d{1,2}$/.test(card.month) || month < 1 || month > 12) throw new JustifiError(422, 'month_invalid', `Format is invalid for parameter: month (1-12, got "${card.month}")`);
  if (!/^\d{4}$/.test(card.year)) throw new JustifiError(422, 'year_invalid', `Format is invalid for parameter: year (four digits, got "${card.year}")`);
  const brand = successfulCards[number] ?? (number.startsWith('4') ? 'visa' : 'unknown');
  // "CVC: Any 3 digits" (American Express: "Any 4 digits").
  const cvcLength = brand === 'american_express' ? 4 : 3;
  if (card.verification !== undefined && card.verification.length !== cvcLength) {
    throw new JustifiError(422, 'verification_invalid', `Format is invalid for parameter: verification (${cvcLength} digits for this card)`);
  }
  // "Date: Any future date": the card is valid through the end of its expiry month.
  if (Date.UTC(Number(card.year), month, 1) <= now) throw new JustifiError(402, 'expired_card');
  if (number === cvcCheckFails && card.verification !== undefined) throw new JustifiError(402, 'invalid_cvc', 'The card’s security code is incorrect: the cvc_check failed.');
  let outcome: ChargeOutcome;
  if (successfulCards[number] || number === cvcCheckFails) outcome = { kind: 'succeeds' };
  else if (declinedCards[number]) outcome = declinedCards[number]!;
  else {
    // Inferred: test mode takes only the Testing section's numbers ("these cards won't work for live payments", and the reverse).
    throw new JustifiError(402, 'card_declined', 'The card has been declined: the sandbox (test mode) accepts only the test card numbers of the Testing section.', 'test_mode_live_card');
  }
  return { brand, last4: number.slice(-4), month: String(month), year: card.year, signature: signatureOf(`card:${number}`), outcome };
}

export interface TokenizedBankAccount {
  last4: string;
  signature: string;
  outcome: ChargeOutcome;
}

/** Tokenizing a bank account always succeeds; a declined account fails when charged (ACH returns). Other accounts succeed (inferred). */
export function tokenizeBankAccount(account: CreateBankAccount): TokenizedBankAccount {
  const key = `${account.routing_number}/${account.account_number}`;
  return { last4: account.account_number.slice(-4), signature: signatureOf(`bank:${key}`), outcome: declinedAccounts[key] ?? { kind: 'succeeds' } };
}
