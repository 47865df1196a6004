// Every mutated value must be invalid, and invalid *where and how* the mutation says.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateAgainst, type ReadableError } from './ajv.js';
import { SPEC_FILES, loadSpec, schemasOf, specExists } from './bundled-specs.js';
import { corpus, root } from './schema-corpus.js';
import { invalidArbitraryFromSchema, listMutations, type Mutation, type MutationKind, type MutationSite } from './schema-mutations.js';
import type { Direction, Schema } from './schema-utils.js';

const under = (path: string, prefix: string) => path === prefix || path.startsWith(`${prefix}/`);
const unescape = (seg: string) => seg.replace(/~1/g, '/').replace(/~0/g, '~');

/** Why the errors do not match the mutation, or undefined when they do. */
function mismatch(mutation: Mutation, errors: ReadableError[]): string | undefined {
  if (errors.length === 0) return 'value is still valid';
  if (mutation.kind === 'missing-required') {
    const parent = mutation.path.slice(0, mutation.path.lastIndexOf('/'));
    const name = unescape(mutation.path.slice(mutation.path.lastIndexOf('/') + 1));
    const hit = errors.some((e) => e.keyword === 'required' && e.instancePath === parent && e.params.missingProperty === name);
    if (!hit) return `no "required" error for ${name} at ${parent || '/'}`;
    if (!errors.every((e) => under(e.instancePath, parent))) return 'errors outside the parent object';
    return undefined;
  }
  if (!errors.every((e) => under(e.instancePath, mutation.path))) return `errors outside ${mutation.path || '/'}`;
  if (!errors.some((e) => e.keyword === mutation.keyword && e.instancePath === mutation.path)) {
    return `no "${mutation.keyword}" error at ${mutation.path || '/'}`;
  }
  return undefined;
}

function assertMutationsInvalid(
  schema: Schema, doc: object, direction: Direction | undefined, numRuns: number, only?: (site: MutationSite) => boolean,
) {
  const arb = invalidArbitraryFromSchema(schema, { root: doc, direction, only });
  fc.assert(
    fc.property(arb, ({ value, mutation }) => {
      const { details } = validateAgainst(schema, value, doc, direction);
      const problem = mismatch(mutation, details);
      if (problem) {
        const errors = details.map((d) => `${d.text} [${d.keyword}]`).join('; ');
        throw new Error(`${mutation.kind} at ${mutation.path}: ${problem}; value ${JSON.stringify(value)}; errors ${errors}`);
      }
    }),
    { numRuns },
  );
}

describe('invalidArbitraryFromSchema: every mutation is invalid where it says', () => {
  // Entries without any breakable constraint ({} and the like) are covered by a test below.
  for (const { name, schema, direction } of corpus.filter((c) => listMutations(c.schema, { root, direction: c.direction }).length)) {
    it(name, () => assertMutationsInvalid(schema, root, direction, 100));
  }

  // A site whose break never yields an invalid value would just be discarded in the mix above;
  // taking each site alone proves every listed site really produces negative cases.
  it('every listed site of the corpus produces invalid values on its own', () => {
    let count = 0;
    for (const { schema, direction } of corpus) {
      for (const site of listMutations(schema, { root, direction })) {
        const only = (s: MutationSite) => s.path === site.path && s.keyword === site.keyword && s.kind === site.kind;
        assertMutationsInvalid(schema, root, direction, 5, only);
        count++;
      }
    }
    expect(count).toBeGreaterThan(150);
  });

  it('lists no site, and refuses to generate, for a schema without constraints', () => {
    expect(listMutations({}, { root })).toEqual([]);
    expect(() => invalidArbitraryFromSchema({}, { root })).toThrow(/no negative case possible/);
  });

  it('does not use null as a wrong type for a nullable location', () => {
    const schema = { type: 'object', required: ['note'], properties: { note: { type: ['string', 'null'], maxLength: 3 } } };
    const samples = fc.sample(invalidArbitraryFromSchema(schema, { root }), { numRuns: 300, seed: 7 });
    const wrongTypes = samples.filter((s) => s.mutation.kind === 'wrong-type' && s.mutation.path === '/note');
    expect(wrongTypes.length).toBeGreaterThan(0);
    expect(wrongTypes.some((s) => (s.value as { note: unknown }).note === null)).toBe(false);
  });

  it('only breaks a oneOf with a type that no branch accepts', () => {
    const schema = { oneOf: [{ type: 'string', minLength: 2 }, { type: 'integer' }] };
    expect(listMutations(schema, { root }).map((m) => m.kind)).toEqual(['wrong-type']);
  });

  it('skips readOnly properties for requests (they are not sent, so not breakable)', () => {
    const paths = listMutations({ $ref: '#/components/schemas/Payment' }, { root, direction: 'request' }).map((m) => m.path);
    expect(paths).toContain('/card_number');
    expect(paths.some((p) => p === '/id' || p === '/status')).toBe(false);
  });

  it('catches a wrong report (the check is not a tautology)', () => {
    const errors = validateAgainst({ type: 'integer', maximum: 5 }, 6).details;
    expect(mismatch({ kind: 'above-maximum', keyword: 'maximum', path: '', detail: '' }, errors)).toBeUndefined();
    expect(mismatch({ kind: 'below-minimum', keyword: 'minimum', path: '', detail: '' }, errors)).toMatch(/no "minimum"/);
    expect(mismatch({ kind: 'wrong-type', keyword: 'type', path: '/x', detail: '' }, errors)).toMatch(/outside/);
    expect(mismatch({ kind: 'wrong-type', keyword: 'type', path: '', detail: '' }, [])).toMatch(/still valid/);
  });
});

describe('each mutation kind is produced', () => {
  const cases: [MutationKind, Schema, (value: unknown) => boolean][] = [
    ['missing-required', { type: 'object', required: ['a'], properties: { a: { type: 'string' } } }, (v) => !('a' in (v as object))],
    ['wrong-type', { type: 'integer' }, (v) => !Number.isInteger(v)],
    ['above-maximum', { type: 'integer', maximum: 5, multipleOf: 5 }, (v) => (v as number) > 5 && (v as number) % 5 === 0],
    ['below-minimum', { type: 'number', exclusiveMinimum: 1.5 }, (v) => (v as number) <= 1.5],
    ['not-in-enum', { type: 'string', enum: ['a', 'b'] }, (v) => typeof v === 'string' && !['a', 'b'].includes(v)],
    ['too-short', { type: 'string', minLength: 3, pattern: '^[a-z]+$' }, (v) => (v as string).length === 2 && /^[a-z]+$/.test(v as string)],
    ['too-long', { type: 'string', maxLength: 3, pattern: '^[a-z]+$' }, (v) => (v as string).length === 4 && /^[a-z]+$/.test(v as string)],
    ['pattern-mismatch', { type: 'string', pattern: '^[a-z]+$', maxLength: 5 }, (v) => !/^[a-z]+$/.test(v as string) && (v as string).length <= 5],
    ['pattern-mismatch', { type: 'string', format: 'date' }, (v) => typeof v === 'string' && !/^\d{4}-\d{2}-\d{2}$/.test(v)],
    ['too-few-items', { type: 'array', minItems: 2, items: { type: 'integer' } }, (v) => (v as unknown[]).length === 1],
    ['too-many-items', { type: 'array', maxItems: 2, uniqueItems: true, items: { type: 'integer' } }, (v) => new Set(v as unknown[]).size === 3],
  ];

  for (const [kind, schema, check] of cases) {
    it(`${kind} (${JSON.stringify(schema)})`, () => {
      const samples = fc.sample(invalidArbitraryFromSchema(schema, { root }), { numRuns: 200, seed: 1 });
      const ofKind = samples.filter((s) => s.mutation.kind === kind);
      expect(ofKind.length).toBeGreaterThan(0);
      for (const { value, mutation } of ofKind) {
        expect(validateAgainst(schema, value).valid).toBe(false);
        const broken = mutation.path === '' ? value : (value as Record<string, unknown>)[mutation.path.slice(1)];
        expect(check(kind === 'missing-required' ? value : broken), JSON.stringify({ value, mutation })).toBe(true);
      }
    });
  }

  it('reports a concrete path inside arrays and a readable detail', () => {
    const schema = { type: 'array', minItems: 1, items: { type: 'object', required: ['sku'], properties: { sku: { type: 'string' } } } };
    const samples = fc.sample(invalidArbitraryFromSchema(schema, { root }), { numRuns: 200, seed: 3 });
    const dropped = samples.find((s) => s.mutation.kind === 'missing-required');
    expect(dropped?.mutation).toMatchObject({ keyword: 'required', detail: 'dropped required property sku' });
    expect(dropped?.mutation.path).toMatch(/^\/\d+\/sku$/);
  });
});

for (const spec of SPEC_FILES) {
  describe.skipIf(!specExists(spec.path))(`bundled spec ${spec.name}: mutations are invalid`, () => {
    const doc = specExists(spec.path) ? loadSpec(spec.path) : {};

    it('every breakable components.schemas entry and request body', () => {
      const failures: string[] = [];
      for (const { name, schema, direction } of schemasOf(doc)) {
        if (listMutations(schema, { root: doc, direction }).length === 0) continue;
        try {
          assertMutationsInvalid(schema, doc, direction, 15);
        } catch (error) {
          failures.push(`${name}: ${(error as Error).message.split('\n').slice(0, 6).join('\n')}`);
        }
      }
      expect(failures).toEqual([]);
    });

    it('one site per constraint kind of each schema produces invalid values on its own', () => {
      const failures: string[] = [];
      for (const { name, schema, direction } of schemasOf(doc)) {
        const seen = new Set<string>();
        for (const site of listMutations(schema, { root: doc, direction })) {
          if (seen.has(`${site.kind} ${site.keyword}`)) continue;
          seen.add(`${site.kind} ${site.keyword}`);
          const only = (s: MutationSite) => s.path === site.path && s.keyword === site.keyword && s.kind === site.kind;
          try {
            assertMutationsInvalid(schema, doc, direction, 2, only);
          } catch (error) {
            failures.push(`${name} ${site.kind} at ${site.path}: ${(error as Error).message.split('\n').slice(0, 4).join('\n')}`);
          }
        }
      }
      expect(failures).toEqual([]);
    });
  });
}
