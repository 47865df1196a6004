/**
 * verifyPaymentsWebhook (Standard Webhooks, sent by Svix) against the published Standard Webhooks
 * test vector, signatures computed with node:crypto, and the reference `standardwebhooks` package:
 * what the reference signs, the SDK accepts; what the SDK accepts or refuses, the reference does too.
 */
import fc from 'fast-check';
import { Webhook, WebhookVerificationError as ReferenceError } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPaymentsWebhook, WebhookVerificationError } from '../../src/payments/index.js';
import { rejectionOf, renderings, standardSignature, startRawReceiver, type RawReceiver } from './support.js';

/** The example of the Standard Webhooks specification (and Svix's docs). */
const vector = {
  secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  id: 'msg_p5jXN8AQM9LWM0D4loKWxJek',
  timestamp: 1614265330,
  body: '{"test": 2432232314}',
  signature: 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
};
const at = { now: vector.timestamp * 1000 };

const nowSeconds = () => Math.floor(Date.now() / 1000);

function svixHeaders(body: string | Uint8Array, { id = vector.id, timestamp = vector.timestamp, secret = vector.secret } = {}): Record<string, string> {
  return { 'svix-id': id, 'svix-timestamp': String(timestamp), 'svix-signature': `v1,${standardSignature(secret, id, timestamp, body)}` };
}

const asWebhookHeaders = (h: Record<string, string>) => ({ 'webhook-id': h['svix-id']!, 'webhook-timestamp': h['svix-timestamp']!, 'webhook-signature': h['svix-signature']! });

describe('verifyPaymentsWebhook accepts genuine deliveries', () => {
  it('the specification vector: node:crypto and the reference reproduce it, and the SDK accepts it', async () => {
    expect(`v1,${standardSignature(vector.secret, vector.id, vector.timestamp, vector.body)}`).toBe(vector.signature);
    expect(new Webhook(vector.secret).sign(vector.id, new Date(vector.timestamp * 1000), vector.body)).toBe(vector.signature);
    const headers = { 'svix-id': vector.id, 'svix-timestamp': String(vector.timestamp), 'svix-signature': vector.signature };
    await expect(verifyPaymentsWebhook(vector.body, headers, vector.secret, at)).resolves.toEqual({ test: 2432232314 });
  });

  it('reads both header spellings, svix-* and webhook-*, in any case, from Headers or a plain object', async () => {
    const svix = svixHeaders(vector.body);
    const webhook = asWebhookHeaders(svix);
    const upper = Object.fromEntries(Object.entries(svix).map(([k, v]) => [k.toUpperCase(), v]));
    for (const headers of [svix, webhook, upper, new Headers(svix), new Headers(webhook)]) {
      await expect(verifyPaymentsWebhook(vector.body, headers, vector.secret, at)).resolves.toEqual({ test: 2432232314 });
    }
  });

  it('takes the body as a string, a Uint8Array or a Buffer', async () => {
    for (const body of [vector.body, new TextEncoder().encode(vector.body), Buffer.from(vector.body)]) {
      await expect(verifyPaymentsWebhook(body, svixHeaders(vector.body), vector.secret, at)).resolves.toEqual({ test: 2432232314 });
    }
  });

  it('accepts any matching v1 entry of several (key rotation), skipping other versions and junk', async () => {
    const good = svixHeaders(vector.body)['svix-signature']!;
    const other = `v1,${standardSignature('whsec_' + Buffer.from('an older key').toString('base64'), vector.id, vector.timestamp, vector.body)}`;
    for (const signature of [`${other} ${good}`, `${good} ${other}`, `v2,${good.slice(3)} ${good}`, `v1,not-base64! ${good}`, `v1a,xyz  ${good}`]) {
      await expect(verifyPaymentsWebhook(vector.body, { ...svixHeaders(vector.body), 'svix-signature': signature }, vector.secret, at)).resolves.toBeDefined();
    }
  });

  it('accepts a delivery signed by any of several configured secrets', async () => {
    const next = 'whsec_' + Buffer.from('the next endpoint secret').toString('base64');
    await expect(verifyPaymentsWebhook(vector.body, svixHeaders(vector.body, { secret: next }), [vector.secret, next], at)).resolves.toBeDefined();
  });

  it('accepts the secret without its whsec_ prefix, as the reference does', async () => {
    await expect(verifyPaymentsWebhook(vector.body, svixHeaders(vector.body), vector.secret.slice('whsec_'.length), at)).resolves.toBeDefined();
  });
});

describe('verifyPaymentsWebhook rejects forged and altered deliveries', () => {
  it('a changed body, id or timestamp is a bad_signature naming the signature header', async () => {
    const h = svixHeaders(vector.body);
    for (const [body, headers] of [
      ['{"test": 2432232315}', h],
      [vector.body, { ...h, 'svix-id': 'msg_other' }],
      [vector.body, { ...h, 'svix-timestamp': String(vector.timestamp + 1) }],
    ] as const) {
      const error = await rejectionOf(verifyPaymentsWebhook(body, headers, vector.secret, at));
      expect(error).toBeInstanceOf(WebhookVerificationError);
      expect(error).toMatchObject({ reason: 'bad_signature', header: 'svix-signature' });
    }
    await expect(verifyPaymentsWebhook('{"test": 1}', asWebhookHeaders(h), vector.secret, at)).rejects.toMatchObject({ reason: 'bad_signature', header: 'webhook-signature' });
  });

  it('another secret, or a header with no v1 entry, is a bad_signature', async () => {
    const other = 'whsec_' + Buffer.from('not the endpoint secret').toString('base64');
    await expect(verifyPaymentsWebhook(vector.body, svixHeaders(vector.body, { secret: other }), vector.secret, at)).rejects.toMatchObject({ reason: 'bad_signature' });
    for (const signature of ['v2,abc=', 'garbage', 'v1,', vector.signature.replace('v1,', 'v1a,')]) {
      await expect(verifyPaymentsWebhook(vector.body, { ...svixHeaders(vector.body), 'svix-signature': signature }, vector.secret, at)).rejects.toMatchObject({ reason: 'bad_signature' });
    }
  });

  it('a stale or future timestamp beyond 300 s is refused before the signature is looked at', async () => {
    const h = svixHeaders(vector.body);
    await expect(verifyPaymentsWebhook(vector.body, h, vector.secret, { now: (vector.timestamp + 300) * 1000 })).resolves.toBeDefined();
    await expect(verifyPaymentsWebhook(vector.body, h, vector.secret, { now: (vector.timestamp - 300) * 1000 })).resolves.toBeDefined();
    for (const now of [vector.timestamp + 301, vector.timestamp - 301]) {
      await expect(verifyPaymentsWebhook(vector.body, h, vector.secret, { now: now * 1000 })).rejects.toMatchObject({ reason: 'timestamp_outside_tolerance', header: 'svix-timestamp' });
    }
    await expect(verifyPaymentsWebhook(vector.body, asWebhookHeaders(h), vector.secret, { now: 0 })).rejects.toMatchObject({ header: 'webhook-timestamp' });
    await expect(verifyPaymentsWebhook(vector.body, h, vector.secret, { now: (vector.timestamp + 30) * 1000, toleranceSeconds: 29 })).rejects.toMatchObject({ reason: 'timestamp_outside_tolerance' });
  });

  it('missing headers are missing_header naming both spellings; a non-numeric timestamp is malformed_header', async () => {
    const h = svixHeaders(vector.body);
    for (const name of ['svix-id', 'svix-timestamp', 'svix-signature']) {
      const { [name]: _gone, ...rest } = h;
      const error = await rejectionOf(verifyPaymentsWebhook(vector.body, rest, vector.secret, at));
      expect(error).toMatchObject({ reason: 'missing_header', header: name });
      expect(error.message).toContain(`${name} (or ${name.replace('svix-', 'webhook-')})`);
    }
    for (const timestamp of ['1614265330.5', '2021-02-25T15:02:10Z', '-1614265330']) {
      await expect(verifyPaymentsWebhook(vector.body, { ...h, 'svix-timestamp': timestamp }, vector.secret, at)).rejects.toMatchObject({ reason: 'malformed_header', header: 'svix-timestamp' });
    }
  });

  it('a secret that is not whsec_ base64 is invalid_secret; a parsed body is body_not_raw', async () => {
    for (const secret of ['whsec_', 'whsec_not base64!', '']) {
      await expect(verifyPaymentsWebhook(vector.body, svixHeaders(vector.body), secret, at)).rejects.toMatchObject({ reason: 'invalid_secret' });
    }
    await expect(verifyPaymentsWebhook(JSON.parse(vector.body) as never, svixHeaders(vector.body), vector.secret, at)).rejects.toMatchObject({ reason: 'body_not_raw' });
  });

  it('no rendering of any rejection shows the secret, its key bytes or the expected signature', async () => {
    const keyBytes = Buffer.from('a-very-private-endpoint-key!');
    const secret = `whsec_${keyBytes.toString('base64')}`;
    const tampered = '{"test": 1}';
    const expected = standardSignature(secret, vector.id, vector.timestamp, tampered);
    const cases = [
      verifyPaymentsWebhook(tampered, svixHeaders(vector.body, { secret }), secret, at),
      verifyPaymentsWebhook(vector.body, svixHeaders(vector.body, { secret }), secret, { now: 0 }),
      verifyPaymentsWebhook(vector.body, {}, secret, at),
      verifyPaymentsWebhook(vector.body, svixHeaders(vector.body, { secret }), `${secret}!`, at),
      verifyPaymentsWebhook('x', svixHeaders('x', { secret }), secret, at),
    ];
    for (const error of await Promise.all(cases.map(rejectionOf))) {
      for (const text of renderings(error)) {
        for (const leak of [secret, keyBytes.toString('base64'), keyBytes.toString('hex'), keyBytes.toString('latin1'), expected]) expect(text).not.toContain(leak);
      }
    }
  });
});

describe('verifyPaymentsWebhook agrees with the reference standardwebhooks package', () => {
  // Any secret (random key bytes), any message id, any UTF-8 body, signed now.
  const message = fc.record({
    key: fc.uint8Array({ minLength: 1, maxLength: 64 }),
    id: fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s.trim() === s && !/[\r\n\0]/.test(s) && s.length > 0),
    payload: fc.dictionary(fc.string().filter((k) => k !== '__proto__'), fc.oneof(fc.string(), fc.integer(), fc.boolean())),
    skew: fc.integer({ min: -250, max: 250 }),
  });

  it('what the reference signs, the SDK accepts, and it parses to the same event', async () => {
    await fc.assert(
      fc.asyncProperty(message, async ({ key, id, payload, skew }) => {
        const secret = `whsec_${Buffer.from(key).toString('base64')}`;
        const body = JSON.stringify(payload);
        const timestamp = new Date((nowSeconds() + skew) * 1000);
        const reference = new Webhook(secret);
        const headers = { 'webhook-id': id, 'webhook-timestamp': String(Math.floor(timestamp.getTime() / 1000)), 'webhook-signature': reference.sign(id, timestamp, body) };
        const ours = await verifyPaymentsWebhook(body, headers, secret);
        expect(ours).toEqual(reference.verify(body, headers));
        expect(ours).toEqual(payload);
      }),
      { numRuns: 150 },
    );
  });

  it('what node:crypto signs, both accept; change one byte of the body and both refuse', async () => {
    await fc.assert(
      fc.asyncProperty(message, fc.nat(), async ({ key, id, payload, skew }, position) => {
        const secret = `whsec_${Buffer.from(key).toString('base64')}`;
        const body = JSON.stringify(payload);
        const timestamp = nowSeconds() + skew;
        const headers = asWebhookHeaders(svixHeaders(body, { id, timestamp, secret }));
        expect(new Webhook(secret).verify(body, headers)).toEqual(payload);
        await expect(verifyPaymentsWebhook(body, headers, secret)).resolves.toEqual(payload);
        const bytes = Buffer.from(body);
        const i = position % bytes.length;
        bytes[i] = bytes[i]! ^ 0x01;
        expect(() => new Webhook(secret).verify(bytes, headers)).toThrow(ReferenceError);
        await expect(verifyPaymentsWebhook(bytes, headers, secret)).rejects.toMatchObject({ reason: 'bad_signature' });
      }),
      { numRuns: 150 },
    );
  });

  it('both refuse the same stale and future timestamps, and both accept rotation lists', async () => {
    const reference = new Webhook(vector.secret);
    for (const skew of [-400, 400]) {
      const ts = new Date((nowSeconds() + skew) * 1000);
      const headers = { 'webhook-id': vector.id, 'webhook-timestamp': String(Math.floor(ts.getTime() / 1000)), 'webhook-signature': reference.sign(vector.id, ts, vector.body) };
      expect(() => reference.verify(vector.body, headers)).toThrow(/timestamp too (old|new)/);
      await expect(verifyPaymentsWebhook(vector.body, headers, vector.secret)).rejects.toMatchObject({ reason: 'timestamp_outside_tolerance' });
    }
    const ts = new Date(nowSeconds() * 1000);
    const rotated = `v1,${Buffer.alloc(32).toString('base64')} ${reference.sign(vector.id, ts, vector.body)}`;
    const headers = { 'webhook-id': vector.id, 'webhook-timestamp': String(nowSeconds()), 'webhook-signature': rotated };
    expect(reference.verify(vector.body, headers)).toEqual({ test: 2432232314 });
    await expect(verifyPaymentsWebhook(vector.body, headers, vector.secret)).resolves.toEqual({ test: 2432232314 });
  });
});

describe('verifyPaymentsWebhook in a real node:http receiver', () => {
  let receiver: RawReceiver;
  beforeAll(async () => {
    receiver = await startRawReceiver(async (body, headers) => {
      try {
        const event = await verifyPaymentsWebhook(body, headers, vector.secret);
        return { status: 204, body: String(event.event_type) };
      } catch (error) {
        if (!(error instanceof WebhookVerificationError)) throw error;
        return { status: 400, body: error.reason };
      }
    });
  });
  afterAll(() => receiver.close());

  it('verifies what the reference package signs, read as raw bytes from the socket, and refuses a replay with an old timestamp', async () => {
    const body = JSON.stringify({ event_type: 'payment_intent.succeeded', data: { id: 'pi_1', entity: 'payment_intent' } });
    const now = new Date();
    const headers = {
      'content-type': 'application/json',
      'svix-id': 'msg_receiver_1',
      'svix-timestamp': String(Math.floor(now.getTime() / 1000)),
      'svix-signature': new Webhook(vector.secret).sign('msg_receiver_1', now, body),
    };
    const good = await fetch(receiver.url, { method: 'POST', body, headers });
    expect(good.status).toBe(204);
    const old = new Date(now.getTime() - 3_600_000);
    const replay = await fetch(receiver.url, {
      method: 'POST',
      body,
      headers: { ...headers, 'svix-timestamp': String(Math.floor(old.getTime() / 1000)), 'svix-signature': new Webhook(vector.secret).sign('msg_receiver_1', old, body) },
    });
    expect([replay.status, await replay.text()]).toEqual([400, 'timestamp_outside_tolerance']);
  });
});
