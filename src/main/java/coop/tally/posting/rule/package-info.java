/**
 * Pure posting rules, one rule a class, and the refusal they raise ({@code PostingRefused}).
 */
@MayUse({"ledger", "money", "platform"})
package coop.tally.posting.rule;

import coop.tally.platform.MayUse;
