/**
 * A closed-loop HTTP load generator for the sandbox throughput bench: `concurrency` requests in
 * flight on keep-alive connections for `durationMs`, each answer's status checked. node:http rather
 * than fetch, so the client costs less than the servers it measures.
 */
import http from 'node:http';

export interface LoadRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string | undefined;
}

export interface LoadResult {
  requests: number;
  seconds: number;
  requestsPerSecond: number;
  /** Answers with another status than the expected one (the run is invalid when any). */
  unexpected: number;
  firstUnexpected: string | undefined;
}

/** Runs the load for `durationMs` (or until `maxRequests`): `next(i)` builds the i-th request (e.g. a fresh Idempotency-Key each time). */
export async function runLoad(origin: string, next: (i: number) => LoadRequest, expected: number, options: { durationMs: number; concurrency: number; maxRequests?: number }): Promise<LoadResult> {
  const url = new URL(origin);
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.concurrency });
  let issued = 0;
  let done = 0;
  let unexpected = 0;
  let firstUnexpected: string | undefined;
  const started = performance.now();
  const deadline = started + options.durationMs;

  const one = (request: LoadRequest) =>
    new Promise<void>((resolve, reject) => {
      const req = http.request({ host: url.hostname, port: url.port, method: request.method, path: request.path, headers: request.headers, agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          done++;
          if (res.statusCode !== expected) {
            unexpected++;
            firstUnexpected ??= `${request.method} ${request.path} → ${res.statusCode} ${Buffer.concat(chunks).toString().slice(0, 300)}`;
          }
          resolve();
        });
      });
      req.on('error', reject);
      req.end(request.body);
    });

  const worker = async () => {
    while (performance.now() < deadline && issued < (options.maxRequests ?? Number.POSITIVE_INFINITY)) await one(next(issued++));
  };
  try {
    await Promise.all(Array.from({ length: options.concurrency }, worker));
  } finally {
    agent.destroy();
  }
  const seconds = (performance.now() - started) / 1000;
  return { requests: done, seconds, requestsPerSecond: done / seconds, unexpected, firstUnexpected };
}
