/**
 * A local webhook endpoint that verifies what it receives with the SDK's own verifiers, as an
 * integration would: the raw body from the socket, Node's header object, 200 when the signature
 * holds and 400 with the failed check when it does not. `npm start` uses it to show a sandbox
 * event arriving signed; tests use it to check deliveries end to end.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebhookVerificationError } from '../../src/core/webhook-error.js';
import { verifyJustifiWebhook, type JustifiWebhookEvent } from '../../src/justifi/webhooks.js';
import { verifyPaymentsWebhook, type PaymentsWebhookEvent } from '../../src/payments/webhooks.js';

export type ReceivedWebhook =
  | { api: 'justifi-v1'; event: JustifiWebhookEvent; headers: http.IncomingHttpHeaders }
  | { api: 'payments-v1.3'; event: PaymentsWebhookEvent; headers: http.IncomingHttpHeaders };

export interface RejectedWebhook {
  reason: WebhookVerificationError['reason'];
  message: string;
}

export interface WebhookReceiver {
  url: string;
  /** Deliveries that verified, in arrival order. */
  received: ReceivedWebhook[];
  /** Deliveries that did not. */
  rejected: RejectedWebhook[];
  /** Resolves with the first verified delivery (already received or still to come) that matches. */
  waitFor(match: (received: ReceivedWebhook) => boolean, timeoutMs?: number): Promise<ReceivedWebhook>;
  close(): Promise<void>;
}

export interface WebhookReceiverOptions {
  justifiSecret: string;
  paymentsSecret: string;
  /** Status to answer verified deliveries with, per arrival index (tests use it to force retries). Default 200. */
  statusFor?: ((index: number) => number) | undefined;
}

/** Starts the receiver on 127.0.0.1 on a free port. */
export async function startWebhookReceiver(options: WebhookReceiverOptions): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  const rejected: RejectedWebhook[] = [];
  const waiters = new Set<(r: ReceivedWebhook) => void>();
  let arrivals = 0;

  async function verify(body: Buffer, headers: http.IncomingHttpHeaders): Promise<ReceivedWebhook> {
    if (headers['justifi-signature'] !== undefined) return { api: 'justifi-v1', event: await verifyJustifiWebhook(body, headers, options.justifiSecret), headers };
    return { api: 'payments-v1.3', event: await verifyPaymentsWebhook(body, headers, options.paymentsSecret), headers };
  }

  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const index = arrivals++;
    try {
      const delivery = await verify(Buffer.concat(chunks), req.headers);
      const status = options.statusFor?.(index) ?? 200;
      if (status >= 200 && status < 300) {
        received.push(delivery);
        for (const notify of waiters) notify(delivery);
      }
      res.writeHead(status, { 'content-type': 'text/plain' }).end('signature verified');
    } catch (error) {
      const reason = error instanceof WebhookVerificationError ? error.reason : 'unreadable_body';
      rejected.push({ reason, message: (error as Error).message });
      res.writeHead(400, { 'content-type': 'text/plain' }).end(reason);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/webhooks`,
    received,
    rejected,
    waitFor(match, timeoutMs = 10_000) {
      const already = received.find(match);
      if (already) return Promise.resolve(already);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no matching webhook within ${timeoutMs} ms (received ${received.length}, rejected ${rejected.length}${rejected.length ? `: ${rejected.map((r) => r.reason).join(', ')}` : ''})`));
        }, timeoutMs);
        const check = (r: ReceivedWebhook) => {
          if (!match(r)) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(r);
        };
        waiters.add(check);
      });
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The line `npm start` prints for a verified delivery: `payment.created py_123 signature verified`. */
export function verifiedLine(delivery: ReceivedWebhook): string {
  const name = delivery.api === 'justifi-v1' ? delivery.event.event_name : delivery.event.event_type;
  const id = (delivery.event.data as { id?: unknown } | undefined)?.id;
  const header = delivery.api === 'justifi-v1' ? 'JUSTIFI-SIGNATURE' : 'svix-signature';
  return `${name}${typeof id === 'string' ? ` ${id}` : ''}: signature verified (${header})`;
}
