package coop.tally.audit;

import coop.tally.crypto.RowMacs;

import java.util.List;

/**
 * Whether a row of the journal, the call log or the security log was written by Tally: the rule
 * the sealers and verification share.
 *
 * <p>A row is authentic when the MAC recorded with it ({@link RowMacs}) verifies over its canonical
 * bytes. A row without a MAC was written before MACs existed, or behind Tally's back; it is
 * accepted (as a legacy row) only when it is sealed at a leaf index below the <em>legacy
 * boundary</em> of its tree: the largest tree size among that tree's checkpoints with reason
 * {@value #MAC_KEY_CREATED} whose signature verifies. Such a checkpoint is signed once, at the start
 * that creates the MAC key, after everything committed until then was sealed
 * ({@link RowMacKeyStart}); from then on the sealers never seal a row without a MAC, so no row
 * without one can get below the boundary, and the signature keeps the boundary from being moved.
 */
final class Authenticity {

    /** Reason of the checkpoints that fix the legacy boundary. */
    static final String MAC_KEY_CREATED = "MAC_KEY_CREATED";

    /** What the MAC says about a row. */
    enum Mac {
        /** The MAC verifies. */
        VERIFIES,
        /** The row has none: legacy, or written behind Tally's back. */
        NONE,
        /** The MAC does not verify: the row or its MAC was changed, or the row was forged. */
        WRONG
    }

    private Authenticity() {
    }

    /** Checks the MAC of a row whose canonical bytes are {@code canonical}. */
    static Mac check(RowMacs macs, String table, byte[] canonical, String mac) {
        if (mac == null) {
            return Mac.NONE;
        }
        return macs.verifies(table, canonical, mac) ? Mac.VERIFIES : Mac.WRONG;
    }

    /**
     * Whether a sealer may seal the row: its MAC verifies, or it has none and the MAC key does not
     * exist yet (the rows of a data folder from before MACs, sealed once at the start that creates the key).
     */
    static boolean sealable(RowMacs macs, String table, byte[] canonical, String mac) {
        if (mac == null) {
            return !macs.keyExists();
        }
        return macs.verifies(table, canonical, mac);
    }

    /** Whether a row with that MAC verdict, sealed at {@code leafIndex} (null when unsealed), is authentic. */
    static boolean authentic(Mac mac, Long leafIndex, long legacyBoundary) {
        return switch (mac) {
            case VERIFIES -> true;
            case NONE -> leafIndex != null && leafIndex < legacyBoundary;
            case WRONG -> false;
        };
    }

    /** The legacy boundary of a tree from its checkpoints' (reason, tree size, signature valid). */
    static long legacyBoundary(List<SignedSize> checkpoints) {
        long boundary = 0;
        for (SignedSize checkpoint : checkpoints) {
            if (MAC_KEY_CREATED.equals(checkpoint.reason()) && checkpoint.signatureValid()) {
                boundary = Math.max(boundary, checkpoint.treeSize());
            }
        }
        return boundary;
    }

    /** What the boundary needs of a checkpoint. */
    record SignedSize(String reason, long treeSize, boolean signatureValid) {
    }
}
