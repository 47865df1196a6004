/**
 * Vendor-like published specs, built from our bundles the way a vendor's own spec differs from
 * ours: OpenAPI 3.0 instead of 3.1 (`nullable`, no `type: 'null'`), no `x-inferred` markers, other
 * operationIds (kebab-case), other path-parameter names (`{payment_id}`), another title, the
 * `/v1` base path written into the paths, split over many files. On top of that each builder
 * applies the drift and the mess a test checks for, and says what it did in comments.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { fromRoot } from '../../scripts/lib/apis.js';
import { httpMethods, type JsonObject } from '../../scripts/lib/spec-model.js';

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any -- fixtures poke into arbitrary spec shapes

const bundles = new Map<string, JsonObject>();

/** A fresh copy of one of our bundles. */
export function bundleCopy(file: 'generated/justifi-v1.yaml' | 'generated/payments-v1.3.yaml'): Json {
  if (!bundles.has(file)) bundles.set(file, parse(readFileSync(fromRoot(file), 'utf8')) as JsonObject);
  return structuredClone(bundles.get(file));
}

/** Rewrites OpenAPI 3.1 schema spellings as a 3.0 spec writes them, and drops our `x-inferred*` markers. */
export function toOpenApi30(node: Json): Json {
  if (Array.isArray(node)) return node.map(toOpenApi30);
  if (!node || typeof node !== 'object') return node;
  const out: Json = {};
  for (const [key, value] of Object.entries(node)) if (!key.startsWith('x-inferred')) out[key] = toOpenApi30(value);
  if (Array.isArray(out.type)) {
    const types = out.type.filter((t: string) => t !== 'null');
    if (types.length < out.type.length) out.nullable = true;
    if (types.length === 1) out.type = types[0];
    else {
      delete out.type;
      out.anyOf = types.map((t: string) => ({ type: t }));
    }
  }
  for (const key of ['anyOf', 'oneOf']) {
    if (!Array.isArray(out[key])) continue;
    const branches = out[key].filter((b: Json) => b?.type !== 'null');
    if (branches.length === out[key].length) continue;
    out.nullable = true;
    delete out[key];
    if (branches.length === 1) out.allOf = branches;
    else out[key] = branches;
  }
  if ('const' in out) {
    out.enum = [out.const];
    delete out.const;
  }
  if (Array.isArray(out.examples)) {
    out.example = out.examples[0];
    delete out.examples;
  }
  return out;
}

function kebab(id: string): string {
  return id.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}

/** `/payments/{id}/refunds` → `{payment_id}`: a vendor names path parameters after the resource. */
function vendorParamName(template: string, name: string): string {
  const before = template.split('/')[template.split('/').indexOf(`{${name}}`) - 1] ?? 'resource';
  return name === 'id' ? `${before.replace(/ies$/, 'y').replace(/s$/, '')}_id` : name;
}

/**
 * The common vendor look: 3.0, kebab-case operationIds, renamed path parameters (inlined per path
 * item, as vendors write them), `basePrefix` moved from the server URL into every path.
 */
export function vendorize(ours: Json, options: { title: string; version: string; server: string; basePrefix: string }): Json {
  const spec = toOpenApi30(ours);
  spec.openapi = '3.0.3';
  spec.info.title = options.title;
  spec.info.version = options.version;
  delete spec.info.summary;
  delete spec.info.license?.identifier;
  spec.servers = [{ url: options.server }];
  const paths: Json = {};
  for (const [template, item] of Object.entries<Json>(spec.paths)) {
    let vendorTemplate = template;
    const rename = (p: Json): Json => {
      const param = p.$ref ? spec.components.parameters[p.$ref.split('/').pop()] : p;
      if (param.in !== 'path') return p;
      const name = vendorParamName(template, param.name);
      vendorTemplate = vendorTemplate.replace(`{${param.name}}`, `{${name}}`);
      return { ...structuredClone(param), name };
    };
    if (item.parameters) item.parameters = item.parameters.map(rename);
    const sitesOwnServer = httpMethods.some((m) => item[m]?.servers);
    for (const method of httpMethods) {
      const op = item[method];
      if (!op) continue;
      op.operationId = kebab(op.operationId);
      if (op.parameters) op.parameters = op.parameters.map(rename);
      delete op.servers;
    }
    // Our token endpoint has its own server (outside /v1); the vendor writes it as a plain path.
    paths[sitesOwnServer ? vendorTemplate : `${options.basePrefix}${vendorTemplate}`] = item;
  }
  spec.paths = paths;
  return spec;
}

/** The operation at a vendor path and method. */
export function op(spec: Json, vendorPath: string, method: string): Json {
  const found = spec.paths[vendorPath]?.[method];
  if (!found) throw new Error(`fixture: no ${method} ${vendorPath} in the vendor spec`);
  return found;
}

/**
 * Writes a spec as a multi-file entry: each component schema in `schemas/<Name>.yaml` (its
 * `$ref`s rewritten relative to that file), the entry referencing them. `edit(name, schema)` may
 * change a schema file's content first. Returns the entry's path.
 */
export function writeMultiFile(dir: string, spec: Json, edit: (name: string, schema: Json) => Json = (_n, s) => s): string {
  mkdirSync(path.join(dir, 'schemas'), { recursive: true });
  const toFile = (node: Json): Json => {
    if (Array.isArray(node)) return node.map(toFile);
    if (!node || typeof node !== 'object') return node;
    const out: Json = {};
    for (const [k, v] of Object.entries(node)) out[k] = k === '$ref' && typeof v === 'string' && v.startsWith('#/components/schemas/') ? `./${v.split('/').pop()}.yaml` : toFile(v);
    return out;
  };
  for (const [name, schema] of Object.entries<Json>(spec.components.schemas)) {
    writeFileSync(path.join(dir, 'schemas', `${name}.yaml`), stringify(edit(name, toFile(schema)), { lineWidth: 0 }));
    spec.components.schemas[name] = { $ref: `./schemas/${name}.yaml` };
  }
  const entry = path.join(dir, 'openapi.yaml');
  writeFileSync(entry, stringify(spec, { lineWidth: 0 }));
  return entry;
}

/**
 * Splits a spec in two JSON documents: the entry, whose component schemas are `$ref`s into
 * `file`, and `file` holding the schemas (their references to each other made local to it).
 */
export function withSchemasFile(spec: Json, file: string): { entry: Json; schemas: Json } {
  const local = (node: Json): Json => {
    if (Array.isArray(node)) return node.map(local);
    if (!node || typeof node !== 'object') return node;
    const out: Json = {};
    for (const [k, v] of Object.entries(node)) out[k] = k === '$ref' && typeof v === 'string' && v.startsWith('#/components/schemas/') ? `#/${v.split('/').pop()}` : local(v);
    return out;
  };
  const entry = structuredClone(spec);
  const schemas = local(entry.components.schemas);
  for (const name of Object.keys(schemas)) entry.components.schemas[name] = { $ref: `${file}#/${name}` };
  return { entry, schemas };
}

/**
 * Moves one path item into `paths/<name>.yaml`, its `#/...` references rewritten to point back
 * into the entry (`../openapi.yaml#/...`), the entry referencing the file. Call before writeMultiFile.
 */
export function pathItemToFile(dir: string, spec: Json, template: string, name: string): void {
  const backToEntry = (node: Json): Json => {
    if (Array.isArray(node)) return node.map(backToEntry);
    if (!node || typeof node !== 'object') return node;
    const out: Json = {};
    for (const [k, v] of Object.entries(node)) out[k] = k === '$ref' && typeof v === 'string' && v.startsWith('#/') ? `../openapi.yaml${v}` : backToEntry(v);
    return out;
  };
  mkdirSync(path.join(dir, 'paths'), { recursive: true });
  writeFileSync(path.join(dir, 'paths', `${name}.yaml`), stringify(backToEntry(spec.paths[template]), { lineWidth: 0 }));
  spec.paths[template] = { $ref: `./paths/${name}.yaml` };
}

/**
 * Replaces the line `<indent>key: __FLOW__` of a YAML file with a multi-line flow mapping whose
 * closing brace sits left of the key (strict parsers reject it; a forgiving reader does not).
 */
export function badIndentFlowMapping(file: string, key: string, entries: Record<string, string>): void {
  const text = readFileSync(file, 'utf8');
  const line = new RegExp(`^( *)${key}: __FLOW__$`, 'm');
  const match = line.exec(text);
  if (!match) throw new Error(`fixture: no "${key}: __FLOW__" line in ${file}`);
  const indent = match[1]!;
  const body = Object.entries(entries).map(([k, v], i, all) => `${indent}  ${k}: ${v}${i < all.length - 1 ? ',' : ''}`);
  writeFileSync(file, text.replace(line, [`${indent}${key}: {`, ...body, `${indent.slice(2)}}`].join('\n')));
}

/** The line number (1-based) of the line matching the last pattern, each pattern matched after the line of the one before. */
export function lineOf(file: string, ...patterns: RegExp[]): number {
  const all = readFileSync(file, 'utf8').split('\n');
  let index = 0;
  for (const pattern of patterns) {
    index = all.findIndex((l, i) => i >= index && pattern.test(l));
    if (index < 0) throw new Error(`fixture: ${patterns.join(' then ')} not found in ${file}`);
  }
  return index + 1;
}
