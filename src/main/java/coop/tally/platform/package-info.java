/**
 * The ground every package stands on: the credit union's clock and zone, the data folder, the
 * schema migration and readiness, and {@link coop.tally.platform.Refusal}, the one way any package
 * says no.
 */
@MayUse
package coop.tally.platform;

