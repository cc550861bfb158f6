package org.pactsim.engine;

import java.util.Arrays;

/**
 * A set of word addresses {@code 0 <= a < size} as a bit array that remembers which part it
 * touched, so clearing and combining cost the touched span, not the whole input.
 */
final class ScaleSimBits {
    /** Largest address space kept as bits: 2^30 addresses, 128 MiB. */
    static final long MAX_SIZE = 1L << 30;

    private final long[] words;
    private int lo;
    private int hi;

    ScaleSimBits(long size) {
        if (size > MAX_SIZE) {
            throw new IllegalArgumentException("address space " + size + " above " + MAX_SIZE);
        }
        words = new long[(int) ((size + 63) >>> 6)];
        lo = words.length;
        hi = -1;
    }

    boolean get(long a) {
        return (words[(int) (a >>> 6)] & (1L << a)) != 0;
    }

    void set(long a) {
        int i = (int) (a >>> 6);
        words[i] |= 1L << a;
        touch(i, i);
    }

    /** Adds {@code a}; true if it was not in the set. */
    boolean add(long a) {
        int i = (int) (a >>> 6);
        long bit = 1L << a;
        long word = words[i];
        if ((word & bit) != 0) {
            return false;
        }
        words[i] = word | bit;
        if (i < lo) {
            lo = i;
        }
        if (i > hi) {
            hi = i;
        }
        return true;
    }

    /** Sets addresses {@code from <= a < to}. */
    void setRange(long from, long to) {
        int i = (int) (from >>> 6);
        int j = (int) ((to - 1) >>> 6);
        long first = -1L << from;
        long last = -1L >>> -to;
        if (i == j) {
            words[i] |= first & last;
        } else {
            words[i] |= first;
            Arrays.fill(words, i + 1, j, -1L);
            words[j] |= last;
        }
        touch(i, j);
    }

    private void touch(int i, int j) {
        lo = Math.min(lo, i);
        hi = Math.max(hi, j);
    }

    /** How many addresses the set holds. */
    long count() {
        long n = 0;
        for (int i = lo; i <= hi; i++) {
            n += Long.bitCount(words[i]);
        }
        return n;
    }

    /** How many of this set's addresses are not in {@code other}. */
    long countNotIn(ScaleSimBits other) {
        long n = 0;
        for (int i = lo; i <= hi; i++) {
            n += Long.bitCount(words[i] & ~other.words[i]);
        }
        return n;
    }

    /** Adds every address of {@code other}. */
    void addAll(ScaleSimBits other) {
        for (int i = other.lo; i <= other.hi; i++) {
            words[i] |= other.words[i];
        }
        if (other.hi >= other.lo) {
            touch(other.lo, other.hi);
        }
    }

    /** The set's content: index of its first non-empty word, then the words up to its last non-empty one. */
    long[] snapshot() {
        int a = lo;
        int b = hi;
        while (a <= b && words[a] == 0) {
            a++;
        }
        while (b >= a && words[b] == 0) {
            b--;
        }
        long[] s = new long[Math.max(0, b - a + 1) + 1];
        s[0] = a <= b ? a : -1;
        if (a <= b) {
            System.arraycopy(words, a, s, 1, b - a + 1);
        }
        return s;
    }

    void clear() {
        if (hi >= lo) {
            Arrays.fill(words, lo, hi + 1, 0L);
        }
        lo = words.length;
        hi = -1;
    }
}
