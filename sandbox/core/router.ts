/**
 * The thin router: request path → path template of the spec → operation by method. Literal
 * segments win over `{param}` ones at the first position where templates differ (OpenAPI:
 * "concrete paths are matched before their templated counterparts"), so `/payouts/business`
 * never reaches `/payouts/{id}`. The path decides first, then the method: a known path with
 * another method is a 405 listing the methods it has (`Allow`), not a 404.
 */
import type { OperationSpec } from './spec.js';

export type RouteResult =
  | { kind: 'match'; operation: OperationSpec; params: Record<string, string> }
  | { kind: 'wrong-method'; allow: string[] }
  | { kind: 'not-found' }
  | { kind: 'bad-path'; reason: string };

interface Template {
  segments: { literal: string | undefined; param: string | undefined }[];
  byMethod: Map<string, OperationSpec>;
}

function specificity(a: Template, b: Template): number {
  for (let i = 0; i < a.segments.length; i++) {
    const aLiteral = a.segments[i]!.literal !== undefined;
    const bLiteral = b.segments[i]!.literal !== undefined;
    if (aLiteral !== bLiteral) return aLiteral ? -1 : 1;
  }
  return 0;
}

/** Builds the router for a spec's operations. */
export function createRouter(operations: readonly OperationSpec[]): (method: string, pathname: string) => RouteResult {
  const templates = new Map<string, Template>();
  for (const op of operations) {
    let template = templates.get(op.path);
    if (!template) {
      const segments = op.path
        .split('/')
        .slice(1)
        .map((s) => {
          const param = /^\{([^}]+)\}$/.exec(s)?.[1];
          return { literal: param === undefined ? s : undefined, param };
        });
      template = { segments, byMethod: new Map() };
      templates.set(op.path, template);
    }
    template.byMethod.set(op.method, op);
  }
  // Per segment count, most specific first: the first template that matches is the one.
  const bySize = new Map<number, Template[]>();
  for (const t of templates.values()) {
    const list = bySize.get(t.segments.length) ?? [];
    list.push(t);
    bySize.set(t.segments.length, list);
  }
  for (const list of bySize.values()) list.sort(specificity);

  return (method, pathname) => {
    const parts = pathname.split('/').slice(1);
    const candidates = bySize.get(parts.length);
    if (!candidates) return { kind: 'not-found' };
    for (const t of candidates) {
      let ok = true;
      for (let i = 0; i < parts.length && ok; i++) {
        const seg = t.segments[i]!;
        ok = seg.literal !== undefined ? seg.literal === parts[i] : parts[i]!.length > 0;
      }
      if (!ok) continue;
      const operation = t.byMethod.get(method.toUpperCase());
      if (!operation) return { kind: 'wrong-method', allow: [...t.byMethod.keys()] };
      const params: Record<string, string> = {};
      for (let i = 0; i < parts.length; i++) {
        const name = t.segments[i]!.param;
        if (name === undefined) continue;
        try {
          params[name] = decodeURIComponent(parts[i]!);
        } catch {
          return { kind: 'bad-path', reason: `path parameter ${name} is not valid percent-encoding (${parts[i]})` };
        }
      }
      return { kind: 'match', operation, params };
    }
    return { kind: 'not-found' };
  };
}
