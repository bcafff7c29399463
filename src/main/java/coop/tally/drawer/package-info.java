/**
 * Cash drawers by business day, denomination counts, vault buys and sells, blind close and
 * balancing, over/short.
 */
@MayUse({"approval", "ledger", "money", "platform", "staff", "web"})
package coop.tally.drawer;

import coop.tally.platform.MayUse;
