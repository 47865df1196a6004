/**
 * The forgiving reader of vendor spec text (scripts/drift/spec-text.ts): what strict YAML
 * parsers reject is repaired or read as far as it goes, each problem a warning with its line and
 * column, and nothing after a problem is lost that can be kept.
 */
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseSpecText } from '../../scripts/drift/spec-text.js';

const badIndentMapping = `paths:
  /payments:
    get:
      parameters:
        - name: limit
          in: query
          schema: {
            type: integer,
            format: int32
        }
      responses:
        '200':
          description: ok
  /refunds:
    get: {}
`;

describe('reading vendor spec text', () => {
  it('a flow mapping whose closing brace sits left of its key is read in full (strict parsers reject it), with a warning at that line', () => {
    expect(() => parse(badIndentMapping)).toThrow(/BAD_INDENT|indented/);
    const read = parseSpecText(badIndentMapping);
    expect(read.data).toEqual({
      paths: {
        '/payments': { get: { parameters: [{ name: 'limit', in: 'query', schema: { type: 'integer', format: 'int32' } }], responses: { '200': { description: 'ok' } } } },
        '/refunds': { get: {} },
      },
    });
    expect(read.warnings).toEqual([{ kind: 'yaml-repaired', line: 10, column: 9, message: expect.stringContaining('flow mapping `{ }` is less indented than the key it belongs to') }]);
    // Lines stay those of the original text (the repair only moves the bad line right).
    expect(read.locate(['paths', '/refunds'])).toEqual({ line: 15, column: 5 });
  });

  it('under-indented lines inside a flow sequence and mapping are each repaired', () => {
    const read = parseSpecText('a:\n  enum: [x,\ny]\n  schema: {\n    type: string,\n  format: uuid\n  }\nb: 1\n');
    expect(read.data).toEqual({ a: { enum: ['x', 'y'], schema: { type: 'string', format: 'uuid' } }, b: 1 });
    expect(read.warnings.map((w) => `${w.kind} ${w.line}:${w.column}`)).toEqual(['yaml-repaired 3:1', 'yaml-repaired 6:3']);
  });

  it('a duplicated key is a warning at the second one, and the last value is used', () => {
    const read = parseSpecText('info:\n  title: A\n  title: B\n');
    expect(read.data).toEqual({ info: { title: 'B' } });
    expect(read.warnings).toEqual([{ kind: 'duplicate-key', line: 3, column: 3, message: 'duplicate key in a mapping; the last value is used' }]);
  });

  it('a stray token costs only its own line: the line is skipped with a warning and everything after it is read', () => {
    const text = 'openapi: 3.0.0\ninfo:\n  title: x\n  }\npaths:\n  /a: {}\n';
    expect(() => parse(text)).toThrow(/Unexpected flow-map-end token/);
    const read = parseSpecText(text);
    expect(read.data).toEqual({ openapi: '3.0.0', info: { title: 'x' }, paths: { '/a': {} } });
    expect(read.warnings).toEqual([{ kind: 'yaml-syntax', line: 4, column: 3, message: 'YAML syntax error: Unexpected flow-map-end token in YAML stream: "}"; this line is skipped, the rest is read' }]);
  });

  it('an error no repair helps is one warning counting the errors that follow from it, and what was read is kept', () => {
    const read = parseSpecText('openapi: 3.0.0\ninfo:\n  title: "unterminated\npaths: {}\n');
    expect((read.data as { openapi: string }).openapi).toBe('3.0.0');
    expect(read.warnings).toEqual([{ kind: 'yaml-syntax', line: 5, column: 1, message: 'YAML syntax error: Missing closing "quote; the text around it is read as far as the parser could' }]);
  });

  it('JSON is read exactly, with lines for warnings; JSON with a trailing comma is read as YAML; a byte-order mark is ignored', () => {
    const json = parseSpecText('\uFEFF{\n  "openapi": "3.1.0",\n  "paths": {"/a": {"get": {}}}\n}\n');
    expect(json.data).toEqual({ openapi: '3.1.0', paths: { '/a': { get: {} } } });
    expect(json.warnings).toEqual([]);
    expect(json.locate(['paths', '/a'])).toEqual({ line: 3, column: 19 });
    expect(parseSpecText('{"a": [1, 2,], "b": {"c": 1,},}').data).toEqual({ a: [1, 2], b: { c: 1 } });
  });
});
