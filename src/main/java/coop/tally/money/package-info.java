/**
 * {@code Money}: exact amounts in US dollars, parsed and printed as decimal strings. No dependency
 * on anything.
 */
@MayUse
package coop.tally.money;

import coop.tally.platform.MayUse;
