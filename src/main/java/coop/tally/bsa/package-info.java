/**
 * Bank Secrecy Act records: cash aggregation per member per business day and the monetary
 * instrument log.
 */
@MayUse({"caller", "ledger", "member", "money", "platform", "posting", "posting.plan", "posting.rule", "web"})
package coop.tally.bsa;

import coop.tally.platform.MayUse;
