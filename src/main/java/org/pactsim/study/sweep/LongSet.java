package org.pactsim.study.sweep;

import java.util.Arrays;

/**
 * A set of non-negative longs (grid indices) in one open-addressing table: 16 to 32 bytes per
 * member instead of the ~60 of a {@code HashSet<Long>}, and no garbage, so drawing a sample of
 * 10^7 points costs a 268 MB table for the time of the draw, not a gigabyte of boxed nodes.
 */
final class LongSet {
    private static final long EMPTY = -1;
    private final long[] table;
    private final int mask;
    private int size;

    /** A set for up to {@code capacity} members (at most 2^29). */
    LongSet(int capacity) {
        if (capacity < 0 || capacity > (1 << 29)) {
            throw new IllegalArgumentException("capacity " + capacity);
        }
        int n = Integer.highestOneBit(Math.max(16, capacity * 2 - 1)) << 1;
        table = new long[n];
        Arrays.fill(table, EMPTY);
        mask = n - 1;
    }

    /** Adds {@code v}; returns whether it was new. */
    boolean add(long v) {
        if (v < 0) {
            throw new IllegalArgumentException("negative " + v);
        }
        int i = (int) ((v * 0x9E3779B97F4A7C15L) >>> 35) & mask;
        while (table[i] != EMPTY) {
            if (table[i] == v) {
                return false;
            }
            i = (i + 1) & mask;
        }
        if (size == table.length / 2) {
            throw new IllegalStateException("set full: " + size);
        }
        table[i] = v;
        size++;
        return true;
    }

    int size() {
        return size;
    }
}
