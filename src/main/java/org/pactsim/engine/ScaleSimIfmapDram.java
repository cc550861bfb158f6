package org.pactsim.engine;

import java.util.Arrays;
import org.pactsim.engine.ScaleSimFolds.Operand;
import org.pactsim.engine.ScaleSimFolds.Pattern;
import org.pactsim.spec.Dataflow;

/**
 * SCALE-Sim's ifmap requests: first and last request row, and the DRAM reads of CALC mode.
 *
 * <p>Which ifmap word a lane asks for: OS lane {@code l} is output pixel {@code fr*R + l} and
 * its element {@code i} is window position {@code k = i}; WS lane {@code l} is window position
 * {@code fr*R + l} and element {@code i} is pixel {@code i}; IS (stationary) lane {@code l} is
 * pixel {@code fc*C + l} and block row {@code p} is window position {@code fr*R + p}.
 *
 * <p>DRAM reads: when all distinct ifmap words fit in one group of the read buffer there is
 * no trigger and the figures are closed form. Otherwise folds are taken whole while they do
 * not fill the group (the words of a fold are a union of window rows, kept as a bit set), and
 * only a fold in which the group fills is walked request by request, in SCALE-Sim's order.
 * Under OS and WS every column fold replays the same blocks, so when a pass over them ends
 * in the state the previous pass ended in, the later passes are repeats and are not run.
 * Cost: O(folds x words spanned by a fold / 64) plus the requests of the walked folds.
 */
final class ScaleSimIfmapDram {
    private final ScaleSimFolds layout;
    private final ScaleSimIm2col x;

    ScaleSimIfmapDram(ScaleSimFolds layout, ScaleSimIm2col x) {
        this.layout = layout;
        this.x = x;
    }

    /**
     * Most requests a layer may have for its ifmap stream to be walked: past it (overlapping
     * windows on inputs far larger than the read buffer, e.g. UNet on a 64 KiB buffer, where
     * SCALE-Sim itself runs for hours) the caller estimates instead.
     */
    static final long WALK_BUDGET = 200_000_000L;

    /**
     * {start cycle, stop cycle, reads} of the ifmap DRAM reads, or null past the bit-set limit
     * or the walk budget.
     */
    DramWindow dram(ScaleSimReadBuffer buf, long firstRow) {
        long distinct = x.distinct();
        if (distinct < buf.group) {
            return buf.finish(distinct, firstRow);
        }
        if (x.oneToOne()) {
            return ScaleSimBlockDram.run(layout, Operand.IFMAP, buf, firstRow);
        }
        if (x.space() > ScaleSimBits.MAX_SIZE) {
            return null;
        }
        if (layout.total(Operand.IFMAP) > WALK_BUDGET) {
            return byFolds(buf, firstRow);
        }
        ScaleSimBits held = new ScaleSimBits(x.space());
        ScaleSimBits fold = new ScaleSimBits(x.space());
        long count = 0;
        // OS and WS replay the same row-fold blocks in every column fold (a "pass"): once a
        // pass ends in the state the previous one ended in, every later pass repeats it.
        boolean replays = layout.df != Dataflow.IS;
        long rf = layout.g.rowFolds();
        long[] lastState = null;
        long lastTriggers = 0;
        for (long f = 0; f < layout.folds; f++) {
            addFold(fold, f);
            long fresh = fold.countNotIn(held);
            if (count + fresh < buf.group) {
                held.addAll(fold);
                count += fresh;
            } else {
                count = walk(f, held, count, buf);
            }
            fold.clear();
            if (replays && (f + 1) % rf == 0 && f + 1 < layout.folds) {
                long[] state = held.snapshot();
                if (lastState != null && Arrays.equals(state, lastState)) {
                    long passesLeft = (layout.folds - f - 1) / rf;
                    long perPass = buf.triggers() - lastTriggers;
                    buf.repeat(Math.multiplyExact(passesLeft, perPass),
                            buf.lastTriggerRow() + Math.multiplyExact(passesLeft, rf * layout.period));
                    break;
                }
                lastState = state;
                lastTriggers = buf.triggers();
            }
        }
        return buf.finish(count, firstRow);
    }

    /**
     * The estimate past the walk budget: the same group bookkeeping with whole folds as the
     * unit. A fold in which the group fills is taken as spending its new words evenly over its
     * rows: the group fills after the share of the fold that brings the missing words, and the
     * rest of the fold's words open the next groups. Not exact: a fold's repeated words and
     * the order inside it are ignored (see docs/scalesim-compat.md for the measured error).
     */
    DramWindow byFolds(ScaleSimReadBuffer buf, long firstRow) {
        ScaleSimBits held = new ScaleSimBits(x.space());
        ScaleSimBits fold = new ScaleSimBits(x.space());
        long count = 0;
        for (long f = 0; f < layout.folds; f++) {
            addFold(fold, f);
            long fresh = fold.countNotIn(held);
            if (count + fresh < buf.group) {
                held.addAll(fold);
                count += fresh;
            } else {
                long words = fold.count();
                Pattern p = layout.pattern(Operand.IFMAP, f);
                long rows = p.lastRow() - p.firstRow();
                double used = (double) (buf.group - count) / fresh;
                buf.trigger(layout.start(f) + p.firstRow() + Math.round(rows * used));
                double left = words * (1 - used);
                while (left >= buf.group) {
                    used += (double) buf.group / words;
                    buf.trigger(layout.start(f) + p.firstRow() + Math.round(rows * Math.min(1, used)));
                    left -= buf.group;
                }
                held.clear();
                held.addAll(fold);
                count = Math.round(left);
            }
            fold.clear();
        }
        return buf.finish(count, firstRow);
    }

    /** Every address fold {@code f} asks for. */
    private void addFold(ScaleSimBits bits, long f) {
        long r = layout.r;
        long fr = layout.rowFold(f);
        long ru = layout.rowsUsed(fr);
        switch (layout.df) {
            case OS:
                for (long p = fr * r; p < fr * r + ru; p++) {
                    x.set(bits, p, 0, layout.k);
                }
                break;
            case WS:
                for (long p = 0; p < layout.m; p++) {
                    x.set(bits, p, fr * r, fr * r + ru);
                }
                break;
            default:
                long fc = layout.colFold(f);
                long c0 = fc * layout.c;
                for (long p = c0; p < c0 + layout.colsUsed(fc); p++) {
                    x.set(bits, p, fr * r, fr * r + ru);
                }
                break;
        }
    }

    /** Serves fold {@code f} request by request; returns the words of the group open after it. */
    private long walk(long f, ScaleSimBits held, long count, ScaleSimReadBuffer buf) {
        Pattern p = layout.pattern(Operand.IFMAP, f);
        long start = layout.start(f);
        int width = (int) p.width();
        long off = p.off();
        long len = p.len();
        long group = buf.group;
        int k0 = (int) (layout.rowFold(f) * layout.r);
        if (layout.df == Dataflow.WS) {
            // lanes are window positions, elements are pixels (one less on each next lane)
            int[] laneRow = new int[width];
            int[] laneCol = new int[width];
            long[] laneOff = new long[width];
            for (int l = 0; l < width; l++) {
                laneRow[l] = x.kRow(k0 + l);
                laneCol[l] = x.kCol(k0 + l);
                laneOff[l] = x.kOff(k0 + l);
            }
            for (long row = p.firstRow(); row <= p.lastRow(); row++) {
                int lmin = (int) Math.max(0, row - off - len + 1);
                int lmax = (int) Math.min(width - 1, row - off);
                long pixel = row - off - lmin;
                long outRow = pixel / x.ew;
                long outCol = pixel - outRow * x.ew;
                for (int l = lmin; l <= lmax; l++) {
                    long ih = outRow * x.sh;
                    long iw = outCol * x.sw;
                    if (ih + laneRow[l] < x.h && iw + laneCol[l] < x.w
                            && held.add(ih * x.wc + iw * x.ch + laneOff[l]) && ++count == group) {
                        buf.trigger(start + row);
                        held.clear();
                        count = 0;
                    }
                    if (--outCol < 0) {
                        outCol = x.ew - 1;
                        outRow--;
                    }
                }
            }
            return count;
        }
        // lanes are pixels; OS elements and IS block rows are window positions
        long p0 = layout.df == Dataflow.OS ? k0 : layout.colFold(f) * layout.c;
        long[] laneIh = new long[width];
        long[] laneIw = new long[width];
        long[] laneBase = new long[width];
        for (int l = 0; l < width; l++) {
            laneIh[l] = x.pixelRow(p0 + l);
            laneIw[l] = x.pixelCol(p0 + l);
            laneBase[l] = x.pixelBase(p0 + l);
        }
        boolean os = layout.df == Dataflow.OS;
        for (long row = p.firstRow(); row <= p.lastRow(); row++) {
            int lmin = os ? (int) Math.max(0, row - off - len + 1) : 0;
            int lmax = os ? (int) Math.min(width - 1, row - off) : width - 1;
            for (int l = lmin; l <= lmax; l++) {
                int k = os ? (int) (row - off - l) : (int) (k0 + layout.r - 1 - row);
                if (laneIh[l] + x.kRow(k) < x.h && laneIw[l] + x.kCol(k) < x.w
                        && held.add(laneBase[l] + x.kOff(k)) && ++count == group) {
                    buf.trigger(start + row);
                    held.clear();
                    count = 0;
                }
            }
        }
        return count;
    }

    /** The address lane {@code l} of fold {@code f} asks for on local row {@code row}, or -1. */
    private long addr(long f, Pattern p, long row, long l) {
        long r = layout.r;
        if (p.skewed()) {
            long i = row - p.off() - l;
            long base = layout.rowFold(f) * r;
            return layout.df == Dataflow.OS ? x.addr(base + l, i) : x.addr(i, base + l);
        }
        long blockRow = r - 1 - row;
        return x.addr(layout.colFold(f) * layout.c + l, layout.rowFold(f) * r + blockRow);
    }

    /** Row of the first request, or -1 if there is none. */
    long firstRow() {
        for (long f = 0; f < layout.folds; f++) {
            Pattern p = layout.pattern(Operand.IFMAP, f);
            for (long row = p.firstRow(); row <= p.lastRow(); row++) {
                if (anyOnRow(f, p, row)) {
                    return layout.start(f) + row;
                }
            }
        }
        return -1;
    }

    /** Row of the last request, or -1 if there is none. */
    long lastRow() {
        for (long f = layout.folds - 1; f >= 0; f--) {
            Pattern p = layout.pattern(Operand.IFMAP, f);
            for (long row = p.lastRow(); row >= p.firstRow(); row--) {
                if (anyOnRow(f, p, row)) {
                    return layout.start(f) + row;
                }
            }
        }
        return -1;
    }

    private boolean anyOnRow(long f, Pattern p, long row) {
        long lmin = p.skewed() ? Math.max(0, row - p.off() - p.len() + 1) : 0;
        long lmax = p.skewed() ? Math.min(p.width() - 1, row - p.off()) : p.width() - 1;
        for (long l = lmin; l <= lmax; l++) {
            if (addr(f, p, row, l) >= 0) {
                return true;
            }
        }
        return false;
    }
}
