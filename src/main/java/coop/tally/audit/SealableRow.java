package coop.tally.audit;

import java.util.function.Supplier;

/**
 * A row of a {@link SealedStream} as the sealer sees it: its canonical bytes and their leaf hash, or
 * null for both when the row cannot be encoded; why not (asked only when a warning is logged, as
 * working it out may mean encoding the row again); and the MAC recorded with it, or null.
 */
record SealableRow(long id, byte[] canonical, byte[] leafHash, Supplier<String> whyUnreadable, String mac) {
}
