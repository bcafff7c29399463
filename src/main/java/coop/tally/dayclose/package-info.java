/**
 * The close of the business day: its preconditions, the day's report (trial balance, drawers, BSA
 * records, overrides, reversals) stored as it was at the close, and the CTR export for filing.
 */
@MayUse({"approval", "bsa", "caller", "dayclose.rule", "drawer", "ledger", "member", "money", "platform", "staff", "web"})
package coop.tally.dayclose;

import coop.tally.platform.MayUse;
