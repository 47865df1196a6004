/**
 * openapi-fetch's `createClient`, wherever this package is loaded from. Its CommonJS build sets
 * `exports.default` without `__esModule`, so a `require`d copy of this SDK sees the module object
 * where the ESM build sees the function; unwrap it once more in that case.
 */
import * as openapiFetch from 'openapi-fetch';

type CreateClient = typeof openapiFetch.default;

const candidate = openapiFetch.default as CreateClient | { default: CreateClient };

export const createClient: CreateClient = typeof candidate === 'function' ? candidate : candidate.default;
export type { Client } from 'openapi-fetch';
