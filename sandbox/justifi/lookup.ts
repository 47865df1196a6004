/** Finding an object of the caller's platform by id, and replacing an object's metadata ("any previous metadata will be overwritten"). */
import type { HandlerContext, OperationRequest } from '../core/types.js';
import { visible } from './auth.js';
import { JustifiError } from './errors.js';
import { iso, type JustifiState } from './state.js';

/** The object `id` of `collection` if it belongs to the caller's platform, else a 404 `resource_not_found`. */
export function findVisible<T extends { id: string }>(state: JustifiState, ctx: HandlerContext, collection: { find(id: string): { value: T; scope: string } | undefined }, id: string, what: string): T {
  const entry = collection.find(id);
  if (!entry || !visible(state, ctx, entry.scope)) throw new JustifiError(404, 'resource_not_found', `Resource not found: no ${what} ${id}`);
  return entry.value;
}

/** "when you update metadata, any previous metadata will be overwritten" */
export function setMetadata<T extends { metadata?: unknown; updated_at?: string }>(value: T, req: OperationRequest, ctx: HandlerContext): T {
  const metadata = (req.body as { metadata?: Record<string, unknown> } | undefined)?.metadata;
  if (metadata !== undefined) value.metadata = metadata;
  value.updated_at = iso(ctx.clock.now());
  return value;
}
