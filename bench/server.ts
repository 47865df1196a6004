/**
 * The benchmark's HTTP server: node:http on 127.0.0.1 with keep-alive, answering from canned JSON
 * (see fixtures.ts). Bodies are serialized once at start-up, except list pages, which are built on
 * the fly from one serialized item so the list can be arbitrarily long without being held anywhere.
 *
 *   POST /oauth/token              JustiFi token (both JustiFi clients fetch one)
 *   GET  /v1/payments/{id}         JustiFi, one payment
 *   GET  /v1/payments?limit&after_cursor
 *                                  JustiFi, the payment list, cursor style, `listTotal` items in all
 *   GET  /payment_intents/{id}     Payments API, one payment intent
 */
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Fixtures } from './fixtures.js';

export interface BenchServerOptions {
  /** Items in the payment list that `GET /v1/payments` pages through. */
  listTotal: number;
}

export interface BenchServer {
  /** Origin, e.g. `http://127.0.0.1:40123` (JustiFi resources live under `/v1`). */
  url: string;
  close(): Promise<void>;
}

/** Page size when a list call sends no `limit`: the spec's default. */
export const defaultListLimit = 25;

const idPlaceholder = '\u0000id\u0000';

/** `{"id":null,"type":"array","data":[…],"page_info":{…}}` for items `offset … offset+count-1`. */
function pageBuilder(item: Record<string, unknown>, total: number) {
  const [head, tail] = JSON.stringify({ ...item, id: idPlaceholder }).split(JSON.stringify(idPlaceholder)) as [string, string];
  const cursor = (offset: number) => Buffer.from(JSON.stringify([offset])).toString('base64');
  return (limit: number, afterCursor: string | null): Buffer => {
    const offset = afterCursor ? (JSON.parse(Buffer.from(afterCursor, 'base64').toString()) as number[])[0] ?? 0 : 0;
    const count = Math.max(0, Math.min(limit, total - offset));
    const items: string[] = [];
    for (let i = 0; i < count; i++) items.push(`${head}"py_bench${offset + i}"${tail}`);
    const pageInfo = {
      has_previous: offset > 0,
      has_next: offset + count < total,
      start_cursor: cursor(offset),
      end_cursor: cursor(offset + count),
    };
    return Buffer.from(`{"id":null,"type":"array","data":[${items.join(',')}],"page_info":${JSON.stringify(pageInfo)}}`);
  };
}

/** Starts the server in this process. */
export async function startBenchServer(fixtures: Fixtures, options: BenchServerOptions): Promise<BenchServer> {
  const token = Buffer.from(JSON.stringify({ ...fixtures.token, expires_in: 86_400 }));
  const payment = Buffer.from(JSON.stringify(fixtures.payment));
  const paymentIntent = Buffer.from(JSON.stringify(fixtures.paymentIntent));
  const notFound = Buffer.from(JSON.stringify({ error: { code: 'not_found', message: 'no such route in the benchmark server' } }));
  const page = pageBuilder(fixtures.paymentListItem, options.listTotal);

  function route(method: string, url: URL): [number, Buffer] {
    const path = url.pathname;
    if (method === 'POST' && path === '/oauth/token') return [200, token];
    if (method !== 'GET') return [404, notFound];
    if (path === '/v1/payments') return [200, page(Number(url.searchParams.get('limit') ?? defaultListLimit), url.searchParams.get('after_cursor'))];
    if (path.startsWith('/v1/payments/')) return [200, payment];
    if (path.startsWith('/payment_intents/')) return [200, paymentIntent];
    return [404, notFound];
  }

  const sockets = new Set<Socket>();
  const server = http.createServer({ keepAlive: true }, (req, res) => {
    req.resume();
    req.on('end', () => {
      const [status, body] = route(req.method ?? 'GET', new URL(req.url ?? '/', 'http://bench'));
      res.writeHead(status, { 'content-type': 'application/json', 'content-length': body.length });
      res.end(body);
    });
  });
  // Idle connections stay open between rounds, so no variant pays for a new TCP handshake.
  server.keepAliveTimeout = 120_000;
  server.headersTimeout = 125_000;
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close() {
      for (const socket of sockets) socket.destroy();
      return new Promise((done) => server.close(() => done()));
    },
  };
}
