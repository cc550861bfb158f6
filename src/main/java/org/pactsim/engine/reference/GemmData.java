package org.pactsim.engine.reference;

import java.util.SplittableRandom;

/**
 * The values of one GEMM {@code O[MxN] = I[MxK] * W[KxN]}: random signed inputs and weights of
 * the PE's activation and weight widths, and the ofmap SRAM the array writes its (partial)
 * outputs to. The store remembers how many times each output was written, so a partial sum
 * read back before the previous row fold wrote it is caught as a hazard, not silently used.
 */
final class GemmData {
    final int m;
    final int n;
    final int k;
    final long[] input;
    final long[] weight;
    private final long[] ofmap;
    private final int[] writes;

    GemmData(int m, int n, int k, int activationBits, int weightBits, SplittableRandom rnd) {
        this.m = m;
        this.n = n;
        this.k = k;
        this.input = random(m * k, activationBits, rnd);
        this.weight = random(k * n, weightBits, rnd);
        this.ofmap = new long[m * n];
        this.writes = new int[m * n];
    }

    /** Given operands, row-major: {@code input} is {@code M x K}, {@code weight} {@code K x N}. */
    GemmData(int m, int n, int k, long[] input, long[] weight) {
        if (input.length != m * k || weight.length != k * n) {
            throw new IllegalArgumentException("operands do not match " + m + "x" + n + "x" + k);
        }
        this.m = m;
        this.n = n;
        this.k = k;
        this.input = input.clone();
        this.weight = weight.clone();
        this.ofmap = new long[m * n];
        this.writes = new int[m * n];
    }

    /** The ofmap SRAM's content: the outputs after the last row fold. */
    long[] outputs() {
        return ofmap.clone();
    }

    /** Uniform signed {@code bits}-bit two's complement values. */
    static long[] random(int count, int bits, SplittableRandom rnd) {
        long[] v = new long[count];
        long lo = -(1L << (bits - 1));
        long span = 1L << bits;
        for (int i = 0; i < count; i++) {
            v[i] = lo + rnd.nextLong(span);
        }
        return v;
    }

    long input(int row, int col) {
        return input[row * k + col];
    }

    long weight(int row, int col) {
        return weight[row * n + col];
    }

    /** Writes output {@code (row, col)} as its {@code pass}-th write (0-based). */
    void write(int row, int col, long value, int pass) {
        int i = row * n + col;
        if (writes[i] != pass) {
            throw new IllegalStateException("output (" + row + "," + col + ") written as pass " + pass
                    + " after " + writes[i] + " writes");
        }
        ofmap[i] = value;
        writes[i]++;
    }

    /** Reads back the partial sum of {@code (row, col)} that pass {@code pass - 1} wrote. */
    long readPartial(int row, int col, int pass) {
        int i = row * n + col;
        if (writes[i] != pass) {
            throw new IllegalStateException("partial sum (" + row + "," + col + ") read for pass " + pass
                    + " after " + writes[i] + " writes: read-after-write hazard");
        }
        return ofmap[i];
    }

    /** The plain triple loop, accumulating along {@code k} in increasing order. */
    long[] naive(Accumulator acc) {
        long[] o = new long[m * n];
        for (int r = 0; r < m; r++) {
            for (int c = 0; c < n; c++) {
                long s = 0;
                for (int t = 0; t < k; t++) {
                    s = acc.mac(s, input[r * k + t], weight[t * n + c]);
                }
                o[r * n + c] = s;
            }
        }
        return o;
    }

    /** Compares the ofmap SRAM, after {@code passes} writes of every output, with the naive GEMM. */
    GemmCheck check(Accumulator acc, int passes) {
        long[] want = naive(acc);
        long bad = 0;
        String first = null;
        for (int i = 0; i < want.length; i++) {
            boolean ok = writes[i] == passes && ofmap[i] == want[i];
            if (!ok) {
                if (first == null) {
                    first = "O[" + i / n + "][" + i % n + "] = " + ofmap[i] + " after " + writes[i]
                            + " writes, expected " + want[i] + " after " + passes;
                }
                bad++;
            }
        }
        return new GemmCheck(want.length, bad, first);
    }
}
