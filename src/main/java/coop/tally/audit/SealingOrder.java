package coop.tally.audit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Where leaves were moved. The sealer appends entries in ascending id order (only an entry whose
 * commit was late lands after a larger id), so the entry ids along the leaves form an increasing
 * sequence with few exceptions. The leaves outside one longest increasing subsequence are the
 * fewest that, put back, restore that order: after two leaf rows were swapped, exactly those two
 * (when at least two leaves lie between them). Used only to point at suspects once a signed root
 * failed to match, since a late commit alone also breaks the order.
 */
final class SealingOrder {

    private SealingOrder() {
    }

    /** Positions (leaf indexes) not in a longest strictly increasing subsequence of {@code entryIds}. */
    static List<Long> displaced(long[] entryIds, int size) {
        int[] tailPosition = new int[size];
        int[] previous = new int[size];
        long[] tailValue = new long[size];
        int length = 0;
        for (int i = 0; i < size; i++) {
            int at = Arrays.binarySearch(tailValue, 0, length, entryIds[i]);
            if (at < 0) {
                at = -at - 1;
            }
            tailValue[at] = entryIds[i];
            tailPosition[at] = i;
            previous[i] = at > 0 ? tailPosition[at - 1] : -1;
            if (at == length) {
                length++;
            }
        }
        boolean[] kept = new boolean[size];
        for (int i = length == 0 ? -1 : tailPosition[length - 1]; i >= 0; i = previous[i]) {
            kept[i] = true;
        }
        List<Long> displaced = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            if (!kept[i]) {
                displaced.add((long) i);
            }
        }
        return displaced;
    }
}
