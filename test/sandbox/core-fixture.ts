/**
 * A tiny "notes" API for the core tests: its own spec (written to a temporary file) and a
 * definition with real handlers over a core collection, so every core behaviour can be proven
 * without either payment API's rules in the way. Bearer `<name>` authenticates as scope `<name>`.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import { createApiServer, type ApiServer, type ApiServerOptions } from '../../sandbox/core/server.js';
import { createClock } from '../../sandbox/core/clock.js';
import { createEventBus } from '../../sandbox/core/events.js';
import { createCollection } from '../../sandbox/core/state.js';
import { cursorPage, idCursorPage, numberedPage } from '../../sandbox/core/paging.js';
import { newId } from '../../sandbox/core/ids.js';
import type { ApiDefinition, EventBus, OperationResponse, SandboxClock, SandboxEvent } from '../../sandbox/core/types.js';

const error = { $ref: '#/components/responses/Error' };
const errors = (...statuses: number[]) => Object.fromEntries(statuses.map((s) => [String(s), error]));
const json = (ref: string) => ({ content: { 'application/json': { schema: { $ref: `#/components/schemas/${ref}` } } } });

const spec = {
  openapi: '3.1.0',
  info: { title: 'Notes', version: '1' },
  servers: [{ url: 'https://notes.invalid/v1' }],
  security: [{ bearer: [] }],
  components: {
    securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
    parameters: {
      Key: { name: 'Idempotency-Key', in: 'header', required: true, schema: { type: 'string' } },
      OptionalKey: { name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string' } },
      Id: { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
    },
    responses: { Error: { description: 'error', ...json('Error') } },
    schemas: {
      Error: {
        type: 'object',
        required: ['error'],
        properties: { error: { type: 'object', required: ['code', 'message'], properties: { code: { type: 'string' }, message: { type: 'string' } } } },
      },
      Note: {
        type: 'object',
        required: ['id', 'text', 'pages', 'created_at'],
        properties: { id: { type: 'string' }, text: { type: 'string' }, pages: { type: 'integer' }, tags: { type: 'array', items: { type: 'string' } }, created_at: { type: 'string', format: 'date-time' } },
      },
      NewNote: {
        type: 'object',
        required: ['text'],
        properties: { text: { type: 'string', minLength: 1 }, pages: { type: 'integer', minimum: 1 }, tags: { type: 'array', items: { type: 'string' } } },
      },
      CursorList: {
        type: 'object',
        required: ['data', 'page_info'],
        properties: {
          data: { type: 'array', items: { $ref: '#/components/schemas/Note' } },
          page_info: {
            type: 'object',
            required: ['has_next', 'has_previous', 'start_cursor', 'end_cursor'],
            properties: { has_next: { type: 'boolean' }, has_previous: { type: 'boolean' }, start_cursor: { type: ['string', 'null'] }, end_cursor: { type: ['string', 'null'] } },
          },
        },
      },
      IdList: { type: 'object', required: ['data', 'meta'], properties: { data: { type: 'array', items: { $ref: '#/components/schemas/Note' } }, meta: { type: 'object' } } },
      Token: { type: 'object', required: ['token'], properties: { token: { type: 'string' } } },
    },
  },
  paths: {
    '/notes': {
      post: {
        operationId: 'createNote',
        parameters: [{ $ref: '#/components/parameters/Key' }],
        requestBody: { required: true, ...json('NewNote') },
        responses: { '201': { description: 'created', ...json('Note') }, ...errors(400, 401, 409, 422, 500) },
      },
      get: {
        operationId: 'listNotes',
        parameters: [
          { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 100, default: 25 } },
          { name: 'after_cursor', in: 'query', schema: { type: 'string' } },
          { name: 'before_cursor', in: 'query', schema: { type: 'string' } },
          { name: 'tag', in: 'query', schema: { type: 'array', items: { type: 'string' } } },
          { name: 'pinned', in: 'query', schema: { type: 'boolean' } },
          { name: 'X-Trace', in: 'header', required: false, schema: { type: 'string', pattern: '^t-' } },
        ],
        responses: { '200': { description: 'page', ...json('CursorList') }, ...errors(400, 401) },
      },
    },
    // Written before the literal paths below on purpose: routing must not depend on document order.
    '/notes/{id}': {
      parameters: [{ $ref: '#/components/parameters/Id' }],
      get: { operationId: 'getNote', responses: { '200': { description: 'note', ...json('Note') }, ...errors(400, 401, 404) } },
      patch: {
        operationId: 'updateNote',
        parameters: [{ $ref: '#/components/parameters/OptionalKey' }],
        requestBody: { required: false, content: { 'application/json': { schema: { type: 'object', properties: { text: { type: 'string' } } } } } },
        responses: { '200': { description: 'note', ...json('Note') }, ...errors(400, 401, 404, 409, 422) },
      },
    },
    '/notes/latest': { get: { operationId: 'getLatestNote', responses: { '200': { description: 'latest', ...json('Note') }, ...errors(401, 404) } } },
    '/notes/search': {
      post: {
        operationId: 'searchNotes',
        requestBody: { required: false, content: { 'application/json': { schema: { type: 'object', properties: { page: { type: 'integer' }, limit: { type: 'integer' } } } } } },
        responses: { '200': { description: 'page', ...json('IdList') }, ...errors(400, 401) },
      },
    },
    '/notes-by-id': {
      get: {
        operationId: 'listNotesById',
        parameters: [
          { name: 'limit', in: 'query', schema: { type: 'integer', maximum: 50, default: 10 } },
          { name: 'starting_after', in: 'query', schema: { type: 'string' } },
          { name: 'ending_before', in: 'query', schema: { type: 'string' } },
        ],
        responses: { '200': { description: 'page', ...json('IdList') }, ...errors(400, 401) },
      },
    },
    '/broken': { get: { operationId: 'brokenNote', responses: { '200': { description: 'a note', ...json('Note') }, ...errors(401, 500) } } },
    '/teapot': { get: { operationId: 'teapot', responses: { '200': { description: 'tea', ...json('Note') }, ...errors(401, 500) } } },
    '/crash': { get: { operationId: 'crash', responses: { '200': { description: 'never', ...json('Note') }, ...errors(401, 500) } } },
    '/tokens': { post: { operationId: 'createToken', security: [], requestBody: { required: false, content: { 'application/json': { schema: { type: 'object' } } } }, responses: { '200': { description: 'token', ...json('Token') }, ...errors(400) } } },
  },
};

let bundle: string | undefined;
function specFile(): string {
  if (!bundle) {
    bundle = path.join(mkdtempSync(path.join(tmpdir(), 'sandbox-core-')), 'notes.yaml');
    writeFileSync(bundle, stringify(spec));
  }
  return bundle;
}

const fail = (status: number, code: string, message: string): OperationResponse => ({ status, body: { error: { code, message } } });

export interface Note {
  id: string;
  text: string;
  pages: number;
  tags?: string[];
  created_at: string;
}

/** The notes API definition; `calls` counts handler runs per operation (idempotent replays do not run it). */
export function notesApi(clock: SandboxClock, events: EventBus) {
  const notes = createCollection<Note>();
  const calls: Record<string, number> = {};
  const count = (id: string) => (calls[id] = (calls[id] ?? 0) + 1);
  const paging = (faults: ReadonlySet<string>, defaultLimit: number) => ({ seqOf: notes.seqOf, faults, defaultLimit });
  const definition: ApiDefinition = {
    name: 'justifi-v1',
    title: 'Notes API',
    bundle: specFile(),
    handlers: {
      createNote: (req, ctx) => {
        count('createNote');
        const body = req.body as { text: string; pages?: number; tags?: string[] };
        if (body.text === 'fail-500') return fail(500, 'boom', 'the note store is down');
        const note: Note = { id: newId('note'), text: body.text, pages: body.pages ?? 1, ...(body.tags ? { tags: body.tags } : {}), created_at: new Date(ctx.clock.now()).toISOString() };
        notes.insert(ctx.scope, note);
        ctx.events.emit({ api: 'justifi-v1', name: 'note.created', scope: ctx.scope, data: note });
        return { status: 201, body: note };
      },
      listNotes: (req, ctx) => {
        const tags = req.query.tag as string[] | undefined;
        const entries = notes.entries(ctx.scope, (n) => !tags || tags.every((t) => n.tags?.includes(t)));
        return { status: 200, body: cursorPage(entries, req.query, paging(ctx.faults, 25)) };
      },
      listNotesById: (req, ctx) => ({ status: 200, body: idCursorPage(notes.entries(ctx.scope), req.query, paging(ctx.faults, 10)) }),
      searchNotes: (req, ctx) => ({ status: 200, body: numberedPage(notes.list(ctx.scope), (req.body ?? {}) as Record<string, unknown>, 10) }),
      getLatestNote: (_req, ctx) => {
        const latest = notes.list(ctx.scope)[0];
        return latest ? { status: 200, body: latest } : fail(404, 'not_found', 'no notes yet');
      },
      getNote: (req, ctx) => {
        const note = notes.get(ctx.scope, req.params.id!);
        return note ? { status: 200, body: note } : fail(404, 'not_found', `no note ${req.params.id}`);
      },
      updateNote: (req, ctx) => {
        count('updateNote');
        if (!notes.get(ctx.scope, req.params.id!)) return fail(404, 'not_found', `no note ${req.params.id}`);
        const text = (req.body as { text?: string } | undefined)?.text;
        const note = notes.update(req.params.id!, (n) => void (text !== undefined && (n.text = text)));
        ctx.events.emit({ api: 'justifi-v1', name: 'note.updated', scope: ctx.scope, data: note });
        return { status: 200, body: note };
      },
      brokenNote: () => ({ status: 200, body: { id: 42, text: 'secret-body-value', pages: 1, created_at: 'yesterday' } }),
      teapot: () => ({ status: 418, body: { error: { code: 'teapot', message: 'short and stout' } } }),
      crash: () => {
        throw new Error('the handler fell over');
      },
      createToken: () => ({ status: 200, body: { token: 'alice' } }),
    },
    authenticate(req) {
      if (req.operationId === 'createToken') return { scope: '' };
      const bearer = /^Bearer (\w+)$/.exec(req.headers.get('authorization') ?? '')?.[1];
      return bearer ? { scope: bearer } : { error: fail(401, 'not_authenticated', 'a Bearer token is required') };
    },
    idempotency: {
      header: 'Idempotency-Key',
      appliesTo: (id) => id === 'createNote' || id === 'updateNote',
      required: (id) => id === 'createNote',
      minLength: 4,
      windowMs: 60_000,
      stores: (status) => status < 500,
      reject: (reason) => (reason === 'in_flight' ? fail(409, 'in_flight', 'a request with this key is running') : fail(reason === 'params_mismatch' ? 422 : 400, `key_${reason}`, `idempotency key: ${reason}`)),
    },
    errorResponse: (status, code, message) => fail(status, code, message),
    validationError: (problems) => fail(problems.some((p) => p.location === 'body') ? 422 : 400, 'invalid', problems.map((p) => `${p.field} ${p.rule}`).join('; ')),
    lenientQuery: ['limit'],
  };
  return { definition, notes, calls };
}

export interface NotesSandbox {
  url: string;
  server: ApiServer;
  clock: SandboxClock;
  events: SandboxEvent[];
  calls: Record<string, number>;
  /** fetch on the sandbox with Bearer `scope` (default `alice`) and a JSON body when given. */
  call(method: string, path: string, init?: { body?: unknown; raw?: string; headers?: Record<string, string>; scope?: string | null }): Promise<{ status: number; headers: Headers; body: any }>; // eslint-disable-line @typescript-eslint/no-explicit-any
  /** What the sandbox reported about its own failures (see the `log` option). */
  log: string[];
  stop(): Promise<void>;
}

/** Starts the notes API on a free loopback port. */
export async function startNotes(options: Partial<ApiServerOptions> = {}): Promise<NotesSandbox> {
  const clock = options.clock ?? createClock({ frozen: true });
  const bus = options.events ?? createEventBus(clock);
  const seen: SandboxEvent[] = [];
  bus.subscribe((e) => seen.push(e));
  const { definition, calls } = notesApi(clock, bus);
  const log: string[] = [];
  const server = createApiServer(definition, { log: (line) => log.push(line), ...options, clock, events: bus });
  const url = await server.start();
  return {
    url,
    server,
    clock,
    events: seen,
    calls,
    log,
    async call(method, path, init = {}) {
      const headers: Record<string, string> = { ...init.headers };
      if (init.scope !== null) headers.authorization ??= `Bearer ${init.scope ?? 'alice'}`;
      let body: string | undefined = init.raw;
      if (init.body !== undefined) {
        body = JSON.stringify(init.body);
        headers['content-type'] ??= 'application/json';
      }
      const response = await fetch(`${url}${path}`, { method, headers, body });
      const text = await response.text();
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        // keep text
      }
      return { status: response.status, headers: response.headers, body: parsed };
    },
    stop: () => server.stop(),
  };
}
