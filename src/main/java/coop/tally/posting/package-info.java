/**
 * Transaction requests: deposits, withdrawals, transfers, loan payments, official checks,
 * reversals; idempotency; the rules and override policies they pass; the journal entries they
 * plan.
 */
@MayUse({"approval", "caller", "drawer", "ledger", "ledger.hold", "member", "money", "platform", "posting.loan", "posting.plan", "posting.policy", "posting.rule", "sanctions", "staff", "web"})
package coop.tally.posting;

import coop.tally.platform.MayUse;
