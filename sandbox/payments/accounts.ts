/**
 * Accounts. Seed "Fetch Partner Processing Plan": the account's pricing plan, a fixture here
 * (fixtures.ts) whose fees the ledger charges. And the account → business link: the seed scopes
 * by `x-account-id` and `x-business-id` but has no operation that says which account belongs to
 * which business, so the sandbox learns it (inferred) from the first request that names both; a
 * later request pairing the account with another business is refused (403, the spec's Forbidden).
 */
import type { OperationRequest } from '../core/types.js';
import type { RuleContext } from './context.js';
import { paymentsError, refuse } from './errors.js';
import { processingPlanFor } from './fixtures.js';

/** Records or checks the account's business when the request names both. */
export function linkBusiness(rc: RuleContext): void {
  const { account, business } = rc.scope;
  if (account === undefined || business === undefined) return;
  const known = rc.partner.businessOf.get(account);
  if (known === undefined) rc.partner.businessOf.set(account, business);
  else if (known !== business) refuse(paymentsError(403, 'forbidden', `Account ${account} belongs to business ${known}, not ${business}.`));
}

export const accountRules = {
  getPartnerProcessingPlan(req: OperationRequest, _rc: RuleContext) {
    return { status: 200, body: processingPlanFor(req.params.id!) };
  },
};
