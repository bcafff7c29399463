/**
 * Loan terms, interest accrual, payment allocation and payoff quotes. Pure.
 */
@MayUse({"money", "platform", "posting.rule"})
package coop.tally.posting.loan;

import coop.tally.platform.MayUse;
