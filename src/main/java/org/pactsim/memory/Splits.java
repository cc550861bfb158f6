package org.pactsim.memory;

import static java.lang.Math.addExact;
import static java.lang.Math.multiplyExact;

import java.util.ArrayList;
import java.util.List;

/** The arithmetic of splitting a layer over the cores: which grids, and bits summed over cores. */
final class Splits {
    private Splits() {
    }

    /**
     * Two-dimensional splits over the cores, {@code mPxnQ}: P groups of output pixels by Q
     * groups of output channels, P, Q >= 2: those with {@code Q = floor(cores / P)} that use
     * at least 7/8 of the cores, the most cores first, at most 8; where there are fewer than 2
     * such grids (5 or 7 cores have none), grids that leave more cores idle ({@code Q} one
     * less, or under 7/8), the most cores first, up to 2 in all: a chip of 7 cores may run a
     * layer as 3 x 2 as a chip of 6 would.
     */
    static List<org.pactsim.mapping.Split> grids(int cores, long m, long n) {
        List<long[]> g = new ArrayList<>();
        for (int p = 2; p <= cores / 2; p++) {
            int q = cores / p;
            if (q >= 2 && (long) p * q * 8 >= 7L * cores && p <= m && q <= n) {
                g.add(new long[] {p, q});
            }
        }
        java.util.Comparator<long[]> mostCores = (a, b) -> Long.compare(b[0] * b[1], a[0] * a[1]);
        g.sort(mostCores);
        int limit = 8;
        if (g.size() < 2) {
            // few cores: grids that leave more of them idle, the most cores first
            List<long[]> idle = new ArrayList<>();
            for (int p = 2; p <= cores / 2; p++) {
                for (int q = Math.max(2, cores / p - 1); q <= cores / p; q++) {
                    boolean taken = q == cores / p && (long) p * q * 8 >= 7L * cores;
                    if (!taken && p <= m && q <= n) {
                        idle.add(new long[] {p, q});
                    }
                }
            }
            idle.sort(mostCores);
            g.addAll(idle);
            limit = 2;
        }
        List<org.pactsim.mapping.Split> out = new ArrayList<>();
        for (int i = 0; i < Math.min(limit, g.size()); i++) {
            out.add(org.pactsim.mapping.Split.grid(g.get(i)[0], g.get(i)[1]));
        }
        return out;
    }

    /** Bits over a P x Q grid of cores: the full shares, the two edges and the corner. */
    static long gridBits(long full, long lastRow, long lastCol, long corner, long p, long q) {
        long s = multiplyExact(full, multiplyExact(p - 1, q - 1));
        s = addExact(s, multiplyExact(lastRow, q - 1));
        s = addExact(s, multiplyExact(lastCol, p - 1));
        return addExact(s, corner);
    }

    /**
     * Whether a choice's tiles read an operand more than once or spill partial sums: only
     * then can more room for tiles move less.
     */
    static boolean rereads(Choice c) {
        Tiling t = c.split().tiling();
        GemmOperands o = c.split().ops();
        return t.psumReadBits() > 0 || t.aReadBits() > multiplyExact(o.aTensorBits(), o.reps())
                || t.bReadBits() > multiplyExact(o.bTensorBits(), o.reps());
    }

    /** Bits over {@code copies} cores: one copy (broadcast), or each core's own, the last at its remainder. */
    static long sum(long each, long last, long copies) {
        return copies == 1 ? each : addExact(multiplyExact(each, copies - 1), last);
    }

    /** {@code total * part / whole}, rounded down, without overflow in the product. */
    static long proportion(long total, long part, long whole) {
        long hi = Math.multiplyHigh(total, part);
        if (hi == 0 && total * part >= 0) {
            return total * part / whole;
        }
        return java.math.BigInteger.valueOf(total).multiply(java.math.BigInteger.valueOf(part))
                .divide(java.math.BigInteger.valueOf(whole)).longValueExact();
    }

    /**
     * An extent (pixels, channels, groups or K) divided over at most {@code parts} cores: each
     * takes {@code each}, {@code count} cores take part, the last one {@code last} (at most
     * {@code each}).
     */
    record Share(long extent, long each, long count, long last) {
        static Share of(long extent, long parts) {
            long each = org.pactsim.mapping.FoldGeometry.ceilDiv(extent, parts);
            long count = org.pactsim.mapping.FoldGeometry.ceilDiv(extent, each);
            return new Share(extent, each, count, extent - multiplyExact(each, count - 1));
        }

        /** A full share's bits of a tensor of {@code bits} spread along the extent (at least 1). */
        long part(long bits) {
            return Math.max(1, proportion(bits, each, extent));
        }

        /** The last share's bits: what the full shares leave of {@code bits} (at least 1). */
        long lastPart(long bits) {
            return Math.max(1, bits - multiplyExact(part(bits), count - 1));
        }
    }
}
