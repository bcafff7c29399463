/**
 * New members enrolled by a rep in a branch visit, with the photo ID inspected, screened against
 * the sanctions list before they exist. Above {@code member}, {@code caller} and {@code sanctions}.
 */
@MayUse({"approval", "caller", "crypto", "member", "platform", "sanctions", "staff", "web"})
package coop.tally.enrolment;

import coop.tally.platform.MayUse;
