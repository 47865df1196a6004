/**
 * Rule 15: `err.code` narrows. Type-level assertions here are checked by `npm run typecheck` (which
 * covers test/): a misspelt code is a compile error, marked with `@ts-expect-error` so the check
 * itself fails if the misspelling ever compiles. The runtime half runs against a real server.
 */
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import * as root from '../../src/index.js';
import { ApiError, createJustifiClient, type JustifiErrorCode, PaymentRequiredError, RateLimitError } from '../../src/justifi/index.js';
import { failure } from '../support/outcome.js';
import { startTestServer, type TestServer } from '../support/http-server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer((req) =>
    req.path === '/oauth/token'
      ? { status: 200, body: { access_token: 't' } }
      : { status: 402, body: { error: { code: 'card_declined', message: 'Your card was declined.', decline_code: 'insufficient_funds' } } },
  );
});
afterAll(() => server.close());

describe('rule 15: err.code narrows to the JustiFi ErrorCode union', () => {
  it('after `e instanceof PaymentRequiredError` on a JustiFi call, e.code is JustifiErrorCode | undefined (card_declined at run time)', async () => {
    const justifi = createJustifiClient({ clientId: 'test_id', clientSecret: 'secret_123456', baseUrl: server.url });
    const e: unknown = await failure(justifi.payments.create({ amount: 1 } as never));
    if (!(e instanceof PaymentRequiredError)) throw new Error(`expected PaymentRequiredError, got ${String(e)}`);
    expectTypeOf(e.code).toEqualTypeOf<JustifiErrorCode | undefined>();
    expectTypeOf(e.code).not.toBeAny();
    expect(e.code).toBe('card_declined');
    expect(e.declineCode).toBe('insufficient_funds');
    // @ts-expect-error a misspelt code does not compile: no overlap with JustifiErrorCode
    expect(e.code === 'card_declinedd').toBe(false);
    expect(e.code === 'card_declined').toBe(true);
  });

  it('every ApiError class of the justifi entry narrows the same way, and they are the very same classes as the root entry', () => {
    const check = (e: unknown) => {
      if (e instanceof ApiError) expectTypeOf(e.code).toEqualTypeOf<JustifiErrorCode | undefined>();
      if (e instanceof RateLimitError) expectTypeOf(e.code).toEqualTypeOf<JustifiErrorCode | undefined>();
    };
    check(undefined);
    expect(PaymentRequiredError).toBe(root.PaymentRequiredError);
    expect(ApiError).toBe(root.ApiError);
    expect(new root.PaymentRequiredError({ status: 402 })).toBeInstanceOf(PaymentRequiredError);
  });
});
