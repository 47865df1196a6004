// Loads the bundled specs (`generated/*.yaml`) for the support tests, and lists the schemas worth
// checking in each: every `components.schemas` entry and every operation's request body.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { isObject, type Schema } from './schema-utils.js';

export const SPEC_FILES = ['justifi-v1.yaml', 'payments-v1.3.yaml'].map((file) => ({
  name: file.replace(/\.yaml$/, ''),
  path: fileURLToPath(new URL(`../../generated/${file}`, import.meta.url)),
}));

export const specExists = (path: string) => existsSync(path);
export const loadSpec = (path: string) => parse(readFileSync(path, 'utf8')) as Record<string, unknown>;

export interface NamedSchema {
  name: string;
  schema: Schema;
  direction?: 'request';
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

export function schemasOf(doc: Record<string, unknown>): NamedSchema[] {
  const out: NamedSchema[] = [];
  const components = isObject(doc.components) && isObject(doc.components.schemas) ? doc.components.schemas : {};
  for (const [name, schema] of Object.entries(components)) out.push({ name: `#/components/schemas/${name}`, schema: schema as Schema });
  for (const [path, item] of Object.entries(isObject(doc.paths) ? doc.paths : {})) {
    if (!isObject(item)) continue;
    for (const method of METHODS) {
      const op = item[method];
      if (!isObject(op) || !isObject(op.requestBody)) continue;
      const content = isObject(op.requestBody.content) ? op.requestBody.content : {};
      for (const [mediaType, media] of Object.entries(content)) {
        if (isObject(media) && media.schema !== undefined) {
          out.push({ name: `${method.toUpperCase()} ${path} (${mediaType})`, schema: media.schema as Schema, direction: 'request' });
        }
      }
    }
  }
  return out;
}
