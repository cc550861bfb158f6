package org.pactsim.engine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.pactsim.spec.Dataflow;

/**
 * SCALE-Sim v2's CALC-mode run of one layer, request by request, for differential tests of the
 * fold-level arithmetic in {@link ScaleSimAccess}. It builds every demand row literally (operand
 * matrices, null rows before and after each fold, the skew, the flips), then serves the rows
 * one cycle at a time through a read buffer of sets and groups and a write buffer of lines, as
 * docs/scalesim-compat.md describes SCALE-Sim's model. Slow on purpose: O(rows x lanes).
 *
 * <p>Layer: {@code h x w x ch} input (NHWC addresses), {@code fh x fw} filter, strides
 * {@code sh, sw}, {@code n} filters, SCALE-Sim's rounded-up output size, no padding.
 */
final class ScaleSimNaiveModel {
    /** The 18 detailed-report figures, the SRAM counts, and the two per-fold means. */
    record Result(long[] detail, long cycles, double mappingMean, double computeMean) {
    }

    private final Dataflow df;
    private final int r;
    private final int c;
    private final long[][] ifmap;
    private final long[][] filter;
    private final long[][] ofmap;
    private final int m;
    private final int k;
    private final int n;
    private final List<long[]> ifRows = new ArrayList<>();
    private final List<long[]> fRows = new ArrayList<>();
    private final List<long[]> oRows = new ArrayList<>();
    private long ifReads;
    private long fReads;
    private long oWrites;
    private double mapSum;
    private double computeSum;
    private int folds;

    ScaleSimNaiveModel(Dataflow df, int rows, int cols, int h, int w, int ch, int fh, int fw, int sh, int sw, int n) {
        this.df = df;
        this.r = rows;
        this.c = cols;
        int eh = (h - fh + sh + sh - 1) / sh;
        int ew = (w - fw + sw + sw - 1) / sw;
        this.m = eh * ew;
        this.k = fh * fw * ch;
        this.n = n;
        ifmap = new long[m][k];
        for (int p = 0; p < m; p++) {
            int ih = p / ew * sh;
            int iw = p % ew * sw;
            for (int q = 0; q < k; q++) {
                int wr = q / (fw * ch);
                int wc = q % (fw * ch) / ch;
                int cc = q % ch;
                ifmap[p][q] = ih + wr >= h || iw + wc >= w ? -1 : ((long) (ih + wr) * w + iw + wc) * ch + cc;
            }
        }
        filter = new long[k][n];
        ofmap = new long[m][n];
        for (int q = 0; q < k; q++) {
            for (int j = 0; j < n; j++) {
                filter[q][j] = 10_000_000L + (long) j * k + q;
            }
        }
        for (int p = 0; p < m; p++) {
            for (int j = 0; j < n; j++) {
                ofmap[p][j] = 20_000_000L + (long) p * n + j;
            }
        }
        build();
    }

    private void build() {
        int sr = df == Dataflow.OS ? m : k;
        int sc = df == Dataflow.WS ? n : df == Dataflow.OS ? n : m;
        int t = df == Dataflow.OS ? k : df == Dataflow.WS ? m : n;
        int rf = (sr + r - 1) / r;
        int cf = (sc + c - 1) / c;
        for (int colFold = 0; colFold < cf; colFold++) {
            for (int rowFold = 0; rowFold < rf; rowFold++) {
                final int fc = colFold;
                final int fr = rowFold;
                int ru = Math.min(r, sr - fr * r);
                int cu = Math.min(c, sc - fc * c);
                long[][] a;
                long[][] b;
                long[][] o;
                long cycles;
                if (df == Dataflow.OS) {
                    a = skew(pad(stream(t, r, ru, (i, l) -> ifmap[fr * r + l][i]), 0, c - 1));
                    b = skew(pad(stream(t, c, cu, (i, l) -> filter[i][fc * c + l]), 0, r - 1));
                    long[][] block = flip(tile(r, c, ru, cu, (i, j) -> ofmap[fr * r + i][fc * c + j]));
                    o = skew(pad(block, t - 1, 0));
                    cycles = (t - 1L + r) + c - 1;
                    ifReads += (long) t * ru;
                    fReads += (long) t * cu;
                    oWrites += (long) ru * cu + r + c;
                } else if (df == Dataflow.WS) {
                    a = skew(pad(stream(t, r, ru, (i, l) -> ifmap[i][fr * r + l]), r, c - 1));
                    long[][] block = flip(tile(r, c, ru, cu, (i, j) -> filter[fr * r + i][fc * c + j]));
                    b = pad(block, 0, r + c + t - 2);
                    o = skew(pad(stream(t, c, cu, (i, l) -> ofmap[i][fc * c + l]), 2 * r - 1, 0));
                    cycles = (long) b.length + c - 1;
                    ifReads += (long) t * ru;
                    fReads += (long) ru * cu;
                    oWrites += (long) t * cu;
                } else {
                    long[][] block = flip(tile(r, c, ru, cu, (i, j) -> ifmap[fc * c + j][fr * r + i]));
                    a = pad(block, 0, r + c + t - 2);
                    b = skew(pad(stream(t, r, ru, (i, l) -> filter[fr * r + l][i]), r, c - 1));
                    o = skew(pad(stream(t, c, cu, (i, l) -> ofmap[fc * c + l][i]), 2 * r - 1, 0));
                    cycles = (long) a.length + c - 1;
                    ifReads += (long) ru * cu;
                    fReads += (long) t * ru;
                    oWrites += (long) t * cu;
                }
                if (a.length != b.length || a.length != o.length) {
                    throw new AssertionError("fold rows differ: " + a.length + " " + b.length + " " + o.length);
                }
                ifRows.addAll(List.of(a));
                fRows.addAll(List.of(b));
                oRows.addAll(List.of(o));
                mapSum += (double) (ru * cu) / (r * c);
                computeSum += (double) ((long) ru * cu * t) / ((double) r * c * cycles);
                folds++;
            }
        }
    }

    interface Cell {
        long at(int i, int l);
    }

    /** {@code t} rows of {@code lanes} lanes; lanes from {@code used} on are empty. */
    private static long[][] stream(int t, int lanes, int used, Cell cell) {
        long[][] x = new long[t][lanes];
        for (int i = 0; i < t; i++) {
            for (int l = 0; l < lanes; l++) {
                x[i][l] = l < used ? cell.at(i, l) : -1;
            }
        }
        return x;
    }

    /** An {@code rows x cols} tile whose first {@code ru x cu} cells are used. */
    private static long[][] tile(int rows, int cols, int ru, int cu, Cell cell) {
        long[][] x = new long[rows][cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                x[i][j] = i < ru && j < cu ? cell.at(i, j) : -1;
            }
        }
        return x;
    }

    private static long[][] flip(long[][] x) {
        long[][] y = new long[x.length][];
        for (int i = 0; i < x.length; i++) {
            y[i] = x[x.length - 1 - i];
        }
        return y;
    }

    /** {@code before} empty rows, then {@code x}, then {@code after} empty rows. */
    private static long[][] pad(long[][] x, int before, int after) {
        int lanes = x[0].length;
        long[][] y = new long[before + x.length + after][lanes];
        for (long[] row : y) {
            java.util.Arrays.fill(row, -1);
        }
        for (int i = 0; i < x.length; i++) {
            y[before + i] = x[i].clone();
        }
        return y;
    }

    /** Lane {@code l} delayed by {@code l} rows. */
    private static long[][] skew(long[][] x) {
        int lanes = x[0].length;
        long[][] y = new long[x.length + lanes - 1][lanes];
        for (long[] row : y) {
            java.util.Arrays.fill(row, -1);
        }
        for (int i = 0; i < x.length; i++) {
            for (int l = 0; l < lanes; l++) {
                y[i + l][l] = x[i][l];
            }
        }
        return y;
    }

    /** Serves every row through buffers of the given sizes in words. */
    Result run(long ifWords, long fWords, long oWords) {
        ReadBuf ib = new ReadBuf(ifWords);
        ReadBuf fb = new ReadBuf(fWords);
        WriteBuf ob = new WriteBuf(oWords, c);
        for (int i = 0; i < ifRows.size(); i++) {
            ib.serve(i, ifRows.get(i));
            fb.serve(i, fRows.get(i));
            ob.serve(i, oRows.get(i));
        }
        long last = ifRows.size() - 1L;
        ib.finish();
        fb.finish();
        ob.finish(last);
        long[] d = {
            firstValid(ifRows) + 1, lastValid(ifRows) + 1, ifReads,
            firstValid(fRows) + 1, lastValid(fRows) + 1, fReads,
            firstValid(oRows), lastValid(oRows), oWrites,
            ib.first, ib.last, ib.reads, fb.first, fb.last, fb.reads, ob.first, ob.last, ob.writes};
        return new Result(d, last, mapSum / folds * 100, computeSum / folds * 100);
    }

    private static long firstValid(List<long[]> rows) {
        for (int i = 0; i < rows.size(); i++) {
            for (long a : rows.get(i)) {
                if (a != -1) {
                    return i;
                }
            }
        }
        return -1;
    }

    private static long lastValid(List<long[]> rows) {
        for (int i = rows.size() - 1; i >= 0; i--) {
            for (long a : rows.get(i)) {
                if (a != -1) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** Read buffer: sets of words/100 distinct addresses, 50 sets to a group, 10 words a cycle first. */
    private static final class ReadBuf {
        final long items;
        final Set<Long> group = new HashSet<>();
        long inSet;
        long sets;
        long firstReq = -1;
        boolean triggered;
        long lastStart;
        long lastEnd;
        long first = Long.MIN_VALUE;
        long last;
        long reads;

        ReadBuf(long words) {
            items = words / 100;
        }

        void serve(long cycle, long[] row) {
            for (long a : row) {
                if (a == -1) {
                    continue;
                }
                if (firstReq < 0) {
                    firstReq = cycle;
                }
                if (!group.add(a)) {
                    continue;
                }
                if (++inSet == items) {
                    inSet = 0;
                    if (++sets == 50) {
                        trigger(cycle);
                    }
                }
            }
        }

        private void trigger(long cycle) {
            if (!triggered) {
                long end = firstReq - 2;
                long cycles = (50 * items + 9) / 10;
                record(end - cycles + 2, end + 1);
                lastStart = end + 1;
                triggered = true;
            } else {
                record(lastStart + 1, lastEnd + 1);
                lastStart = lastEnd + 1;
            }
            lastEnd = cycle;
            reads += group.size();
            group.clear();
            sets = 0;
        }

        void finish() {
            if (!triggered) {
                long used = sets + (inSet > 0 ? 1 : 0);
                long cycles = (used * items + 9) / 10;
                record(-cycles, -1);
            } else {
                record(lastStart + 1, lastEnd + 1);
            }
            reads += group.size();
        }

        private void record(long from, long to) {
            if (first == Long.MIN_VALUE) {
                first = from;
            }
            last = to;
        }
    }

    /** Write buffer: lines of one word per array column; drains half the buffer at a time. */
    private static final class WriteBuf {
        final long total;
        final long active;
        final long lineWords;
        final long linesPerDrain;
        final List<Long> lines = new ArrayList<>();
        long open;
        long free;
        int drained;
        long drainEnd;
        long first = Long.MIN_VALUE;
        long last;
        long writes;

        WriteBuf(long words, long lineWords) {
            total = words;
            active = (words + 1) / 2;
            this.lineWords = lineWords;
            linesPerDrain = (total - active + lineWords - 1) / lineWords;
            free = total;
        }

        void serve(long cycle, long[] row) {
            for (long a : row) {
                if (a == -1) {
                    continue;
                }
                free--;
                if (++open == lineWords) {
                    lines.add(open);
                    open = 0;
                }
                if (cycle < drainEnd) {
                    if (free <= 0) {
                        throw new AssertionError("SCALE-Sim would stall here");
                    }
                } else if (free < active) {
                    close();
                    drainEnd = batch(cycle);
                }
            }
        }

        private void close() {
            if (open > 0) {
                lines.add(open);
                open = 0;
            }
        }

        private long batch(long start) {
            int end = (int) Math.min(drained + linesPerDrain, lines.size());
            long count = (long) end - drained;
            long data = count * lineWords - (lineWords - lines.get(end - 1));
            writes += data;
            free += data;
            drained = end;
            if (first == Long.MIN_VALUE) {
                first = start;
            }
            last = start + count - 1;
            return last;
        }

        void finish(long cycle) {
            close();
            long at = cycle;
            while (drained < lines.size()) {
                drainEnd = batch(at);
                at = drainEnd + 1;
            }
        }
    }
}
