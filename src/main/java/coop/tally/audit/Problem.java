package coop.tally.audit;

/**
 * One finding of verification. Exactly the fields that locate it are set; the others are null.
 *
 * @param kind       stable code, e.g. LEAF_HASH_MISMATCH
 * @param entryId    the journal entry concerned, or null
 * @param leafIndex  the leaf concerned, or null
 * @param checkpoint the checkpoint id concerned, or null
 * @param log        the sealed log concerned (call_event or security_event), or null for the journal
 * @param rowId      the id of the row of that log, or null
 * @param detail     a sentence for people
 */
public record Problem(String kind, Long entryId, Long leafIndex, Long checkpoint, String log, Long rowId,
                      String detail) {

    static Problem entry(String kind, long entryId, Long leafIndex, String detail) {
        return new Problem(kind, entryId, leafIndex, null, null, null, detail);
    }

    static Problem leaf(String kind, long leafIndex, Long entryId, String detail) {
        return new Problem(kind, entryId, leafIndex, null, null, null, detail);
    }

    static Problem checkpoint(String kind, long checkpoint, String detail) {
        return new Problem(kind, null, null, checkpoint, null, null, detail);
    }

    /** A finding about a checkpoint of a sealed log. */
    static Problem logCheckpoint(String kind, String log, long checkpoint, String detail) {
        return new Problem(kind, null, null, checkpoint, log, null, detail);
    }

    /** A finding in a sealed log: the log, and the row id and leaf index where known. */
    static Problem logRow(String kind, String log, Long rowId, Long leafIndex, String detail) {
        return new Problem(kind, null, leafIndex, null, log, rowId, detail);
    }
}
