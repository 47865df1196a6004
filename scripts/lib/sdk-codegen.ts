/**
 * Emits generated/<api>.sdk.ts from the SDK surface of a bundled spec: `SdkResources`, the typed
 * method signatures (TSDoc from the summary, `@deprecated`, path parameters named as in the spec,
 * the body required exactly when `requestBody.required` is), `sdkMethods`, the data the client
 * binds them with, and `methodByOperationId` for tooling. The signatures cost nothing at run
 * time and the operation ids are tree-shaken away, so the method table is all that ships.
 */
import path from 'node:path';
import type { ApiEntry } from './apis.js';
import { byNamespace, type SdkOperation } from './sdk-surface.js';

/** `import` specifier from one generated file to another project file (`.ts` → `.js`). */
export function importPath(from: string, to: string): string {
  const relative = path.relative(path.dirname(from), to).split(path.sep).join('/').replace(/(\.d)?\.ts$/, '.js');
  return relative.startsWith('.') ? relative : `./${relative}`;
}

const reserved = new Set(['break', 'case', 'catch', 'class', 'const', 'continue', 'debugger', 'default', 'delete', 'do', 'else', 'enum', 'export', 'extends', 'false', 'finally', 'for', 'function', 'if', 'import', 'in', 'instanceof', 'new', 'null', 'return', 'super', 'switch', 'this', 'throw', 'true', 'try', 'typeof', 'var', 'void', 'while', 'with', 'options', 'body', 'query']);

/** A path parameter's argument name: its spec name when that is a usable identifier. */
export function argumentName(param: string): string {
  const name = /^[A-Za-z_$][\w$]*$/.test(param) ? param : param.replace(/[^\w$]+(.)?/g, (_m, c: string | undefined) => (c ?? '').toUpperCase()).replace(/^(\d)/, '_$1');
  return reserved.has(name) ? `${name}_` : name;
}

const quote = (text: string) => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
const propertyKey = (name: string) => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : quote(name));
const comment = (text: string) => text.replace(/\*\//g, '*\\/');

function tsdoc(op: SdkOperation, indent: string): string[] {
  const lines = [op.summary ? comment(op.summary) : op.operationId, '', `\`${op.httpMethod} ${op.path}\` (operationId \`${op.operationId}\`).`];
  if (op.paging) lines.push(`Paginated (${op.paging}): awaiting gives the first page; \`for await\` walks every item.`);
  if (op.deprecated) lines.push('@deprecated The spec marks this operation deprecated.');
  return [`${indent}/**`, ...lines.map((l) => (l ? `${indent} * ${l}` : `${indent} *`)), `${indent} */`];
}

function signature(op: SdkOperation): string {
  const id = quote(op.operationId);
  const args = op.pathParams.map((p) => `${argumentName(p)}: PathParam<${id}, ${quote(p)}>`);
  if (op.body === 'required') args.push(`body: Body<${id}>`);
  if (op.body === 'optional') args.push(`body?: Body<${id}>`);
  if (op.query) args.push(`query?: Query<${id}>`);
  args.push('options?: Options');
  return `${op.method}(${args.join(', ')}): ${op.paging ? 'List' : 'Call'}<${id}>;`;
}

function tableEntry(op: SdkOperation): string {
  const headers = Object.entries(op.headers).map(([name, rule]) => `${quote(name)}: ${quote(rule)}`).join(', ');
  const fields = [
    `method: ${quote(op.httpMethod)}`,
    `path: ${quote(op.path)}`,
    `headers: {${headers ? ` ${headers} ` : ''}}`,
    ...(op.parseAs === 'text' ? [`parseAs: 'text'`] : []),
    ...(op.body !== 'none' ? [`body: ${quote(op.body)}`] : []),
    ...(op.query ? ['query: true'] : []),
    ...(op.paging ? [`paging: ${quote(op.paging)}`] : []),
    ...(op.auth ? [] : ['auth: false']),
  ];
  return `    ${op.method}: { ${fields.join(', ')} },`;
}

/** The text of generated/<api>.sdk.ts (without the banner). */
export function sdkModule(api: ApiEntry, operations: SdkOperation[]): string {
  const groups = [...byNamespace(operations)];
  const types = groups.flatMap(([namespace, ops]) => [
    ...(ops.every((op) => op.deprecated) ? ['  /** @deprecated Every operation of this namespace is deprecated. */'] : []),
    `  ${namespace}: {`,
    ...ops.flatMap((op) => [...tsdoc(op, '    '), `    ${signature(op)}`]),
    '  };',
  ]);
  const table = groups.flatMap(([namespace, ops]) => [`  ${namespace}: {`, ...ops.map(tableEntry), '  },']);
  return [
    '/**',
    ` * The ${api.title} client's resource namespaces: one method per operation of the spec, named by`,
    ' * its `x-sdk-method`. `SdkResources` is types only; `sdkMethods` is the data the client binds;',
    ' * `methodByOperationId` is for tooling and drops out of a bundle.',
    ' */',
    `import type { Body, Call, List, MethodTable, Options, PathParam, Query } from '${importPath(api.sdk, api.context)}';`,
    '',
    `/** The namespaces of the ${api.title} client. */`,
    'export interface SdkResources {',
    ...types,
    '}',
    '',
    '/** What each method sends: HTTP method, path, declared headers, arguments and paging. */',
    'export const sdkMethods = {',
    ...table,
    '} as const satisfies MethodTable;',
    '',
    '/** operationId → the SDK method that sends it, for tooling (docs, drift, contract suite); not used at run time. */',
    'export const methodByOperationId = {',
    ...operations.map((op) => `  ${propertyKey(op.operationId)}: ${quote(`${op.namespace}.${op.method}`)},`),
    '} as const satisfies Record<string, string>;',
    '',
  ].join('\n');
}

const specSays: Record<SdkOperation['body'], string> = {
  required: 'requestBody.required: true',
  optional: 'a requestBody that is not required',
  none: 'no requestBody',
};

/**
 * The text of the body-optionality type test (without the banner): per operation, the rule the
 * spec states is checked twice, against openapi-typescript's reading of the same operation and
 * against the generated method's signature, so `npm run typecheck` fails if either disagrees.
 */
export function bodyOptionalityModule(api: ApiEntry, operations: SdkOperation[]): string {
  const checks = operations.flatMap((op) => {
    const spec = `Operations[${quote(op.operationId)}]`;
    const method = `SdkResources[${quote(op.namespace)}][${quote(op.method)}]`;
    return [
      `  // ${op.operationId} (${op.httpMethod} ${op.path}): ${specSays[op.body]}`,
      `  Expect<Is<BodyRuleOf<${spec}>, ${quote(op.body)}>>,`,
      `  Expect<Is<BodyArgumentRuleOf<${method}, ${op.pathParams.length}, ${spec}, Options>, ${quote(op.body)}>>,`,
    ];
  });
  return [
    '/**',
    ` * Body optionality of every ${api.title} SDK method, as the spec states it: \`npm run typecheck\``,
    ' * fails when a method takes its body as required, optional or not at all other than the spec says.',
    ' */',
    `import type { operations as Operations } from '${importPath(api.sdkTypeTest, api.types)}';`,
    `import type { SdkResources } from '${importPath(api.sdkTypeTest, api.sdk)}';`,
    `import type { BodyArgumentRuleOf, BodyRuleOf } from '${importPath(api.sdkTypeTest, path.join(path.dirname(api.context), '..', 'core', 'operation-types.ts'))}';`,
    `import type { Options } from '${importPath(api.sdkTypeTest, api.context)}';`,
    '',
    'type Is<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;',
    'type Expect<T extends true> = T;',
    '',
    'export type BodyOptionality = [',
    ...checks,
    '];',
    '',
  ].join('\n');
}
