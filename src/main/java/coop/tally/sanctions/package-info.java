/**
 * Sanctions screening: the U.S. Treasury's SDN list read from its published CSV, fuzzy name
 * matching, the screening log, and the SANCTIONS_REVIEW approval that holds an action with a
 * possible match until a supervisor clears or rejects it. The actions held (an enrolment, a name
 * change, an official check) live in their own packages and register as {@link coop.tally.sanctions.HeldAction}s.
 */
@MayUse({"approval", "platform", "staff", "web"})
package coop.tally.sanctions;

import coop.tally.platform.MayUse;
