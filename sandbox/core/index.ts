/** The sandbox core, API-agnostic: everything an API definition (sandbox/justifi/, sandbox/payments/) builds on. See README.md. */
export type * from './types.js';
export { createClock, type ClockOptions } from './clock.js';
export { createEventBus } from './events.js';
export { newId, randomBase62 } from './ids.js';
export { canonicalJson } from './idempotency.js';
export { cursorPage, encodeCursor, idCursorPage, numberedPage, type IdCursorMeta, type PageInfo, type PageNumberMeta, type PagingOptions } from './paging.js';
export { coreErrorCodes } from './pipeline.js';
export { fieldName, ProblemError } from './problems.js';
export { createApiServer, type ApiServer, type ApiServerOptions } from './server.js';
export { loadSpec, repoRoot, type OperationSpec, type SpecModel } from './spec.js';
export { createCollection, type Collection, type Entry } from './state.js';
