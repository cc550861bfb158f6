package org.pactsim.memory;

import static java.lang.Math.addExact;
import static java.lang.Math.multiplyExact;

import java.util.Arrays;
import org.pactsim.mapping.FoldGeometry;
import org.pactsim.spec.SpecException;

/**
 * Chooses the tiling of one core's GEMMs that fits the double-buffered SRAMs. With a bandwidth
 * limit it moves the fewest DRAM bits, then takes the fewest compute cycles: the choice does
 * not depend on the bandwidth, so more bandwidth never adds cycles, and more SRAM or fewer bits
 * never add traffic. With unlimited bandwidth traffic costs no time:
 * the fewest cycles win, then the fewest bits. Spatial tiles narrower than the array side
 * leave PEs idle (more folds), and splitting the temporal dimension restarts folds when its
 * loop is not innermost: with a bandwidth limit the least-traffic tiling can therefore cost
 * compute cycles that a wider tiling would save; the report shows both. Candidate tile sizes per dimension are the extent and its
 * halvings rounded up to the array side that dimension is spread over; for each pair
 * {@code (Mt, Kt)} the largest {@code Nt} that fits is taken, and all six loop orders are
 * priced. Cost: O(log M * log K) per layer.
 */
public final class TilingSearch {
    private TilingSearch() {
    }

    /**
     * @param aResidentBits  bits of A already entirely on chip (a resident activation): no A
     *                       traffic, and they occupy A's buffer; 0 when A comes from DRAM
     * @param bResidentBits  the same for B (resident weights, or a resident activation operand)
     * @param bytesPerCycle  DRAM bytes per array cycle; infinite for unlimited bandwidth
     */
    public static Tiling best(GemmOperands g, Capacity cap, long aResidentBits, long bResidentBits,
                              double bytesPerCycle) {
        return search(g, cap, aResidentBits, bResidentBits, bytesPerCycle, false);
    }

    /**
     * One pass of the search. With {@code whole}, spatial tiles are whole multiples of the array
     * side they are spread over (or the whole extent), so tiling never adds folds; only when
     * no such tiling fits are narrower tiles tried.
     */
    private static Tiling search(GemmOperands g, Capacity cap, long aResidentBits, long bResidentBits,
                                 double bytesPerCycle, boolean whole) {
        if (cap.unified() ? aResidentBits + bResidentBits >= cap.unifiedBits()
                : aResidentBits > cap.aBits() || bResidentBits > cap.bBits()) {
            // the resident operands leave no room for any tile (maxNt would refuse every one)
            throw SpecException.quiet("sram", "room for one element of each operand, double-buffered",
                    "buffers filled by the operands kept on chip");
        }
        boolean unlimited = Double.isInfinite(bytesPerCycle);
        boolean aOnChip = aResidentBits > 0;
        boolean bOnChip = bResidentBits > 0;
        long[] cm = candidates(g.m(), g.granularity('m'), whole);
        long[] ck = candidates(g.k(), g.granularity('k'), whole);
        long gn = g.granularity('n');
        double bElem = (double) g.bTensorBits() / ((double) g.k() * g.n());
        double aPerElem = (double) g.aTensorBits() / ((double) g.m() * g.k());
        int acc = g.accElemBits();
        Tiling best = null;
        double bestCycles = Double.MAX_VALUE;
        for (long mt : cm) {
            for (long kt : ck) {
                double aTile = aOnChip ? 0 : aPerElem * mt * kt;
                long ntMax = maxNt(g, cap, aTile, aResidentBits, bOnChip ? 0 : bElem, bResidentBits, acc, mt, kt, gn,
                        whole);
                if (ntMax < 1) {
                    continue;
                }
                // Pruning: with this Mt, a smaller Kt cannot give a larger Nt once Nt is the whole
                // of N, and a smaller Kt never lowers traffic or compute; so stop after this Kt.
                boolean lastKt = ntMax == g.n();
                // When the temporal dimension's tile loop is innermost, its tiles stream through the
                // same folds (double-buffered); otherwise every temporal tile restarts the folds.
                char temporal = g.temporal();
                long computeSplit = ComputeTime.cycles(g, mt, ntMax, kt);
                long computeWhole = ComputeTime.cycles(g, temporal == 'm' ? g.m() : mt,
                        temporal == 'n' ? g.n() : ntMax, temporal == 'k' ? g.k() : kt);
                for (LoopOrder o : ORDERS) {
                    long compute = o.innermost() == temporal ? computeWhole : computeSplit;
                    if (best != null && !mayBeat(g, mt, ntMax, kt, o, aOnChip, bOnChip, compute, best, bestCycles,
                            unlimited)) {
                        continue;
                    }
                    Tiling t = price(g, mt, ntMax, kt, o, aOnChip, bOnChip, compute);
                    double cycles = cycles(t, bytesPerCycle);
                    boolean better = best == null || (unlimited
                            ? cycles < bestCycles || (cycles == bestCycles && t.trafficBits() < best.trafficBits())
                            : t.trafficBits() < best.trafficBits()
                                    || (t.trafficBits() == best.trafficBits() && t.computeCycles() < best.computeCycles()));
                    if (better) {
                        best = t;
                        bestCycles = cycles;
                    }
                }
                if (lastKt) {
                    break;
                }
            }
            if (best != null && best.mt() == g.m() && best.kt() == g.k() && best.nt() == g.n()) {
                break;
            }
        }
        if (best == null && !whole) {
            throw SpecException.quiet("sram", "room for one element of each operand, double-buffered",
                    "buffers too small for this layer's " + g.outElemBits() + "/" + acc + "-bit values");
        }
        return best;
    }

    /** Cycles of a tiling: {@code max(fill + compute + drain, transfer)}, as a double for ranking. */
    static double cycles(Tiling t, double bytesPerCycle) {
        if (Double.isInfinite(bytesPerCycle)) {
            return t.computeCycles();
        }
        double fill = Math.ceil(t.fillBits() / 8.0 / bytesPerCycle);
        double drain = Math.ceil(t.drainBits() / 8.0 / bytesPerCycle);
        double transfer = Math.ceil(t.trafficBits() / 8.0 / bytesPerCycle);
        return Math.max(fill + t.computeCycles() + drain, transfer);
    }

    private static long maxNt(GemmOperands g, Capacity cap, double aTile, long aResident, double bElem,
                              long bResident, int acc, long mt, long kt, long gn, boolean whole) {
        double bound;
        if (cap.unified()) {
            double aNeed = aResident > 0 ? aResident : 2 * aTile;
            bound = (cap.unifiedBits() - aNeed - bResident) / (2 * kt * bElem + 2.0 * mt * acc);
        } else {
            if (aResident > 0 ? aResident > cap.aBits() : 2 * aTile > cap.aBits()) {
                return 0;
            }
            if (bResident > cap.bBits()) {
                return 0;
            }
            double bBound = bElem == 0 ? Double.MAX_VALUE : cap.bBits() / (2 * kt * bElem);
            bound = Math.min(bBound, cap.cBits() / (2.0 * mt * acc));
        }
        if (!(bound >= 1)) {
            return 0;
        }
        if (bound >= g.n()) {
            return g.n();
        }
        long b = (long) Math.floor(bound);
        return b >= gn ? b / gn * gn : whole ? 0 : b;
    }

    private static final LoopOrder[] ORDERS = LoopOrder.values();

    /**
     * A cheap filter before {@link #price}: the traffic of order {@code o} estimated without
     * allocating. With a bandwidth limit a tiling with more traffic than the best cannot win;
     * without one, a tiling with more compute cycles cannot.
     */
    private static boolean mayBeat(GemmOperands g, long mt, long nt, long kt, LoopOrder o, boolean aOnChip,
                                   boolean bOnChip, long compute, Tiling best, double bestCycles, boolean unlimited) {
        if (unlimited) {
            return compute <= bestCycles;
        }
        long nM = FoldGeometry.ceilDiv(g.m(), mt);
        long nN = FoldGeometry.ceilDiv(g.n(), nt);
        long nK = FoldGeometry.ceilDiv(g.k(), kt);
        double a = aOnChip ? 0 : (double) g.aTensorBits() * (o.refetchA() ? nN : 1);
        double b = bOnChip ? 0 : (double) g.bTensorBits() * (o.refetchB() ? nM : 1);
        double psum = o.spillsPartialSums() && nK > 1 ? 2.0 * g.m() * g.n() * g.accElemBits() * (nK - 1) : 0;
        double traffic = (a + b + psum) * g.reps() + (double) g.m() * g.n() * g.reps() * g.outElemBits();
        return traffic <= best.trafficBits() * (1 + 1e-12);
    }

    private static Tiling price(GemmOperands g, long mt, long nt, long kt, LoopOrder o, boolean aOnChip,
                                boolean bOnChip, long compute) {
        long nM = FoldGeometry.ceilDiv(g.m(), mt);
        long nN = FoldGeometry.ceilDiv(g.n(), nt);
        long nK = FoldGeometry.ceilDiv(g.k(), kt);
        long reps = g.reps();
        long a = aOnChip ? 0 : multiplyExact(multiplyExact(g.aTensorBits(), o.refetchA() ? nN : 1), reps);
        long b = bOnChip ? 0 : multiplyExact(multiplyExact(g.bTensorBits(), o.refetchB() ? nM : 1), reps);
        long outputs = multiplyExact(multiplyExact(g.m(), g.n()), reps);
        long out = multiplyExact(outputs, g.outElemBits());
        long psum = 0;
        if (o.spillsPartialSums() && nK > 1) {
            psum = multiplyExact(multiplyExact(outputs, g.accElemBits()), nK - 1);
        }
        double aPerElem = (double) g.aTensorBits() / ((double) g.m() * g.k());
        long aTile = aOnChip ? 0 : (long) Math.ceil(aPerElem * Math.min(mt, g.m()) * Math.min(kt, g.k()));
        long bTile = bOnChip ? 0 : (long) Math.ceil((double) g.bTensorBits() / g.k() / g.n() * kt * nt);
        long fill = addExact(aTile, bTile);
        long drain = multiplyExact(multiplyExact(Math.min(mt, g.m()), Math.min(nt, g.n())), g.outElemBits());
        return new Tiling(mt, nt, kt, o, a, b, psum, psum, out, compute, fill, drain);
    }

    /**
     * The extent and its halvings rounded up to the granularity, distinct and descending; with
     * {@code whole} only those that are the extent or multiples of the granularity, else down to 1.
     */
    static long[] candidates(long extent, long granularity, boolean whole) {
        // extent, then one value per halving: at most 63 halvings of a positive long
        long[] buf = new long[66];
        int n = 0;
        buf[n++] = extent;
        for (long d = 2; ; d *= 2) {
            long c = FoldGeometry.ceilDiv(extent, d);
            long v = c >= granularity ? FoldGeometry.ceilDiv(c, granularity) * granularity : c;
            v = Math.min(v, extent);
            if (whole && c < granularity) {
                break;
            }
            if (v != buf[n - 1]) {
                buf[n++] = v;
            }
            if (c <= 1 || d > (Long.MAX_VALUE >> 2)) {
                break;
            }
        }
        return Arrays.copyOf(buf, n);
    }
}
