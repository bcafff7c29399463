package coop.tally.platform;

/**
 * Fired once at start-up, synchronously, after the migrations ran and before the server takes
 * requests. Observers that load first-start data order themselves with {@code @Priority}:
 * staff (100), members (200), opening balances (300).
 */
public record SchemaReady(String schemaVersion) {
}
