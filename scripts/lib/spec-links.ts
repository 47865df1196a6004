/**
 * OpenAPI links of a bundled spec: which operation's answer feeds which operation, and with what.
 * The stateful suite reads them to chain calls (`listLinks`) and to fill the next call's parameters
 * from the last exchange (`resolveLinkParameters`), so the chains live in the spec, not in the suite.
 */
import { deref, type JsonObject, listOperations } from './spec-model.js';

/** One link of one success response, its `$ref` into `components/links` resolved. */
export interface SpecLink {
  /** operationId whose response carries the link. */
  from: string;
  /** Response status the link is declared on (`"201"`). */
  status: string;
  /** The link's name in that response's `links` map. */
  name: string;
  /** Target operationId. */
  to: string;
  /** Target parameter (`id`, or `query.payout_id` when qualified by location) → runtime expression or constant. */
  parameters: Record<string, string>;
  requestBody?: unknown;
  description?: string;
  /** `x-inferred: true` on the link: it relies on modelling beyond the source documents. */
  inferred: boolean;
}

/** What a link's expressions are evaluated against: the exchange whose response carries the link. */
export interface LinkContext {
  /** The parsed response body. */
  response: unknown;
  request: {
    path: Record<string, string>;
    /** The parsed request body, for `$request.body#/...`. */
    body?: unknown;
  };
}

/** Every link of every response of `doc`, in document order. */
export function listLinks(doc: JsonObject): SpecLink[] {
  const out: SpecLink[] = [];
  for (const op of listOperations(doc)) {
    for (const [status, rawResponse] of Object.entries((op.operation.responses ?? {}) as JsonObject)) {
      const links = (deref(doc, rawResponse).links ?? {}) as JsonObject;
      for (const [name, rawLink] of Object.entries(links)) {
        const link = deref(doc, rawLink);
        const where = `${op.operationId} ${status} link ${name}`;
        // operationRef (a URI to the target) is allowed by OpenAPI; these specs name targets by operationId only.
        if (typeof link.operationId !== 'string') throw new Error(`${where}: only operationId targets are supported`);
        const parameters: Record<string, string> = {};
        for (const [key, value] of Object.entries((link.parameters ?? {}) as JsonObject)) {
          if (typeof value !== 'string') throw new Error(`${where}: parameter ${key} must be a string (an expression or a constant)`);
          parameters[key] = value;
        }
        out.push({
          from: op.operationId,
          status,
          name,
          to: link.operationId,
          parameters,
          ...(link.requestBody !== undefined && { requestBody: link.requestBody }),
          ...(typeof link.description === 'string' && { description: link.description }),
          inferred: link['x-inferred'] === true,
        });
      }
    }
  }
  return out;
}

/**
 * A copy of `doc` whose responses end their description with a Markdown list of their links. Redoc
 * (2 and the 3 that `redocly build-docs` ships) renders no Link Objects, but it renders descriptions,
 * so this is how the reference pages show them. `doc` itself is left as it is.
 */
export function withLinksInDescriptions(doc: JsonObject): JsonObject {
  const copy = structuredClone(doc);
  const summaries = new Map(listOperations(copy).map((op) => [op.operationId, String(op.operation.summary ?? op.operationId)]));
  const links = listLinks(copy);
  for (const op of listOperations(copy)) {
    const responses = (op.operation.responses ?? {}) as JsonObject;
    for (const status of Object.keys(responses)) {
      const own = links.filter((l) => l.from === op.operationId && l.status === status);
      if (own.length === 0) continue;
      const items = own.map((l) => {
        const params = Object.entries(l.parameters).map(([key, value]) => `\`${key}\` = \`${value}\``).join(', ');
        return `- \`${l.name}\` → **${summaries.get(l.to) ?? l.to}** (\`${l.to}\`, ${params})${l.description ? `: ${l.description}` : ''}${l.inferred ? ' *(x-inferred)*' : ''}`;
      });
      // The response is replaced by a copy, so a response shared through `$ref` would not gain another's links.
      const response = deref(copy, responses[status]);
      responses[status] = { ...response, description: `${String(response.description ?? '')}\n\n**Links**\n\n${items.join('\n')}` };
    }
  }
  return copy;
}

/** A link parameter key: `path.id` names `id` in the path; a bare `id` leaves the location to the target. */
export function splitParameterKey(key: string): { in?: 'path' | 'query' | 'header' | 'cookie'; name: string } {
  const match = /^(path|query|header|cookie)\.(.+)$/.exec(key);
  return match ? { in: match[1] as 'path' | 'query' | 'header' | 'cookie', name: match[2]! } : { name: key };
}

/** RFC 6901 JSON pointer: `""` is the whole value, each `/token` one step (`~1` is `/`, `~0` is `~`). */
export function evaluatePointer(value: unknown, pointer: string): { found: boolean; value?: unknown } {
  if (pointer === '') return { found: true, value };
  if (!pointer.startsWith('/')) return { found: false };
  let node = value;
  for (const raw of pointer.slice(1).split('/')) {
    // ~1 first: "~01" is the token "~1", not "/".
    const token = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(node) && /^(0|[1-9][0-9]*)$/.test(token) && Number(token) < node.length) node = node[Number(token)];
    else if (node && typeof node === 'object' && !Array.isArray(node) && Object.hasOwn(node, token)) node = (node as JsonObject)[token];
    else return { found: false };
  }
  return { found: true, value: node };
}

/**
 * The target's parameters for one exchange. Supports `$response.body#<pointer>`, `$request.body#<pointer>`
 * and `$request.path.<name>`; any other string is a constant. A `null` found by a pointer is returned as
 * it is (e.g. a payment without an intent): the link does not apply to that answer, and the caller decides.
 * Throws, naming the link and the expression, when an expression does not resolve.
 */
export function resolveLinkParameters(link: SpecLink, context: LinkContext): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, expression] of Object.entries(link.parameters)) {
    const fail = (why: string): never => {
      throw new Error(`link ${link.from} ${link.status} ${link.name} → ${link.to}: ${key} = ${expression}: ${why}`);
    };
    if (!expression.startsWith('$')) {
      out[key] = expression;
      continue;
    }
    const body = /^\$(response|request)\.body(?:#(.*))?$/.exec(expression);
    const path = /^\$request\.path\.(.+)$/.exec(expression);
    if (body) {
      const source = body[1] === 'response' ? context.response : context.request.body;
      const found = evaluatePointer(source, body[2] ?? '');
      if (!found.found) fail(`the ${body[1]} body has nothing at ${JSON.stringify(body[2] ?? '')}`);
      out[key] = found.value;
    } else if (path) {
      const value = context.request.path[path[1]!];
      if (value === undefined) fail(`the request path has no parameter ${path[1]}`);
      out[key] = value;
    } else {
      fail('unsupported runtime expression');
    }
  }
  return out;
}
