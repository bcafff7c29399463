/**
 * Pure override policies, one a class: what needs a supervisor and what is refused outright.
 */
@MayUse({"approval", "ledger", "money", "posting.rule", "staff"})
package coop.tally.posting.policy;

import coop.tally.platform.MayUse;
