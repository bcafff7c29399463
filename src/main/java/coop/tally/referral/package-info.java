/**
 * Cross-sell referrals, their products and dispositions, monthly targets.
 */
@MayUse({"caller", "member", "platform", "staff", "web"})
package coop.tally.referral;

import coop.tally.platform.MayUse;
