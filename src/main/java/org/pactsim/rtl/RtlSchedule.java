package org.pactsim.rtl;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.pactsim.engine.FoldTiming;
import org.pactsim.engine.Quirks;
import org.pactsim.engine.reference.Accumulator;
import org.pactsim.mapping.FoldGeometry;

/**
 * One core's folds as the array sees them, cycle by cycle: what every edge lane carries, when
 * the controls fire, and which word leaves which column in which cycle. Fold starts are
 * {@code FoldTiming.lead + f * FoldTiming.period}, the layer's cycles
 * {@code FoldTiming.cycles}: the schedule the fold engine counts, made concrete.
 *
 * <p>Cycle 0 is the first stimulus cycle. An output "appears" in cycle {@code c} when the
 * core's registered output shows it during {@code c}, i.e. it was computed in {@code c - 1};
 * so the cycle in which the layer's last result appears equals the layer's cycle count. Every
 * PE yields a result in every fold, zero where the fold leaves it unused (padding), so each
 * fold's last output marks its end, also for partial folds.
 */
public final class RtlSchedule {
    /** Largest stimulus accepted, in words. */
    public static final long MAX_WORDS = 1L << 23;
    static final int V = 1;
    static final int F1 = 2;
    private static final int USED = 4;
    /** An OS drain strobe: written as the top lane's {@code F1} bit, kept apart from the lane's word. */
    private static final int DRN = 8;
    private static final Quirks SERIAL_ARRAY = new Quirks(false, false, true, false, false, false, false);

    /** One fold as issued: which GEMM, which row fold, where its tile starts, what it uses. */
    public record Fold(int gemm, int pass, int rowBase, int colBase, int rowsUsed, int colsUsed) {
    }

    /** One word the array must put out: padding results are zero and not written to memory. */
    public record Output(long cycle, int col, long value, boolean real, int fold) {
    }

    final RtlDesign d;
    final FoldGeometry g;
    final List<Fold> folds;
    final int cycles;
    final long count;
    final long[] start;
    final long[] end;
    final long[] val;
    final byte[] flg;
    final List<Output> expected = new ArrayList<>();
    private final int nw;
    private final int t;
    private final boolean overwrite;

    private RtlSchedule(RtlDesign d, FoldGeometry g, List<Fold> folds, List<Operands> gemms, long forcedPeriod) {
        this.d = d;
        this.g = g;
        this.folds = folds;
        this.nw = d.wordsPerCycle();
        this.t = (int) g.t();
        Quirks q = quirks(d);
        int f = folds.size();
        long lead = FoldTiming.lead(g);
        long period = FoldTiming.period(g, q, d.lm(), d.drain(), d.overlap());
        count = FoldTiming.cycles(g, f, q, d.lm(), d.drain(), d.overlap())
                + (f - 1) * (forcedPeriod > 0 ? forcedPeriod - period : 0);
        // a pipelined sequencer forced to issue early puts the next fold's words on the lanes
        // over the previous fold's last ones: the later word wins, and both results stay expected
        this.overwrite = forcedPeriod > 0 && d.pipelined();
        if (forcedPeriod > 0) {
            period = forcedPeriod;
        }
        cycles = Math.toIntExact(count + 3);
        val = new long[Math.multiplyExact(cycles, nw)];
        flg = new byte[val.length];
        start = new long[f];
        end = new long[f];
        Accumulator acc = new Accumulator(d.accw(), Accumulator.Mode.WRAP);
        List<long[][]> partials = new ArrayList<>();
        for (Operands o : gemms) {
            partials.add(o.partials(d.os() ? Integer.MAX_VALUE / 2 : d.rows(), acc));
        }
        for (int i = 0; i < f; i++) {
            start[i] = lead + i * period;
            Fold fold = folds.get(i);
            if (d.os()) {
                os(i, fold, gemms.get(fold.gemm()), partials.get(fold.gemm()));
            } else {
                stationary(i, fold, gemms.get(fold.gemm()), partials.get(fold.gemm()));
            }
        }
        expected.sort(Comparator.comparingLong(Output::cycle).thenComparingInt(Output::col));
        for (int i = 1; i < expected.size(); i++) {
            Output a = expected.get(i - 1);
            Output b = expected.get(i);
            if (a.cycle() == b.cycle() && a.col() == b.col() && !overwrite) {
                throw new IllegalStateException("folds " + a.fold() + " and " + b.fold() + " both put out a word in"
                        + " column " + a.col() + " in cycle " + a.cycle() + ": the schedule overlaps");
            }
        }
    }

    /** The microarchitecture the schedule drives: physical, so an OS drain is always charged. */
    static Quirks quirks(RtlDesign d) {
        return d.serial() ? SERIAL_ARRAY : Quirks.NONE;
    }

    /** Core 0's folds of {@code repeat} GEMMs, column folds dealt round-robin to the cores. */
    static List<Fold> folds(FoldGeometry g, int repeat, int cores) {
        List<Fold> out = new ArrayList<>();
        long tiles = g.colFolds() * repeat;
        for (long ti = 0; ti < tiles; ti += cores) {
            int cf = (int) (ti % g.colFolds());
            for (int rf = 0; rf < g.rowFolds(); rf++) {
                out.add(new Fold((int) (ti / g.colFolds()), rf, rf * g.rows(), cf * g.cols(), (int) g.rowsUsed(rf),
                        (int) g.colsUsed(cf)));
            }
        }
        return out;
    }

    /** Stimulus words the schedule of {@code folds} folds needs, without building it. */
    static long words(RtlDesign d, FoldGeometry g, long folds) {
        long c = Math.addExact(FoldTiming.cycles(g, folds, quirks(d), d.lm(), d.drain(), d.overlap()), 3);
        return c > Long.MAX_VALUE / d.wordsPerCycle() ? Long.MAX_VALUE : c * d.wordsPerCycle();
    }

    static RtlSchedule build(RtlDesign d, FoldGeometry g, List<Fold> folds, List<Operands> gemms) {
        return new RtlSchedule(d, g, folds, gemms, 0);
    }

    /**
     * The same with another fold period than {@code FoldTiming}'s: how the tests show that a
     * shorter period breaks the array (the outputs then differ), i.e. that the model's is needed.
     */
    static RtlSchedule withPeriod(RtlDesign d, FoldGeometry g, List<Fold> folds, List<Operands> gemms, long period) {
        return new RtlSchedule(d, g, folds, gemms, period);
    }

    private void os(int fi, Fold f, Operands o, long[][] part) {
        int rows = d.rows();
        int cols = d.cols();
        long s = start[fi];
        for (int i = 0; i < rows; i++) {
            boolean v = i < f.rowsUsed();
            for (int k = 0; k < t; k++) {
                data(s + i + k, i, v ? o.input(f.rowBase() + i, k) : 0, v, k == t - 1);
            }
        }
        for (int j = 0; j < cols; j++) {
            boolean v = j < f.colsUsed();
            for (int k = 0; k < t; k++) {
                data(s + j + k, rows + j, v ? o.weight(k, f.colBase() + j) : 0, v, false);
            }
        }
        long[] sums = part[part.length - 1];
        long span = FoldTiming.span(g, d.lm());
        long x = s + span - 1;
        if (d.drain() != org.pactsim.spec.OsDrain.WAVEFRONT) {
            control(x, 1);
        }
        for (int j = 0; j < cols; j++) {
            // overlapped/serial: all columns drain after the switch; wavefront: column j once its
            // bottom PE has captured, R - 1 cycles after its top PE's last MAC
            long first = d.drain() == org.pactsim.spec.OsDrain.WAVEFRONT ? s + t - 1 + d.lm() + j + rows : x + 1;
            for (int q = 0; q < rows; q++) {
                long c = first + q;
                flag(c, rows + j, DRN);
                int i = rows - 1 - q;
                boolean real = i < f.rowsUsed() && j < f.colsUsed();
                out(fi, c + 1, j, real ? sums[(f.rowBase() + i) * o.n + f.colBase() + j] : 0, real);
            }
        }
    }

    private void stationary(int fi, Fold f, Operands o, long[][] part) {
        int rows = d.rows();
        int cols = d.cols();
        boolean is = d.dataflow() == org.pactsim.spec.Dataflow.IS;
        long s = start[fi];
        boolean pipe = d.pipelinedStationary();
        // pipelined: the operands enter the shadow chains in the R cycles from the previous fold's
        // issue (column j j cycles later, right behind that fold's switch), the column's stop
        // strobe on the last; double-buffered: all shift in the R cycles before the fold, on ld
        long from = pipe ? (fi == 0 ? 0 : start[fi - 1]) : s - rows;
        for (int q = 0; q < rows; q++) {
            if (!pipe) {
                control(from + q, 2);
            }
            int r = rows - 1 - q;
            for (int j = 0; j < cols; j++) {
                boolean has = r < f.rowsUsed() && j < f.colsUsed();
                long w = !has ? 0 : is ? o.input(f.colBase() + j, f.rowBase() + r) : o.weight(f.rowBase() + r, f.colBase() + j);
                data(from + q + (pipe ? j : 0), rows + j, w, has, pipe && q == rows - 1);
            }
        }
        if (!pipe) {
            control(s - 1, 1);
        }
        for (int r = 0; r < rows; r++) {
            boolean v = r < f.rowsUsed();
            for (int k = 0; k < t; k++) {
                long a = !v ? 0 : is ? o.weight(f.rowBase() + r, k) : o.input(k, f.rowBase() + r);
                data(s + r + k, r, a, v, pipe && k == 0);
            }
        }
        for (int j = 0; j < cols; j++) {
            boolean real = j < f.colsUsed();
            for (int k = 0; k < t; k++) {
                int idx = !real ? 0 : is ? (f.colBase() + j) * o.n + k : k * o.n + f.colBase() + j;
                long in = real && f.pass() > 0 ? part[f.pass() - 1][idx] : 0;
                data(s + j + k + d.lm(), rows + cols + j, in, true, false);
                out(fi, s + k + rows + j + d.lm(), j, real ? part[f.pass()][idx] : 0, real);
            }
        }
    }

    private int index(long cycle, int lane) {
        if (cycle < 0 || cycle >= cycles) {
            throw new IllegalStateException("cycle " + cycle + " outside the schedule's " + cycles);
        }
        return (int) cycle * nw + lane;
    }

    private void data(long cycle, int lane, long value, boolean valid, boolean f1) {
        int x = index(cycle, lane);
        if ((flg[x] & USED) != 0 && overwrite) {
            flg[x] &= (byte) DRN;
        } else if ((flg[x] & USED) != 0) {
            throw new IllegalStateException("lane " + lane + " carries two words in cycle " + cycle
                    + ": the schedule overlaps");
        }
        val[x] = value;
        flg[x] |= (byte) (USED | (valid ? V : 0) | (f1 ? F1 : 0));
    }

    private void flag(long cycle, int lane, int bit) {
        flg[index(cycle, lane)] |= (byte) bit;
    }

    private void control(long cycle, int bit) {
        val[index(cycle, nw - 1)] |= bit;
    }

    private void out(int fold, long cycle, int col, long value, boolean real) {
        expected.add(new Output(cycle, col, value, real, fold));
        end[fold] = Math.max(end[fold], cycle);
    }

    /** The flags of word {@code x} as the stimulus writes them ({@code V}, {@code F1}). */
    int flags(int x) {
        return (flg[x] & (V | F1)) | ((flg[x] & DRN) != 0 ? F1 : 0);
    }

    /** Real outputs (words written to the ofmap memory). */
    long realOutputs() {
        return expected.stream().filter(Output::real).count();
    }
}
