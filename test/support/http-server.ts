/**
 * A real HTTP server on 127.0.0.1 for runtime tests: every request is recorded (method, path,
 * headers, body) and answered by a script, which can also stall or drop the connection.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export type Reply =
  | { status: number; body?: unknown; headers?: Record<string, string>; delayMs?: number }
  | { drop: true }
  | { stallMs: number }
  /** Headers and the first part of a body, then the connection is cut. */
  | { partialBody: string };

export type Script = (request: RecordedRequest, index: number) => Reply | Promise<Reply>;

export interface TestServer {
  url: string;
  requests: RecordedRequest[];
  /** Replace the script (and clear the recorded requests). */
  reset(script: Script): void;
  close(): Promise<void>;
}

export async function startTestServer(initial: Script = () => ({ status: 200, body: {} })): Promise<TestServer> {
  let script = initial;
  const requests: RecordedRequest[] = [];
  const sockets = new Set<import('node:net').Socket>();
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const recorded: RecordedRequest = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
    const index = requests.push(recorded) - 1;
    const reply = await script(recorded, index);
    if ('drop' in reply) {
      req.socket.destroy();
      return;
    }
    if ('partialBody' in reply) {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(reply.partialBody.length * 2) });
      res.write(reply.partialBody);
      setTimeout(() => req.socket.destroy(), 20);
      return;
    }
    if ('stallMs' in reply) {
      setTimeout(() => req.socket.destroy(), reply.stallMs);
      return;
    }
    if (reply.delayMs) await new Promise((r) => setTimeout(r, reply.delayMs));
    const text = reply.body === undefined ? '' : typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
    res.writeHead(reply.status, {
      'content-type': typeof reply.body === 'string' ? 'text/plain' : 'application/json',
      ...reply.headers,
    });
    res.end(text);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    reset(next) {
      script = next;
      requests.length = 0;
    },
    close() {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
