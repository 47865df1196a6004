/**
 * JustiFi's own Node SDK (`@justifi/justifi-node`), the peer we compare with. It has no base-URL
 * option: every request reads `process.env.JUSTIFI_API_URL` (default `https://api.justifi.ai`) and
 * appends `/v1/...` or `/oauth/token`, so pointing it at the benchmark server means setting that
 * variable. It fetches its token from `/oauth/token` with the same client credentials, caches it
 * (12 h), sends requests with node:http on the global agent (keep-alive in Node 20) and camel-cases
 * every response body. `Justifi.client()` is a process-wide singleton.
 */
import peerModule from '@justifi/justifi-node';

type PeerClass = typeof peerModule.default;
// A CommonJS build with `exports.default`: an ESM import sees the exports object as the default
// (some loaders unwrap it once more, hence the check).
const candidate = peerModule as unknown as PeerClass | { default: PeerClass };
const Justifi: PeerClass = 'client' in candidate ? candidate : candidate.default;

export type PeerClient = ReturnType<ReturnType<PeerClass['client']>['withCredentials']>;

export function createPeerClient(origin: string, credentials: { clientId: string; clientSecret: string }): PeerClient {
  process.env.JUSTIFI_API_URL = origin;
  const client = Justifi.client().withCredentials(credentials);
  client.clearCache();
  return client;
}
