/**
 * Pure preconditions of the business day's close, one rule a class: each looks only at the facts
 * it is given and names what holds the close back.
 */
@MayUse
package coop.tally.dayclose.rule;

import coop.tally.platform.MayUse;
