package org.pactsim.engine.reference;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.pactsim.engine.reference.CycleTrace.Event;
import org.pactsim.engine.reference.CycleTrace.Unit;

/**
 * A weight- or input-stationary array whose folds overlap ({@code array.foldOverlap:
 * pipelined}), register by register. The PE grid, the skewed feeds and the partial sums are
 * those of {@link StationaryCore}; what differs is the fold switch, which travels with the data
 * as in TPU v1: PE {@code (i, j)} makes its shadow register its working one when the next
 * fold's first slot reaches it ({@code i + j} cycles after that fold's first issue), so the next
 * fold may issue as soon as the previous one's last slot has entered the array.
 *
 * <p>Two stationary registers per PE, as the Verilog PE ({@code pactsim_pe_pl}) and the area
 * model have them: the shadows of a column are its preload chain, but a PE shifts only from the
 * cycle of its own switch until the column's stop (the cycle of the tile's last shift; before
 * the first fold every PE shifts). A fold's {@code R} operands enter column {@code j} from the
 * top, the bottom row's first, {@code j} cycles after the previous fold's first issue (the first
 * fold's from cycle 0), so they follow that fold's switch down the column. The sequencer issues
 * a fold when (a) the previous fold's last slot has entered row 0 and (b) column 0 has its
 * operands in place ({@code R} cycles after they started). Nothing else is scheduled: the fold
 * period {@code max(T, R)} of {@code engine/FoldTiming} follows. A PE that switches to a fold
 * whose operand for its row is not in its shadow register fails loudly instead of computing
 * wrong sums.
 */
final class PipelinedStationaryCore extends OverlappedCore {
    private final boolean inputStationary;
    private final long[] stat;
    private final boolean[] statHas;
    private final int[] statJob;
    private final long[] shadow;
    private final boolean[] shadowHas;
    private final int[] shadowJob;
    /** The row a shadow's operand belongs to, while it shifts down (-1: none). */
    private final int[] shadowRow;
    /** Whether a PE shifts its shadow at this cycle's edge (from its switch to the column's stop). */
    private final boolean[] shifting;
    /** The value entering each column's chain at the top this cycle, with its fold and row. */
    private final long[] topIn;
    private final boolean[] topInHas;
    private final int[] topInJob;
    private final int[] topInRow;
    private final boolean[] stop;
    /** Unstalled cycle at which a fold's operands start into the chains; -1: not yet. */
    private long[] preloadStart;

    PipelinedStationaryCore(Setup s, boolean inputStationary, long forcedPeriod) {
        super(s, forcedPeriod);
        this.inputStationary = inputStationary;
        int n = rows * cols;
        stat = new long[n];
        statHas = new boolean[n];
        statJob = new int[n];
        shadow = new long[n];
        shadowHas = new boolean[n];
        shadowJob = new int[n];
        shadowRow = new int[n];
        shifting = new boolean[n];
        topIn = new long[cols];
        topInHas = new boolean[cols];
        topInJob = new int[cols];
        topInRow = new int[cols];
        stop = new boolean[cols];
        Arrays.fill(shadowRow, -1);
        Arrays.fill(shifting, true);
        Arrays.fill(statJob, -1);
        Arrays.fill(shadowJob, -1);
    }

    @Override
    List<FoldEvents> run(List<FoldJob> jobs) {
        int nj = jobs.size();
        List<FoldEvents> out = new ArrayList<>(nj);
        Log[] logs = new Log[nj];
        preloadStart = new long[nj];
        streamStart = new long[nj];
        Arrays.fill(preloadStart, -1);
        Arrays.fill(streamStart, -1);
        int readyCol0 = -1;
        if (nj > 0) {
            preloadStart[0] = 0;
            logs[0] = new Log(jobs.get(0), 0);
        }
        int nextIssue = 0;
        int firstLive = 0;
        int done = 0;
        long cycle = 0;
        long tau = 0;
        while (done < nj) {
            if (nextIssue < nj && canIssue(nextIssue, jobs, tau, readyCol0)) {
                streamStart[nextIssue] = tau;
                logs[nextIssue].streamStart = cycle;
                if (nextIssue + 1 < nj) {
                    preloadStart[nextIssue + 1] = tau;
                    logs[nextIssue + 1] = new Log(jobs.get(nextIssue + 1), cycle);
                }
                nextIssue++;
            }
            int streamReads = feedLeft(tau, jobs, firstLive, nextIssue);
            int psumReads = feedTop(tau, jobs, firstLive, nextIssue);
            int statReads = preload(cycle, tau, jobs, firstLive);
            int ifReads = inputStationary ? statReads : streamReads;
            int fReads = inputStationary ? streamReads : statReads;
            if (!memory.serve(cycle, ifReads, fReads, psumReads)) {
                counts.stalls++;
                traceStall(cycle);
                cycle++;
                continue;
            }
            counts.ifmapReads += ifReads;
            counts.filterReads += fReads;
            counts.ofmapReads += psumReads;
            int finished = step(cycle, jobs, logs);
            shift();
            if (readyCol0 + 1 < nj && preloadStart[readyCol0 + 1] >= 0
                    && tau == preloadStart[readyCol0 + 1] + rows - 1) {
                readyCol0++;
            }
            if (finished >= 0) {
                logs[finished].computeEnd = cycle;
                logs[finished].usedPes = (long) jobs.get(finished).rowsUsed() * jobs.get(finished).colsUsed();
                out.add(logs[finished].done());
                done++;
                while (firstLive < nj && firstLive < done) {
                    firstLive++;
                }
            }
            cycle++;
            tau++;
        }
        counts.cycles = cycle;
        return out;
    }

    private boolean canIssue(int f, List<FoldJob> jobs, long tau, int readyCol0) {
        if (f == 0) {
            return readyCol0 >= 0;
        }
        long prev = streamStart[f - 1];
        if (forcedPeriod > 0) {
            return tau >= prev + forcedPeriod;
        }
        return readyCol0 >= f && tau >= prev + jobs.get(f - 1).t();
    }

    private long streamed(FoldJob job, int t, int r) {
        return inputStationary ? job.data().weight(r, t) : job.data().input(t, r);
    }

    private long stationary(FoldJob job, int r, int c) {
        return inputStationary ? job.data().input(c, r) : job.data().weight(r, c);
    }

    private int feedLeft(long tau, List<FoldJob> jobs, int from, int to) {
        int reads = 0;
        for (int r = 0; r < rows; r++) {
            int f = streamingFold(tau, r, jobs, from, to);
            if (f < 0) {
                leftMeta[r] = 0;
                leftJob[r] = -1;
                continue;
            }
            FoldJob job = jobs.get(f);
            int k = (int) (tau - streamStart[f] - r);
            int fl = k == job.t() - 1 ? SLOT | LAST : SLOT;
            if (r < job.rowsUsed()) {
                fl |= VALID;
                leftVal[r] = streamed(job, k, job.rowBase() + r);
                reads++;
            }
            leftMeta[r] = k << TAG_SHIFT | fl;
            leftJob[r] = f;
        }
        return reads;
    }

    private int feedTop(long tau, List<FoldJob> jobs, int from, int to) {
        int reads = 0;
        for (int c = 0; c < cols; c++) {
            int f = streamingFold(tau, c, jobs, from, to);
            if (f < 0) {
                topMeta[c] = 0;
                topJob[c] = -1;
                continue;
            }
            FoldJob job = jobs.get(f);
            int k = (int) (tau - streamStart[f] - c);
            int fl = k == job.t() - 1 ? SLOT | LAST : SLOT;
            if (c < job.colsUsed()) {
                fl |= VALID;
                if (job.pass() == 0) {
                    topVal[c] = 0;
                } else {
                    int oc = job.colBase() + c;
                    topVal[c] = inputStationary ? job.data().readPartial(oc, k, job.pass())
                            : job.data().readPartial(k, oc, job.pass());
                    reads++;
                }
            }
            topMeta[c] = k << TAG_SHIFT | fl;
            topJob[c] = f;
        }
        return reads;
    }

    /**
     * What enters each column's chain at the top this cycle (the operand read, counted), and
     * whether this is the column's stop (its tile's last shift).
     */
    private int preload(long cycle, long tau, List<FoldJob> jobs, int from) {
        int reads = 0;
        for (int c = 0; c < cols; c++) {
            topInHas[c] = false;
            topInJob[c] = -1;
            topInRow[c] = -1;
            stop[c] = false;
            for (int f = from; f < jobs.size() && preloadStart[f] >= 0; f++) {
                long q = tau - preloadStart[f] - c;
                if (q < 0 || q >= rows) {
                    continue;
                }
                FoldJob job = jobs.get(f);
                int r = rows - 1 - (int) q;
                boolean has = r < job.rowsUsed() && c < job.colsUsed();
                topInHas[c] = has;
                topInJob[c] = f;
                topInRow[c] = r;
                stop[c] = q == rows - 1;
                if (has) {
                    topIn[c] = stationary(job, job.rowBase() + r, job.colBase() + c);
                    reads++;
                    if (tracing()) {
                        trace(cycle, job, Unit.TOP, r, c, Event.PRELOAD, topIn[c]);
                    }
                }
            }
        }
        return reads;
    }

    /**
     * The preload chains at this cycle's clock edge, after the switches have read the shadows:
     * every shifting PE takes the shadow of the PE above (the top one the column's input); at a
     * column's stop its PEs stop shifting.
     */
    private void shift() {
        for (int c = 0; c < cols; c++) {
            for (int i = rows - 1; i >= 0; i--) {
                int x = i * cols + c;
                if (!shifting[x]) {
                    continue;
                }
                if (i == 0) {
                    shadow[x] = topIn[c];
                    shadowHas[x] = topInHas[c];
                    shadowJob[x] = topInJob[c];
                    shadowRow[x] = topInRow[c];
                } else {
                    shadow[x] = shadow[x - cols];
                    shadowHas[x] = shadowHas[x - cols];
                    shadowJob[x] = shadowJob[x - cols];
                    shadowRow[x] = shadowRow[x - cols];
                }
            }
            if (stop[c]) {
                for (int i = 0; i < rows; i++) {
                    shifting[i * cols + c] = false;
                }
            }
        }
    }

    /**
     * One clock edge of the PE grid; returns the fold whose last slot reached the bottom-right
     * PE in this cycle, or -1.
     */
    private int step(long cycle, List<FoldJob> jobs, Log[] logs) {
        long macs = 0;
        boolean tr = tracing();
        int last = rows - 1;
        int finished = -1;
        for (int i = last; i >= 0; i--) {
            int base = i * cols;
            for (int j = cols - 1; j >= 0; j--) {
                int x = base + j;
                long hv = j == 0 ? leftVal[i] : hVal[x - 1];
                int hm = j == 0 ? leftMeta[i] : hMeta[x - 1];
                int hj = j == 0 ? leftJob[i] : hJob[x - 1];
                long vv = i == 0 ? topVal[j] : vVal[x - cols];
                int vm = i == 0 ? topMeta[j] : vMeta[x - cols];
                int vj = i == 0 ? topJob[j] : vJob[x - cols];
                if ((hm & SLOT) != 0 && hj != statJob[x]) {
                    if (shadowJob[x] != hj || shadowRow[x] != i) {
                        throw new IllegalStateException("cycle " + cycle + ": PE(" + i + "," + j + ") switched to fold "
                                + hj + " but its shadow register holds fold " + shadowJob[x] + "'s operand for row "
                                + shadowRow[x] + ": the operands were not shifted in in time");
                    }
                    stat[x] = shadow[x];
                    statHas[x] = shadowHas[x];
                    statJob[x] = hj;
                    // from this edge on the PE passes the next fold's operands down
                    shifting[x] = true;
                }
                if ((hm & VALID) != 0 && statHas[x]) {
                    if ((vm & VALID) == 0 || (hm ^ vm) >>> TAG_SHIFT != 0 || hj != vj) {
                        throw skew(cycle, i, j, hm >>> TAG_SHIFT, (vm & VALID) == 0 ? -1 : vm >>> TAG_SHIFT);
                    }
                    vv = acc.mac(vv, hv, stat[x]);
                    macs++;
                    logs[hj].macs++;
                    if (tr) {
                        trace(cycle, jobs.get(hj), Unit.PE, i, j, Event.MAC, vv);
                    }
                }
                hVal[x] = hv;
                hMeta[x] = hm;
                hJob[x] = hj;
                vVal[x] = vv;
                vMeta[x] = vm;
                vJob[x] = vj;
                if (i == last && (vm & VALID) != 0) {
                    output(cycle, jobs.get(vj), logs[vj], j, vm >>> TAG_SHIFT, vv, tr);
                }
                if (i == last && j == cols - 1 && (hm & LAST) != 0) {
                    finished = hj;
                }
            }
        }
        counts.macs += macs;
        return finished;
    }

    private void output(long cycle, FoldJob job, Log log, int j, int t, long value, boolean tr) {
        int oc = job.colBase() + j;
        if (inputStationary) {
            job.data().write(oc, t, value, job.pass());
        } else {
            job.data().write(t, oc, value, job.pass());
        }
        counts.ofmapWrites++;
        log.lastWrite = cycle;
        if (tr) {
            trace(cycle, job, Unit.BOTTOM, inputStationary ? oc : t, inputStationary ? t : oc, Event.WRITE_OFMAP, value);
        }
    }
}
