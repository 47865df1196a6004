/**
 * verifyJustifiWebhook against deliveries signed with node:crypto the way JustiFi documents it:
 * lowercase hex HMAC-SHA256 of `<JUSTIFI-TIMESTAMP>.<raw body>`, the timestamp ISO-8601.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RequestValidationError, verifyJustifiWebhook, WebhookVerificationError, PaymentsSdkError } from '../../src/justifi/index.js';
import { parseIsoTimestamp } from '../../src/justifi/webhooks.js';
import { justifiSignature, rejectionOf, renderings, startRawReceiver, type RawReceiver } from './support.js';

/** The published test vector of this project (see README "Webhooks"). */
const vector = {
  secret: 'jf_whsec_test_4ksP2mQ8vR1xT7yZ',
  timestamp: '2024-05-01T12:00:00Z',
  body: '{"id":"evt_4Pq7Wm2XcT9bLk3Ry8Hs1A","account_id":"acc_2IdMEOjIG6lJAncakgdBF2","account_type":"test","platform_account_id":"acc_5WmFOdcTKw6QTfBA2JTnhl","idempotency_key":"my-request-123abc","request_id":"req_7Yh2Kd9QxM4nVb6Tc1Ls3E","version":"v1","event_name":"payment.succeeded","data":{"id":"py_123xyz","amount":1000,"currency":"usd","status":"succeeded"}}',
  signature: '7d4fc101ff001de7f3310f8e37898fbbd438dbbd8efeddd139f2d075cf477ee1',
};
const signedAt = Date.parse(vector.timestamp);
const at = { now: signedAt };

function headersFor(body: string | Uint8Array, timestamp = vector.timestamp, secret = vector.secret): Record<string, string> {
  return { 'JUSTIFI-TIMESTAMP': timestamp, 'JUSTIFI-SIGNATURE': justifiSignature(secret, timestamp, body) };
}

describe('verifyJustifiWebhook accepts genuine deliveries', () => {
  it('node:crypto reproduces the published vector, and the verifier accepts it', async () => {
    expect(justifiSignature(vector.secret, vector.timestamp, vector.body)).toBe(vector.signature);
    const event = await verifyJustifiWebhook(vector.body, { 'JUSTIFI-TIMESTAMP': vector.timestamp, 'JUSTIFI-SIGNATURE': vector.signature }, vector.secret, at);
    expect(event).toEqual(JSON.parse(vector.body));
    expect(event.event_name).toBe('payment.succeeded');
  });

  it('takes the body as a string, a Uint8Array, a Buffer or an ArrayBuffer', async () => {
    const bytes = new TextEncoder().encode(vector.body);
    for (const body of [vector.body, bytes, Buffer.from(vector.body), bytes.buffer.slice(0)]) {
      await expect(verifyJustifiWebhook(body, headersFor(vector.body), vector.secret, at)).resolves.toMatchObject({ id: 'evt_4Pq7Wm2XcT9bLk3Ry8Hs1A' });
    }
  });

  it('signs the exact bytes: a body with non-ASCII text verifies as bytes and as a string', async () => {
    const body = '{"event_name":"payment.created","data":{"description":"Café – 10 €"}}';
    const bytes = new TextEncoder().encode(body);
    await expect(verifyJustifiWebhook(bytes, headersFor(bytes), vector.secret, at)).resolves.toMatchObject({ data: { description: 'Café – 10 €' } });
    await expect(verifyJustifiWebhook(body, headersFor(bytes), vector.secret, at)).resolves.toBeDefined();
  });

  it('reads headers in any case, from a Headers object or a plain object', async () => {
    const h = headersFor(vector.body);
    const variants = [
      h,
      { 'justifi-timestamp': h['JUSTIFI-TIMESTAMP'], 'justifi-signature': h['JUSTIFI-SIGNATURE'] },
      { 'Justifi-Timestamp': h['JUSTIFI-TIMESTAMP'], 'Justifi-Signature': h['JUSTIFI-SIGNATURE'] },
      new Headers(h),
      { 'justifi-timestamp': [h['JUSTIFI-TIMESTAMP']!], 'justifi-signature': h['JUSTIFI-SIGNATURE'] },
    ];
    for (const headers of variants) await expect(verifyJustifiWebhook(vector.body, headers, vector.secret, at)).resolves.toBeDefined();
  });

  it('accepts a delivery signed with any of several secrets (rotation)', async () => {
    const next = 'jf_whsec_next_Zb81LxQ0';
    await expect(verifyJustifiWebhook(vector.body, headersFor(vector.body, vector.timestamp, next), [vector.secret, next], at)).resolves.toBeDefined();
    await expect(verifyJustifiWebhook(vector.body, headersFor(vector.body), [next, vector.secret], at)).resolves.toBeDefined();
  });

  it('accepts an upper-case hex signature (same bytes)', async () => {
    const h = headersFor(vector.body);
    await expect(verifyJustifiWebhook(vector.body, { ...h, 'JUSTIFI-SIGNATURE': h['JUSTIFI-SIGNATURE']!.toUpperCase() }, vector.secret, at)).resolves.toBeDefined();
  });
});

describe('verifyJustifiWebhook rejects forged and altered deliveries', () => {
  it('a body changed by one byte is a bad_signature naming JUSTIFI-SIGNATURE', async () => {
    const tampered = vector.body.replace('"amount":1000', '"amount":9000');
    const error = await rejectionOf(verifyJustifiWebhook(tampered, headersFor(vector.body), vector.secret, at));
    expect(error).toBeInstanceOf(WebhookVerificationError);
    expect(error).toBeInstanceOf(PaymentsSdkError);
    expect(error).toMatchObject({ reason: 'bad_signature', header: 'JUSTIFI-SIGNATURE' });
  });

  it('a body that was parsed and re-serialised no longer verifies (so raw bytes are required)', async () => {
    const reserialised = JSON.stringify(JSON.parse(vector.body), null, 1);
    await expect(verifyJustifiWebhook(reserialised, headersFor(vector.body), vector.secret, at)).rejects.toMatchObject({ reason: 'bad_signature' });
  });

  it('a delivery signed with another secret is a bad_signature', async () => {
    await expect(verifyJustifiWebhook(vector.body, headersFor(vector.body, vector.timestamp, 'someone-else'), vector.secret, at)).rejects.toMatchObject({ reason: 'bad_signature' });
  });

  it('a signature moved to another timestamp is a bad_signature (the timestamp is signed)', async () => {
    const later = '2024-05-01T12:00:01Z';
    await expect(verifyJustifiWebhook(vector.body, { 'JUSTIFI-TIMESTAMP': later, 'JUSTIFI-SIGNATURE': vector.signature }, vector.secret, at)).rejects.toMatchObject({ reason: 'bad_signature' });
  });

  it('the same instant written differently is a different signed message', async () => {
    // 14:00+02:00 is 12:00Z, inside the window, but the header string is what was signed.
    await expect(verifyJustifiWebhook(vector.body, { 'JUSTIFI-TIMESTAMP': '2024-05-01T14:00:00+02:00', 'JUSTIFI-SIGNATURE': vector.signature }, vector.secret, at)).rejects.toMatchObject({ reason: 'bad_signature' });
  });

  it('a signature that is not 64 hex digits is a malformed_header', async () => {
    for (const signature of ['abc', vector.signature.slice(0, 63) + 'g', `${vector.signature},${vector.signature}`]) {
      await expect(verifyJustifiWebhook(vector.body, { 'JUSTIFI-TIMESTAMP': vector.timestamp, 'JUSTIFI-SIGNATURE': signature }, vector.secret, at)).rejects.toMatchObject({
        reason: 'malformed_header',
        header: 'JUSTIFI-SIGNATURE',
      });
    }
  });
});

describe('verifyJustifiWebhook applies the tolerance to the ISO-8601 timestamp', () => {
  const body = vector.body;

  it('accepts up to 300 s either way by default, and rejects 301 s late or early', async () => {
    for (const offset of [-300_000, 0, 300_000]) await expect(verifyJustifiWebhook(body, headersFor(body), vector.secret, { now: signedAt + offset })).resolves.toBeDefined();
    const stale = await rejectionOf(verifyJustifiWebhook(body, headersFor(body), vector.secret, { now: signedAt + 301_000 }));
    expect(stale).toMatchObject({ reason: 'timestamp_outside_tolerance', header: 'JUSTIFI-TIMESTAMP' });
    expect(stale.message).toMatch(/301 s in the past.*tolerance is 300 s/);
    const early = await rejectionOf(verifyJustifiWebhook(body, headersFor(body), vector.secret, { now: signedAt - 301_000 }));
    expect(early.message).toMatch(/301 s in the future/);
  });

  it('keeps the offset and the fraction: 13:55:00.500+01:00 is 300 s before 13:00:00.500Z, and too old 1 ms later', async () => {
    const ts = '2024-05-01T13:55:00.500+01:00'; // 12:55:00.500Z
    const limit = Date.parse('2024-05-01T13:00:00.500Z');
    await expect(verifyJustifiWebhook(body, headersFor(body, ts), vector.secret, { now: limit })).resolves.toBeDefined();
    await expect(verifyJustifiWebhook(body, headersFor(body, ts), vector.secret, { now: limit + 1 })).rejects.toMatchObject({ reason: 'timestamp_outside_tolerance' });
  });

  it('honours toleranceSeconds and a Date for now', async () => {
    const now = new Date(signedAt + 10_000);
    await expect(verifyJustifiWebhook(body, headersFor(body), vector.secret, { now, toleranceSeconds: 9 })).rejects.toMatchObject({ reason: 'timestamp_outside_tolerance' });
    await expect(verifyJustifiWebhook(body, headersFor(body), vector.secret, { now, toleranceSeconds: 10 })).resolves.toBeDefined();
  });

  it('checks the window against the current time when no now is given', async () => {
    // The vector is from 2024: far outside any window today.
    await expect(verifyJustifiWebhook(body, headersFor(body), vector.secret)).rejects.toMatchObject({ reason: 'timestamp_outside_tolerance' });
    const fresh = new Date().toISOString();
    await expect(verifyJustifiWebhook(body, headersFor(body, fresh), vector.secret)).resolves.toBeDefined();
  });

  it('a timestamp without a zone, or not a date, is a malformed_header (checked before the signature)', async () => {
    for (const ts of ['2024-05-01T12:00:00', '1714564800', '2024-02-30T12:00:00Z', '2024-05-01T24:00:00Z', 'yesterday', '2024-05-01T12:00:00+25:00']) {
      await expect(verifyJustifiWebhook(body, headersFor(body, ts), vector.secret, at)).rejects.toMatchObject({ reason: 'malformed_header', header: 'JUSTIFI-TIMESTAMP' });
    }
  });

  it('parses the ISO-8601 forms a sender may use to the same instant', () => {
    const noon = Date.UTC(2024, 4, 1, 12);
    expect(parseIsoTimestamp('2024-05-01T12:00:00Z')).toBe(noon);
    expect(parseIsoTimestamp('2024-05-01t12:00:00z')).toBe(noon);
    expect(parseIsoTimestamp('2024-05-01 12:00:00Z')).toBe(noon);
    expect(parseIsoTimestamp('2024-05-01T12:00:00.000Z')).toBe(noon);
    expect(parseIsoTimestamp('2024-05-01T12:00:00.123456Z')).toBe(noon + 123);
    expect(parseIsoTimestamp('2024-05-01T14:00:00+02:00')).toBe(noon);
    expect(parseIsoTimestamp('2024-05-01T07:30:00-0430')).toBe(noon);
    expect(parseIsoTimestamp('2024-05-01T12:00:00+00')).toBe(noon);
    expect(parseIsoTimestamp('2024-02-29T00:00:00Z')).toBe(Date.UTC(2024, 1, 29));
    expect(parseIsoTimestamp('2023-02-29T00:00:00Z')).toBeUndefined();
  });
});

describe('verifyJustifiWebhook names what is missing or unusable', () => {
  it('a missing or empty header is a missing_header naming it', async () => {
    const h = headersFor(vector.body);
    for (const [name, headers] of [
      ['JUSTIFI-TIMESTAMP', { 'JUSTIFI-SIGNATURE': h['JUSTIFI-SIGNATURE'] }],
      ['JUSTIFI-SIGNATURE', { 'JUSTIFI-TIMESTAMP': h['JUSTIFI-TIMESTAMP'] }],
      ['JUSTIFI-SIGNATURE', { ...h, 'JUSTIFI-SIGNATURE': '  ' }],
      ['JUSTIFI-TIMESTAMP', new Headers({ 'JUSTIFI-SIGNATURE': h['JUSTIFI-SIGNATURE']! })],
    ] as const) {
      const error = await rejectionOf(verifyJustifiWebhook(vector.body, headers, vector.secret, at));
      expect(error).toMatchObject({ reason: 'missing_header', header: name });
      expect(error.message).toContain(name);
    }
  });

  it('a header sent twice is a malformed_header', async () => {
    const h = headersFor(vector.body);
    const headers = { ...h, 'justifi-timestamp': [vector.timestamp, vector.timestamp] };
    const { 'JUSTIFI-TIMESTAMP': _dropped, ...rest } = headers as Record<string, string | string[]>;
    await expect(verifyJustifiWebhook(vector.body, rest, vector.secret, at)).rejects.toMatchObject({ reason: 'malformed_header', header: 'JUSTIFI-TIMESTAMP' });
  });

  it('a parsed object is refused as body_not_raw, whatever else is wrong', async () => {
    for (const body of [JSON.parse(vector.body), null, 42, [vector.body]]) {
      const error = await rejectionOf(verifyJustifiWebhook(body as string, {}, vector.secret, at));
      expect(error).toMatchObject({ reason: 'body_not_raw' });
      expect(error.message).toMatch(/raw request body.*re-serialising/);
    }
  });

  it('a correctly signed body that is not UTF-8 JSON of an object is unreadable_body', async () => {
    // The last one is JSON but for a byte that is not UTF-8: it must not turn silently into U+FFFD.
    const invalidUtf8 = Buffer.concat([Buffer.from('{"name":"'), Buffer.from([0xff]), Buffer.from('"}')]);
    for (const body of ['not json', '[1,2]', 'null', invalidUtf8]) {
      await expect(verifyJustifiWebhook(body, headersFor(body), vector.secret, at)).rejects.toMatchObject({ reason: 'unreadable_body' });
    }
  });

  it('an empty secret is invalid_secret; bad options are RequestValidationErrors naming the option', async () => {
    await expect(verifyJustifiWebhook(vector.body, headersFor(vector.body), '', at)).rejects.toMatchObject({ reason: 'invalid_secret' });
    await expect(verifyJustifiWebhook(vector.body, headersFor(vector.body), [], at)).rejects.toMatchObject({ reason: 'invalid_secret' });
    for (const toleranceSeconds of [-1, Number.NaN, Number.POSITIVE_INFINITY]) {
      const error = await rejectionOf(verifyJustifiWebhook(vector.body, headersFor(vector.body), vector.secret, { ...at, toleranceSeconds }));
      expect(error).toBeInstanceOf(RequestValidationError);
      expect(error).toMatchObject({ field: 'toleranceSeconds' });
    }
    await expect(verifyJustifiWebhook(vector.body, headersFor(vector.body), vector.secret, { now: new Date('x') })).rejects.toMatchObject({ field: 'now' });
  });
});

describe('verifyJustifiWebhook keeps the secret out of every error', () => {
  it('no rendering of any rejection shows the secret or the signature it expected', async () => {
    const secret = 'jf_whsec_SUPER_SECRET_do_not_log_7731';
    const tampered = `${vector.body} `;
    const expected = justifiSignature(secret, vector.timestamp, tampered);
    const cases: Promise<unknown>[] = [
      verifyJustifiWebhook(tampered, headersFor(vector.body, vector.timestamp, secret), secret, at),
      verifyJustifiWebhook(vector.body, headersFor(vector.body, vector.timestamp, secret), secret, { now: signedAt + 10 ** 7 }),
      verifyJustifiWebhook(vector.body, {}, secret, at),
      verifyJustifiWebhook(vector.body, headersFor(vector.body, 'soon', secret), secret, at),
      verifyJustifiWebhook({ secret } as never, {}, secret, at),
      verifyJustifiWebhook('nope', headersFor('nope', vector.timestamp, secret), secret, at),
      verifyJustifiWebhook(vector.body, headersFor(vector.body), [secret, ''], at),
    ];
    const reasons = new Set<unknown>();
    for (const error of await Promise.all(cases.map(rejectionOf))) {
      reasons.add(error.reason);
      for (const text of renderings(error)) {
        expect(text).not.toContain(secret);
        expect(text).not.toContain(expected);
        expect(text.toLowerCase()).not.toContain(Buffer.from(secret).toString('hex'));
      }
    }
    expect([...reasons].sort()).toEqual(['bad_signature', 'body_not_raw', 'invalid_secret', 'malformed_header', 'missing_header', 'timestamp_outside_tolerance', 'unreadable_body']);
  });
});

describe('verifyJustifiWebhook in a real node:http receiver', () => {
  let receiver: RawReceiver;
  const seen: string[] = [];
  beforeAll(async () => {
    receiver = await startRawReceiver(async (body, headers) => {
      try {
        const event = await verifyJustifiWebhook(body, headers, vector.secret);
        seen.push(event.event_name);
        return { status: 200, body: 'ok' };
      } catch (error) {
        if (!(error instanceof WebhookVerificationError)) throw error;
        return { status: 400, body: error.reason };
      }
    });
  });
  afterAll(() => receiver.close());

  it('verifies the raw body read from the socket with Node’s header object, and refuses a forgery', async () => {
    const body = vector.body.replace('payment.succeeded', 'payment.created');
    const timestamp = new Date().toISOString();
    const signature = justifiSignature(vector.secret, timestamp, body);
    const post = (b: string, sig: string) =>
      fetch(receiver.url, { method: 'POST', body: b, headers: { 'content-type': 'application/json', 'JUSTIFI-TIMESTAMP': timestamp, 'JUSTIFI-SIGNATURE': sig } });
    const good = await post(body, signature);
    expect([good.status, await good.text()]).toEqual([200, 'ok']);
    const forged = await post(body.replace('1000', '1'), signature);
    expect([forged.status, await forged.text()]).toEqual([400, 'bad_signature']);
    expect(seen).toEqual(['payment.created']);
  });
});
