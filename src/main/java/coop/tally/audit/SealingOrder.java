package coop.tally.audit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Where leaves were moved, named only once a signed root failed to match. It rests on two orders
 * the sealer always keeps, and never on the order of entry ids along the leaves: an id is assigned
 * before its transaction commits, so an entry that commits after a neighbour with a larger id is
 * sealed after it (see {@link Sealer}), and such a late commit is no sign of tampering.
 *
 * <ol>
 *   <li>The sealer is one writer that only appends, stamping each pass's leaves with the time of
 *       the pass: {@code sealed_at} never decreases along the leaf indexes.</li>
 *   <li>Within one pass (a run of leaves with the same {@code sealed_at}) it appends the entries it
 *       found in ascending id order: entry ids strictly increase within a run.</li>
 * </ol>
 *
 * The leaves named are those outside a longest subsequence that keeps the first order, plus, within
 * each run, those outside a longest subsequence that keeps the second: the fewest leaves that, put
 * back, restore both (after two leaf rows were swapped, exactly those two, when at least two leaves
 * of other passes lie between them). A leaf whose entry was moved to an earlier leaf without its
 * {@code sealed_at} is named by verification as posted after its sealing instead.
 */
final class SealingOrder {

    private SealingOrder() {
    }

    /** Leaf indexes that break the sealer's orders; {@code sealedAt} in microseconds, both indexed by leaf. */
    static List<Long> displaced(long[] entryIds, long[] sealedAt, int size) {
        boolean[] kept = longestChain(sealedAt, 0, size, false);
        int runStart = 0;
        for (int i = 1; i <= size; i++) {
            if (i == size || sealedAt[i] != sealedAt[runStart]) {
                boolean[] inRun = longestChain(entryIds, runStart, i, true);
                for (int j = runStart; j < i; j++) {
                    kept[j] &= inRun[j];
                }
                runStart = i;
            }
        }
        List<Long> displaced = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            if (!kept[i]) {
                displaced.add((long) i);
            }
        }
        return displaced;
    }

    /**
     * Marks the positions in [from, to) of one longest increasing subsequence of {@code values}
     * (strictly increasing, or never decreasing), in O(n log n); positions outside the range stay true.
     */
    private static boolean[] longestChain(long[] values, int from, int to, boolean strict) {
        int n = to - from;
        int[] tailPosition = new int[n];
        int[] previous = new int[n];
        int length = 0;
        for (int i = 0; i < n; i++) {
            long value = values[from + i];
            // the first tail that this value may replace: >= value (strict) or > value (non-decreasing)
            int low = 0;
            int high = length;
            while (low < high) {
                int middle = (low + high) >>> 1;
                long tail = values[from + tailPosition[middle]];
                if (strict ? tail < value : tail <= value) {
                    low = middle + 1;
                } else {
                    high = middle;
                }
            }
            tailPosition[low] = i;
            previous[i] = low > 0 ? tailPosition[low - 1] : -1;
            if (low == length) {
                length++;
            }
        }
        boolean[] kept = new boolean[values.length];
        Arrays.fill(kept, true);
        Arrays.fill(kept, from, to, false);
        for (int i = length == 0 ? -1 : tailPosition[length - 1]; i >= 0; i = previous[i]) {
            kept[from + i] = true;
        }
        return kept;
    }
}
