import { describe, expect, it } from 'vitest';
import { describePointer, findInferred } from '../../scripts/docs/inferred.js';

describe('inferred parts of a spec', () => {
  it('names schema properties by their path inside the schema', () => {
    expect(describePointer('#/components/schemas/Payment/properties/card/properties/brand')).toEqual({ kind: 'property', label: 'Payment.card.brand' });
    expect(describePointer('#/components/schemas/Payout/properties/tags/items')).toEqual({ kind: 'property', label: 'Payout.tags[]' });
    expect(describePointer('#/components/schemas/Currency')).toEqual({ kind: 'schema', label: 'Currency' });
  });

  it('names responses and parameters, inline responses by operation and status', () => {
    expect(describePointer('#/components/responses/NotFound')).toEqual({ kind: 'response', label: 'NotFound' });
    expect(describePointer('#/components/parameters/Limit')).toEqual({ kind: 'parameter', label: 'Limit' });
    expect(describePointer('#/paths/~1reports~1payouts~1{id}/get/responses/200')).toEqual({ kind: 'response', label: 'GET /reports/payouts/{id} → 200' });
  });

  it('counts x-inferred nodes by kind, ignoring prose that only mentions the marker', () => {
    const doc = {
      info: { description: 'parts are marked `x-inferred: true`' },
      paths: {},
      components: { schemas: { A: { 'x-inferred': true, properties: { b: { 'x-inferred': true }, c: { 'x-inferred': false } } } } },
    };
    const report = findInferred(doc);
    expect(report.counts).toEqual({ schema: 1, property: 1 });
    expect(report.parts.map((p) => p.label)).toEqual(['A', 'A.b']);
  });

  it('treats x-inferred-path on a path item as marking every operation under it', () => {
    const doc = {
      paths: {
        '/a': { 'x-inferred-path': true, get: { operationId: 'getA' }, post: { operationId: 'postA' } },
        '/b': { get: { operationId: 'getB', 'x-inferred-path': true }, put: { operationId: 'putB' } },
      },
    };
    expect(findInferred(doc).operations.map((o) => o.operationId)).toEqual(['getA', 'postA', 'getB']);
  });
});
