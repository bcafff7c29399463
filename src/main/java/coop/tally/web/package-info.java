/**
 * The HTTP edge shared by every resource: strict JSON and text reading, problem+json (where a
 * refusal's kind becomes a status), security headers, size limits, error pages. Knows no domain.
 */
@MayUse({"platform"})
package coop.tally.web;

import coop.tally.platform.MayUse;
