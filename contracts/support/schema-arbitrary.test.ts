// The generator is itself property-tested: everything it produces must validate with Ajv.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateAgainst } from './ajv.js';
import { SPEC_FILES, loadSpec, schemasOf, specExists } from './bundled-specs.js';
import { corpus, root } from './schema-corpus.js';
import { arbitraryFromSchema } from './schema-arbitrary.js';
import type { Direction, Schema } from './schema-utils.js';

function assertAllValid(schema: Schema, doc: object, direction: Direction | undefined, numRuns: number) {
  const arb = arbitraryFromSchema(schema, { root: doc, direction });
  fc.assert(
    fc.property(arb, (value) => {
      const result = validateAgainst(schema, value, doc, direction);
      if (!result.valid) throw new Error(`${JSON.stringify(value)} is invalid: ${result.errors.join('; ')}`);
    }),
    { numRuns },
  );
}

describe('arbitraryFromSchema: generated values validate', () => {
  it('has a corpus covering every feature', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(25);
  });

  for (const { name, schema, direction } of corpus) {
    it(name, () => assertAllValid(schema, root, direction, 200));
  }
});

describe('arbitraryFromSchema: shape of generated values', () => {
  const sample = (schema: Schema, direction?: Direction, n = 300) =>
    fc.sample(arbitraryFromSchema(schema, { root, direction }), { numRuns: n, seed: 42 });
  const payment = { $ref: '#/components/schemas/Payment' };

  it('leaves readOnly properties out of requests and writeOnly ones out of responses', () => {
    const requests = sample(payment, 'request') as Record<string, unknown>[];
    expect(requests.some((p) => 'id' in p || 'status' in p || 'created_at' in p)).toBe(false);
    expect(requests.every((p) => 'card_number' in p)).toBe(true);
    const responses = sample(payment, 'response') as Record<string, unknown>[];
    expect(responses.some((p) => 'card_number' in p)).toBe(false);
    expect(responses.every((p) => 'id' in p && 'status' in p)).toBe(true);
  });

  it('generates both present and absent optional properties, and null for nullable ones', () => {
    const addresses = sample({ $ref: '#/components/schemas/Address' }) as Record<string, unknown>[];
    expect(addresses.some((a) => 'line2' in a)).toBe(true);
    expect(addresses.some((a) => !('line2' in a))).toBe(true);
    expect(addresses.some((a) => a.line2 === null)).toBe(true);
  });

  it('keeps arrays and strings small and strings printable', () => {
    const arrays = sample({ type: 'array', items: { type: 'string' } }) as string[][];
    expect(Math.max(...arrays.map((a) => a.length))).toBeLessThanOrEqual(3);
    expect(arrays.flat().every((s) => /^[\x20-\x7e]{0,12}$/.test(s))).toBe(true);
  });

  it('never generates an empty id, for id-like names', () => {
    const values = fc.sample(arbitraryFromSchema({ type: 'string' }, { root, name: 'payment_id' }), 300);
    expect(values.includes('')).toBe(false);
    const objects = sample({ type: 'object', required: ['id'], properties: { id: { type: 'string' } } }) as { id: string }[];
    expect(objects.every((o) => o.id !== '')).toBe(true);
  });

  it('cuts circular $refs instead of recursing forever', () => {
    const depth = (c: { parent?: unknown; children?: unknown[] }): number =>
      1 + Math.max(0, ...[c.parent, ...(c.children ?? [])].filter(Boolean).map((x) => depth(x as never)));
    const categories = sample({ $ref: '#/components/schemas/Category' }) as never[];
    expect(Math.max(...categories.map(depth))).toBeLessThanOrEqual(3);
  });

  it('throws when a required path is circular all the way down', () => {
    const loop = { components: { schemas: { L: { type: 'object', required: ['next'], properties: { next: { $ref: '#/components/schemas/L' } } } } } };
    expect(() => arbitraryFromSchema({ $ref: '#/components/schemas/L' }, { root: loop })).toThrow(/no finite valid value/);
  });

  it('returns the same arbitrary for the same schema object and direction (cache)', () => {
    const schema = root.components.schemas.Payment;
    expect(arbitraryFromSchema(schema, { root, direction: 'request' })).toBe(arbitraryFromSchema(schema, { root, direction: 'request' }));
    expect(arbitraryFromSchema(schema, { root, direction: 'request' })).not.toBe(arbitraryFromSchema(schema, { root, direction: 'response' }));
  });

  it('catches a broken generator (the validation step is not a tautology)', () => {
    // Claim a stricter schema than the one generated from: the property must fail.
    const arb = arbitraryFromSchema({ type: 'integer', minimum: 0, maximum: 100 }, { root });
    expect(() =>
      fc.assert(fc.property(arb, (v) => validateAgainst({ type: 'integer', maximum: 50 }, v).valid), { numRuns: 200 }),
    ).toThrow();
  });
});

for (const spec of SPEC_FILES) {
  describe.skipIf(!specExists(spec.path))(`bundled spec ${spec.name}: generated values validate`, () => {
    const doc = specExists(spec.path) ? loadSpec(spec.path) : {};
    const schemas = schemasOf(doc);

    it('has schemas to check', () => expect(schemas.length).toBeGreaterThan(0));

    it('every components.schemas entry and every request body', () => {
      const failures: string[] = [];
      for (const { name, schema, direction } of schemas) {
        try {
          assertAllValid(schema, doc, direction, 30);
        } catch (error) {
          failures.push(`${name}: ${(error as Error).message.split('\n').slice(0, 6).join('\n')}`);
        }
      }
      expect(failures).toEqual([]);
    });
  });
}
