/**
 * The test card and bank account numbers from JustiFi's Testing section, with the outcome each
 * produces. They only work with a `test_` key. Use any future expiry date; CVC is any 3 digits
 * (4 for American Express).
 */

export interface TestCard {
  number: string;
  brand: string;
  /** What happens when it is used. */
  outcome: 'succeeds' | 'declined' | 'cvc_check_fails' | 'tokenizes_but_payment_fails';
  /** The error `code` a declined payment returns. */
  code?: 'card_declined' | 'expired_card' | 'invalid_cvc' | 'gateway_error' | 'card_number_invalid';
  /** The `decline_code` that accompanies `card_declined`, where documented. */
  declineCode?: 'insufficient_funds' | 'lost_card' | 'stolen_card';
  cvcLength: 3 | 4;
}

export const testCards = {
  visa: { number: '4242424242424242', brand: 'Visa', outcome: 'succeeds', cvcLength: 3 },
  visaDebit: { number: '4000056655665556', brand: 'Visa (debit)', outcome: 'succeeds', cvcLength: 3 },
  mastercard: { number: '5555555555554444', brand: 'Mastercard', outcome: 'succeeds', cvcLength: 3 },
  mastercard2Series: { number: '2223003122003222', brand: 'Mastercard (2-series)', outcome: 'succeeds', cvcLength: 3 },
  mastercardDebit: { number: '5200828282828210', brand: 'Mastercard (debit)', outcome: 'succeeds', cvcLength: 3 },
  mastercardPrepaid: { number: '5105105105105100', brand: 'Mastercard (prepaid)', outcome: 'succeeds', cvcLength: 3 },
  amex: { number: '378282246310005', brand: 'American Express', outcome: 'succeeds', cvcLength: 4 },
  amex2: { number: '371449635398431', brand: 'American Express', outcome: 'succeeds', cvcLength: 4 },
  discover: { number: '6011000990139424', brand: 'Discover', outcome: 'succeeds', cvcLength: 3 },
  dinersClub: { number: '3056930009020004', brand: 'Diners Club', outcome: 'succeeds', cvcLength: 3 },
  dinersClub14: { number: '36227206271667', brand: 'Diners Club (14 digit card)', outcome: 'succeeds', cvcLength: 3 },
  jcb: { number: '3566002020360505', brand: 'JCB', outcome: 'succeeds', cvcLength: 3 },
  unionPay: { number: '6200000000000005', brand: 'UnionPay', outcome: 'succeeds', cvcLength: 3 },
  cvcCheckFails: { number: '4000000000000101', brand: 'Visa', outcome: 'cvc_check_fails', cvcLength: 3 },
  chargeFails: { number: '4000000000000341', brand: 'Visa', outcome: 'tokenizes_but_payment_fails', cvcLength: 3 },
  declined: { number: '4000000000000002', brand: 'Visa', outcome: 'declined', code: 'card_declined', cvcLength: 3 },
  insufficientFunds: { number: '4000000000009995', brand: 'Visa', outcome: 'declined', code: 'card_declined', declineCode: 'insufficient_funds', cvcLength: 3 },
  lostCard: { number: '4000000000009987', brand: 'Visa', outcome: 'declined', code: 'card_declined', declineCode: 'lost_card', cvcLength: 3 },
  stolenCard: { number: '4000000000009979', brand: 'Visa', outcome: 'declined', code: 'card_declined', declineCode: 'stolen_card', cvcLength: 3 },
  expiredCard: { number: '4000000000000069', brand: 'Visa', outcome: 'declined', code: 'expired_card', cvcLength: 3 },
  incorrectCvc: { number: '4000000000000127', brand: 'Visa', outcome: 'declined', code: 'invalid_cvc', cvcLength: 3 },
  gatewayError: { number: '4000000000000119', brand: 'Visa', outcome: 'declined', code: 'gateway_error', cvcLength: 3 },
  failsLuhnCheck: { number: '4242424242424241', brand: 'Visa', outcome: 'declined', code: 'card_number_invalid', cvcLength: 3 },
} as const satisfies Record<string, TestCard>;

export interface TestBankAccount {
  routingNumber: string;
  accountNumber: string;
  outcome: 'succeeds' | 'insufficient_funds' | 'debits_not_supported' | 'account_closed' | 'account_does_not_exist';
}

export const testBankAccounts = {
  success: { routingNumber: '110000000', accountNumber: '000123456789', outcome: 'succeeds' },
  insufficientFunds: { routingNumber: '110000000', accountNumber: '000222222227', outcome: 'insufficient_funds' },
  debitsNotSupported: { routingNumber: '110000000', accountNumber: '000333333335', outcome: 'debits_not_supported' },
  accountClosed: { routingNumber: '110000000', accountNumber: '000111111113', outcome: 'account_closed' },
  accountDoesNotExist: { routingNumber: '110000000', accountNumber: '000111111116', outcome: 'account_does_not_exist' },
} as const satisfies Record<string, TestBankAccount>;
