/**
 * Members and their accounts (share, share draft, certificate, loan), encrypted sensitive fields,
 * search, the demo members. A member's file is read only through {@link
 * coop.tally.member.MemberInquiryGate}, which the calls above supply.
 */
@MayUse({"crypto", "money", "platform", "staff", "web"})
package coop.tally.member;

import coop.tally.platform.MayUse;
