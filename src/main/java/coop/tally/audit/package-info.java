/**
 * The auditor's side: sealing the journal and the logs into Merkle trees, signed checkpoints,
 * verification, replay, the trail and exports.
 */
@MayUse({"caller", "crypto", "ledger", "money", "platform", "posting", "staff", "web"})
package coop.tally.audit;

import coop.tally.platform.MayUse;
