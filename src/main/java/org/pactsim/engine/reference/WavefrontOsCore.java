package org.pactsim.engine.reference;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.pactsim.engine.reference.CycleTrace.Event;
import org.pactsim.engine.reference.CycleTrace.Unit;

/**
 * An output-stationary array with the wavefront capture ({@code array.osDrain: wavefront}, and
 * the OS form of {@code array.foldOverlap: pipelined}), register by register. The PE grid and
 * the skewed feeds are {@link OsCore}'s; what differs is when a PE hands its result over. Each
 * PE moves its accumulator (this cycle's MAC included) into its column's output chain as the
 * fold's last slot passes it, and starts the next fold from zero; a column's chain starts to
 * shift, one row per cycle, writing its bottom register to the ofmap SRAM, in the cycle after
 * its bottom PE has captured, and shifts {@code R} times. A capture in the cycle of a shift
 * lands after it.
 *
 * <p>The sequencer issues the next fold when (a) the previous fold's streams have left the
 * feeders: {@code T} cycles after its first issue with pipelined folds, or when its last slot
 * has reached the bottom-right PE without ({@code P} cycles); and (b) column 0's chain will
 * have shifted out the previous fold by the time the next fold's first capture reaches its
 * top PE: {@code 2R - 1} cycles after the previous issue (that fold's top-left capture is at
 * {@code T - 1}, its column-0 drain ends {@code 2R - 1} cycles later, the next fold's top-left
 * capture is at {@code T - 1} after its issue). Nothing else is scheduled, so the fold periods
 * {@code max(T, 2R - 1)} and {@code max(P, 2R - 1)} of {@code engine/FoldTiming} follow. Two
 * checks make a wrong schedule fail loudly instead of computing wrong sums: two folds' slots
 * on one feeder in one cycle, and a capture into a chain register that still holds a result
 * not yet written out.
 */
final class WavefrontOsCore extends OverlappedCore {
    private final boolean pipelined;
    private final long[] accV;
    private final boolean[] accHas;
    private final long[] chainV;
    private final boolean[] chainHas;
    /** The fold and the PE row whose result a chain register holds (valid while it holds one). */
    private final int[] chainJob;
    private final int[] chainRow;
    /** Shifts left in each column's drain (0: idle), and the fold it drains. */
    private final int[] shiftsLeft;
    private final int[] drainingJob;
    /** The fold each PE captures at this edge (-1: none). */
    private final int[] captureJob;
    private int[] columnsLeft;

    /**
     * @param pipelined    issue a fold {@code T} cycles after the previous one (else when its
     *                     last slot reaches the bottom-right PE)
     * @param forcedPeriod when {@code > 0}, issue every fold this many cycles after the previous
     *                     one instead (to show that a shorter period loses results)
     */
    WavefrontOsCore(Setup s, boolean pipelined, long forcedPeriod) {
        super(s, forcedPeriod);
        this.pipelined = pipelined;
        int n = rows * cols;
        accV = new long[n];
        accHas = new boolean[n];
        chainV = new long[n];
        chainHas = new boolean[n];
        chainJob = new int[n];
        chainRow = new int[n];
        shiftsLeft = new int[cols];
        drainingJob = new int[cols];
        captureJob = new int[n];
        Arrays.fill(chainJob, -1);
        Arrays.fill(captureJob, -1);
    }

    @Override
    List<FoldEvents> run(List<FoldJob> jobs) {
        int nj = jobs.size();
        List<FoldEvents> out = new ArrayList<>(nj);
        Log[] logs = new Log[nj];
        streamStart = new long[nj];
        columnsLeft = new int[nj];
        Arrays.fill(streamStart, -1);
        Arrays.fill(columnsLeft, cols);
        int nextIssue = 0;
        int firstLive = 0;
        long lastComputeEnd = -1;
        int done = 0;
        long cycle = 0;
        long tau = 0;
        long window = (long) Math.max(rows, cols);
        while (done < nj) {
            if (nextIssue < nj && canIssue(nextIssue, jobs, tau, lastComputeEnd)) {
                streamStart[nextIssue] = tau;
                logs[nextIssue] = new Log(jobs.get(nextIssue), cycle);
                logs[nextIssue].streamStart = cycle;
                nextIssue++;
            }
            while (firstLive < nextIssue && tau - streamStart[firstLive] >= jobs.get(firstLive).t() + window) {
                firstLive++;
            }
            int ifReads = feed(tau, jobs, firstLive, nextIssue, true);
            int fReads = feed(tau, jobs, firstLive, nextIssue, false);
            if (!memory.serve(cycle, ifReads, fReads, 0)) {
                counts.stalls++;
                traceStall(cycle);
                cycle++;
                continue;
            }
            counts.ifmapReads += ifReads;
            counts.filterReads += fReads;
            if (tracing()) {
                traceFeeds(cycle, jobs);
            }
            int finished = step(cycle, jobs, logs);
            done += drain(cycle, jobs, logs, out);
            capture(cycle, jobs, logs);
            if (finished >= 0) {
                logs[finished].computeEnd = cycle;
                lastComputeEnd = tau;
            }
            cycle++;
            tau++;
        }
        counts.cycles = cycle;
        return out;
    }

    private boolean canIssue(int f, List<FoldJob> jobs, long tau, long lastComputeEnd) {
        if (f == 0) {
            return true;
        }
        long prev = streamStart[f - 1];
        if (forcedPeriod > 0) {
            return tau >= prev + forcedPeriod;
        }
        boolean fed = pipelined ? tau >= prev + jobs.get(f - 1).t() : lastComputeEnd >= prev && tau > lastComputeEnd;
        return fed && tau >= prev + 2L * rows - 1;
    }

    /** One edge's feeders this cycle; returns the SRAM words read. */
    private int feed(long tau, List<FoldJob> jobs, int from, int to, boolean left) {
        int n = left ? rows : cols;
        long[] val = left ? leftVal : topVal;
        int[] meta = left ? leftMeta : topMeta;
        int[] job = left ? leftJob : topJob;
        int reads = 0;
        for (int i = 0; i < n; i++) {
            int found = streamingFold(tau, i, jobs, from, to);
            job[i] = found;
            if (found < 0) {
                meta[i] = 0;
                continue;
            }
            FoldJob fj = jobs.get(found);
            int k = (int) (tau - streamStart[found] - i);
            int fl = k == fj.t() - 1 ? SLOT | LAST : SLOT;
            if (i < (left ? fj.rowsUsed() : fj.colsUsed())) {
                fl |= VALID;
                val[i] = left ? fj.data().input(fj.rowBase() + i, k) : fj.data().weight(k, fj.colBase() + i);
                reads++;
            }
            meta[i] = k << TAG_SHIFT | fl;
        }
        return reads;
    }

    /**
     * One clock edge of the PE grid (MACs; the PEs whose fold's last slot passes are marked to
     * capture); returns the fold whose last slot reached the bottom-right PE, or -1.
     */
    private int step(long cycle, List<FoldJob> jobs, Log[] logs) {
        long macs = 0;
        boolean tr = tracing();
        int finished = -1;
        for (int i = rows - 1; i >= 0; i--) {
            int base = i * cols;
            for (int j = cols - 1; j >= 0; j--) {
                int x = base + j;
                long hv = j == 0 ? leftVal[i] : hVal[x - 1];
                int hm = j == 0 ? leftMeta[i] : hMeta[x - 1];
                int hj = j == 0 ? leftJob[i] : hJob[x - 1];
                long vv = i == 0 ? topVal[j] : vVal[x - cols];
                int vm = i == 0 ? topMeta[j] : vMeta[x - cols];
                int vj = i == 0 ? topJob[j] : vJob[x - cols];
                if ((hm & vm & VALID) != 0) {
                    if ((hm ^ vm) >>> TAG_SHIFT != 0 || hj != vj) {
                        throw skew(cycle, i, j, hm >>> TAG_SHIFT, vm >>> TAG_SHIFT);
                    }
                    accV[x] = acc.mac(accV[x], hv, vv);
                    accHas[x] = true;
                    macs++;
                    logs[hj].macs++;
                    if (tr) {
                        trace(cycle, jobs.get(hj), Unit.PE, i, j, Event.MAC, accV[x]);
                    }
                }
                // the fold's last slot passes: the PE hands over its result at this edge
                captureJob[x] = (hm & LAST) != 0 ? hj : -1;
                hVal[x] = hv;
                hMeta[x] = hm;
                hJob[x] = hj;
                vVal[x] = vv;
                vMeta[x] = vm;
                vJob[x] = vj;
                if (i == rows - 1 && j == cols - 1 && (hm & LAST) != 0) {
                    finished = hj;
                }
            }
        }
        counts.macs += macs;
        return finished;
    }

    /**
     * One shift of every draining column: its bottom register is written to the ofmap SRAM and
     * the others move down one row. Returns the folds that finished (all columns drained).
     */
    private int drain(long cycle, List<FoldJob> jobs, Log[] logs, List<FoldEvents> out) {
        int finished = 0;
        int bottom = (rows - 1) * cols;
        for (int j = 0; j < cols; j++) {
            if (shiftsLeft[j] == 0) {
                continue;
            }
            int x = bottom + j;
            int owner = chainJob[x];
            if (chainHas[x]) {
                FoldJob job = jobs.get(owner);
                int oi = job.rowBase() + chainRow[x];
                int oc = job.colBase() + j;
                job.data().write(oi, oc, chainV[x], 0);
                counts.ofmapWrites++;
                logs[owner].lastWrite = cycle;
                if (tracing()) {
                    trace(cycle, job, Unit.BOTTOM, oi, oc, Event.WRITE_OFMAP, chainV[x]);
                }
            }
            for (int i = rows - 1; i >= 1; i--) {
                int y = i * cols + j;
                if (chainJob[y - cols] >= 0 && chainJob[y - cols] != drainingJob[j]) {
                    throw new IllegalStateException("cycle " + cycle + ": column " + j + " shifts fold "
                            + chainJob[y - cols] + "'s result, captured by PE(" + (i - 1) + "," + j + "), while draining"
                            + " fold " + drainingJob[j] + ": not yet written out, the folds issue too early");
                }
                chainV[y] = chainV[y - cols];
                chainHas[y] = chainHas[y - cols];
                chainJob[y] = chainJob[y - cols];
                chainRow[y] = chainRow[y - cols];
            }
            chainHas[j] = false;
            chainJob[j] = -1;
            shiftsLeft[j]--;
            if (shiftsLeft[j] == 0) {
                int f = drainingJob[j];
                // a fold ends when its last column has shifted out, padding results included (as
                // its padding slots cross the unused PEs): in a partial fold that is after its
                // last real write
                logs[f].lastWrite = Math.max(logs[f].lastWrite, cycle);
                if (--columnsLeft[f] == 0) {
                    out.add(logs[f].done());
                    finished++;
                }
            }
        }
        return finished;
    }

    /** The captures this edge, after the shifts: a register must be empty to take one. */
    private void capture(long cycle, List<FoldJob> jobs, Log[] logs) {
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                int x = i * cols + j;
                int f = captureJob[x];
                if (f < 0) {
                    continue;
                }
                if (chainJob[x] >= 0) {
                    throw new IllegalStateException("cycle " + cycle + ": PE(" + i + "," + j + ") captured fold " + f
                            + " over fold " + chainJob[x] + "'s result, not yet written out: the folds issue too early");
                }
                chainV[x] = accV[x];
                chainHas[x] = accHas[x];
                chainJob[x] = f;
                chainRow[x] = i;
                logs[f].usedPes += accHas[x] ? 1 : 0;
                accV[x] = 0;
                accHas[x] = false;
                if (i == rows - 1) {
                    // the bottom register was empty, so the column's previous drain is over
                    shiftsLeft[j] = rows;
                    drainingJob[j] = f;
                    if (tracing()) {
                        trace(cycle, jobs.get(f), Unit.ARRAY, i, j, Event.SWITCH, 0);
                    }
                }
            }
        }
    }

    private void traceFeeds(long cycle, List<FoldJob> jobs) {
        for (int i = 0; i < rows; i++) {
            if ((leftMeta[i] & VALID) != 0) {
                FoldJob job = jobs.get(leftJob[i]);
                trace(cycle, job, Unit.LEFT, job.rowBase() + i, leftMeta[i] >>> TAG_SHIFT, Event.READ_IFMAP, leftVal[i]);
            }
        }
        for (int j = 0; j < cols; j++) {
            if ((topMeta[j] & VALID) != 0) {
                FoldJob job = jobs.get(topJob[j]);
                trace(cycle, job, Unit.TOP, topMeta[j] >>> TAG_SHIFT, job.colBase() + j, Event.READ_FILTER, topVal[j]);
            }
        }
    }
}
