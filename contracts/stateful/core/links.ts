/**
 * Commands derived from the spec's `links`: pick an object the model says was created and still
 * exists, pick one of the links its creating operation declares to a read (GET) operation, fill
 * the target's parameters from the create's answer (`resolveLinkParameters`), and call the target's
 * SDK method in the object's scope. The read must succeed and, where it reads the object itself,
 * return that object. Adding a link to the spec adds a read-back to the suite.
 */
import fc from 'fast-check';
import { apis } from '../../../scripts/lib/apis.js';
import { listOperations, loadBundle } from '../../../scripts/lib/spec-model.js';
import { listLinks, resolveLinkParameters, type SpecLink, splitParameterKey } from '../../../scripts/lib/spec-links.js';
import { pathParamNames } from '../../../src/core/operation-table.js';
import type { SdkMethodRef } from '../../../scripts/lib/sdk-method-map.js';
import { positionalArguments } from '../../support/sdk-call.js';
import { expectOk, rule, sharedRules } from './rules.js';
import type { CommandSpec, CreatedObject, Real, StatefulApi, StatefulCommand } from './types.js';

interface ReadLink {
  link: SpecLink;
  /** The target's SDK method (`payments.get`). */
  method: string;
  ref: SdkMethodRef;
}

/** Links from each creating operation to the GET operations it feeds, with the SDK method of each target. */
export function readLinks(api: StatefulApi<object>['api'], methods: ReadonlyMap<string, SdkMethodRef>): Map<string, ReadLink[]> {
  const doc = loadBundle(apis.find((a) => a.name === api)!);
  const gets = new Set(listOperations(doc).filter((e) => e.method === 'get').map((e) => e.operationId));
  const out = new Map<string, ReadLink[]>();
  for (const link of listLinks(doc)) {
    const ref = methods.get(link.to);
    if (!gets.has(link.to) || !ref) continue;
    const list = out.get(link.from) ?? [];
    list.push({ link, method: ref.name, ref });
    out.set(link.from, list);
  }
  return out;
}

/** The target's arguments for an object, or undefined when the link does not apply to it (a pointer to nothing or to null). */
function argumentsFor(read: ReadLink, object: CreatedObject): unknown[] | undefined {
  let values: Record<string, unknown>;
  try {
    values = resolveLinkParameters(read.link, { response: object.body, request: { path: object.request?.path ?? {}, body: object.request?.body } });
  } catch {
    return undefined;
  }
  const pathParams = pathParamNames(read.ref.info.path);
  const path: Record<string, string> = {};
  const query: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    const { in: where, name } = splitParameterKey(key);
    if (value === null || value === undefined) return undefined;
    if (where === 'query' || (where === undefined && !pathParams.includes(name))) query[name] = value;
    else if (typeof value === 'string' || typeof value === 'number') path[name] = String(value);
    else return undefined;
  }
  if (pathParams.some((name) => path[name] === undefined)) return undefined;
  return positionalArguments(read.ref.info, { path, query: Object.keys(query).length ? query : undefined, body: undefined });
}

class FollowLink<M extends object> implements StatefulCommand<M> {
  constructor(
    private readonly def: StatefulApi<M>,
    private readonly links: Map<string, ReadLink[]>,
    /** SDK method name → the operation it sends. */
    private readonly operationOf: Map<string, string>,
    private readonly objectPick: number,
    private readonly linkPick: number,
  ) {}

  /** The created objects that have at least one applicable read link. */
  private candidates(m: Readonly<M>): { object: CreatedObject; reads: { read: ReadLink; args: unknown[] }[] }[] {
    return this.def.created(m as M).flatMap((object) => {
      const reads = (this.links.get(this.operationOf.get(object.method) ?? '') ?? []).flatMap((read) => {
        const args = argumentsFor(read, object);
        return args ? [{ read, args }] : [];
      });
      return reads.length ? [{ object, reads }] : [];
    });
  }

  check(m: Readonly<M>): boolean {
    return this.candidates(m).length > 0;
  }

  async run(m: M, r: Real): Promise<void> {
    const candidates = this.candidates(m);
    const { object, reads } = candidates[this.objectPick % candidates.length]!;
    const { read, args } = reads[this.linkPick % reads.length]!;
    const outcome = await r.call(read.method, args, object.options);
    const what = `${read.link.from} ${read.link.status} → ${read.link.name} (${read.link.to})`;
    expectOk(`${sharedRules.linked}: ${what}`, outcome);
    // A read of the object itself (its id in the path) answers that object.
    const id = (outcome.data as { id?: unknown } | undefined)?.id;
    const asked = args.filter((a) => typeof a === 'string');
    if (typeof id === 'string' && asked.length === 1 && asked[0] === createdId(object)) {
      rule(sharedRules.retrievable, id === asked[0], () => `${what} answered ${id} for ${String(asked[0])}`);
    }
  }

  toString(): string {
    return `followLink(object#${this.objectPick}, link#${this.linkPick})`;
  }
}

/** The id the create answered: the resource's `id` (JustiFi: in the envelope's `data`), else the body's. */
function createdId(object: CreatedObject): unknown {
  const body = object.body as { id?: unknown; data?: { id?: unknown } } | undefined;
  return body?.data && typeof body.data === 'object' && 'id' in body.data ? body.data.id : body?.id;
}

/** The one command spec derived from the links: read back any created object through any of its read links. */
export function linkCommandSpec<M extends object>(def: StatefulApi<M>, methods: ReadonlyMap<string, SdkMethodRef>): CommandSpec<M> | undefined {
  const links = readLinks(def.api, methods);
  if (links.size === 0) return undefined;
  const operationOf = new Map([...methods].map(([operationId, ref]) => [ref.name, operationId]));
  return {
    name: 'follow a spec link from a created object',
    write: false,
    weight: 2,
    arbitrary: fc.tuple(fc.nat(), fc.nat()).map(([o, l]) => new FollowLink(def, links, operationOf, o, l)),
  };
}
