/**
 * Staff accounts, roles and teams, sign-in (Jakarta Security mechanism and identity store,
 * Argon2id), posting limits, and the security log every security-relevant act is written to.
 */
@MayUse({"crypto", "money", "platform", "web"})
package coop.tally.staff;

import coop.tally.platform.MayUse;
