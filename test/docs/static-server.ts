/**
 * Serves a folder over HTTP on 127.0.0.1 (a free port), the way a static host would, and records
 * every request with its status so the browser test can tell a missing file from a network failure.
 */
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

export interface StaticServer {
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:41234`. */
  url: string;
  requests: { path: string; status: number }[];
  close(): Promise<void>;
}

export async function serveDirectory(root: string): Promise<StaticServer> {
  const base = path.resolve(root);
  const requests: StaticServer['requests'] = [];
  const server = http.createServer(async (req, res) => {
    const urlPath = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    const file = path.join(base, urlPath.endsWith('/') ? `${urlPath}index.html` : urlPath);
    let status = 200;
    try {
      // Refuse anything outside the folder (`/../`), as a real static host would.
      if (!file.startsWith(base + path.sep)) throw new Error('outside root');
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': contentTypes[path.extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      status = 404;
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
    requests.push({ path: urlPath, status });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
