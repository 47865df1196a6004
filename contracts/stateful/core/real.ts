/**
 * The real side of a sequence: one SDK client on a recording wire, and the script of what the
 * commands did with it. Each call is written down as the SDK line a user would type, with the ids
 * of earlier results shown as the variables that hold them (`payment1.id`), so a failure reads as a
 * program that can be pasted and run.
 */
import { createJustifiClient } from '../../../src/justifi/index.js';
import { createPaymentsClient } from '../../../src/payments/index.js';
import { ApiError } from '../../../src/core/errors.js';
import type { SandboxClock } from '../../../sandbox/core/index.js';
import { createWire, type Exchange } from '../../support/wire.js';
import { describeOutcome } from './rules.js';
import type { CallOptions, ListOutcome, Outcome, Real, SequenceScope, StatefulApiName } from './types.js';

/** One line of the failure script: a call (with what it returned) or a note. */
export interface ScriptLine {
  text: string;
  /** The operation the call sent (from the generated method table); notes have none. */
  operationId?: string | undefined;
  /** Exchanges the line made (the token request included). */
  requests: number;
}

export interface RealSide extends Real {
  readonly script: ScriptLine[];
  /** Every operation the sequence has called, in order (for the coverage report). */
  readonly calls: { operationId: string | undefined; requests: number }[];
}

export interface RealOptions {
  api: StatefulApiName;
  /** `justifi` / `payments`: the variable the script calls the client by. */
  clientName: string;
  url: string;
  scope: SequenceScope;
  clock: SandboxClock | undefined;
  /** Full method name (`payments.refund`) → the operation it sends and its positional arguments before the options. */
  methods: ReadonlyMap<string, { operationId: string; arity: number }>;
  /** Keys and names made by `key()`/`unique()` start with this and the sequence number, so they are unique in the run. */
  runId: string;
  sequence: number;
}

type Method = (...args: unknown[]) => PromiseLike<unknown> & { withResponse?: () => Promise<{ data: unknown; body: unknown; response: Response; idempotencyKey?: string }> };

const identifier = /^[A-Za-z_$][\w$]*$/;

/** A JS literal for a value, strings that are ids of earlier results shown as their variables. */
export function renderValue(value: unknown, vars: ReadonlyMap<string, string>): string {
  if (typeof value === 'string') return vars.has(value) ? `${vars.get(value)}.id` : `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  if (value === undefined) return 'undefined';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((v) => renderValue(v, vars)).join(', ')}]`;
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return '{}';
  return `{ ${entries.map(([k, v]) => `${identifier.test(k) ? k : `'${k}'`}: ${renderValue(v, vars)}`).join(', ')} }`;
}

const sameKind = new Set(['create', 'get', 'update', 'clone', 'tokenize', 'capture', 'cancel']);

/**
 * What a result is called in the script: the envelope's `type` where the API sends one (JustiFi's
 * `refund`), else from the method (`payments.createRefund` → `refund`, `paymentIntents.create` →
 * `paymentIntent`, `payments.refund` → `refund`).
 */
function kindOf(namespace: string, method: string, body: unknown): string {
  const type = (body as { type?: unknown } | undefined)?.type;
  if (typeof type === 'string' && /^[a-z][a-z_]*$/.test(type)) return type.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
  if (/^create[A-Z]/.test(method)) return method[6]!.toLowerCase() + method.slice(7);
  if (sameKind.has(method)) return namespace.replace(/ies$/, 'y').replace(/(?<!s)s$/, '');
  return method;
}

function failure(error: unknown): Extract<Outcome, { ok: false }> {
  const api = error instanceof ApiError ? error : undefined;
  const e = error as { name?: string; message?: string; idempotencyKey?: string } | undefined;
  return {
    ok: false,
    error,
    name: e?.name ?? typeof error,
    status: api?.status,
    code: api?.code,
    declineCode: api?.declineCode,
    idempotencyKey: e?.idempotencyKey,
    message: e?.message ?? String(error),
  };
}

export function createReal(options: RealOptions): RealSide {
  const wire = createWire();
  const common = { baseUrl: options.url, fetch: wire.fetch, maxRetries: 0, timeoutMs: 15_000 };
  const client = (options.api === 'justifi-v1'
    ? createJustifiClient({ ...(options.scope.clientOptions as unknown as Parameters<typeof createJustifiClient>[0]), ...common })
    : createPaymentsClient({ ...(options.scope.clientOptions as unknown as Parameters<typeof createPaymentsClient>[0]), ...common })) as unknown as Record<string, Record<string, Method>>;
  const script: ScriptLine[] = [];
  const calls: RealSide['calls'] = [];
  const vars = new Map<string, string>();
  const counts = new Map<string, number>();
  let serial = 0;

  const methodOf = (name: string): { fn: Method; pad(args: unknown[]): unknown[] } => {
    const [namespace = '', method = ''] = name.split('.');
    const fn = client[namespace]?.[method];
    if (typeof fn !== 'function') throw new Error(`stateful command calls ${options.clientName}.${name}, which the client does not have`);
    // Arguments left out before the options (an optional body or query) are passed as undefined.
    const arity = options.methods.get(name)?.arity ?? 0;
    return { fn, pad: (args: unknown[]) => (args.length < arity ? [...args, ...Array<undefined>(arity - args.length)] : args) };
  };

  const callText = (name: string, args: unknown[], callOptions: object | undefined) => {
    const shown = [...args];
    if (callOptions && Object.values(callOptions).some((v) => v !== undefined)) shown.push(callOptions);
    return `${options.clientName}.${name}(${shown.map((a) => renderValue(a, vars)).join(', ')})`;
  };

  /** Writes the line, naming the result's id as a new variable when it is one not seen yet. */
  const write = (name: string, expression: string, outcome: Outcome | ListOutcome, before: number, body?: unknown) => {
    let text = `await ${expression};`;
    const id = outcome.ok && 'data' in outcome ? (outcome.data as { id?: unknown } | undefined)?.id : undefined;
    if (typeof id === 'string' && !vars.has(id)) {
      const [namespace = '', method = ''] = name.split('.');
      const kind = kindOf(namespace, method, body);
      const n = (counts.get(kind) ?? 0) + 1;
      counts.set(kind, n);
      const variable = `${kind}${n}`;
      text = `const ${variable} = ${text}`;
      vars.set(id, variable);
    }
    const requests = wire.exchanges.length - before;
    const operationId = options.methods.get(name)?.operationId;
    script.push({ text: `${text} // → ${describeOutcome(outcome)}`, operationId, requests });
    calls.push({ operationId, requests });
  };

  const real: RealSide = {
    script,
    calls,
    exchanges: wire.exchanges,
    clock: options.clock,
    scope: options.scope,
    key: () => `${options.runId}-${options.sequence}-key-${++serial}`,
    unique: (prefix) => `${prefix}-${options.runId}-${options.sequence}-${++serial}`,
    note: (line) => void script.push({ text: `// ${line}`, requests: 0 }),

    async call(name, given = [], callOptions) {
      const { fn, pad } = methodOf(name);
      const args = pad(given);
      const expression = callText(name, callOptions ? args : given, callOptions);
      const before = wire.exchanges.length;
      let outcome: Outcome;
      let body: unknown;
      try {
        const pending = fn(...args, callOptions ?? {});
        if (typeof pending.withResponse === 'function') {
          const { data, body: whole, response, idempotencyKey } = await pending.withResponse();
          body = whole;
          outcome = { ok: true, data, body: whole, status: response.status, headers: response.headers, idempotencyKey };
        } else {
          // A list method awaited for its first page: no single response to show.
          const page = await pending;
          outcome = { ok: true, data: page, body: page, status: 200, headers: new Headers(), idempotencyKey: undefined };
        }
      } catch (error) {
        outcome = failure(error);
      }
      write(name, expression, outcome, before, body);
      return outcome;
    },

    async list(name, given = [], listOptions = {}) {
      const { max = 2000, ...scope } = listOptions;
      const callOptions = Object.values(scope).some((v) => v !== undefined) ? scope : undefined;
      const { fn, pad } = methodOf(name);
      const args = pad(given);
      const expression = `${callText(name, callOptions ? args : given, callOptions)}.toArray({ max: ${max} })`;
      const before = wire.exchanges.length;
      let outcome: ListOutcome;
      try {
        const items: unknown[] = [];
        for await (const item of fn(...args, callOptions ?? {}) as unknown as AsyncIterable<unknown>) {
          items.push(item);
          if (items.length >= max) break;
        }
        const pages = wire.exchanges.slice(before).filter((e) => !isTokenRequest(e)).length;
        outcome = { ok: true, items: items as never[], pages };
      } catch (error) {
        outcome = failure(error);
      }
      write(name, expression, outcome, before);
      return outcome;
    },
  };
  return real;
}

const isTokenRequest = (e: Exchange) => new URL(e.url).pathname.endsWith('/oauth/token');
