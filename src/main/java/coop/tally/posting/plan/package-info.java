/**
 * Turns a posting request into the balanced lines of its journal entry, fees included. Pure.
 */
@MayUse({"ledger", "money", "posting.loan", "posting.rule"})
package coop.tally.posting.plan;

import coop.tally.platform.MayUse;
