/**
 * Canned response bodies for the benchmark server, taken from the examples in the bundled specs so
 * every client parses a body of the size and shape the real API returns.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { fromRepo } from './paths.js';

type Json = Record<string, unknown>;

function resolve(spec: Json, node: unknown): unknown {
  const ref = (node as { $ref?: unknown } | null)?.$ref;
  if (typeof ref !== 'string') return node;
  let target: unknown = spec;
  for (const part of ref.replace(/^#\//, '').split('/')) target = (target as Json)[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  return resolve(spec, target);
}

/** The first JSON example of an operation's 200 response (`example`, else the first of `examples`). */
function responseExample(spec: Json, path: string, method: string): Json {
  const operation = ((spec.paths as Json)[path] as Json)[method] as Json;
  const media = resolve(spec, (operation.responses as Json)['200']) as { content: Record<string, { example?: unknown; examples?: Json }> };
  const json = media.content['application/json'];
  if (json?.example !== undefined) return json.example as Json;
  const first = Object.values(json?.examples ?? {})[0];
  const example = resolve(spec, first) as { value?: unknown } | undefined;
  if (example?.value === undefined) throw new Error(`no 200 example for ${method.toUpperCase()} ${path}`);
  return example.value as Json;
}

export interface Fixtures {
  /** `POST /oauth/token` (JustiFi). */
  token: Json;
  /** `GET /v1/payments/{id}` (JustiFi): the `{id, type, data}` envelope. */
  payment: Json;
  /** One item of `GET /v1/payments` (JustiFi); the server repeats it with fresh ids. */
  paymentListItem: Json;
  /** `GET /payment_intents/{id}` (Payments API). */
  paymentIntent: Json;
}

export function loadFixtures(): Fixtures {
  const justifi = parse(readFileSync(fromRepo('generated/justifi-v1.yaml'), 'utf8')) as Json;
  const payments = parse(readFileSync(fromRepo('generated/payments-v1.3.yaml'), 'utf8')) as Json;
  const list = responseExample(justifi, '/payments', 'get') as { data?: Json[] };
  const item = list.data?.[0];
  if (!item) throw new Error('the GET /payments example has no item');
  return {
    token: responseExample(justifi, '/oauth/token', 'post'),
    payment: responseExample(justifi, '/payments/{id}', 'get'),
    paymentListItem: item,
    paymentIntent: responseExample(payments, '/payment_intents/{id}', 'get'),
  };
}
