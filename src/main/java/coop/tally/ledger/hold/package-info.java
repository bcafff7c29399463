/**
 * Holds on deposited checks and the Federal Reserve business calendar they count days on. Pure
 * rules.
 */
@MayUse({"money"})
package coop.tally.ledger.hold;

import coop.tally.platform.MayUse;
