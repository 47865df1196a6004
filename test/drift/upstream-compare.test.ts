/**
 * The comparison rules of `drift upstream` on small specs written here (compareDocuments, no
 * bundle, no CLI): what is the same however it is spelt (OpenAPI 3.0 or 3.1, parameter names, header
 * case, an API key as a parameter or a security scheme) and what is a finding of which kind,
 * including the body kinds our bundles give no example of.
 */
import { describe, expect, it } from 'vitest';
import { compareDocuments } from '../../scripts/drift/upstream-command.js';
import { inMemoryDocuments } from '../../scripts/drift/spec-documents.js';
import type { JsonObject } from '../../scripts/lib/spec-model.js';

const json = (schema: JsonObject) => ({ content: { 'application/json': { schema } } });

/** A one-operation spec: `POST /things/{id}` (operationId `makeThing`) with the parts given. */
function spec(parts: { parameters?: unknown[]; requestBody?: unknown; responses?: JsonObject; security?: unknown; schemes?: JsonObject; openapi?: string; path?: string }): JsonObject {
  return {
    openapi: parts.openapi ?? '3.1.0',
    info: { title: 'Things', version: '1' },
    servers: [{ url: 'https://api.example.com/v1' }],
    ...(parts.security ? { security: parts.security } : {}),
    components: { schemas: {}, securitySchemes: parts.schemes ?? {} },
    paths: {
      [parts.path ?? '/things/{id}']: {
        post: {
          operationId: 'makeThing',
          parameters: parts.parameters ?? [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          ...(parts.requestBody ? { requestBody: parts.requestBody } : {}),
          responses: parts.responses ?? { '200': { description: 'ok' } },
        },
      },
    },
  };
}

function compare(ours: JsonObject, theirs: JsonObject) {
  const vendor = inMemoryDocuments(theirs, '/tmp/vendor.yaml', 'vendor.yaml');
  const result = compareDocuments(inMemoryDocuments(ours, '/tmp/ours.yaml', 'ours.yaml'), vendor, { makeThing: ['things.make'] });
  return { ...result, lines: result.findings.map((f) => `${f.kind}: ${f.message}`), warnings: vendor.warnings };
}

describe('upstream comparison rules', () => {
  it('OpenAPI 3.0 nullable, allOf and enum spellings equal their 3.1 forms: no finding', () => {
    const ours = spec({
      responses: {
        '200': json({
          type: 'object',
          required: ['id'],
          properties: {
            id: { type: 'string' },
            note: { type: ['string', 'null'] },
            reason: { anyOf: [{ type: 'string', enum: ['a', 'b'] }, { type: 'null' }] },
            kind: { enum: ['x', 'y', null] },
            count: { type: 'integer' },
          },
        }),
      },
    });
    const theirs = spec({
      openapi: '3.0.3',
      path: '/v1/things/{thing_id}',
      parameters: [{ name: 'thing_id', in: 'path', required: true, schema: { type: 'string' } }],
      responses: {
        '200': json({
          required: ['id'],
          properties: {
            id: { type: 'string' },
            note: { type: 'string', nullable: true },
            reason: { allOf: [{ type: 'string', enum: ['b', 'a'] }], nullable: true },
            kind: { type: 'string', enum: ['x', 'y'], nullable: true },
            count: { type: 'integer' },
          },
        }),
      },
    });
    theirs.servers = [{ url: 'https://api.example.com' }];
    const result = compare(ours, theirs);
    expect(result.operations).toEqual({ shared: 1, vendorOnly: 0, oursOnly: 0, unknown: 0 });
    expect(result.lines).toEqual([]);
  });

  it('header names compare case-insensitively, path parameters by position, and an API key header equals an apiKey security scheme', () => {
    const ours = spec({
      parameters: [
        { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
        { name: 'X-Request-Id', in: 'header', schema: { type: 'string' } },
      ],
      security: [{ key: [] }],
      schemes: { key: { type: 'apiKey', in: 'header', name: 'x-api-key' } },
    });
    const theirs = spec({
      path: '/things/{thing}',
      parameters: [
        { name: 'thing', in: 'path', required: true, schema: { type: 'string' } },
        { name: 'x-request-id', in: 'header', schema: { type: 'string' } },
        { name: 'X-API-KEY', in: 'header', required: true, schema: { type: 'string' } },
        // OpenAPI says these three are ignored as parameters.
        { name: 'Authorization', in: 'header', required: true, schema: { type: 'string' } },
        { name: 'Content-Type', in: 'header', schema: { type: 'string' } },
        { name: 'Accept', in: 'header', schema: { type: 'string' } },
      ],
    });
    expect(compare(ours, theirs).lines).toEqual([]);
  });

  it('request bodies and fields present on one side only, and a response body only the vendor documents, are findings of their own kinds', () => {
    const ours = spec({
      requestBody: json({ type: 'object', properties: { name: { type: 'string' }, legacy: { type: 'boolean' } } }),
      responses: { '200': json({ type: 'object', properties: { id: { type: 'string' } } }), '204': { description: 'no content' } },
    });
    const theirs = spec({
      requestBody: json({ type: 'object', required: ['name'], properties: { name: { type: 'string' }, tags: { type: 'array', items: { type: 'string' } } } }),
      responses: { '200': json({ type: 'object', properties: { id: { type: 'string' } } }), '204': json({ type: 'object' }) },
    });
    const result = compare(ours, theirs);
    // In the order found (the report sorts them): request body first, then responses.
    expect(result.lines).toEqual([
      'ours-only-request-field: `request body field legacy` (boolean) is in our spec only',
      "vendor-only-request-field: `request body field tags` (array of string) is in the vendor's spec only",
      "required: `request body field name` is required in the vendor's spec, optional in ours",
      "vendor-only-response-body: POST /things/{id}: response 204 body (application/json) is in the vendor's spec only",
    ]);
    expect(result.findings.every((f) => f.touchesTypes && f.sdkMethods.join() === 'things.make')).toBe(true);
    const withoutBody = compare(spec({}), theirs);
    expect(withoutBody.lines[0]).toBe("vendor-only-request-body: POST /things/{id}: the request body is in the vendor's spec only");
  });

  it('an allOf branch that cannot be read hides nothing but what it might hold: our fields are not reported missing, the vendor\'s own still are', () => {
    const ours = spec({ responses: { '200': json({ type: 'object', properties: { id: { type: 'string' }, total: { type: 'integer' } } }) } });
    const theirs = spec({ responses: { '200': json({ allOf: [{ $ref: '#/components/schemas/Missing' }, { type: 'object', properties: { id: { type: 'string' }, extra: { type: 'string' } } }] }) } });
    const result = compare(ours, theirs);
    expect(result.lines).toEqual(["vendor-only-response-field: `response 200 field extra` (string) is in the vendor's spec only"]);
    expect(result.warnings.map((w) => `${w.kind} ${w.message}`)).toEqual(['unresolved-ref `$ref: #/components/schemas/Missing` does not resolve: vendor.yaml has nothing at #/components/schemas/Missing']);
  });

  it('a schema that contains itself is compared once per level, not forever', () => {
    const tree = (extra: JsonObject) => ({
      openapi: '3.1.0',
      info: { title: 'Things', version: '1' },
      servers: [{ url: 'https://api.example.com' }],
      components: { schemas: { Node: { type: 'object', properties: { name: { type: 'string' }, children: { type: 'array', items: { $ref: '#/components/schemas/Node' } }, ...extra } } } },
      paths: { '/tree': { get: { operationId: 'makeThing', responses: { '200': json({ $ref: '#/components/schemas/Node' }) } } } },
    });
    const result = compare(tree({}), tree({ depth: { type: 'integer' } }));
    expect(result.lines).toEqual(["vendor-only-response-field: `Node.depth` (integer) is in the vendor's spec only"]);
    expect(result.findings[0]!.operations.map((o) => o.where)).toEqual(['response 200 field depth']);
  });
});
