/**
 * One side of `drift upstream` (our bundle or the vendor's spec) read operation by operation:
 * where each operation is served, its parameters (declared ones and API keys its security scheme
 * sends), its request body and its responses, all through the resolver so `$ref`s may point into
 * other files and a broken one is a warning rather than a crash.
 */
import { httpMethods } from '../lib/spec-model.js';
import { type OperationSite, fullKey, serverBasePath } from './path-match.js';
import { type Shape, ShapeReader } from './schema-shape.js';
import { pointerOf, type Resolved, type SpecNode, type SpecResolver } from './spec-resolver.js';

export interface SideOperation extends OperationSite {
  operationId?: string;
  node: SpecNode;
  item: SpecNode;
  /** The operation or its path item carries `x-inferred-path: true`. */
  inferredPath: boolean;
}

export interface SideParameter {
  /** `query:limit`, `header:x-api-key` (lower case), `path:#0` (by position: names do not count). */
  key: string;
  in: string;
  name: string;
  required: boolean;
  schema: SpecNode[];
  node: SpecNode;
  marks: string[];
}

export interface SideBody {
  mediaType: string;
  media: SpecNode;
  schema: SpecNode;
}

/** Header parameters OpenAPI says to ignore: the media types and the security scheme say them. */
const ignoredHeaders = new Set(['accept', 'content-type', 'authorization']);

/** Pointers of the nodes on a `$ref` chain (and its end) that carry `key: true`. */
export function marksOf(resolved: Resolved | undefined, key = 'x-inferred'): string[] {
  if (!resolved) return [];
  return [...resolved.via, resolved.target].filter((n) => (n.value as Record<string, unknown> | null)?.[key] === true).map((n) => pointerOf(n.path));
}

function objectValue(node: SpecNode | undefined): Record<string, unknown> | undefined {
  const value = node?.value;
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** Path-parameter names in template order (`{id}` and Express-style `:id`). */
function pathParameterNames(template: string): string[] {
  return template.split('/').flatMap((segment) => (segment.startsWith(':') ? [segment.slice(1)] : [...segment.matchAll(/\{([^}]*)\}/g)].map((m) => m[1]!)));
}

export class SpecSide {
  readonly shapes: ShapeReader;

  constructor(
    readonly resolver: SpecResolver,
    /** Whether to warn about messy spellings (the vendor's side). */
    readonly messy: boolean,
    onSchema?: (node: SpecNode, shape: Shape) => void,
  ) {
    this.shapes = new ShapeReader(resolver, { warn: messy, onSchema });
  }

  /**
   * Path items that could not be read (their `$ref` does not resolve), each as an operation site
   * with every method: the operations there are unknown, so ours at that path are not "missing".
   */
  readonly unreadablePaths: OperationSite[] = [];

  /** Every operation under `paths` (top-level `webhooks` are not requests the SDK makes, so they are not read). */
  operations(): SideOperation[] {
    const root = this.resolver.root();
    const paths = this.resolver.child(root, 'paths');
    const out: SideOperation[] = [];
    const seen = new Map<string, SideOperation>();
    const rootServers = serverBasePath((root.value as Record<string, unknown>).servers);
    for (const template of Object.keys(objectValue(paths) ?? {})) {
      const item = this.resolver.deref(this.resolver.child(paths, template));
      const itemValue = objectValue(item);
      if (!item || !itemValue) {
        for (const method of httpMethods) this.unreadablePaths.push({ method, path: template, basePath: rootServers });
        continue;
      }
      for (const method of httpMethods) {
        const node = this.resolver.child(item, method);
        const value = objectValue(node);
        if (!value) continue;
        const basePath = serverBasePath(value.servers) ?? serverBasePath(itemValue.servers) ?? rootServers;
        const op: SideOperation = {
          method,
          path: template,
          basePath,
          operationId: typeof value.operationId === 'string' ? value.operationId : undefined,
          node,
          item,
          inferredPath: value['x-inferred-path'] === true || itemValue['x-inferred-path'] === true,
        };
        const twin = seen.get(fullKey(op));
        if (twin) {
          if (this.messy) this.resolver.warn('duplicate-operation', `${method.toUpperCase()} ${template} is the same operation as ${method.toUpperCase()} ${twin.path} once parameter names are ignored; only the first is compared`, node);
          continue;
        }
        seen.set(fullKey(op), op);
        out.push(op);
      }
    }
    return out;
  }

  /** Parameters by key, and how many could not be read (their `$ref` does not resolve). */
  parameters(op: SideOperation): { byKey: Map<string, SideParameter>; unreadable: number } {
    const byKey = new Map<string, SideParameter>();
    let unreadable = 0;
    const positions = pathParameterNames(op.path);
    for (const holder of [this.resolver.child(op.item, 'parameters'), this.resolver.child(op.node, 'parameters')]) {
      const list = holder.value;
      if (list === undefined) continue;
      if (!Array.isArray(list)) {
        if (this.messy) this.resolver.warn('schema-as-list', '`parameters` is not a list; not compared', holder);
        unreadable++;
        continue;
      }
      list.forEach((_, i) => {
        const resolved = this.resolver.resolve(this.resolver.child(holder, i));
        const value = objectValue(resolved?.target);
        if (!resolved || !value || typeof value.name !== 'string' || typeof value.in !== 'string') {
          unreadable++;
          return;
        }
        const where = value.in.toLowerCase();
        const name = value.name;
        if (where === 'header' && ignoredHeaders.has(name.toLowerCase())) return;
        const position = positions.indexOf(name);
        const key = where === 'path' ? `path:${position >= 0 ? `#${position}` : name}` : `${where}:${where === 'header' ? name.toLowerCase() : name}`;
        byKey.set(key, {
          key,
          in: where,
          name,
          required: where === 'path' || value.required === true,
          schema: this.parameterSchema(resolved.target),
          node: resolved.target,
          marks: marksOf(resolved),
        });
      });
    }
    for (const p of this.securityParameters(op)) if (!byKey.has(p.key)) byKey.set(p.key, p);
    return { byKey, unreadable };
  }

  private parameterSchema(param: SpecNode): SpecNode[] {
    const value = objectValue(param)!;
    if (value.schema !== undefined) return [this.resolver.child(param, 'schema')];
    // `content` instead of `schema`: the first media type's schema.
    const content = this.resolver.child(param, 'content');
    const first = Object.keys(objectValue(content) ?? {})[0];
    return first === undefined ? [] : [this.resolver.child(this.resolver.child(content, first), 'schema')];
  }

  /**
   * API keys as the parameters they are on the wire: our Payments spec sends `x-api-key` through
   * an apiKey security scheme, a vendor may list the same header as a parameter. Required when
   * every alternative of the operation's security requirement includes it.
   */
  private securityParameters(op: SideOperation): SideParameter[] {
    const root = this.resolver.root();
    const requirement = objectValue(op.node)!.security ?? (root.value as Record<string, unknown>).security;
    if (!Array.isArray(requirement) || requirement.length === 0) return [];
    const schemes = this.resolver.child(this.resolver.child(root, 'components'), 'securitySchemes');
    const found = new Map<string, { param: SideParameter; alternatives: number }>();
    for (const alternative of requirement) {
      for (const name of Object.keys(alternative && typeof alternative === 'object' ? alternative : {})) {
        const resolved = this.resolver.resolve(this.resolver.child(schemes, name));
        const scheme = objectValue(resolved?.target);
        if (!resolved || !scheme || scheme.type !== 'apiKey' || typeof scheme.name !== 'string' || typeof scheme.in !== 'string') continue;
        const where = scheme.in.toLowerCase();
        const key = `${where}:${where === 'header' ? scheme.name.toLowerCase() : scheme.name}`;
        const entry = found.get(key);
        if (entry) entry.alternatives++;
        else {
          const schema: SpecNode = { value: { type: 'string' }, doc: resolved.target.doc, path: resolved.target.path };
          found.set(key, { param: { key, in: where, name: scheme.name, required: false, schema: [schema], node: resolved.target, marks: marksOf(resolved) }, alternatives: 1 });
        }
      }
    }
    return [...found.values()].map(({ param, alternatives }) => ({ ...param, required: alternatives === requirement.length }));
  }

  /** The request body, resolved; undefined when there is none, null when it cannot be read. */
  requestBody(op: SideOperation): Resolved | undefined | null {
    const node = this.resolver.child(op.node, 'requestBody');
    if (node.value === undefined) return undefined;
    return this.resolver.resolve(node) ?? null;
  }

  /** Responses by status (upper-cased: `4XX`, `DEFAULT`). */
  responses(op: SideOperation): Map<string, SpecNode> {
    const holder = this.resolver.child(op.node, 'responses');
    return new Map(Object.keys(objectValue(holder) ?? {}).map((status) => [status.toUpperCase(), this.resolver.child(holder, status)]));
  }

  /** The JSON body of a request body or response (else its only media type); undefined when it has none. */
  body(node: SpecNode): SideBody | undefined {
    const content = this.resolver.child(node, 'content');
    const types = Object.keys(objectValue(content) ?? {});
    const mediaType = types.find((t) => /[/+]json\b/i.test(t)) ?? types[0];
    if (mediaType === undefined) return undefined;
    const media = this.resolver.child(content, mediaType);
    return { mediaType, media, schema: this.resolver.child(media, 'schema') };
  }
}
