package org.pactsim.io.onnx;

import java.util.Arrays;

/** A growable array of longs: repeated int64 fields of unknown length, without boxing. */
final class LongList {
    private long[] a = new long[8];
    private int n;

    void add(long v) {
        if (n == a.length) {
            a = Arrays.copyOf(a, n * 2);
        }
        a[n++] = v;
    }

    int size() {
        return n;
    }

    long[] toArray() {
        return Arrays.copyOf(a, n);
    }
}
