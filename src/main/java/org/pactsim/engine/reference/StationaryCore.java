package org.pactsim.engine.reference;

import java.util.ArrayList;
import java.util.List;
import org.pactsim.engine.reference.CycleTrace.Event;
import org.pactsim.engine.reference.CycleTrace.Unit;

/**
 * One core's weight- or input-stationary array, register by register. PE {@code (r, c)} holds
 * the stationary operand {@code S[rowBase+r][colBase+c]} (WS: {@code W[k][n]}; IS:
 * {@code I[m][k]}). Streamed vectors enter from the left (row {@code r} skewed by {@code r}
 * cycles) and are passed right; partial sums enter at the top of each column (zero in the first
 * row fold, read back from the ofmap SRAM in later ones), flow down one PE per cycle, gain one
 * product per PE, and are written to the ofmap SRAM as they leave the bottom. A fold's last
 * output leaves the bottom-right PE {@code P - 1 = T + R + C - 3} cycles after its first issue.
 *
 * <p>Preload: the stationary operands are shifted down the columns from the top, one row per
 * cycle ({@code R} cycles; the bottom row's value enters first). Serial array: the preload
 * writes the PEs' working registers while the array is idle, so each fold costs {@code R + P}.
 * Double-buffered array: the preload fills shadow registers while the previous fold streams,
 * and one global switch copies them into the working registers when that fold's last slot has
 * passed the bottom-right PE (waiting for the preload to finish if it has not, which never
 * happens as {@code R <= P}); the next fold streams from the following cycle.
 */
final class StationaryCore extends Core {
    private final boolean inputStationary;
    private final long[] hVal;
    private final long[] vVal;
    private final int[] hMeta;
    private final int[] vMeta;
    private final long[] stat;
    private final boolean[] statHas;
    private final long[] shadow;
    private final boolean[] shadowHas;
    private final long[] preloadVal;
    private final boolean[] preloadHas;
    private final int[] preloadRow;

    StationaryCore(Setup s, boolean inputStationary) {
        super(s);
        this.inputStationary = inputStationary;
        int n = rows * cols;
        hVal = new long[n];
        vVal = new long[n];
        hMeta = new int[n];
        vMeta = new int[n];
        stat = new long[n];
        statHas = new boolean[n];
        shadow = serial ? stat : new long[n];
        shadowHas = serial ? statHas : new boolean[n];
        preloadVal = new long[cols];
        preloadHas = new boolean[cols];
        preloadRow = new int[1];
    }

    @Override
    List<FoldEvents> run(List<FoldJob> jobs) {
        List<FoldEvents> out = new ArrayList<>(jobs.size());
        int next = 0;
        FoldJob cur = null;
        Log curLog = null;
        FoldJob loading = null;
        Log loadingLog = null;
        int loadStep = 0;
        FoldJob loaded = null;
        Log loadedLog = null;
        FoldJob armed = null;
        Log armedLog = null;
        long sTau = 0;
        long cycle = 0;
        long tau = 0;
        while (next < jobs.size() || cur != null || loading != null || loaded != null || armed != null) {
            if (cur == null && armed != null) {
                cur = armed;
                curLog = armedLog;
                armed = null;
                curLog.streamStart = cycle;
                sTau = tau;
            }
            if (loading == null && loaded == null && next < jobs.size() && (!serial || (cur == null && armed == null))) {
                loading = jobs.get(next++);
                loadingLog = new Log(loading, cycle);
                loadStep = 0;
            }
            int streamReads = 0;
            int psumReads = 0;
            int statReads = 0;
            if (cur != null) {
                int d = (int) (tau - sTau);
                streamReads = feedLeft(d, cur);
                psumReads = feedTop(d, cur);
            } else {
                java.util.Arrays.fill(leftMeta, 0);
                java.util.Arrays.fill(topMeta, 0);
            }
            if (loading != null) {
                statReads = feedPreload(loadStep, loading);
            }
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
            if (tracing()) {
                traceFeeds(cycle, cur, loading);
            }
            boolean done = false;
            if (cur != null) {
                done = step(cycle, cur, curLog);
            }
            if (loading != null) {
                loadRow();
                if (++loadStep == rows) {
                    loaded = loading;
                    loadedLog = loadingLog;
                    loading = null;
                }
            }
            if (done) {
                curLog.computeEnd = cycle;
                out.add(curLog.done());
                cur = null;
            }
            if (loaded != null && cur == null && armed == null) {
                loadedLog.usedPes = switchFold(cycle, loaded);
                armed = loaded;
                armedLog = loadedLog;
                loaded = null;
            }
            cycle++;
            tau++;
        }
        counts.cycles = cycle;
        return out;
    }

    private long streamed(FoldJob job, int t, int r) {
        return inputStationary ? job.data().weight(r, t) : job.data().input(t, r);
    }

    private long stationary(FoldJob job, int r, int c) {
        return inputStationary ? job.data().input(c, r) : job.data().weight(r, c);
    }

    private int feedLeft(int d, FoldJob job) {
        int reads = 0;
        int t = job.t();
        for (int r = 0; r < rows; r++) {
            int k = d - r;
            if (k < 0 || k >= t) {
                leftMeta[r] = 0;
                continue;
            }
            int f = k == t - 1 ? SLOT | LAST : SLOT;
            if (r < job.rowsUsed()) {
                f |= VALID;
                leftVal[r] = streamed(job, k, job.rowBase() + r);
                reads++;
            }
            leftMeta[r] = k << TAG_SHIFT | f;
        }
        return reads;
    }

    /** Partial sums in at the top: zero in the first row fold, read back in later ones. */
    private int feedTop(int d, FoldJob job) {
        int reads = 0;
        int t = job.t();
        for (int c = 0; c < cols; c++) {
            int k = d - c;
            if (k < 0 || k >= t) {
                topMeta[c] = 0;
                continue;
            }
            int f = k == t - 1 ? SLOT | LAST : SLOT;
            if (c < job.colsUsed()) {
                f |= VALID;
                if (job.pass() == 0) {
                    topVal[c] = 0;
                } else {
                    int oc = job.colBase() + c;
                    topVal[c] = inputStationary ? job.data().readPartial(oc, k, job.pass())
                            : job.data().readPartial(k, oc, job.pass());
                    reads++;
                }
            }
            topMeta[c] = k << TAG_SHIFT | f;
        }
        return reads;
    }

    /** Preload step {@code q} feeds every column the operand of row {@code R-1-q}. */
    private int feedPreload(int q, FoldJob job) {
        int r = rows - 1 - q;
        preloadRow[0] = r;
        int reads = 0;
        for (int c = 0; c < cols; c++) {
            boolean has = r < job.rowsUsed() && c < job.colsUsed();
            preloadHas[c] = has;
            if (has) {
                preloadVal[c] = stationary(job, job.rowBase() + r, job.colBase() + c);
                reads++;
            }
        }
        return reads;
    }

    /**
     * The preload chain after this step. Nothing reads the chain before its {@code R}-th
     * shift, so the chain is modelled by writing each value at the row it settles in: after
     * {@code R} shifts row {@code r} holds what the top fed at step {@code R-1-r}.
     */
    private void loadRow() {
        int base = preloadRow[0] * cols;
        for (int c = 0; c < cols; c++) {
            shadow[base + c] = preloadVal[c];
            shadowHas[base + c] = preloadHas[c];
        }
    }

    /** Global switch: the shadow registers become the working ones (same registers if serial). */
    private long switchFold(long cycle, FoldJob job) {
        long used = 0;
        if (!serial) {
            System.arraycopy(shadow, 0, stat, 0, stat.length);
            System.arraycopy(shadowHas, 0, statHas, 0, statHas.length);
        }
        for (boolean b : statHas) {
            used += b ? 1 : 0;
        }
        if (tracing()) {
            trace(cycle, job, Unit.ARRAY, -1, -1, Event.SWITCH, used);
        }
        return used;
    }

    /**
     * One clock edge of the PE grid; returns true when the fold's last slot reached the corner.
     * PEs are updated in reverse order, so each reads its left and upper neighbours' registers
     * before they change: in place, yet exactly the synchronous update.
     */
    private boolean step(long cycle, FoldJob job, Log log) {
        long macs = 0;
        boolean tr = tracing();
        int last = rows - 1;
        for (int i = last; i >= 0; i--) {
            int base = i * cols;
            for (int j = cols - 1; j >= 0; j--) {
                int x = base + j;
                long hv = j == 0 ? leftVal[i] : hVal[x - 1];
                int hm = j == 0 ? leftMeta[i] : hMeta[x - 1];
                long vv = i == 0 ? topVal[j] : vVal[x - cols];
                int vm = i == 0 ? topMeta[j] : vMeta[x - cols];
                if ((hm & VALID) != 0 && statHas[x]) {
                    if ((vm & VALID) == 0 || (hm ^ vm) >>> TAG_SHIFT != 0) {
                        throw skew(cycle, i, j, hm >>> TAG_SHIFT, (vm & VALID) == 0 ? -1 : vm >>> TAG_SHIFT);
                    }
                    vv = acc.mac(vv, hv, stat[x]);
                    macs++;
                    if (tr) {
                        trace(cycle, job, Unit.PE, i, j, Event.MAC, vv);
                    }
                }
                hVal[x] = hv;
                hMeta[x] = hm;
                vVal[x] = vv;
                vMeta[x] = vm;
                if (i == last && (vm & VALID) != 0) {
                    output(cycle, job, log, j, vm >>> TAG_SHIFT, vv, tr);
                }
            }
        }
        counts.macs += macs;
        log.macs += macs;
        return (hMeta[hMeta.length - 1] & LAST) != 0;
    }

    /** An output leaves the bottom of column {@code j}: written to the ofmap SRAM. */
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

    private void traceFeeds(long cycle, FoldJob cur, FoldJob loading) {
        Event streamRead = inputStationary ? Event.READ_FILTER : Event.READ_IFMAP;
        if (cur != null) {
            for (int r = 0; r < rows; r++) {
                if ((leftMeta[r] & VALID) != 0) {
                    trace(cycle, cur, Unit.LEFT, cur.rowBase() + r, leftMeta[r] >>> TAG_SHIFT, streamRead, leftVal[r]);
                }
            }
            if (cur.pass() > 0) {
                for (int c = 0; c < cols; c++) {
                    if ((topMeta[c] & VALID) != 0) {
                        trace(cycle, cur, Unit.TOP, topMeta[c] >>> TAG_SHIFT, cur.colBase() + c, Event.READ_OFMAP,
                                topVal[c]);
                    }
                }
            }
        }
        if (loading != null) {
            for (int c = 0; c < cols; c++) {
                if (preloadHas[c]) {
                    trace(cycle, loading, Unit.TOP, preloadRow[0], c, Event.PRELOAD, preloadVal[c]);
                }
            }
        }
    }
}
