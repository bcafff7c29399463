package coop.tally.audit;

import java.util.Arrays;

/**
 * The journal as verification recomputed it: entry ids in ascending order with their leaf hashes
 * and commit times, in flat arrays (about 50 bytes an entry) so that a million entries fit easily.
 */
final class EntryHashes {

    private long[] ids = new long[1024];
    private long[] postedAtMicros = new long[1024];
    private byte[] hashes = new byte[1024 * Merkle.HASH_BYTES];
    private boolean[] sealed = new boolean[1024];
    private boolean[] decoded = new boolean[1024];
    private int size;

    /** Appends an entry; ids must come in ascending order. A null hash marks an entry that does not decode. */
    void add(long id, long postedAt, byte[] hash) {
        if (size == ids.length) {
            int capacity = size * 2;
            ids = Arrays.copyOf(ids, capacity);
            postedAtMicros = Arrays.copyOf(postedAtMicros, capacity);
            hashes = Arrays.copyOf(hashes, capacity * Merkle.HASH_BYTES);
            sealed = Arrays.copyOf(sealed, capacity);
            decoded = Arrays.copyOf(decoded, capacity);
        }
        ids[size] = id;
        postedAtMicros[size] = postedAt;
        decoded[size] = hash != null;
        if (hash != null) {
            System.arraycopy(hash, 0, hashes, size * Merkle.HASH_BYTES, Merkle.HASH_BYTES);
        }
        size++;
    }

    int size() {
        return size;
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

    void markSealed(int position) {
        sealed[position] = true;
    }

    boolean isSealed(int position) {
        return sealed[position];
    }
}
