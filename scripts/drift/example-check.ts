/**
 * Examples that contradict their own schema: `type: string` with `example: 12345`, an enum whose
 * example is not one of its values, a response example whose `amount` is a string. Generators and
 * mock servers trust examples, so a published spec's wrong example is worth a warning; it is not a
 * difference from our spec, and the comparison never reads examples.
 */
import { type Shape, type ShapeReader, valueType } from './schema-shape.js';

const maxProblems = 5;

/** Why a value does not fit a schema's own type and enum (its properties are not looked at), if it does not. */
export function exampleProblem(value: unknown, shape: Shape): string | undefined {
  if (shape.enum && !shape.enum.some((v) => JSON.stringify(v) === JSON.stringify(value))) {
    return `${JSON.stringify(value)} is not one of the enum values ${shape.enum.map((v) => JSON.stringify(v)).join(', ')}`;
  }
  if (!shape.types) return undefined;
  const actual = valueType(value);
  if (shape.types.has(actual) || (actual === 'integer' && shape.types.has('number'))) return undefined;
  return `${JSON.stringify(value)} is ${actual === 'integer' || actual === 'number' ? 'a number' : actual === 'array' || actual === 'object' ? `an ${actual}` : `a ${actual}`}, but the schema's type is ${[...shape.types].join(' | ')}`;
}

/** Problems of a whole example (a request or response body) against its schema, property by property. */
export function exampleProblems(value: unknown, shape: Shape, reader: ShapeReader): string[] {
  const problems: string[] = [];
  const visit = (v: unknown, s: Shape, at: string, depth: number): void => {
    if (problems.length >= maxProblems || !s.known || depth > 12) return;
    const problem = exampleProblem(v, s);
    if (problem) {
      problems.push(`${at || '(body)'}: ${problem}`);
      return;
    }
    if (Array.isArray(v) && s.items.length > 0) {
      const items = reader.shapeOfAll(s.items);
      v.forEach((item, i) => visit(item, items, `${at}[${i}]`, depth + 1));
    } else if (v && typeof v === 'object') {
      for (const [name, child] of Object.entries(v)) {
        const nodes = s.properties.get(name);
        if (nodes) visit(child, reader.shapeOfAll(nodes), at ? `${at}.${name}` : name, depth + 1);
      }
    }
  };
  visit(value, shape, '', 0);
  return problems;
}
