/**
 * The messy-spec cases of the README's table that the JustiFi pair (upstream.test.ts) does not
 * contain, and an operation without an operationId, each in a small vendor spec written to disk,
 * read by the real reader (loadSpecDocuments) and compared with a small spec of ours: each is a
 * warning at its `file:line:column`, and no finding results but the true one a test builds in to
 * show the part was read rather than skipped.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { compareDocuments } from '../../scripts/drift/upstream-command.js';
import { inMemoryDocuments, loadSpecDocuments } from '../../scripts/drift/spec-documents.js';
import type { JsonObject } from '../../scripts/lib/spec-model.js';
import { lineOf } from './vendor-specs.js';

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any -- fixtures poke into arbitrary spec shapes

const dir = mkdtempSync(path.join(os.tmpdir(), 'payments-sdk-upstream-messy-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const json = (schema: JsonObject) => ({ content: { 'application/json': { schema } } });

/** Ours: `GET /things/{id}` (getThing, SDK method things.get) with a query parameter and a Thing in its 200 body. */
function oursSpec(): Json {
  return {
    openapi: '3.1.0',
    info: { title: 'Things', version: '1' },
    servers: [{ url: 'https://api.example.com' }],
    paths: {
      '/things/{id}': {
        get: {
          operationId: 'getThing',
          parameters: [
            { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
            { $ref: '#/components/parameters/Expand' },
          ],
          responses: { '200': { description: 'ok', ...json({ $ref: '#/components/schemas/Thing' }) } },
        },
      },
    },
    components: {
      parameters: { Expand: { name: 'expand', in: 'query', schema: { type: 'string' } } },
      schemas: { Thing: { type: 'object', required: ['id'], properties: { id: { type: 'string' }, name: { type: 'string' }, total: { type: 'integer' } } } },
    },
  };
}

/**
 * The vendor's copy of ours (3.0.3, `{thing_id}`, kebab-case operationId) after `edit`, written
 * as YAML to `<name>.yaml`, read from disk and compared with ours. Warnings as `kind file:line:column`.
 */
async function compareVendor(name: string, edit: (spec: Json) => void) {
  const spec = structuredClone(oursSpec());
  spec.openapi = '3.0.3';
  spec.paths = { '/things/{thing_id}': spec.paths['/things/{id}'] };
  const get = spec.paths['/things/{thing_id}'].get;
  get.operationId = 'get-thing';
  get.parameters[0].name = 'thing_id';
  edit(spec);
  const file = path.join(dir, `${name}.yaml`);
  writeFileSync(file, stringify(spec, { lineWidth: 0 }));
  const vendor = await loadSpecDocuments(file);
  const result = compareDocuments(inMemoryDocuments(oursSpec(), path.join(dir, 'ours.yaml'), 'ours.yaml'), vendor, { getThing: ['things.get'] });
  return {
    ...result,
    lines: result.findings.map((f) => `${f.kind}: ${f.message}`),
    warnings: vendor.warnings.map((w) => `${w.kind} ${w.at}`),
    messages: vendor.warnings.map((w) => w.message),
    /** `<name>.yaml:line:column`: the line matching `patterns` in turn (or `below` it: a mapping value starts on the next line). */
    at: (column: number, patterns: RegExp[], below = 0) => `${name}.yaml:${lineOf(file, ...patterns) + below}:${column}`,
  };
}

describe('drift upstream: messy-spec cases, each a warning at its place and no false finding', () => {
  it('a schema written as a bare type name (`schema: string`) is read as that type', async () => {
    const result = await compareVendor('bare-type', (spec) => {
      spec.paths['/things/{thing_id}'].get.parameters[0].schema = 'string';
      // Read as a type, not skipped: a bare `integer` where ours is a string is a true finding.
      spec.components.parameters.Expand.schema = 'integer';
    });
    expect(result.warnings).toEqual([`not-a-schema ${result.at(19, [/- name: thing_id$/, /^ +schema: string$/])}`, `not-a-schema ${result.at(15, [/^ {4}Expand:$/, /^ +schema: integer$/])}`]);
    expect(result.messages).toEqual(['schema written as the bare word `string`; read as `type: string`', 'schema written as the bare word `integer`; read as `type: integer`']);
    expect(result.lines).toEqual(["type: query parameter `expand` is string in our spec, integer in the vendor's"]);
    expect(result.findings[0]).toMatchObject({ touchesTypes: true, sdkMethods: ['things.get'], vendorAt: result.at(15, [/^ {4}Expand:$/, /^ +schema: integer$/]) });
  });

  it('an `allOf` that is not a list is read as a list of its one schema', async () => {
    const result = await compareVendor('allof-mapping', (spec) => {
      const thing = spec.components.schemas.Thing;
      // Read, not skipped: a field only the vendor has inside it is a true finding.
      spec.components.schemas.Thing = { allOf: { ...thing, properties: { ...thing.properties, extra: { type: 'string' } } } };
    });
    expect(result.warnings).toEqual([`schema-as-list ${result.at(9, [/^ {4}Thing:$/, /^ {6}allOf:$/], 1)}`]);
    expect(result.messages).toEqual(['`allOf` is not a list; read as a list of one schema']);
    expect(result.lines).toEqual(["vendor-only-response-field: `Thing.extra` (string) is in the vendor's spec only"]);
  });

  it('a circular $ref is unknown: nothing below it is compared and nothing of ours it might hold is reported missing', async () => {
    const result = await compareVendor('circular', (spec) => {
      // A schema and a parameter that lead back to themselves.
      spec.components.schemas = { Thing: { $ref: '#/components/schemas/ThingRecord' }, ThingRecord: { $ref: '#/components/schemas/Thing' } };
      spec.components.parameters.Expand = { $ref: '#/components/parameters/Expand' };
    });
    expect(result.lines).toEqual([]);
    expect(result.messages).toEqual(['`$ref: #/components/parameters/Expand` is circular', '`$ref: #/components/schemas/ThingRecord` is circular']);
    expect(result.warnings).toEqual([`unresolved-ref ${result.at(7, [/^ {4}Expand:$/], 1)}`, `unresolved-ref ${result.at(7, [/^ {4}Thing:$/], 1)}`]);
  });

  it('a $ref that is not a valid URL is unknown; a pointer missing its leading / is read as the pointer it means', async () => {
    const result = await compareVendor('invalid-ref', (spec) => {
      const get = spec.paths['/things/{thing_id}'].get;
      get.responses['200'].content['application/json'].schema = { $ref: 'https://schemas.example.com:99999/Thing.yaml' };
      get.parameters[1] = { $ref: '#components/parameters/Expand' };
      // Read, not skipped: the parameter it names is required by the vendor, a true finding.
      spec.components.parameters.Expand.required = true;
    });
    expect(result.messages).toEqual([
      '`$ref: #components/parameters/Expand` is not a JSON pointer (no `/` after `#`); read as #/components/parameters/Expand',
      '`$ref: https://schemas.example.com:99999/Thing.yaml` is not a valid reference',
    ]);
    expect(result.warnings).toEqual([`ref-repaired ${result.at(11, [/- \$ref: "#components\/parameters\/Expand"$/])}`, `unresolved-ref ${result.at(17, [/\$ref: https:\/\/schemas\.example\.com:99999\/Thing\.yaml$/])}`]);
    expect(result.lines).toEqual(["required: query parameter `expand` is required in the vendor's spec, optional in ours"]);
  });

  it('an operation with no operationId at all is matched by method and path, and one only the vendor has is named by them', async () => {
    const result = await compareVendor('no-operation-id', (spec) => {
      const item = spec.paths['/things/{thing_id}'];
      delete item.get.operationId;
      item.get.parameters.push({ name: 'limit', in: 'query', schema: { type: 'integer' } });
      spec.paths['/things'] = { post: { responses: { '201': { description: 'created' } } } };
    });
    expect(result.operations).toEqual({ shared: 1, vendorOnly: 1, oursOnly: 0, unknown: 0 });
    expect(result.lines).toEqual(["vendor-only-parameter: query parameter `limit` is in the vendor's spec only", "vendor-only-operation: POST /things is in the vendor's spec only"]);
    expect(result.findings[0]!.operations).toEqual([{ method: 'GET', path: '/things/{id}', operationId: 'getThing', vendorPath: '/things/{thing_id}', where: 'query parameter `limit`', sdkMethods: ['things.get'] }]);
    expect(result.warnings).toEqual([]);
  });
});
