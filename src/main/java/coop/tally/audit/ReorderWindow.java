package coop.tally.audit;

import java.util.Comparator;

/**
 * Puts back in key order the rows of an append-only table read in storage order, which is nearly
 * key order: the rows of concurrent transactions can be stored a little out of their key order (an
 * entry's id is taken before its rows are written). It holds the last {@code window} rows, sorted,
 * and lets the smallest go as each new one comes. A row that comes after a larger one has already
 * gone was displaced further than the window: the order cannot be restored, and the reader must read
 * again in key order ({@link Displaced}).
 *
 * <p>Nearly ordered input costs one comparison a row (insertion from the newest end).
 *
 * @param <T> a row
 */
final class ReorderWindow<T> {

    /** A row came after a larger one had gone: read again in key order. */
    static final class Displaced extends RuntimeException {
        Displaced() {
            super("a row was stored further from its key order than the reorder window", null, false, false);
        }
    }

    private final Comparator<? super T> order;
    private final Object[] ring;
    private int head;
    private int size;
    private T released;

    ReorderWindow(int window, Comparator<? super T> order) {
        if (window < 1) {
            throw new IllegalArgumentException("The window holds one row or more");
        }
        this.order = order;
        this.ring = new Object[window + 1];
    }

    /**
     * Takes the next row read; returns the smallest row held once more than the window is held,
     * else null. Throws {@link Displaced} when the row is smaller than one already returned.
     */
    T add(T row) {
        if (released != null && order.compare(row, released) < 0) {
            throw new Displaced();
        }
        int at = size;
        while (at > 0 && order.compare(get(at - 1), row) > 0) {
            set(at, get(at - 1));
            at--;
        }
        set(at, row);
        size++;
        return size == ring.length ? poll() : null;
    }

    /** The smallest row held, or null when none is: what is left at the end of the table. */
    T poll() {
        if (size == 0) {
            return null;
        }
        T first = get(0);
        ring[head] = null;
        head = (head + 1) % ring.length;
        size--;
        released = first;
        return first;
    }

    @SuppressWarnings("unchecked")
    private T get(int offset) {
        return (T) ring[(head + offset) % ring.length];
    }

    private void set(int offset, T row) {
        ring[(head + offset) % ring.length] = row;
    }
}
