/**
 * The ground every package stands on: the credit union's clock and zone, the data folder, the
 * database (embedded Derby or PostgreSQL, {@link coop.tally.platform.DatabaseChoice}) with its
 * schema migration, readiness and row-lock clause, and {@link coop.tally.platform.Refusal}, the
 * one way any package says no.
 */
@MayUse
package coop.tally.platform;

