/**
 * `createApiServer`: one API definition served over HTTP on 127.0.0.1 (Hono on @hono/node-server),
 * or in-process through `fetch(request)` with no socket at all. Hono carries the HTTP layer: the
 * body limit (413 before a large body is buffered), the `x-request-id` on every answer, and a last
 * error handler so that nothing a client sends can crash the process.
 */
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { randomBase62 } from './ids.js';
import { coreErrorCodes, createPipeline, type PipelineOptions } from './pipeline.js';
import type { ApiDefinition } from './types.js';

export interface ApiServerOptions extends PipelineOptions {
  /** Largest request body accepted, in bytes. Default 1 MiB (1,048,576); larger bodies get a 413. */
  bodyLimitBytes?: number | undefined;
}

export interface ApiServer {
  readonly definition: ApiDefinition;
  /** Answers a request in-process (no socket): the same pipeline the HTTP server runs. */
  fetch(request: Request): Promise<Response>;
  /** Starts listening on 127.0.0.1 (`port` 0 or omitted: a free port); resolves with the base URL. */
  start(port?: number): Promise<string>;
  /** Stops listening and closes open connections. Safe to call twice. */
  stop(): Promise<void>;
  /** The base URL while listening, e.g. `http://127.0.0.1:53219`. */
  readonly url: string | undefined;
}

/** Builds the server for one API definition; nothing listens until `start`. */
export function createApiServer(definition: ApiDefinition, options: ApiServerOptions): ApiServer {
  const pipeline = createPipeline(definition, options);
  const maxSize = options.bodyLimitBytes ?? 1024 * 1024;
  const json = (answer: { status: number; body?: unknown }) => new Response(JSON.stringify(answer.body), { status: answer.status, headers: { 'content-type': 'application/json' } });

  const app = new Hono<{ Variables: { requestId: string } }>();
  app.use(async (c, next) => {
    const id = `req_${randomBase62(20)}`;
    c.set('requestId', id);
    await next();
    c.res.headers.set('x-request-id', id);
    // An answer given before the body was read (404, 405, 413…) leaves the rest of the body on the
    // socket: close the connection instead of letting the client reuse it mid-body.
    if (c.req.raw.body && !c.req.raw.bodyUsed) c.res.headers.set('connection', 'close');
  });
  app.use(
    bodyLimit({
      maxSize,
      onError: () => {
        const answer = json(definition.errorResponse(413, coreErrorCodes.payloadTooLarge, `Request body is larger than ${maxSize} bytes`));
        answer.headers.set('connection', 'close');
        return answer;
      },
    }),
  );
  app.all('*', (c) => pipeline(c.req.raw, c.get('requestId')));
  app.onError((error) => {
    (options.log ?? ((line: string) => console.error(line)))(`sandbox: unexpected error in ${definition.title}: ${error.stack ?? error.message}`);
    return json(definition.errorResponse(500, coreErrorCodes.handlerFailed, `The ${definition.title} sandbox failed on this request: ${error.message}`));
  });

  let server: ServerType | undefined;
  let url: string | undefined;

  return {
    definition,
    fetch: (request) => Promise.resolve(app.fetch(request)),
    start(port = 0) {
      if (server) return Promise.resolve(url!);
      return new Promise((resolve, reject) => {
        const s = serve({ fetch: app.fetch, hostname: '127.0.0.1', port }, (info: AddressInfo) => {
          url = `http://127.0.0.1:${info.port}`;
          resolve(url);
        });
        server = s;
        s.once('error', (error) => {
          server = undefined;
          reject(error);
        });
      });
    },
    stop() {
      const s = server;
      if (!s) return Promise.resolve();
      server = undefined;
      url = undefined;
      return new Promise((resolve) => {
        s.close(() => resolve());
        (s as { closeAllConnections?: () => void }).closeAllConnections?.();
      });
    },
    get url() {
      return url;
    },
  };
}
