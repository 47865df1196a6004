// Hand-written schemas used by the generator and mutation tests. Each entry exercises one feature
// (or a known-tricky combination); `root` is a small OpenAPI document for the `$ref` cases.
import type { Direction, Schema } from './schema-utils.js';

export const root = {
  openapi: '3.1.0',
  info: { title: 'corpus', version: '1' },
  paths: {},
  components: {
    schemas: {
      Money: {
        type: 'object',
        required: ['amount', 'currency'],
        properties: {
          amount: { type: 'integer', minimum: 1, maximum: 99_999_999, example: 1000 },
          currency: { type: 'string', enum: ['usd', 'cad'] },
        },
        'x-inferred': true,
      },
      // A name that needs JSON pointer escaping: "#/components/schemas/Card~1Brand"
      'Card/Brand': { type: 'string', enum: ['visa', 'mastercard', 'amex'] },
      Address: {
        type: 'object',
        required: ['line1', 'postal_code'],
        properties: {
          line1: { type: 'string', minLength: 1, maxLength: 40 },
          line2: { type: ['string', 'null'], maxLength: 40 },
          postal_code: { type: 'string', pattern: '^[0-9]{5}$' },
          country: { type: 'string', pattern: '^[A-Z]{2}$', default: 'US' },
        },
      },
      Payment: {
        type: 'object',
        required: ['id', 'amount', 'status', 'card_number'],
        properties: {
          id: { type: 'string', format: 'uuid', readOnly: true },
          amount: { $ref: '#/components/schemas/Money' },
          status: { type: 'string', enum: ['pending', 'succeeded', 'failed'], readOnly: true },
          card_number: { type: 'string', pattern: '^[0-9]{16}$', writeOnly: true },
          brand: { $ref: '#/components/schemas/Card~1Brand' },
          billing: { $ref: '#/components/schemas/Address' },
          created_at: { type: 'string', format: 'date-time', readOnly: true },
        },
      },
      // Circular on purpose: the generator must cut it instead of recursing forever.
      Category: {
        type: 'object',
        required: ['name'],
        properties: {
          name: { type: 'string', minLength: 1, maxLength: 10 },
          parent: { $ref: '#/components/schemas/Category' },
          children: { type: 'array', maxItems: 2, items: { $ref: '#/components/schemas/Category' } },
        },
      },
    },
  },
} as const;

export interface CorpusEntry {
  name: string;
  schema: Schema;
  direction?: Direction;
}

const s = (name: string, schema: Schema, direction?: Direction): CorpusEntry => ({ name, schema, direction });

export const corpus: CorpusEntry[] = [
  s('plain string', { type: 'string' }),
  s('string length bounds', { type: 'string', minLength: 3, maxLength: 6 }),
  s('anchored pattern', { type: 'string', pattern: '^[A-Z]{3}$' }),
  s('unanchored pattern with lengths', { type: 'string', pattern: '[0-9]{2}', minLength: 4, maxLength: 8 }),
  s('pattern and lengths', { type: 'string', pattern: '^[a-z0-9_]+$', minLength: 3, maxLength: 10 }),
  s('formats', {
    type: 'object',
    required: ['id', 'email', 'day', 'at', 'link'],
    properties: {
      id: { type: 'string', format: 'uuid' },
      email: { type: 'string', format: 'email', maxLength: 40 },
      day: { type: 'string', format: 'date' },
      at: { type: 'string', format: 'date-time' },
      link: { type: 'string', format: 'uri' },
    },
  }),
  s('integer bounds', { type: 'integer', minimum: 1, maximum: 100 }),
  s('integer exclusive bounds', { type: 'integer', exclusiveMinimum: 0, exclusiveMaximum: 10 }),
  s('integer multipleOf', { type: 'integer', minimum: 10, maximum: 1000, multipleOf: 5 }),
  s('money as number', { type: 'number', exclusiveMinimum: 0, maximum: 1_000_000, multipleOf: 0.01 }),
  s('unbounded number', { type: 'number' }),
  s('string enum', { type: 'string', enum: ['card', 'ach', 'wallet'] }),
  s('nullable enum', { type: ['string', 'null'], enum: ['low', 'high', null] }),
  s('const', { const: 'payment' }),
  s('boolean', { type: 'boolean' }),
  s('nullable object (3.1 type array)', {
    type: ['object', 'null'],
    required: ['code'],
    properties: { code: { type: 'string', minLength: 2, maxLength: 4 } },
  }),
  s('nullable (OpenAPI 3.0 keyword)', { type: 'integer', nullable: true, minimum: 0 }),
  s('array with item bounds', { type: 'array', minItems: 1, maxItems: 5, items: { type: 'integer', minimum: 0 } }),
  s('unique enum array', { type: 'array', uniqueItems: true, maxItems: 3, items: { type: 'string', enum: ['a', 'b', 'c'] } }),
  s('nested objects', {
    type: 'object',
    required: ['customer'],
    properties: {
      customer: {
        type: 'object',
        required: ['name', 'address'],
        properties: {
          name: { type: 'string', minLength: 1, maxLength: 20 },
          address: { $ref: '#/components/schemas/Address' },
          tags: { type: 'array', maxItems: 4, items: { type: 'string', minLength: 1, maxLength: 8 } },
        },
      },
      note: { type: 'string', maxLength: 30 },
    },
  }),
  s('closed object', {
    type: 'object',
    additionalProperties: false,
    minProperties: 2,
    properties: { a: { type: 'integer' }, b: { type: 'boolean' }, c: { type: 'string' } },
  }),
  s('map (additionalProperties schema)', { type: 'object', additionalProperties: { type: 'string', maxLength: 10 }, maxProperties: 5 }),
  s('minProperties with open object', { type: 'object', minProperties: 2, properties: { a: { type: 'string' } } }),
  s('required key not in properties', { type: 'object', required: ['extra'], additionalProperties: { type: 'integer' } }),
  s('$ref into root', { $ref: '#/components/schemas/Money' }),
  s('$ref with ~1 escape', { $ref: '#/components/schemas/Card~1Brand' }),
  s('$ref with sibling keywords (3.1)', {
    $ref: '#/components/schemas/Money',
    description: 'a refund amount',
    properties: { reason: { type: 'string', maxLength: 20 } },
    required: ['reason'],
  }),
  s('oneOf overlapping strings', { oneOf: [{ type: 'string', maxLength: 5 }, { type: 'string', minLength: 3, maxLength: 8 }] }),
  s('oneOf tagged objects', {
    oneOf: [
      { type: 'object', required: ['type', 'card'], properties: { type: { const: 'card' }, card: { $ref: '#/components/schemas/Card~1Brand' } } },
      { type: 'object', required: ['type', 'routing'], properties: { type: { const: 'ach' }, routing: { type: 'string', pattern: '^[0-9]{9}$' } } },
    ],
  }),
  s('oneOf with shared siblings', {
    type: 'object',
    properties: { id: { type: 'string', minLength: 1 }, email: { type: 'string', format: 'email' } },
    oneOf: [{ required: ['id'] }, { required: ['email'] }],
  }),
  s('anyOf', { anyOf: [{ type: 'integer', minimum: 0, maximum: 9 }, { type: 'string', format: 'date' }, { type: 'null' }] }),
  s('allOf merge', {
    allOf: [
      { $ref: '#/components/schemas/Money' },
      { type: 'object', required: ['captured'], properties: { captured: { type: 'boolean' }, amount: { maximum: 500 } } },
    ],
  }),
  s('allOf with two patterns (lossy)', {
    allOf: [{ type: 'string', pattern: '^[a-z]+$', minLength: 2 }, { pattern: 'a', maxLength: 6 }],
  }),
  s('no type: inferred from keywords', { minLength: 2, maxLength: 4 }),
  s('no type, no keywords: any JSON', {}),
  s('circular $ref', { $ref: '#/components/schemas/Category' }),
  s('readOnly left out of requests', { $ref: '#/components/schemas/Payment' }, 'request'),
  s('writeOnly left out of responses', { $ref: '#/components/schemas/Payment' }, 'response'),
];
