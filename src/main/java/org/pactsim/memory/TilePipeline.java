package org.pactsim.memory;

import static java.lang.Math.addExact;
import static java.lang.Math.multiplyExact;

import java.math.BigInteger;
import org.pactsim.mapping.FoldGeometry;
import org.pactsim.spec.Dataflow;

/**
 * The double-buffered tile pipeline of one layer, exactly: what each tile loads, computes and
 * writes back, and when, on one DRAM channel. The memory model's layer cycles are this
 * pipeline's; {@code org.pactsim.memory.reference.SteppedPipeline} steps the same pipeline one
 * cycle at a time and its properties check the two agree exactly.
 *
 * <p><b>Tiles.</b> The GEMM is cut into tiles of {@code Mt x Nt x Kt} (the last ones smaller),
 * visited in the tiling's loop order, the {@code reps} GEMMs one after the other. A tile loads
 * (in this order) the A tile when A's tile index differs from the previous tile's, the B tile
 * likewise, and the partial sums of its output tile when it starts a later visit of that output
 * tile (K loop not innermost). The last tile of a visit writes the output tile back: partial
 * sums when K tiles remain, else the outputs (nothing when the output stays on chip). Operands
 * resident on chip are not loaded; weights that will stay on chip are loaded at their first
 * use ({@link Plan#weightLoadBits}). A tile's share of a tensor that is not a whole number of
 * bits per element (a convolution's input: {@link GemmOperands}) is the difference of the
 * rounded-down cumulative shares, so the tiles add up to the tensor exactly. Several cores run
 * in lockstep: each transfer carries every core's bits ({@link Plan} multipliers).
 *
 * <p><b>Compute.</b> A tile takes its folds times the fold span of its temporal extent
 * ({@code engine.FoldTiming}, double-buffered array); when the temporal tile loop is innermost
 * the temporal tiles of one spatial tile stream through the same folds, so only the last one
 * pays the fold skew {@code R + C - 2} (plus the multiplier's stages {@code LM}). The array's
 * one exposed {@code R} (first preload for WS/IS, last drain for OS) is charged to the first
 * (WS/IS) or last (OS) tile. An OS drain that holds the array past a fold's span (serial, or
 * wavefront with its hazard: {@code FoldTiming.period}) is charged to every fold but the
 * layer's last. The sum is {@link ComputeTime#cycles}.
 *
 * <p><b>Schedule.</b> Buffers are double-buffered: tile {@code t}'s loads may start when tile
 * {@code t-2} has finished computing (its halves are free). A transfer that finds the channel
 * idle waits the DRAM latency before its data flows; one queued behind a busy channel hides it
 * (requests are pipelined). Tile {@code t} computes when tile {@code t-1} has and its loads have arrived;
 * its write-back may start when it has computed. The channel serves transfers in the fixed
 * order {@code L0, L1, W0, L2, W1, L3, ..., W(T-2), W(T-1)} ({@code W(t-2)} before {@code L(t)}:
 * a revisited output tile's partial sums must be out before they are read back), one at a time,
 * at {@code 8 * bytesPerCycle} bits per cycle without gaps: a transfer starts when it is ready
 * and its predecessor is done, and ends (fractionally) after its bits; its data is usable from
 * the next cycle boundary. The layer ends when the last write-back is done.
 * Every step is a max or a sum of monotone terms, so more bandwidth never costs cycles.
 */
public final class TilePipeline {
    private TilePipeline() {
    }

    /**
     * One core's tiled GEMMs and what the transfers carry for all cores.
     *
     * @param aShare         A bits moved per bit of one core's A tile (cores, or 1 when broadcast)
     * @param bShare         the same for B
     * @param cShare         the same for partial sums and outputs (the active cores)
     * @param weightLoadBits weights loaded at first use and kept on chip (all cores), 0 if none;
     *                       only when B is resident ({@code tiling.bReadBits() == 0})
     * @param keepOutput     the outputs stay on chip: no output write-back
     * @param latencyCycles  DRAM latency of a request that finds the channel idle
     */
    public record Plan(GemmOperands g, Tiling tiling, long aShare, long bShare, long cShare, long weightLoadBits,
                       boolean keepOutput, long latencyCycles) {
        public Plan {
            if (aShare < 1 || bShare < 1 || cShare < 1 || weightLoadBits < 0 || latencyCycles < 0) {
                throw new IllegalArgumentException("shares >= 1, weight bits and latency >= 0");
            }
        }

        /** A single core's plan: nothing shared, no weight load, no latency. */
        public static Plan single(GemmOperands g, Tiling t, boolean keepOutput) {
            return new Plan(g, t, 1, 1, 1, 0, keepOutput, 0);
        }
    }

    /** Receives the tiles in order: bits loaded before, bits written after, compute cycles. */
    public interface Sink {
        void tile(long loadBits, long writeBits, long computeCycles);
    }

    /** The pipeline's figures: layer cycles, compute cycles, bits moved. */
    public record Result(long cycles, long computeCycles, long trafficBits) {
        public long stallCycles() {
            return cycles - computeCycles;
        }
    }

    /** The layer's cycles at {@code bytesPerCycle} (infinite: unlimited). Cost O(tiles). */
    public static Result run(Plan p, double bytesPerCycle) {
        Recurrence r = new Recurrence(8 * bytesPerCycle, p.latencyCycles());
        walk(p, r);
        return r.finish();
    }

    /**
     * Layers with more tiles than this are priced by {@code MemoryModel}'s bound
     * {@code max(fill + compute + drain, transfer)} instead: the pipeline costs O(tiles).
     */
    public static final long MAX_EXACT_TILES = 1L << 13;

    /** Tiles of the plan (all {@code reps} GEMMs); {@link Long#MAX_VALUE} past a long. */
    public static long tiles(Plan p) {
        GemmOperands g = p.g();
        Tiling t = p.tiling();
        long n = 1;
        for (long f : new long[] {FoldGeometry.ceilDiv(g.m(), Math.min(t.mt(), g.m())),
                FoldGeometry.ceilDiv(g.n(), Math.min(t.nt(), g.n())),
                FoldGeometry.ceilDiv(g.k(), Math.min(t.kt(), g.k())), g.reps()}) {
            if (Math.multiplyHigh(n, f) != 0 || n * f < 0) {
                return Long.MAX_VALUE;
            }
            n *= f;
        }
        return n;
    }

    /** Cycles to move {@code bits} at {@code bitsPerCycle}, exactly rounded up (0 if unlimited). */
    public static long ceilCycles(long bits, double bitsPerCycle) {
        if (bits == 0 || Double.isInfinite(bitsPerCycle)) {
            return 0;
        }
        double q = Math.ceil(bits / bitsPerCycle);
        if (!(q < 0x1p53)) {
            throw new ArithmeticException("transfer cycles");
        }
        long c = (long) q;
        double b = bits;
        while (c > 0 && Math.fma((double) (c - 1), bitsPerCycle, -b) >= 0) {
            c--;
        }
        while (Math.fma((double) c, bitsPerCycle, -b) < 0) {
            c++;
        }
        return c;
    }

    /** The event recurrence of the schedule (class javadoc), one tile at a time. */
    private static final class Recurrence implements Sink {
        final double b8;
        final long latency;
        long t;
        long ce1;
        long ce2;
        long w1;
        long w2;
        long chainStart;
        long chainBits;
        long end;
        long compute;
        long traffic;

        Recurrence(double b8, long latency) {
            this.b8 = b8;
            this.latency = latency;
        }

        void issue(long ready, long bits) {
            if (ready < end) {
                if (bits == 0) {
                    return;
                }
                chainBits = addExact(chainBits, bits);
            } else {
                // an idle interface: the request waits its latency before data flows (none for no data)
                chainStart = bits == 0 ? ready : addExact(ready, latency);
                chainBits = bits;
            }
            end = addExact(chainStart, ceilCycles(chainBits, b8));
        }

        @Override
        public void tile(long loadBits, long writeBits, long computeCycles) {
            if (t >= 2) {
                issue(ce2, w2);
            }
            issue(t <= 1 ? 0 : ce2, loadBits);
            long ce = addExact(Math.max(ce1, end), computeCycles);
            ce2 = ce1;
            ce1 = ce;
            w2 = w1;
            w1 = writeBits;
            compute = addExact(compute, computeCycles);
            traffic = addExact(traffic, addExact(loadBits, writeBits));
            t++;
        }

        Result finish() {
            if (t >= 2) {
                issue(ce2, w2);
            }
            if (t >= 1) {
                issue(ce1, w1);
            }
            return new Result(Math.max(end, ce1), compute, traffic);
        }
    }

    /** Feeds every tile of the plan to {@code sink}, in order. */
    public static void walk(Plan p, Sink sink) {
        GemmOperands g = p.g();
        Tiling tl = p.tiling();
        long m = g.m();
        long n = g.n();
        long k = g.k();
        long mt = Math.min(tl.mt(), m);
        long nt = Math.min(tl.nt(), n);
        long kt = Math.min(tl.kt(), k);
        long nM = FoldGeometry.ceilDiv(m, mt);
        long nN = FoldGeometry.ceilDiv(n, nt);
        long nK = FoldGeometry.ceilDiv(k, kt);
        String ord = tl.order().name();
        // pos[d]: which of i (1), j (2), kk (3) tile-loop digit d (outermost first) counts.
        int[] pos = new int[3];
        long[] ext = new long[4];
        ext[0] = g.reps();
        for (int d = 0; d < 3; d++) {
            char c = ord.charAt(d);
            pos[d] = c == 'M' ? 1 : c == 'N' ? 2 : 3;
            ext[pos[d]] = c == 'M' ? nM : c == 'N' ? nN : nK;
        }
        long total = multiplyExact(multiplyExact(multiplyExact(nM, nN), nK), g.reps());
        boolean aLoads = tl.aReadBits() > 0;
        boolean bLoads = tl.bReadBits() > 0;
        long wBits = bLoads ? 0 : p.weightLoadBits();
        long rows = g.array().rows();
        long cols = g.array().cols();
        // the fold skew R + C - 2, and the multiplier's pipeline stages, paid once per fold
        long skew = rows + cols - 2 + g.array().multiplierStages();
        char temporal = g.temporal();
        boolean merged = tl.order().innermost() == temporal;
        boolean os = g.dataflow() == Dataflow.OS;
        long tExt = temporal == 'm' ? m : temporal == 'n' ? n : k;
        long tTile = temporal == 'm' ? mt : temporal == 'n' ? nt : kt;
        long nT = FoldGeometry.ceilDiv(tExt, tTile);
        long mk = multiplyExact(m, k);
        long kn = multiplyExact(k, n);
        long knAll = multiplyExact(kn, g.reps());
        boolean aDense = g.aTensorBits() % mk == 0;
        boolean bDense = g.bTensorBits() % kn == 0;
        int acc = g.accElemBits();
        int out = g.outElemBits();
        // idx[0] = rep, idx[1] = i, idx[2] = j, idx[3] = kk; nxt: the next tile's.
        // Compute cycles of a tile by shape (which of its dimensions are last tiles); a merged
        // temporal tile's also depends on where it starts unless a full temporal tile is a
        // whole number of PE-cycles.
        long[] computeOf = new long[8];
        java.util.Arrays.fill(computeOf, -1);
        boolean uniformRate = multiplyExact(tTile, g.rate().peCycles()) % g.rate().macs() == 0;
        long[] idx = new long[4];
        long[] nxt = new long[4];
        int inner = pos[2];
        int middle = pos[1];
        int outer = pos[0];
        long prevA = -1;
        long prevB = -1;
        long prevC = -1;
        for (long x = 0; x < total; x++) {
            long r = idx[0];
            long i = idx[1];
            long j = idx[2];
            long kk = idx[3];
            System.arraycopy(idx, 0, nxt, 0, 4);
            if (++nxt[inner] == ext[inner]) {
                nxt[inner] = 0;
                if (++nxt[middle] == ext[middle]) {
                    nxt[middle] = 0;
                    if (++nxt[outer] == ext[outer]) {
                        nxt[outer] = 0;
                        nxt[0]++;
                    }
                }
            }
            long mi = Math.min(mt, m - i * mt);
            long nj = Math.min(nt, n - j * nt);
            long kq = Math.min(kt, k - kk * kt);
            long aKey = (r * nM + i) * nK + kk;
            long bKey = (r * nK + kk) * nN + j;
            long cKey = (r * nM + i) * nN + j;
            long load = 0;
            if (aLoads && aKey != prevA) {
                long a = aDense ? g.aTensorBits() / mk * (mi * kq)
                        : share(g.aTensorBits(), i * mt * k + mi * kk * kt, mi * kq, mk);
                load = multiplyExact(p.aShare(), a);
            }
            if (bLoads && bKey != prevB) {
                long b = bDense ? g.bTensorBits() / kn * (kq * nj)
                        : share(g.bTensorBits(), kk * kt * n + kq * j * nt, kq * nj, kn);
                load = addExact(load, multiplyExact(p.bShare(), b));
            } else if (wBits > 0 && i == 0) {
                load = addExact(load, share(wBits, r * kn + kk * kt * n + kq * j * nt, kq * nj, knAll));
            }
            long outs = multiplyExact(mi * nj, p.cShare());
            if (kk > 0 && cKey != prevC) {
                load = addExact(load, multiplyExact(outs, acc));
            }
            long write = 0;
            if (x + 1 == total || nxt[0] != r || nxt[1] != i || nxt[2] != j) {
                write = kk == nK - 1 ? (p.keepOutput() ? 0 : multiplyExact(outs, out)) : multiplyExact(outs, acc);
            }
            long tIdx = temporal == 'm' ? i : temporal == 'n' ? j : kk;
            // Tiles differ only in which of their dimensions are last (smaller) tiles.
            int shape = (i == nM - 1 ? 1 : 0) | (j == nN - 1 ? 2 : 0) | (kk == nK - 1 ? 4 : 0);
            long c;
            if (merged && !uniformRate) {
                c = tileCompute(g, mi, nj, kq, true, tIdx, tTile, nT, skew);
            } else {
                if (computeOf[shape] < 0) {
                    computeOf[shape] = tileCompute(g, mi, nj, kq, merged, tIdx, tTile, nT, skew);
                }
                c = computeOf[shape];
            }
            if (!os && x == 0) {
                c = addExact(c, rows); // WS/IS: the first preload
            }
            if (x == total - 1) {
                // The last fold: its own drain hold (charged to every fold by tileCompute; negative
                // for pipelined folds) is not paid, and OS's last drain is
                c = addExact(c, (os ? rows : 0) - ComputeTime.drainHold(g, merged ? tExtent(g) : tSizeOf(g, mi, nj, kq)));
            }
            sink.tile(load, write, c);
            prevA = aKey;
            prevB = bKey;
            prevC = cKey;
            long[] sw = idx;
            idx = nxt;
            nxt = sw;
        }
    }

    /** A tile's folds times its fold span (only the streaming part for a merged temporal tile but the last). */
    private static long tileCompute(GemmOperands g, long mi, long nj, long kq, boolean merged, long tIdx, long tTile,
                                    long nT, long skew) {
        long rowsT = g.dataflow() == Dataflow.OS ? mi : kq;
        long colsT = g.dataflow() == Dataflow.IS ? mi : nj;
        long tSize = tSizeOf(g, mi, nj, kq);
        long folds = multiplyExact(FoldGeometry.ceilDiv(rowsT, g.array().rows()),
                FoldGeometry.ceilDiv(colsT, g.array().cols()));
        long stream;
        if (merged) {
            long from = multiplyExact(tIdx, tTile);
            stream = g.rate().peCyclesFor(from + tSize) - g.rate().peCyclesFor(from)
                    + (tIdx == nT - 1 ? skew + ComputeTime.drainHold(g, tExtent(g)) : 0);
        } else {
            stream = addExact(addExact(g.rate().peCyclesFor(tSize), skew), ComputeTime.drainHold(g, tSize));
        }
        return multiplyExact(folds, stream);
    }

    /** The GEMM's temporal extent: the length of a merged fold's stream. */
    private static long tExtent(GemmOperands g) {
        char t = g.temporal();
        return t == 'm' ? g.m() : t == 'n' ? g.n() : g.k();
    }

    private static long tSizeOf(GemmOperands g, long mi, long nj, long kq) {
        char t = g.temporal();
        return t == 'm' ? mi : t == 'n' ? nj : kq;
    }

    /**
     * Bits of the elements {@code [start, start + count)} of a tensor of {@code total} elements
     * and {@code bits} bits: the difference of the rounded-down cumulative shares.
     */
    static long share(long bits, long start, long count, long total) {
        return floorMulDiv(bits, start + count, total) - floorMulDiv(bits, start, total);
    }

    private static long floorMulDiv(long a, long b, long c) {
        long hi = Math.multiplyHigh(a, b);
        long lo = a * b;
        if ((hi == 0 && lo >= 0)) {
            return lo / c;
        }
        return BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)).divide(BigInteger.valueOf(c)).longValueExact();
    }
}
