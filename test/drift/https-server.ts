/**
 * A local HTTPS server for the upstream tests: `drift upstream` reads only `https://` URLs (and
 * files), so vendor specs are served over TLS with the test-only certificate in
 * test/fixtures/drift/tls/, which a child CLI trusts through `NODE_EXTRA_CA_CERTS`.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fromRoot } from '../../scripts/lib/apis.js';

/** The certificate a client must trust to reach `serveDirectory` (for `NODE_EXTRA_CA_CERTS`). */
export const testCertificate = fromRoot('test/fixtures/drift/tls/cert.pem');

export interface HttpsServer {
  url: string;
  /** Request paths in the order they were asked for. */
  requests: string[];
  stop(): Promise<void>;
}

/** Serves the files under `dir` at `https://127.0.0.1:<port>/`; anything else is a 404. */
export async function serveDirectory(dir: string): Promise<HttpsServer> {
  const requests: string[] = [];
  const server = https.createServer({ key: readFileSync(fromRoot('test/fixtures/drift/tls/key.pem')), cert: readFileSync(testCertificate) }, (req, res) => {
    const wanted = decodeURIComponent(new URL(req.url ?? '/', 'https://x').pathname);
    requests.push(wanted);
    const file = path.join(dir, path.normalize(wanted));
    if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': file.endsWith('.json') ? 'application/json' : 'application/yaml' }).end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `https://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
