package coop.tally.audit;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Rows read in storage order put back in key order, or refused when one lies beyond the window. */
class ReorderWindowTest {

    private static List<Integer> drain(ReorderWindow<Integer> window, List<Integer> input) {
        List<Integer> output = new ArrayList<>();
        for (Integer row : input) {
            Integer released = window.add(row);
            if (released != null) {
                output.add(released);
            }
        }
        for (Integer row = window.poll(); row != null; row = window.poll()) {
            output.add(row);
        }
        return output;
    }

    @Test
    void rowsInOrderPassThrough() {
        List<Integer> rows = IntStream.range(0, 100).boxed().toList();
        assertEquals(rows, drain(new ReorderWindow<>(8, Comparator.naturalOrder()), rows));
        assertEquals(rows, drain(new ReorderWindow<>(1, Comparator.naturalOrder()), rows));
    }

    @Test
    void rowsDisplacedWithinTheWindowComeOutInOrder() {
        Random random = new Random(42);
        for (int trial = 0; trial < 50; trial++) {
            int window = 1 + random.nextInt(16);
            List<Integer> rows = new ArrayList<>(IntStream.range(0, 500).boxed().toList());
            // swap neighbours at most window apart, each row moving at most once
            for (int i = 0; i + window < rows.size(); i += window + 1) {
                int j = i + random.nextInt(window + 1);
                Integer held = rows.get(i);
                rows.set(i, rows.get(j));
                rows.set(j, held);
            }
            List<Integer> sorted = rows.stream().sorted().toList();
            assertEquals(sorted, drain(new ReorderWindow<>(window, Comparator.naturalOrder()), rows), "window " + window);
        }
    }

    @Test
    void aRowDisplacedBeyondTheWindowIsRefused() {
        List<Integer> rows = new ArrayList<>(IntStream.range(1, 20).boxed().toList());
        rows.add(0); // the smallest row comes last, 19 rows late
        assertThrows(ReorderWindow.Displaced.class, () -> drain(new ReorderWindow<>(4, Comparator.naturalOrder()), rows));
        assertEquals(IntStream.range(0, 20).boxed().toList(), drain(new ReorderWindow<>(19, Comparator.naturalOrder()), rows));
    }

    @Test
    void anEmptyTableGivesNothing() {
        assertNull(new ReorderWindow<Integer>(4, Comparator.naturalOrder()).poll());
    }
}
