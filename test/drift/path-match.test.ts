/**
 * Matching operations across specs by method and path (scripts/drift/path-match.ts) and telling
 * the API from a spec (scripts/drift/api-choice.ts): parameter names and spelling noise never
 * make two operations different, a base path moved between server URL and path template does not
 * either, and only a one-to-one match is a match.
 */
import { describe, expect, it } from 'vitest';
import { apiOfDocument } from '../../scripts/drift/api-choice.js';
import { matchOperations, normalisePath, type OperationSite, serverBasePath, servedAt } from '../../scripts/drift/path-match.js';

const site = (method: string, path: string, basePath: string | undefined, name = `${method} ${path}`): OperationSite & { name: string } => ({ method, path, basePath, name });
const names = <T extends { name: string }>(list: T[]) => list.map((s) => s.name);

describe('path normalisation', () => {
  it('erases path-parameter names (braces and Express-style), repeated and trailing slashes, and a query written into the path', () => {
    expect(normalisePath('/payments/{id}/refunds')).toBe('/payments/{}/refunds');
    expect(normalisePath('/payments/{payment_id}/refunds/')).toBe('/payments/{}/refunds');
    expect(normalisePath('payments//:paymentId/refunds?limit=10')).toBe('/payments/{}/refunds');
    expect(normalisePath('/files/{name}.{ext}')).toBe('/files/{}.{}');
    expect(normalisePath('/Payments')).not.toBe(normalisePath('/payments'));
  });

  it("a server's base path is its URL's path with variable defaults filled in; no servers is undefined", () => {
    expect(serverBasePath([{ url: 'https://api.justifi.ai/v1' }, { url: 'https://other/v2' }])).toBe('/v1');
    expect(serverBasePath([{ url: 'https://api.getfwd.com/' }])).toBe('');
    expect(serverBasePath([{ url: 'https://{env}.example.com/{version}', variables: { env: { default: 'api' }, version: { default: 'v2' } } }])).toBe('/v2');
    expect(serverBasePath([{ url: '/v1' }])).toBe('/v1');
    expect(serverBasePath(undefined)).toBeUndefined();
    expect(serverBasePath([])).toBeUndefined();
    expect(servedAt(site('get', '/payments/{id}', '/v1'))).toBe('/v1/payments/{id}');
  });
});

describe('operation matching', () => {
  it('matches on method and full URL path first, whether the base path is in the server URL or in the template', () => {
    const match = matchOperations([site('get', '/payments/{id}', '/v1', 'ours')], [site('get', '/v1/payments/{payment_id}', '', 'theirs')]);
    expect(match.pairs.map((p) => [p.ours.name, p.theirs.name, p.basePathDiffers])).toEqual([['ours', 'theirs', false]]);
  });

  it('then on the template alone, reporting a base-path difference only when both sides declare servers', () => {
    const ours = [site('post', '/oauth/token', '', 'token'), site('get', '/payments', '/v1', 'list')];
    const declared = matchOperations(ours, [site('post', '/oauth/token', '/v1', 'vendor token'), site('get', '/payments', '/v1', 'vendor list')]);
    expect(declared.pairs.map((p) => [p.ours.name, p.basePathDiffers])).toEqual([['list', false], ['token', true]]);
    const undeclared = matchOperations(ours, [site('post', '/oauth/token', undefined), site('get', '/payments', undefined)]);
    expect(undeclared.pairs.map((p) => [p.ours.name, p.basePathDiffers])).toEqual([['token', false], ['list', false]]);
  });

  it('never matches across methods, and leaves ambiguous templates unmatched rather than guessing', () => {
    const match = matchOperations([site('get', '/a/{x}', '', 'ours get'), site('post', '/b', '', 'ours post')], [site('get', '/a/{y}', '', 'theirs 1'), site('get', '/a/{z}', '', 'theirs 2'), site('put', '/b', '', 'theirs put')]);
    expect(match.pairs).toEqual([]);
    expect(names(match.oursOnly)).toEqual(['ours get', 'ours post']);
    expect(names(match.theirsOnly)).toEqual(['theirs 1', 'theirs 2', 'theirs put']);
  });
});

describe('which API a spec describes', () => {
  it('by our title, by a server host of the same domain, by vendor title words, by paths, else not at all', () => {
    expect(apiOfDocument({ info: { title: 'Payments API' }, paths: {} }, [])).toEqual({ api: expect.objectContaining({ name: 'payments-v1.3' }), by: 'its title "Payments API"' });
    expect(apiOfDocument({ info: { title: 'Docs' }, servers: [{ url: 'https://api.sandbox.getfwd.com/v1' }], paths: {} }, [])?.by).toBe('its server api.sandbox.getfwd.com');
    expect(apiOfDocument({ info: { title: 'Docs' }, paths: { '/x': { get: { servers: [{ url: 'https://sandbox.justifi.ai' }] } } } }, [])?.api.name).toBe('justifi-v1');
    expect(apiOfDocument({ info: { title: 'JustiFi API Documentation' }, paths: {} }, [])).toEqual({ api: expect.objectContaining({ name: 'justifi-v1' }), by: 'its title "JustiFi API Documentation"' });
    const byPaths = apiOfDocument({ info: { title: 'v1' }, paths: { '/ledger/balances': {}, '/transactions/search': {}, '/payment_intents': {} } }, []);
    expect(byPaths?.api.name).toBe('payments-v1.3');
    expect(byPaths?.by).toMatch(/^its paths \(3 path templates are Payments API v1\.3\.0's, 1 JustiFi API v1's\)$/);
    // `/payment_intents` alone is both APIs': a tie decides nothing.
    expect(apiOfDocument({ info: { title: 'v1' }, paths: { '/payment_intents': {} } }, [])).toBeUndefined();
    expect(apiOfDocument({ info: { title: 'Petstore' }, paths: { '/pets': {} } }, ['petstore.yaml'])).toBeUndefined();
  });
});
