/**
 * What the generator reads from a spec to shape an SDK method: the name from `x-sdk-method`, the
 * positional path parameters, body and query, the declared headers, how a 2xx body is read,
 * pagination from the page parameters and the envelope, and credentials from `security`. Small
 * documents written here drive `sdkSurface`, so each rule is checked on its own.
 */
import { describe, expect, it } from 'vitest';
import { apis } from '../../scripts/lib/apis.js';
import { loadBundle, type JsonObject } from '../../scripts/lib/spec-model.js';
import { argumentName } from '../../scripts/lib/sdk-codegen.js';
import { sdkSurface, SdkSurfaceError } from '../../scripts/lib/sdk-surface.js';

const page = { type: 'object', properties: { data: { type: 'array', items: {} }, page_info: { type: 'object' }, meta: { type: 'object' } } };
const json = (schema: unknown) => ({ content: { 'application/json': { schema } } });
const query = (name: string) => ({ name, in: 'query', schema: { type: 'string' } });

/** A one-operation document: `GET /things` unless `operation` says otherwise. */
function doc(operation: JsonObject, path = '/things', method = 'get'): JsonObject {
  return {
    openapi: '3.1.0',
    security: [{ key: [] }],
    paths: { [path]: { [method]: { operationId: 'op', 'x-sdk-method': 'things.do', responses: { '200': json({ type: 'object' }) }, ...operation } } },
  };
}
const only = (d: JsonObject) => sdkSurface(d)[0]!;

describe('the SDK method of an operation', () => {
  it('is named by x-sdk-method, and a missing, malformed or shared name stops generation', () => {
    expect(only(doc({}))).toMatchObject({ namespace: 'things', method: 'do', operationId: 'op' });
    expect(() => sdkSurface(doc({ 'x-sdk-method': undefined }))).toThrow(/op \(GET \/things\) has no x-sdk-method/);
    expect(() => sdkSurface(doc({ 'x-sdk-method': 'things.do_it' }))).toThrow(SdkSurfaceError);
    const twice = doc({});
    (twice.paths as JsonObject)['/other'] = { get: { operationId: 'op2', 'x-sdk-method': 'things.do', responses: {} } };
    expect(() => sdkSurface(twice)).toThrow('x-sdk-method "things.do" is used by both op and op2');
  });

  it('takes path parameters first, in path order, named as in the spec', () => {
    expect(only(doc({}, '/a/{account_id}/b/{id}')).pathParams).toEqual(['account_id', 'id']);
    expect([argumentName('payment_intent_id'), argumentName('account-id'), argumentName('default')]).toEqual(['payment_intent_id', 'accountId', 'default_']);
  });

  it('takes the body as required exactly when requestBody.required is true, optional otherwise, and not at all without one', () => {
    expect(only(doc({ requestBody: { required: true, ...json({ type: 'object' }) } }, '/things', 'post')).body).toBe('required');
    expect(only(doc({ requestBody: json({ type: 'object' }) }, '/things', 'post')).body).toBe('optional');
    expect(only(doc({ requestBody: { required: false, ...json({ type: 'object' }) } }, '/things', 'post')).body).toBe('optional');
    expect(only(doc({}, '/things', 'post')).body).toBe('none');
  });

  it('declares the header parameters with their required flags, and reads a non-JSON 2xx as text', () => {
    const op = only(doc({ parameters: [{ name: 'Idempotency-Key', in: 'header', required: true, schema: {} }, { name: 'Sub-Account', in: 'header', schema: {} }], responses: { '200': { content: { 'text/csv': { schema: { type: 'string' } } } } } }));
    expect(op.headers).toEqual({ 'Idempotency-Key': 'required', 'Sub-Account': 'optional' });
    expect(op.parseAs).toBe('text');
  });

  it('needs credentials unless the operation says security: []', () => {
    expect(only(doc({})).auth).toBe(true);
    expect(only(doc({ security: [] })).auth).toBe(false);
  });

  it('pages by the style its page parameter names, when the 2xx body carries what that style reads', () => {
    expect(only(doc({ parameters: [query('after_cursor')], responses: { '200': json(page) } })).paging).toBe('cursor');
    expect(only(doc({ parameters: [query('starting_after')], responses: { '200': json(page) } })).paging).toBe('starting-after');
    const search = { requestBody: json({ type: 'object', properties: { page: { type: 'integer' } } }), responses: { '200': json(page) } };
    expect(only(doc(search, '/things/search', 'post'))).toMatchObject({ paging: 'page-number', body: 'optional', query: false });
    expect(only(doc({ parameters: [query('limit')], responses: { '200': json(page) } })).paging).toBeUndefined();
  });

  it('stops generation when a page parameter and the envelope disagree', () => {
    const noCursors = { type: 'object', properties: { data: { type: 'array' } } };
    expect(() => sdkSurface(doc({ parameters: [query('after_cursor')], responses: { '200': json(noCursors) } }))).toThrow('op: its parameters page with cursor, but its 2xx body has no `page_info`');
    expect(() => sdkSurface(doc({ parameters: [query('starting_after')], responses: { '200': json({ type: 'object' }) } }))).toThrow('has no `data` array');
    const both = { parameters: [query('q')], requestBody: json({ type: 'object', properties: { page: {} } }), responses: { '200': json(page) } };
    expect(() => sdkSurface(doc(both, '/things', 'post'))).toThrow(/also takes query parameters/);
  });
});

describe('the SDK surface of the committed specs', () => {
  const surface = Object.fromEntries(apis.map((api) => [api.name, sdkSurface(loadBundle(api))]));
  const find = (api: string, operationId: string) => surface[api]!.find((o) => o.operationId === operationId)!;

  it('keeps the body rules the hand-written methods got wrong as the spec states them', () => {
    expect(find('justifi-v1', 'refundPayment').body).toBe('optional');
    expect(find('justifi-v1', 'capturePaymentIntent').body).toBe('optional');
    expect(find('justifi-v1', 'clonePaymentMethod').body).toBe('required');
    expect(find('justifi-v1', 'capturePayment').body).toBe('none');
    expect(find('payments-v1.3', 'createRefund').body).toBe('optional');
    expect(find('payments-v1.3', 'captureExternalPaymentIntent').body).toBe('required');
  });

  it('pages every list (cursor for JustiFi, starting_after for the Payments API) and every Payments API search (page number), and nothing else', () => {
    const expected = (o: { operationId: string }, api: string) =>
      o.operationId.startsWith('list') ? (api === 'justifi-v1' ? 'cursor' : 'starting-after') : o.operationId.startsWith('search') ? 'page-number' : undefined;
    for (const [api, ops] of Object.entries(surface)) {
      expect(ops.map((o) => [o.operationId, o.paging]), api).toEqual(ops.map((o) => [o.operationId, expected(o, api)]));
    }
    expect(Object.values(surface).flat().filter((o) => o.paging)).toHaveLength(20);
  });

  it('sends the token exchange without credentials, and nothing else', () => {
    expect(Object.values(surface).flat().filter((o) => !o.auth).map((o) => `${o.namespace}.${o.method}`)).toEqual(['accessTokens.create']);
  });
});
