/**
 * Each rep's scorecard: referrals against target, posting errors, call handling, drawer
 * over/short.
 */
@MayUse({"caller", "drawer", "platform", "posting", "referral", "staff", "web"})
package coop.tally.scorecard;

import coop.tally.platform.MayUse;
