/**
 * Signing the way each vendor documents it, with node:crypto and nothing from src/, so the
 * verifiers are checked against an independent implementation. Plus a real node:http receiver
 * that hands the raw body from the socket and Node's own header object to a handler.
 */
import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';

/** JustiFi: lowercase hex HMAC-SHA256 of `<timestamp>.<body>` keyed with the secret's UTF-8 bytes. */
export function justifiSignature(secret: string, timestamp: string, body: string | Uint8Array): string {
  return createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest('hex');
}

/** Standard Webhooks: base64 HMAC-SHA256 of `<id>.<timestamp>.<body>` keyed with the base64 part of `whsec_…`. */
export function standardSignature(secret: string, id: string, timestamp: number | string, body: string | Uint8Array): string {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  return createHmac('sha256', key).update(`${id}.${timestamp}.`).update(body).digest('base64');
}

/** Every way an error may end up in a log, a response or a snapshot. */
export function renderings(value: unknown): string[] {
  const e = value as Error;
  return [String(value), e?.message ?? '', e?.stack ?? '', JSON.stringify(value) ?? '', inspect(value, { depth: 10, showHidden: true })];
}

/** The settled rejection of a promise (fails the test if it resolves). */
export async function rejectionOf(promise: Promise<unknown>): Promise<Error & Record<string, unknown>> {
  return promise.then(
    (value) => {
      throw new Error(`expected a rejection, got ${JSON.stringify(value)}`);
    },
    (error: Error & Record<string, unknown>) => error,
  );
}

export interface RawReceiver {
  url: string;
  close(): Promise<void>;
}

/** A node:http server that reads each request body from the socket as bytes and answers with `handle`. */
export async function startRawReceiver(
  handle: (body: Buffer, headers: http.IncomingHttpHeaders) => Promise<{ status: number; body: string }>,
): Promise<RawReceiver> {
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const answer = await handle(Buffer.concat(chunks), req.headers);
    res.writeHead(answer.status, { 'content-type': 'text/plain' }).end(answer.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/webhooks`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
