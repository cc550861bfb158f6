package org.pactsim.engine.reference;

import java.util.ArrayList;
import java.util.List;
import org.pactsim.engine.reference.CycleTrace.Event;
import org.pactsim.engine.reference.CycleTrace.Unit;

/**
 * One core's output-stationary array, register by register. PE {@code (i, j)} owns output
 * {@code O[rowBase+i][colBase+j]} of the fold: input rows enter from the left (row {@code i}
 * skewed by {@code i} cycles) and are passed right, weight columns enter from the top (column
 * {@code j} skewed by {@code j}) and are passed down; each PE multiplies the two operands it
 * sees and accumulates. A fold's compute ends when its last operand slot reaches the
 * bottom-right PE, {@code P - 1 = T + R + C - 3} cycles after its first issue.
 *
 * <p>Then every accumulator moves at once (one global switch) into a per-column output chain
 * that shifts down one row per cycle; the bottom of each column writes one result per cycle to
 * the ofmap SRAM, {@code R} cycles for a column. Serial array: the next fold starts only when
 * the chain is empty ({@code P + R} per fold). Double-buffered array: the chain is a set of
 * shadow registers, so the next fold starts right after the switch and drains its predecessor
 * while it computes; a switch waits while the chain still holds results (never happens, as
 * {@code R <= P}), and only the last fold's drain is exposed.
 */
final class OsCore extends Core {
    private final long[] hVal;
    private final long[] vVal;
    private final int[] hMeta;
    private final int[] vMeta;
    private final long[] accV;
    private final boolean[] accHas;
    private final long[] chainV;
    private final boolean[] chainHas;
    private int chainPos;

    OsCore(Setup s) {
        super(s);
        int n = rows * cols;
        hVal = new long[n];
        vVal = new long[n];
        hMeta = new int[n];
        vMeta = new int[n];
        accV = new long[n];
        accHas = new boolean[n];
        chainV = new long[n];
        chainHas = new boolean[n];
        chainPos = rows;
    }

    @Override
    List<FoldEvents> run(List<FoldJob> jobs) {
        List<FoldEvents> out = new ArrayList<>(jobs.size());
        int next = 0;
        FoldJob cur = null;
        Log curLog = null;
        FoldJob pending = null;
        Log pendingLog = null;
        FoldJob draining = null;
        Log drainLog = null;
        long sTau = 0;
        long cycle = 0;
        long tau = 0;
        while (next < jobs.size() || cur != null || pending != null || draining != null) {
            if (cur == null && pending == null && next < jobs.size() && (!serial || draining == null)) {
                cur = jobs.get(next++);
                curLog = new Log(cur, cycle);
                curLog.streamStart = cycle;
                sTau = tau;
            }
            int ifReads = 0;
            int fReads = 0;
            if (cur != null) {
                int d = (int) (tau - sTau);
                ifReads = feed(d, cur.rowsUsed(), cur.t(), rows, leftVal, leftMeta, cur, true);
                fReads = feed(d, cur.colsUsed(), cur.t(), cols, topVal, topMeta, cur, false);
            } else {
                java.util.Arrays.fill(leftMeta, 0);
                java.util.Arrays.fill(topMeta, 0);
            }
            if (!memory.serve(cycle, ifReads, fReads, 0)) {
                counts.stalls++;
                traceStall(cycle);
                cycle++;
                continue;
            }
            counts.ifmapReads += ifReads;
            counts.filterReads += fReads;
            if (tracing()) {
                traceFeeds(cycle, cur);
            }
            long macs = step(cycle, cur);
            if (cur != null) {
                curLog.macs += macs;
            }
            if (draining != null) {
                drainStep(cycle, draining, drainLog);
                if (chainPos == rows) {
                    out.add(drainLog.done());
                    draining = null;
                }
            }
            if (cur != null && (hMeta[hMeta.length - 1] & LAST) != 0) {
                curLog.computeEnd = cycle;
                pending = cur;
                pendingLog = curLog;
                cur = null;
            }
            if (pending != null && draining == null) {
                pendingLog.usedPes = switchToChain(cycle, pending);
                draining = pending;
                drainLog = pendingLog;
                pending = null;
            }
            cycle++;
            tau++;
        }
        counts.cycles = cycle;
        return out;
    }

    /** Fills one edge's feeders for schedule step {@code d}; returns the SRAM words read. */
    private int feed(int d, int used, int t, int n, long[] val, int[] meta, FoldJob job, boolean left) {
        int reads = 0;
        for (int i = 0; i < n; i++) {
            int k = d - i;
            if (k < 0 || k >= t) {
                meta[i] = 0;
                continue;
            }
            int f = k == t - 1 ? SLOT | LAST : SLOT;
            if (i < used) {
                f |= VALID;
                val[i] = left ? job.data().input(job.rowBase() + i, k) : job.data().weight(k, job.colBase() + i);
                reads++;
            }
            meta[i] = k << TAG_SHIFT | f;
        }
        return reads;
    }

    /**
     * One clock edge of the PE grid; returns the MACs done. PEs are updated in reverse order,
     * so each reads its left and upper neighbours' registers before they change: in place, yet
     * exactly the synchronous update.
     */
    private long step(long cycle, FoldJob job) {
        long macs = 0;
        boolean tr = tracing();
        for (int i = rows - 1; i >= 0; i--) {
            int base = i * cols;
            for (int j = cols - 1; j >= 0; j--) {
                int x = base + j;
                long hv = j == 0 ? leftVal[i] : hVal[x - 1];
                int hm = j == 0 ? leftMeta[i] : hMeta[x - 1];
                long vv = i == 0 ? topVal[j] : vVal[x - cols];
                int vm = i == 0 ? topMeta[j] : vMeta[x - cols];
                if ((hm & vm & VALID) != 0) {
                    if ((hm ^ vm) >>> TAG_SHIFT != 0) {
                        throw skew(cycle, i, j, hm >>> TAG_SHIFT, vm >>> TAG_SHIFT);
                    }
                    long a = acc.mac(accV[x], hv, vv);
                    accV[x] = a;
                    accHas[x] = true;
                    macs++;
                    if (tr) {
                        trace(cycle, job, Unit.PE, i, j, Event.MAC, a);
                    }
                }
                hVal[x] = hv;
                hMeta[x] = hm;
                vVal[x] = vv;
                vMeta[x] = vm;
            }
        }
        counts.macs += macs;
        return macs;
    }

    /** The global switch: accumulators (this cycle's MAC included) move to the output chain. */
    private long switchToChain(long cycle, FoldJob job) {
        long used = 0;
        for (int x = 0; x < accV.length; x++) {
            chainV[x] = accV[x];
            chainHas[x] = accHas[x];
            used += accHas[x] ? 1 : 0;
            accV[x] = 0;
            accHas[x] = false;
        }
        chainPos = 0;
        if (tracing()) {
            trace(cycle, job, Unit.ARRAY, -1, -1, Event.SWITCH, used);
        }
        return used;
    }

    /**
     * One shift of every column's output chain: the bottom register is written to the ofmap
     * SRAM. A shift register is modelled by its read position: after {@code s} shifts the bottom
     * holds what row {@code R-1-s} loaded at the switch.
     */
    private void drainStep(long cycle, FoldJob job, Log log) {
        int i = rows - 1 - chainPos;
        int base = i * cols;
        for (int j = 0; j < cols; j++) {
            if (chainHas[base + j]) {
                job.data().write(job.rowBase() + i, job.colBase() + j, chainV[base + j], 0);
                counts.ofmapWrites++;
                log.lastWrite = cycle;
                if (tracing()) {
                    trace(cycle, job, Unit.BOTTOM, job.rowBase() + i, job.colBase() + j, Event.WRITE_OFMAP,
                            chainV[base + j]);
                }
            }
        }
        chainPos++;
    }

    private void traceFeeds(long cycle, FoldJob job) {
        if (job == null) {
            return;
        }
        for (int i = 0; i < rows; i++) {
            if ((leftMeta[i] & VALID) != 0) {
                trace(cycle, job, Unit.LEFT, job.rowBase() + i, leftMeta[i] >>> TAG_SHIFT, Event.READ_IFMAP,
                        leftVal[i]);
            }
        }
        for (int j = 0; j < cols; j++) {
            if ((topMeta[j] & VALID) != 0) {
                trace(cycle, job, Unit.TOP, topMeta[j] >>> TAG_SHIFT, job.colBase() + j, Event.READ_FILTER,
                        topVal[j]);
            }
        }
    }
}
