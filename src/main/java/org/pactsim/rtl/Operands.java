package org.pactsim.rtl;

import java.util.SplittableRandom;
import org.pactsim.engine.reference.Accumulator;

/**
 * The values of one GEMM {@code O[MxN] = I[MxK] * W[KxN]}: uniform random signed inputs and
 * weights of the given widths, and its partial sums after each row fold of {@code R} rows of
 * {@code K} (what a WS/IS array writes after each pass), reduced to the accumulator (wrapping).
 */
final class Operands {
    final int m;
    final int n;
    final int k;
    final long[] input;
    final long[] weight;

    Operands(int m, int n, int k, int inputBits, int weightBits, SplittableRandom rnd) {
        this.m = m;
        this.n = n;
        this.k = k;
        this.input = random(m * k, inputBits, rnd);
        this.weight = random(k * n, weightBits, rnd);
    }

    private static long[] random(int count, int bits, SplittableRandom rnd) {
        long[] v = new long[count];
        long lo = -(1L << (bits - 1));
        for (int i = 0; i < count; i++) {
            v[i] = lo + rnd.nextLong(1L << bits);
        }
        return v;
    }

    long input(int row, int col) {
        return input[row * k + col];
    }

    long weight(int row, int col) {
        return weight[row * n + col];
    }

    /**
     * {@code [p][m * N + n]}: the sum over {@code k < min((p + 1) * rows, K)}, accumulated in
     * increasing {@code k} as the triple loop does; the last pass is the GEMM.
     */
    long[][] partials(int rows, Accumulator acc) {
        int passes = (k + rows - 1) / rows;
        long[][] out = new long[passes][];
        long[] cur = new long[m * n];
        for (int p = 0; p < passes; p++) {
            for (int r = 0; r < m; r++) {
                for (int c = 0; c < n; c++) {
                    long s = cur[r * n + c];
                    for (int t = p * rows; t < Math.min(k, (p + 1) * rows); t++) {
                        s = acc.mac(s, input[r * k + t], weight[t * n + c]);
                    }
                    cur[r * n + c] = s;
                }
            }
            out[p] = cur.clone();
        }
        return out;
    }
}
