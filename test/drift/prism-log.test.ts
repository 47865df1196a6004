/**
 * Reading Prism 5.14's proxy log (lines recorded from `prism proxy` in front of a server returning
 * drifted JustiFi payments): every violation is attributed to the exchange logged before it and
 * named by kind; with --errors, the 500 Prism substitutes is reported as a violation.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { prismLogParser, type ProxyEvent } from '../../scripts/drift/prism-log.js';
import { fromRoot } from '../../scripts/lib/apis.js';

function eventsOf(fixture: string): ProxyEvent[] {
  const parse = prismLogParser();
  return readFileSync(fromRoot(`test/fixtures/drift/${fixture}`), 'utf8').split('\n').flatMap(parse);
}

describe('Prism proxy log', () => {
  const events = eventsOf('prism-proxy.log');
  const violations = events.flatMap((e) => (e.type === 'violation' ? [e.violation] : []));

  it('announces the listening URL', () => {
    expect(events[0]).toEqual({ type: 'listening', url: 'http://127.0.0.1:5057' });
  });

  it('reports each exchange with method, path and upstream status', () => {
    const exchanges = events.flatMap((e) => (e.type === 'exchange' ? [e.exchange] : []));
    expect(exchanges.map((x) => `${x.method} ${x.path} ${x.status}`)).toEqual([
      'GET /payments/py_123xyz 200',
      'GET /payments/py_1 200',
      'GET /payments/py_2 200',
      'GET /payments/py_3 200',
      'GET /payments/py_4 418',
      'POST /payments 404',
    ]);
  });

  it('names the four kinds of response drift and ties each to its exchange', () => {
    const response = violations.filter((v) => v.location.startsWith('response')).map((v) => [v.exchange?.path, v.exchange?.status, v.kind, v.severity]);
    expect(response).toEqual([
      ['/payments/py_1', 200, 'missing required field', 'error'],
      ['/payments/py_2', 200, 'wrong type', 'error'],
      ['/payments/py_3', 200, 'unknown enum value', 'error'],
      ['/payments/py_4', 418, 'undocumented status', 'warning'],
      ['/payments', 404, 'undocumented status', 'warning'],
    ]);
  });

  it('reports request violations too, with where in the request they are', () => {
    const request = violations.filter((v) => v.location.startsWith('request'));
    expect(request.map((v) => v.location)).toEqual(['request', 'request.body', 'request.body', 'request.body', 'request.body.amount', 'request.header']);
    expect(request.every((v) => v.exchange?.method === 'POST' && v.exchange.path === '/payments')).toBe(true);
  });

  it('with --errors, the 500 Prism answers instead of a violating response is a violation of that exchange', () => {
    const withErrors = eventsOf('prism-proxy-errors.log').flatMap((e) => (e.type === 'violation' ? [e.violation] : []));
    expect(withErrors).toHaveLength(1);
    expect(withErrors[0]).toMatchObject({ severity: 'error', exchange: { method: 'GET', path: '/payments/py_2', status: 500 } });
    expect(withErrors[0]?.message).toContain('--errors');
  });
});
