package org.pactsim.engine;

import static java.lang.Math.addExact;
import static java.lang.Math.multiplyExact;

import org.pactsim.mapping.FoldGeometry;
import org.pactsim.spec.Dataflow;
import org.pactsim.workload.Gemm;

/**
 * Where SCALE-Sim v2 puts each operand request of a layer in time: its demand matrices, one
 * row per cycle and one column per array lane, reduced to arithmetic.
 *
 * <p>Folds run one after another, column folds outer and row folds inner, each {@link #period}
 * rows long ({@code T+R+C-2} for OS, {@code 2R+C+T-2} for WS/IS). Inside a fold every operand
 * follows one of two {@link Pattern}s:
 * <ul>
 * <li>skewed: lane {@code l} reads (or writes) its {@code i}-th element on local row
 *     {@code off + l + i}, {@code 0 <= i < len}, for the {@code width} lanes in use; rows
 *     are served lane by lane, lowest lane first;</li>
 * <li>stationary: the {@code len} rows before row {@code R} load one operand row each, in
 *     reverse order (local row {@code R-1-p} holds row {@code p}), {@code width} lanes wide.</li>
 * </ul>
 * Which operand index a lane and element stand for is in {@link ScaleSimIfmapDram} and
 * {@link ScaleSimBlockDram}. Sizes are in elements; rows are cycles, SCALE-Sim's trace rows
 * before its one-cycle read latency is added.
 */
final class ScaleSimFolds {
    /** The three operand streams of a layer. */
    enum Operand { IFMAP, FILTER, OFMAP }

    final FoldGeometry g;
    final Dataflow df;
    final long r;
    final long c;
    final long m;
    final long n;
    final long k;
    final long period;
    final long folds;

    ScaleSimFolds(FoldGeometry g, Gemm gemm) {
        this.g = g;
        this.df = g.dataflow();
        this.r = g.rows();
        this.c = g.cols();
        this.m = gemm.m();
        this.n = gemm.n();
        this.k = gemm.k();
        long span = addExact(g.t(), r + c - 2);
        this.period = df == Dataflow.OS ? span : addExact(span, r);
        this.folds = g.folds();
    }

    long rowFold(long f) {
        return f % g.rowFolds();
    }

    long colFold(long f) {
        return f / g.rowFolds();
    }

    long start(long f) {
        return multiplyExact(f, period);
    }

    long rowsUsed(long fr) {
        return g.rowsUsed(fr);
    }

    long colsUsed(long fc) {
        return g.colsUsed(fc);
    }

    /** SCALE-Sim's reported cycle count: the index of the last row of the last fold. */
    long reportedCycles() {
        return multiplyExact(folds, period) - 1;
    }

    /** The pattern of {@code op} in fold {@code f}. */
    Pattern pattern(Operand op, long f) {
        long fr = rowFold(f);
        long fc = colFold(f);
        long ru = rowsUsed(fr);
        long cu = colsUsed(fc);
        switch (op) {
            case IFMAP:
                switch (df) {
                    case OS: return Pattern.skewed(0, k, ru);
                    case WS: return Pattern.skewed(r, m, ru);
                    default: return Pattern.stationary(r, ru, cu);
                }
            case FILTER:
                switch (df) {
                    case OS: return Pattern.skewed(0, k, cu);
                    case WS: return Pattern.stationary(r, ru, cu);
                    default: return Pattern.skewed(r, n, ru);
                }
            default:
                switch (df) {
                    case OS: return Pattern.skewed(k - 1 + r - ru, ru, cu);
                    case WS: return Pattern.skewed(2 * r - 1, m, cu);
                    default: return Pattern.skewed(2 * r - 1, n, cu);
                }
        }
    }

    /** Elements of {@code op} in all folds before fold {@code f}. */
    long countBefore(Operand op, long f) {
        // Column folds before the last all have full lanes, row folds before the last all
        // have full rows: two products, no loop over folds.
        long rf = g.rowFolds();
        long fc = f / rf;
        long fr = f % rf;
        long full = fc > 0 ? multiplyExact(fc, columnFoldCount(op, 0)) : 0;
        long part = fr > 0 ? multiplyExact(fr, pattern(op, fc * rf).count()) : 0;
        return addExact(full, part);
    }

    /** Elements of {@code op} in the folds of column fold {@code fc}. */
    private long columnFoldCount(Operand op, long fc) {
        long rf = g.rowFolds();
        long first = fc * rf;
        return addExact(multiplyExact(rf - 1, pattern(op, first).count()), pattern(op, first + rf - 1).count());
    }

    /** Elements of {@code op} in the whole layer. */
    long total(Operand op) {
        return countBefore(op, folds - 1) + pattern(op, folds - 1).count();
    }

    /** The fold that holds element {@code index} (0-based, layer order) of {@code op}. */
    long foldOf(Operand op, long index) {
        long lo = 0;
        long hi = folds - 1;
        while (lo < hi) {
            long mid = (lo + hi + 1) >>> 1;
            if (countBefore(op, mid) <= index) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /**
     * One operand's requests inside a fold. For a skewed pattern local row {@code off + l + i}
     * holds element {@code i} of lane {@code l}; for a stationary one local row
     * {@code rows - 1 - p} holds row {@code p} of the block on every lane.
     */
    record Pattern(boolean skewed, long off, long len, long width, long rows) {
        static Pattern skewed(long off, long len, long width) {
            return new Pattern(true, off, len, width, 0);
        }

        static Pattern stationary(long rows, long len, long width) {
            return new Pattern(false, rows - len, len, width, rows);
        }

        long count() {
            return multiplyExact(len, width);
        }

        long firstRow() {
            return off;
        }

        long lastRow() {
            return skewed ? off + len + width - 2 : rows - 1;
        }

        /** Elements on local rows before {@code row}. */
        long before(long row) {
            long x = row - off;
            if (!skewed) {
                return multiplyExact(Math.max(0, Math.min(x, len)), width);
            }
            return ramp(x) - ramp(x - len);
        }

        /** Sum over lanes {@code l < width} of {@code max(0, y - l)}. */
        private long ramp(long y) {
            if (y <= 0) {
                return 0;
            }
            if (y <= width) {
                return multiplyExact(y, y + 1) / 2;
            }
            return multiplyExact(width, y) - multiplyExact(width, width - 1) / 2;
        }

        /** The local row of element {@code p} (0-based, in service order). */
        long rowOf(long p) {
            if (!skewed) {
                return off + p / width;
            }
            long lo = off;
            long hi = lastRow();
            while (lo < hi) {
                long mid = (lo + hi) >>> 1;
                if (before(mid + 1) > p) {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            return lo;
        }
    }
}
