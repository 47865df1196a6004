/**
 * The local server every runtime's smoke run talks to: a node:http stand-in for both APIs on a
 * free loopback port, answering just the calls the smoke makes, the way the real APIs shape them.
 *
 * Each run gets its own path prefix (`/<run>/justifi`, `/<run>/payments`) so the record of one
 * runtime's requests is never mixed with another's; the verdict reads that record rather than
 * trusting what the runtime says it did. The server answers CORS preflights and exposes the
 * response headers the SDK reads, because the browser run is cross-origin.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { signJustifi, signStandardWebhooks } from '../../sandbox/webhooks/signing.js';

export interface SeenRequest {
  method: string;
  /** The path below the run's API prefix, e.g. `/payments/py_smoke`. */
  path: string;
  api: 'justifi' | 'payments' | 'webhooks';
  headers: http.IncomingHttpHeaders;
  body: string;
  status: number;
}

export interface ApiServer {
  url: string;
  /** Every request of one run, in arrival order. */
  requests(run: string): SeenRequest[];
  close(): Promise<void>;
}

/** Headers the SDK reads from responses; a browser hides any not listed in Expose-Headers. */
const exposedHeaders = ['x-request-id', 'retry-after', 'should-retry', 'idempotency-key', 'x-idempotency-key'];

export const smokeCredentials = {
  clientId: 'test_smoke_client',
  clientSecret: 'smoke-client-secret',
  apiKey: 'smoke-api-key',
  accountId: 'acc_smoke',
  justifiWebhookSecret: 'smoke-justifi-webhook-secret',
  // whsec_ + base64 of 'smoke-payments-webhook-key-32byt'
  paymentsWebhookSecret: 'whsec_c21va2UtcGF5bWVudHMtd2ViaG9vay1rZXktMzJieXQ=',
};

/** The event ids of the deliveries signed for one run: the verdict checks the runtime read exactly these. */
// JustiFi's envelope carries its event id; the Payments API's id travels in `svix-id`, so its
// delivery is recognised by the payment intent id in `data`.
export const webhookIdsFor = (run: string) => ({ justifi: `evt_${run}`, payments: `pi_wh_${run}` });

/**
 * A signed delivery for the runtime to verify, signed here with node:crypto (the sandbox's signer),
 * at the current time: `{ body, headers }` exactly as a receiver would get them.
 */
function signedDelivery(run: string, api: string): Reply {
  const ids = webhookIdsFor(run);
  const now = Date.now();
  if (api === 'justifi') {
    const body = JSON.stringify({
      id: ids.justifi, account_id: 'acc_smoke', account_type: 'test', platform_account_id: null, idempotency_key: null, request_id: null,
      version: 'v1', event_name: 'payment.succeeded', data: { id: 'py_smoke', amount: 1000, currency: 'usd', status: 'succeeded' },
    });
    return { status: 200, body: { body, headers: signJustifi(smokeCredentials.justifiWebhookSecret, body, now) } };
  }
  if (api === 'payments') {
    const body = JSON.stringify({ event_type: 'payment_intent.succeeded', data: { id: ids.payments, amount: 1000, currency: 'USD' } });
    return { status: 200, body: { body, headers: signStandardWebhooks(smokeCredentials.paymentsWebhookSecret, `msg_${run}`, body, now) } };
  }
  return { status: 404, body: { message: `no webhook delivery for ${api}` } };
}

type Reply = { status: number; body?: unknown; headers?: Record<string, string> };

/** The access token issued to one run: proves the resource call used the token the run fetched. */
export const tokenFor = (run: string) => `tok_${run}`;

const justifiError = (status: number, code: string, message: string, requestId: string): Reply => ({
  status,
  headers: { 'x-request-id': requestId },
  body: { error: { code, message } },
});

function answerJustifi(run: string, req: SeenRequest, earlier: SeenRequest[]): Reply {
  const route = `${req.method} ${req.path}`;
  if (route === 'POST /oauth/token') {
    const sent = JSON.parse(req.body || '{}') as Record<string, unknown>;
    if (sent.client_id !== smokeCredentials.clientId || sent.client_secret !== smokeCredentials.clientSecret) {
      return justifiError(401, 'unauthorized', 'bad client credentials', `req_${run}_token`);
    }
    return { status: 200, body: { access_token: tokenFor(run), expires_in: 86_400 } };
  }
  if (req.headers.authorization !== `Bearer ${tokenFor(run)}`) return justifiError(401, 'unauthorized', 'missing or unknown token', `req_${run}_auth`);
  if (route === 'GET /payments/py_smoke') {
    return { status: 200, body: { id: 'py_smoke', type: 'payment', data: { id: 'py_smoke', amount: 1000, currency: 'usd', status: 'succeeded' }, page_info: null } };
  }
  if (route === 'GET /payments/py_missing') return justifiError(404, 'not_found', 'No such payment: py_missing', `req_${run}_justifi_404`);
  if (route === 'POST /payments') {
    // The first attempt fails as a busy server would; the retry must carry the same key.
    if (!earlier.some((r) => r.method === 'POST' && r.path === '/payments')) {
      return { status: 503, headers: { 'retry-after': '0.05', 'x-request-id': `req_${run}_justifi_503` }, body: { error: { code: 'service_unavailable', message: 'try again' } } };
    }
    return { status: 201, body: { id: 'py_created', type: 'payment', data: { id: 'py_created', amount: 1000, currency: 'usd', status: 'succeeded' }, page_info: null } };
  }
  return justifiError(404, 'not_found', `no smoke route for ${route}`, `req_${run}_unrouted`);
}

function answerPayments(run: string, req: SeenRequest, earlier: SeenRequest[]): Reply {
  const route = `${req.method} ${req.path}`;
  const error = (status: number, code: string, message: string, requestId: string): Reply => ({ status, headers: { 'x-request-id': requestId }, body: { type: 'error', code, message } });
  if (req.headers['x-api-key'] !== smokeCredentials.apiKey) return error(401, 'unauthorized', 'missing or unknown x-api-key', `req_${run}_auth`);
  if (route === 'GET /payment_intents/pi_smoke') return { status: 200, body: { id: 'pi_smoke', amount: 1000, currency: 'USD', status: 'requires_payment_method' } };
  if (route === 'GET /payment_intents/pi_missing') return error(404, 'not_found', 'No such payment intent: pi_missing', `req_${run}_payments_404`);
  if (route === 'POST /payment_intents') {
    if (!earlier.some((r) => r.method === 'POST' && r.path === '/payment_intents')) {
      return { status: 503, headers: { 'retry-after': '0.05', 'x-request-id': `req_${run}_payments_503` }, body: { type: 'error', code: 'service_unavailable', message: 'try again' } };
    }
    return { status: 201, body: { id: 'pi_created', amount: 1000, currency: 'USD', status: 'requires_payment_method' } };
  }
  return error(404, 'not_found', `no smoke route for ${route}`, `req_${run}_unrouted`);
}

/** Starts the server on 127.0.0.1 (a free port). */
export async function startApiServer(): Promise<ApiServer> {
  const byRun = new Map<string, SeenRequest[]>();
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? '/', 'http://localhost');
    const [, run = '', api = '', ...rest] = url.pathname.split('/');
    const seen: SeenRequest = { method: req.method ?? '', path: `/${rest.join('/')}`, api: api as SeenRequest['api'], headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), status: 0 };
    const earlier = byRun.get(run) ?? [];
    byRun.set(run, [...earlier, seen]);

    const cors: Record<string, string> = { 'access-control-allow-origin': req.headers.origin ?? '*', 'access-control-expose-headers': exposedHeaders.join(', '), vary: 'Origin' };
    if (seen.method === 'OPTIONS') {
      seen.status = 204;
      res.writeHead(204, {
        ...cors,
        'access-control-allow-methods': 'GET, POST, PUT, PATCH, DELETE',
        // Echo what the browser asks for: Authorization and the idempotency and scoping headers.
        'access-control-allow-headers': req.headers['access-control-request-headers'] ?? '',
        'access-control-max-age': '0',
      });
      res.end();
      return;
    }
    const reply =
      api === 'justifi'
        ? answerJustifi(run, seen, earlier)
        : api === 'payments'
          ? answerPayments(run, seen, earlier)
          : api === 'webhooks' && seen.method === 'GET'
            ? signedDelivery(run, rest.join('/'))
            : { status: 404, body: { message: `unknown API ${api}` } };
    seen.status = reply.status;
    res.writeHead(reply.status, { ...cors, 'content-type': 'application/json', ...reply.headers });
    res.end(JSON.stringify(reply.body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests: (run) => byRun.get(run) ?? [],
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
