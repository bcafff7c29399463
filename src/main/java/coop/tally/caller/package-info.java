/**
 * Calls and branch visits: caller verification (ANI, knowledge questions, PIN, one-time passcode,
 * photo ID), the call gate every member action passes, lockout and its unlock, the call log.
 */
@MayUse({"approval", "crypto", "ledger", "member", "money", "platform", "sanctions", "staff", "web"})
package coop.tally.caller;

import coop.tally.platform.MayUse;
