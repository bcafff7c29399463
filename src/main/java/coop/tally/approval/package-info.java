/**
 * Override requests, their append-only events and supervisors' decisions (never the maker's own).
 * Knows no domain: each domain registers an {@link coop.tally.approval.ApprovalExecutor} for its
 * kinds and supplies {@link coop.tally.approval.AccountVisibility}.
 */
@MayUse({"platform", "staff", "web"})
package coop.tally.approval;

import coop.tally.platform.MayUse;
