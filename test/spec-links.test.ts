/**
 * The OpenAPI links of both bundled specs, as the stateful suite reads them (scripts/lib/spec-links.ts):
 * every link lands on a real operation with the parameters it needs, every pointer names a property
 * the source response (or request) declares, every create-type operation links onward, and the
 * expressions evaluate against the specs' own examples.
 */
import { describe, expect, it } from 'vitest';
import { apis, type ApiEntry } from '../scripts/lib/apis.js';
import { deref, type JsonObject, listOperations, loadBundle, type OperationEntry } from '../scripts/lib/spec-model.js';
import { evaluatePointer, listLinks, resolveLinkParameters, type SpecLink, splitParameterKey, withLinksInDescriptions } from '../scripts/lib/spec-links.js';

const byName = (name: ApiEntry['name']) => apis.find((a) => a.name === name)!;

/** The schemas one value of `node` must match at once: `$ref`s followed, `allOf` flattened; `oneOf`/`anyOf` alternatives included. */
function expand(doc: JsonObject, node: unknown): JsonObject[] {
  const schema = deref(doc, node);
  if (!schema || typeof schema !== 'object') return [];
  const parts = [...((schema.allOf ?? []) as unknown[]), ...((schema.oneOf ?? []) as unknown[]), ...((schema.anyOf ?? []) as unknown[])];
  return [schema, ...parts.flatMap((p) => expand(doc, p))];
}

/**
 * Walks a JSON pointer through a schema's `properties`. Returns undefined when a step names no declared
 * property; `inferred` says whether a property on the way is marked `x-inferred: true`.
 */
function propertyAt(doc: JsonObject, schema: unknown, pointer: string): { inferred: boolean } | undefined {
  let node = schema;
  let inferred = false;
  for (const token of pointer.split('/').slice(1).map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'))) {
    const declared = expand(doc, node).map((s) => (s.properties as JsonObject | undefined)?.[token]).find((p) => p !== undefined);
    if (declared === undefined) return undefined;
    inferred ||= (declared as JsonObject)['x-inferred'] === true;
    node = declared;
  }
  return { inferred };
}

const jsonSchemaOf = (doc: JsonObject, holder: unknown) => (deref(doc, holder)?.content as JsonObject | undefined)?.['application/json'] as JsonObject | undefined;

/** Example values of a response: `examples` (each `$ref` followed) and `example`. */
function responseExamples(doc: JsonObject, op: OperationEntry, status: string): unknown[] {
  const media = jsonSchemaOf(doc, (op.operation.responses as JsonObject)[status]) ?? {};
  const named = Object.values((media.examples ?? {}) as JsonObject).map((e) => deref(doc, e).value);
  return media.example === undefined ? named : [...named, media.example];
}

describe.each(apis.map((api) => [api.name, api] as const))('OpenAPI links of %s', (name, api) => {
  const doc = loadBundle(api);
  const links = listLinks(doc);
  const operations = new Map(listOperations(doc).map((op) => [op.operationId, op]));
  const op = (id: string) => operations.get(id)!;
  // A link to a missing operation is reported by the target test; the parameter tests skip it.
  const targetParameters = (l: SpecLink) => operations.get(l.to)?.parameters ?? [];
  const where = (l: SpecLink) => `${l.from} ${l.status} ${l.name} → ${l.to}`;
  const expressions = (l: SpecLink, kind: RegExp) =>
    Object.entries(l.parameters).flatMap(([key, e]) => (kind.exec(e) ? [{ key, match: kind.exec(e)! }] : []));

  it(`declares ${links.length} links from ${new Set(links.map((l) => l.from)).size} operations to ${new Set(links.map((l) => l.to)).size}`, () => {
    console.log(`${name}: ${links.length} links (${links.filter((l) => l.inferred).length} x-inferred)`);
    expect(links.length).toBeGreaterThan(0);
  });

  it('puts links on success responses only and gives each a one-line description', () => {
    expect(links.filter((l) => !/^2\d\d$/.test(l.status)).map(where)).toEqual([]);
    expect(links.filter((l) => !l.description || l.description.includes('\n')).map(where)).toEqual([]);
  });

  it("every link's target operationId exists", () => {
    expect(links.filter((l) => !operations.has(l.to)).map(where)).toEqual([]);
  });

  it('every link parameter names a path, query or header parameter of the target', () => {
    const unknown = links.flatMap((l) =>
      Object.keys(l.parameters)
        .filter((key) => {
          const { in: location, name: param } = splitParameterKey(key);
          return !targetParameters(l).some((p) => ['path', 'query', 'header'].includes(String(p.in)) && p.name === param && (!location || p.in === location));
        })
        .map((key) => `${where(l)}: ${key}`),
    );
    expect(unknown).toEqual([]);
  });

  it('every required path parameter of the target is given', () => {
    const missing = links.flatMap((l) => {
      const given = new Set(Object.keys(l.parameters).map(splitParameterKey).filter((k) => !k.in || k.in === 'path').map((k) => k.name));
      return targetParameters(l).filter((p) => p.in === 'path' && p.required === true && !given.has(String(p.name))).map((p) => `${where(l)}: ${String(p.name)}`);
    });
    expect(missing).toEqual([]);
  });

  it("every $response.body pointer names a property of the source response's schema, and one onto an x-inferred property is an x-inferred link", () => {
    const problems = links.flatMap((l) =>
      expressions(l, /^\$response\.body#(\/.*)$/).flatMap(({ key, match }) => {
        const schema = jsonSchemaOf(doc, (op(l.from).operation.responses as JsonObject)[l.status])?.schema;
        const found = propertyAt(doc, schema, match[1]!);
        if (!found) return [`${where(l)}: ${key} = ${match[0]} is not in the response schema`];
        return found.inferred && !l.inferred ? [`${where(l)}: ${match[0]} lands on an x-inferred property, so the link needs x-inferred: true`] : [];
      }),
    );
    expect(problems).toEqual([]);
  });

  it("every $request.body pointer names a property of the source's request body, every $request.path a path parameter of the source", () => {
    const problems = links.flatMap((l) => [
      ...expressions(l, /^\$request\.body#(\/.*)$/)
        .filter(({ match }) => !propertyAt(doc, jsonSchemaOf(doc, op(l.from).operation.requestBody)?.schema, match[1]!))
        .map(({ key, match }) => `${where(l)}: ${key} = ${match[0]}`),
      ...expressions(l, /^\$request\.path\.(.+)$/)
        .filter(({ match }) => !op(l.from).parameters.some((p) => p.in === 'path' && p.name === match[1]))
        .map(({ key, match }) => `${where(l)}: ${key} = ${match[0]}`),
    ]);
    expect(problems).toEqual([]);
  });

  // The token exchange (`security: []`) answers a credential, which a link cannot pass: security is not a parameter.
  const createType = [...operations.values()].filter(
    (o) => !(Array.isArray(o.operation.security) && o.operation.security.length === 0) && ((o.method === 'post' && '201' in (o.operation.responses as JsonObject)) || /^(create|tokenize|clone)/.test(o.operationId)),
  );
  it(`every one of the ${createType.length} create-type operations (POST answering 201, or create*/tokenize*/clone*) links onward`, () => {
    const linked = new Set(links.map((l) => l.from));
    expect(createType.map((o) => o.operationId).filter((id) => !linked.has(id))).toEqual([]);
  });

  it('every $response.body expression resolves against the source response examples that hold it', () => {
    let resolved = 0;
    for (const l of links.filter((link) => Object.values(link.parameters).every((e) => e.startsWith('$response.body#')))) {
      for (const example of responseExamples(doc, op(l.from), l.status)) {
        // Examples may leave out an optional property; the pointer is then checked by the schema test above.
        if (!Object.values(l.parameters).every((e) => evaluatePointer(example, e.slice('$response.body#'.length)).found)) continue;
        const params = resolveLinkParameters(l, { response: example, request: { path: {} } });
        for (const [key, value] of Object.entries(params)) {
          if (splitParameterKey(key).in !== 'query') expect(typeof value === 'string' || value === null, `${where(l)}: ${key} = ${String(value)}`).toBe(true);
        }
        resolved++;
      }
    }
    console.log(`${name}: ${resolved} link resolutions against examples`);
    expect(resolved).toBeGreaterThan(0);
  });

  it('withLinksInDescriptions lists every link in its response description (Redoc renders descriptions, not links) and leaves the bundle alone', () => {
    const before = JSON.stringify(doc);
    const shown = withLinksInDescriptions(doc);
    const shownOperations = new Map(listOperations(shown).map((o) => [o.operationId, o]));
    const descriptionOf = (l: SpecLink) => String(deref(shown, (shownOperations.get(l.from)!.operation.responses as JsonObject)[l.status]).description);
    const missing = links.filter((l) => {
      const text = descriptionOf(l);
      return !text.includes(`\`${l.name}\` → **${String(op(l.to).operation.summary)}** (\`${l.to}\``) || !text.includes(l.description!);
    });
    expect(missing.map(where)).toEqual([]);
    expect(JSON.stringify(doc)).toBe(before);
  });
});

describe('resolveLinkParameters', () => {
  const justifi = loadBundle(byName('justifi-v1'));
  const payments = loadBundle(byName('payments-v1.3'));
  const link = (doc: JsonObject, from: string, name: string) => listLinks(doc).find((l) => l.from === from && l.name === name)!;
  const firstExample = (doc: JsonObject, from: string, status: string) => responseExamples(doc, listOperations(doc).find((o) => o.operationId === from)!, status)[0] as JsonObject;

  it("reads the created id from the JustiFi envelope (data.id) and the Payments API's bare object (id)", () => {
    const payment = firstExample(justifi, 'createPayment', '201');
    expect(resolveLinkParameters(link(justifi, 'createPayment', 'RefundPayment'), { response: payment, request: { path: {} } })).toEqual({ id: (payment.data as JsonObject).id });
    const intent = firstExample(payments, 'createPaymentIntent', '201');
    expect(resolveLinkParameters(link(payments, 'createPaymentIntent', 'CreateRefund'), { response: intent, request: { path: {} } })).toEqual({ id: intent.id });
  });

  it('reads a payment method token from the envelope id, a path parameter from the request and a body field from the request body', () => {
    const method = firstExample(justifi, 'createPaymentMethod', '201');
    expect(resolveLinkParameters(link(justifi, 'createPaymentMethod', 'ClonePaymentMethod'), { response: method, request: { path: {} } })).toEqual({ token: method.id });
    expect(resolveLinkParameters(link(payments, 'listPaymentIntentPayments', 'GetPaymentIntentByPath'), { response: {}, request: { path: { id: 'pi_path' } } })).toEqual({ id: 'pi_path' });
    const checkout = link(justifi, 'createCheckoutSession', 'GetCheckoutPaymentIntent');
    expect(resolveLinkParameters(checkout, { response: {}, request: { path: {}, body: { payment_intent_id: 'pi_body' } } })).toEqual({ id: 'pi_body' });
  });

  it('passes a query parameter through and a null it finds as null (the link does not apply to that answer)', () => {
    expect(resolveLinkParameters(link(payments, 'getPayout', 'ListPayoutTransactions'), { response: { id: 'po_1' }, request: { path: { id: 'po_1' } } })).toEqual({ 'query.payout_id': 'po_1' });
    expect(resolveLinkParameters(link(payments, 'getTransaction', 'GetTransactionPayout'), { response: { id: 'tx_1', payout_id: null }, request: { path: {} } })).toEqual({ id: null });
  });

  it('throws naming the link and the expression when a pointer or path parameter does not resolve', () => {
    expect(() => resolveLinkParameters(link(justifi, 'createPayment', 'RefundPayment'), { response: { data: {} }, request: { path: {} } })).toThrow(
      /createPayment 201 RefundPayment → refundPayment: id = \$response\.body#\/data\/id: the response body has nothing at "\/data\/id"/,
    );
    expect(() => resolveLinkParameters(link(justifi, 'listPaymentIntentPayments', 'GetPaymentIntentByPath'), { response: {}, request: { path: {} } })).toThrow(
      /listPaymentIntentPayments 200 GetPaymentIntentByPath → getPaymentIntent: id = \$request\.path\.id: the request path has no parameter id/,
    );
  });

  it('rejects a runtime expression it does not evaluate instead of passing it on as a constant', () => {
    const header: SpecLink = { from: 'a', status: '200', name: 'N', to: 'b', parameters: { id: '$request.header.x-account-id' }, inferred: false };
    expect(() => resolveLinkParameters(header, { response: {}, request: { path: {} } })).toThrow(/a 200 N → b: id = \$request\.header\.x-account-id: unsupported runtime expression/);
    expect(resolveLinkParameters({ ...header, parameters: { id: 'constant' } }, { response: {}, request: { path: {} } })).toEqual({ id: 'constant' });
  });
});

describe('evaluatePointer (RFC 6901)', () => {
  const value = { 'a/b': { 'm~n': [10, 20] }, '~1': 'tilde-one', '': 'empty key', data: { id: null } };

  it('unescapes ~1 to / and ~0 to ~, in that order, and indexes arrays', () => {
    expect(evaluatePointer(value, '/a~1b/m~0n/1')).toEqual({ found: true, value: 20 });
    expect(evaluatePointer(value, '/~01')).toEqual({ found: true, value: 'tilde-one' });
    expect(evaluatePointer(value, '/')).toEqual({ found: true, value: 'empty key' });
    expect(evaluatePointer(value, '')).toEqual({ found: true, value });
  });

  it('finds a null value, and nothing past the end of an array, at a missing key or without a leading slash', () => {
    expect(evaluatePointer(value, '/data/id')).toEqual({ found: true, value: null });
    for (const missing of ['/a~1b/m~0n/2', '/a~1b/m~0n/01', '/a~1b/m~0n/-', '/data/id/x', '/nope', 'data']) {
      expect(evaluatePointer(value, missing), missing).toEqual({ found: false });
    }
  });
});
