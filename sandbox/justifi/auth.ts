/**
 * Access tokens and scope. "JustiFi uses the OAuth Client Credentials authentication flow … These
 * are valid for 24 hours" (`--token-ttl` changes that here), "be sure to handle a 401 -
 * Unauthorized response by getting a new access token". Each client id is one platform account;
 * "Sub-Account: for platforms, the id of the sub account that this request applies to".
 */
import { randomBase62 } from '../core/ids.js';
import type { HandlerContext, OperationRequest, OperationResponse } from '../core/types.js';
import { bundle, JustifiError, justifiError } from './errors.js';
import { seedFixtures } from './fixtures.js';
import { platformIdFor, type JustifiState } from './state.js';
import { loadSpec } from '../core/spec.js';

const spec = loadSpec(bundle);
const publicOperations = new Set(spec.operations.filter((op) => op.security.length === 0).map((op) => op.operationId));
/** Operations whose spec declares the `Sub-Account` (or deprecated `Seller-Account`) header. */
const scopedOperations = new Set(spec.operations.filter((op) => op.parameters.some((p) => p.in === 'header' && /^(sub|seller)-account$/i.test(p.name))).map((op) => op.operationId));

export const defaultTokenTtlMs = 24 * 60 * 60 * 1000;

function platformFor(state: JustifiState, clientId: string, ctx: { clock: { now(): number } }): string {
  const id = platformIdFor(clientId);
  if (!state.platforms.has(id)) {
    state.platforms.set(id, { id, clientId });
    state.platformOf.set(id, id);
    seedFixtures(state, id, ctx.clock.now());
  }
  return id;
}

/**
 * `POST /oauth/token`. "The test key is prepended with test_ and the live key is prepended with
 * live_": the sandbox is a test environment, so it issues tokens for any `test_…` client id (with
 * any non-empty secret) and refuses `live_` and other ids (inferred: 401 `not_authenticated`).
 */
export function createAccessToken(state: JustifiState, req: OperationRequest, ctx: HandlerContext): OperationResponse {
  const body = (req.body ?? {}) as { client_id?: string; client_secret?: string };
  for (const field of ['client_id', 'client_secret'] as const) {
    if (typeof body[field] !== 'string' || body[field] === '') return justifiError(400, 'parameter_missing', `Missing required parameter: ${field}`);
  }
  if (!body.client_id!.startsWith('test_')) return justifiError(401, 'not_authenticated', 'Not authenticated: this sandbox issues tokens for test_ client ids only');
  const platformId = platformFor(state, body.client_id!, ctx);
  const token = `sbx_${randomBase62(80)}`;
  state.tokens.set(token, { platformId, expiresAt: ctx.clock.now() + (state.options.tokenTtlMs ?? defaultTokenTtlMs) });
  return { status: 200, body: { access_token: token } };
}

/** Bearer token → platform account; `Sub-Account` (where the operation declares it) → the sub account's scope. */
export function authenticate(state: JustifiState, req: OperationRequest, base: Omit<HandlerContext, 'scope'>): { scope: string } | { error: OperationResponse } {
  if (publicOperations.has(req.operationId)) return { scope: '' };
  const header = req.headers.get('authorization') ?? '';
  const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
  if (!token) return { error: justifiError(401, 'not_authenticated', 'Not authenticated: send Authorization: Bearer {access_token} (POST /oauth/token gives one)') };
  const grant = state.tokens.get(token);
  if (!grant) return { error: justifiError(401, 'not_authenticated', 'Not authenticated: unknown access token') };
  if (base.clock.now() >= grant.expiresAt) {
    state.tokens.delete(token);
    return { error: justifiError(401, 'not_authenticated', 'Not authenticated: the access token has expired; get a new one from POST /oauth/token') };
  }
  if (!scopedOperations.has(req.operationId)) return { scope: grant.platformId };
  const sub = req.headers.get('sub-account') ?? req.headers.get('seller-account');
  if (!sub) return { scope: grant.platformId };
  if (sub !== grant.platformId && state.platformOf.get(sub) !== grant.platformId) {
    return { error: justifiError(403, 'not_authorized', `Not authorized: ${sub} is not a sub account of this platform`) };
  }
  return { scope: sub };
}

/** The platform of the request (every scope maps to one). */
export const platformOfCtx = (state: JustifiState, ctx: HandlerContext) => state.platformOf.get(ctx.scope) ?? ctx.scope;

/** Whether an object filed under `account` is visible to this request (same platform). */
export function visible(state: JustifiState, ctx: HandlerContext, account: string): boolean {
  return state.platformOf.get(account) === platformOfCtx(state, ctx);
}

/**
 * "Note: For platforms, if the sub account status is not enabled, 400 will be returned." The code
 * is the table's nearest, `not_authorized` (inferred); the message says which status it has.
 */
export function requireEnabled(state: JustifiState, account: string): void {
  const sub = state.subAccounts.find(account)?.value;
  if (sub && sub.status !== 'enabled') {
    throw new JustifiError(400, 'not_authorized', `Sub account ${sub.id} is ${sub.status}, not enabled, so it cannot process payments yet (test accounts are enabled once their onboarding entry is reviewed)`);
  }
}
