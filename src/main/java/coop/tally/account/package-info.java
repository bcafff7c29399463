/**
 * Opening and closing member accounts at the desk: share, share draft and certificate openings
 * with their opening deposit, certificate terms, maturity and renewal, closings with their payout
 * and early-withdrawal penalty (and its waiver, as an override).
 */
@MayUse({"approval", "caller", "ledger", "member", "money", "platform", "posting", "posting.plan", "posting.rule",
        "staff", "web"})
package coop.tally.account;

import coop.tally.platform.MayUse;
