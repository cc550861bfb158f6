package org.pactsim.engine;

import java.math.BigDecimal;
import java.math.MathContext;
import org.pactsim.mapping.FoldGeometry;
import org.pactsim.spec.Dataflow;

/**
 * The three percentages of SCALE-Sim's {@code COMPUTE_REPORT.csv}, computed the way SCALE-Sim
 * rounds them, so that the printed digits match, not only the values.
 *
 * <p>{@code Overall Util %} is {@code macs*100 / (cycles*R*C)}, one correctly rounded
 * division. {@code Mapping Efficiency %} and {@code Compute Util %} are means of per-fold
 * ratios, summed left to right in fold order (column folds outer) in doubles, divided by the
 * fold count, then multiplied by 100. Per fold: mapping {@code used PEs / (R*C)}; compute
 * {@code used PEs * T / (R*C*cyc)} with {@code cyc = T+R+C-2} (OS) or {@code 2R+2C+T-3}
 * (WS, IS).
 *
 * @param overallUtil percent
 * @param mappingEfficiency percent
 * @param computeUtil percent
 */
public record ScaleSimUtilization(double overallUtil, double mappingEfficiency, double computeUtil) {
    /** Above this many folds the means are taken in closed form (within an ulp or two). */
    static final long MAX_SUMMED_FOLDS = 50_000_000L;

    public static ScaleSimUtilization of(LayerResult r) {
        FoldGeometry g = r.geometry();
        long pes = (long) g.rows() * g.cols();
        double overall = divide(Math.multiplyExact(r.macs(), 100), Math.multiplyExact(r.cycles(), pes));
        long cyc = g.dataflow() == Dataflow.OS ? g.t() + g.rows() + g.cols() - 2
                : 2L * g.rows() + 2L * g.cols() + g.t() - 3;
        long folds = g.folds();
        double mapSum = 0;
        double computeSum = 0;
        if (folds <= MAX_SUMMED_FOLDS) {
            for (long fc = 0; fc < g.colFolds(); fc++) {
                for (long fr = 0; fr < g.rowFolds(); fr++) {
                    long used = g.rowsUsed(fr) * g.colsUsed(fc);
                    mapSum += (double) used / pes;
                    computeSum += divide(Math.multiplyExact(used, g.t()), Math.multiplyExact(pes, cyc));
                }
            }
        } else {
            mapSum = (double) g.usedPeFolds() / pes;
            computeSum = (double) g.usedPeFolds() * g.t() / ((double) pes * cyc);
        }
        return new ScaleSimUtilization(overall, mapSum / folds * 100, computeSum / folds * 100);
    }

    /** {@code a / b} correctly rounded, as Python divides two ints. */
    static double divide(long a, long b) {
        long limit = 1L << 53;
        if (Math.abs(a) <= limit && Math.abs(b) <= limit) {
            return (double) a / (double) b;
        }
        return new BigDecimal(a).divide(new BigDecimal(b), MathContext.DECIMAL128).doubleValue();
    }
}
