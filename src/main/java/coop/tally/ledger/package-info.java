/**
 * The double-entry journal (append-only), balances, GL chart, holds, business dates and day-end,
 * opening balances, and what staff may see of an entry ({@code Viewer}).
 */
@MayUse({"crypto", "ledger.hold", "member", "money", "platform", "staff", "web"})
package coop.tally.ledger;

import coop.tally.platform.MayUse;
