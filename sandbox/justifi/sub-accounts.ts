/**
 * Sub accounts (and the deprecated seller accounts, the same objects under another name) and
 * onboarding. Status table: "created: this sub account has been created (via Sub Accounts API),
 * but we haven't received their onboarding entry yet"; "submitted: we've received this sub
 * account's onboarding entry … and we're reviewing their information"; "enabled: this sub account
 * is approved to process payments note: test accounts are automatically enabled".
 *
 * So a sub account starts `created`; an onboarding entry moves it to `submitted` ("This will change
 * the sub account's status to submitted"); being a test account, its review then passes on its own
 * and it becomes `enabled` one minute later by the sandbox clock (inferred delay), each change a
 * `sub_account.updated` event.
 */
import { newId } from '../core/ids.js';
import type { EventBus, HandlerContext, OperationRequest, OperationResponse } from '../core/types.js';
import { platformOfCtx, visible } from './auth.js';
import { one, page } from './envelope.js';
import { JustifiError } from './errors.js';
import { iso, schedule, type JustifiState } from './state.js';
import type { OnboardingEntry, SubAccount } from './types.js';

/** How long the automatic review of a test sub account takes (inferred). */
export const reviewMs = 60 * 1000;

function updated(events: Pick<EventBus, 'emit'>, sub: SubAccount): void {
  events.emit({ api: 'justifi-v1', name: 'sub_account.updated', scope: sub.platform_account_id!, data: sub });
}

function findSub(state: JustifiState, ctx: HandlerContext, id: string): SubAccount {
  const entry = state.subAccounts.find(id);
  if (!entry || !visible(state, ctx, entry.scope)) throw new JustifiError(404, 'resource_not_found', `Resource not found: no sub account ${id}`);
  return entry.value;
}

function create(state: JustifiState, req: OperationRequest, ctx: HandlerContext, type: 'sub_account' | 'seller_account'): OperationResponse {
  const platform = platformOfCtx(state, ctx);
  const name = (req.body as { name: string }).name;
  // "note: the name must be unique in your platform"; Forbidden covers "creating a duplicate record where one already exists".
  if (state.subAccounts.list(platform, (s) => s.name === name).length) throw new JustifiError(403, 'not_authorized', `Not authorized: a sub account named "${name}" already exists in this platform`);
  const created_at = iso(ctx.clock.now());
  const id = newId('acc');
  // "If you use your test credentials, the sub account you create will have one account with the account_type of test."
  const sub: SubAccount = { id, name, account_type: 'test', status: 'created', currency: 'usd', platform_account_id: platform, payout_account_id: null, business_id: null, application_fee_rates: [], processing_ready: false, payout_ready: false, related_accounts: { test_account_id: id, live_account_id: null }, created_at, updated_at: created_at };
  state.subAccounts.insert(platform, sub);
  state.platformOf.set(id, platform);
  return one(201, type, id, sub);
}

function list(state: JustifiState, req: OperationRequest, ctx: HandlerContext): OperationResponse {
  const status = req.query.status as string | undefined;
  // "By default, all sub accounts which are not archived will be returned."
  return page(state.subAccounts.entries(platformOfCtx(state, ctx), (s) => (status === undefined ? s.status !== 'archived' : s.status === status)), req.query, ctx, state.subAccounts.seqOf);
}

export const subAccountRules = {
  createSubAccount: (state: JustifiState, req: OperationRequest, ctx: HandlerContext) => create(state, req, ctx, 'sub_account'),
  listSubAccounts: list,
  getSubAccount: (state: JustifiState, req: OperationRequest, ctx: HandlerContext) => one(200, 'sub_account', req.params.id!, findSub(state, ctx, req.params.id!)),
  createSellerAccount: (state: JustifiState, req: OperationRequest, ctx: HandlerContext) => create(state, req, ctx, 'seller_account'),
  listSellerAccounts: list,
  getSellerAccount: (state: JustifiState, req: OperationRequest, ctx: HandlerContext) => one(200, 'seller_account', req.params.id!, findSub(state, ctx, req.params.id!)),

  /** "Create an onboarding entry for a sub account … This will change the sub account's status to submitted." */
  createOnboardingEntry(state: JustifiState, req: OperationRequest, ctx: HandlerContext): OperationResponse {
    const sub = findSub(state, ctx, req.params.id!);
    const body = req.body as Omit<OnboardingEntry, 'id' | 'created_at'>;
    const now = ctx.clock.now();
    const entry: OnboardingEntry = { id: newId('onb'), account_id: sub.id, onboarding_version: body.onboarding_version ?? 'v1.0', business_details: body.business_details, representative: body.representative, owners: body.owners ?? [], bank_account: body.bank_account, terms_and_conditions: body.terms_and_conditions, created_at: iso(now), updated_at: iso(now) };
    state.onboarding.insert(sub.id, entry);
    // An enabled account keeps processing while a new entry is recorded (inferred).
    if (sub.status !== 'enabled') {
      Object.assign(sub, { status: 'submitted', updated_at: iso(now) });
      state.reviews.set(sub.id, now + reviewMs);
      schedule(state, now + reviewMs);
      updated(ctx.events, sub);
    }
    return one(200, 'onboarding_entry', entry.id, entry);
  },
};

/** Test sub accounts whose review time has come are enabled. */
export function completeReviews(state: JustifiState, now: number, events: EventBus): void {
  for (const [id, at] of state.reviews) {
    if (at > now) {
      schedule(state, at);
      continue;
    }
    state.reviews.delete(id);
    const sub = state.subAccounts.find(id)!.value;
    Object.assign(sub, { status: 'enabled', processing_ready: true, payout_ready: true, updated_at: iso(at) });
    updated(events, sub);
  }
}
