package coop.tally.audit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The journal as verification recomputed it: entry ids in ascending order with their leaf hashes,
 * commit times, MAC verdicts, business dates, approvals and leaf indexes, in flat arrays (about 80
 * bytes an entry) so that a million entries fit easily.
 */
final class EntryHashes {

    private long[] ids = new long[1024];
    private long[] postedAtMicros = new long[1024];
    private byte[] hashes = new byte[1024 * Merkle.HASH_BYTES];
    private boolean[] sealed = new boolean[1024];
    private boolean[] decoded = new boolean[1024];
    private byte[] macs = new byte[1024];
    private long[] businessDays = new long[1024];
    private long[] approvalIds = new long[1024];
    private long[] leafIndexes = new long[1024];
    private int size;
    /** The few entries whose rows show problems by themselves, by position. */
    private final Map<Integer, List<Problem>> problems = new HashMap<>();
    /** Entries read without locks that were not there when read again as committed (rolled back). */
    private final BitSet gone = new BitSet();

    private static final long NONE = Long.MIN_VALUE;

    /**
     * Appends an entry; ids must come in ascending order. A null hash marks an entry that does not
     * decode; the business date and approval may be null.
     */
    void add(long id, long postedAt, byte[] hash, Authenticity.Mac mac, LocalDate businessDate, Long approvalId) {
        if (size == ids.length) {
            int capacity = size * 2;
            ids = Arrays.copyOf(ids, capacity);
            postedAtMicros = Arrays.copyOf(postedAtMicros, capacity);
            hashes = Arrays.copyOf(hashes, capacity * Merkle.HASH_BYTES);
            sealed = Arrays.copyOf(sealed, capacity);
            decoded = Arrays.copyOf(decoded, capacity);
            macs = Arrays.copyOf(macs, capacity);
            businessDays = Arrays.copyOf(businessDays, capacity);
            approvalIds = Arrays.copyOf(approvalIds, capacity);
            leafIndexes = Arrays.copyOf(leafIndexes, capacity);
        }
        ids[size] = id;
        leafIndexes[size] = NONE;
        replace(size++, postedAt, hash, mac, businessDate, approvalId);
    }

    int size() {
        return size;
    }

    /** Sets what was recomputed for the entry at {@code position} (again, after reading it again); as {@link #add}. */
    void replace(int position, long postedAt, byte[] hash, Authenticity.Mac mac, LocalDate businessDate, Long approvalId) {
        postedAtMicros[position] = postedAt;
        decoded[position] = hash != null;
        macs[position] = (byte) mac.ordinal();
        businessDays[position] = businessDate == null ? NONE : businessDate.toEpochDay();
        approvalIds[position] = approvalId == null ? NONE : approvalId;
        if (hash != null) {
            System.arraycopy(hash, 0, hashes, position * Merkle.HASH_BYTES, Merkle.HASH_BYTES);
        }
    }

    /** The problems the entry's rows show by themselves (replacing any noted before). */
    void noteProblems(int position, List<Problem> found) {
        if (found.isEmpty()) {
            problems.remove(position);
        } else {
            problems.put(position, List.copyOf(found));
        }
    }

    /** Whether the entry's rows looked wrong: unreadable, a problem of their own, or a MAC that does not verify. */
    boolean doubtful(int position) {
        return !decoded[position] || problems.containsKey(position) || macs[position] != Authenticity.Mac.VERIFIES.ordinal();
    }

    /** The entry read at first was gone when read again: a posting that rolled back. */
    void markGone(int position) {
        gone.set(position);
        problems.remove(position);
    }

    boolean isGone(int position) {
        return gone.get(position);
    }

    /** Every entry's own problems, in entry order. */
    List<Problem> problems() {
        List<Problem> all = new ArrayList<>();
        problems.keySet().stream().sorted().forEach(position -> all.addAll(problems.get(position)));
        return all;
    }

    /** Position of the entry, or -1. */
    int find(long id) {
        int at = Arrays.binarySearch(ids, 0, size, id);
        return at < 0 ? -1 : at;
    }

    long id(int position) {
        return ids[position];
    }

    long postedAtMicros(int position) {
        return postedAtMicros[position];
    }

    byte[] hash(int position) {
        return Arrays.copyOfRange(hashes, position * Merkle.HASH_BYTES, (position + 1) * Merkle.HASH_BYTES);
    }

    boolean decoded(int position) {
        return decoded[position];
    }

    void markSealed(int position, long leafIndex) {
        sealed[position] = true;
        leafIndexes[position] = leafIndex;
    }

    /** The leaf that seals the entry, or null. */
    Long leafIndex(int position) {
        return sealed[position] ? leafIndexes[position] : null;
    }

    Authenticity.Mac mac(int position) {
        return MAC_VERDICTS[macs[position]];
    }

    private static final Authenticity.Mac[] MAC_VERDICTS = Authenticity.Mac.values();

    /** The entry's business date, or null when it did not decode. */
    LocalDate businessDate(int position) {
        return businessDays[position] == NONE ? null : LocalDate.ofEpochDay(businessDays[position]);
    }

    /** The approval the entry was posted under, or null. */
    Long approvalId(int position) {
        return approvalIds[position] == NONE ? null : approvalIds[position];
    }

    boolean isSealed(int position) {
        return sealed[position];
    }
}
