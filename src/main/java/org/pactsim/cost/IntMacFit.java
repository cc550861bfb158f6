package org.pactsim.cost;

import java.util.List;
import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;
import org.pactsim.spec.SpecException;
import org.pactsim.spec.Violations;

/**
 * Area and energy of a fixed integer PE of any widths, for widths the {@link MacTable} does not
 * list: {@code value(wb, ab) = k2*wb*ab + k1*(wb+ab)/2 + k0}. The product term is the
 * multiplier (~ b^2), the mean-width term the registers, adder and accumulator (~ b), the
 * constant the control. The shipped coefficients are a least-squares fit
 * ({@link #leastSquares}) through Bit Fusion's measured 2/4/8/16-bit PEs.
 */
public record IntMacFit(Term area, Term energy) {
    /** One fitted quantity at the node it was fitted at. */
    public record Term(double k2, double k1, double k0, int nodeNm, Provenance provenance) {
        public Term {
            Violations v = new Violations()
                    .check(Double.isFinite(k2) && Double.isFinite(k1) && Double.isFinite(k0), "k", "finite coefficients",
                            k2 + ", " + k1 + ", " + k0)
                    .between("nodeNm", nodeNm, 1, 1000)
                    .check(provenance != null, "provenance", "a provenance", "nothing");
            if (v.isEmpty()) {
                // Monotone and positive for every width >= 1: d/dwb = k2*ab + k1/2 >= k2 + k1/2.
                v.check(k2 >= 0 && k2 + k1 / 2 > 0, "k2", "k2 >= 0 and k2 + k1/2 > 0 (cost grows with bits)",
                        k2 + " and " + (k2 + k1 / 2));
                v.check(k2 + k1 + k0 > 0, "k0", "a positive value at 1x1 bits (k2 + k1 + k0 > 0)",
                        Double.toString(k2 + k1 + k0));
            }
            v.throwIfAny();
        }

        public double at(int weightBits, int activationBits) {
            return k2 * weightBits * activationBits + k1 * (weightBits + activationBits) / 2.0 + k0;
        }
    }

    public IntMacFit {
        new Violations()
                .check(area != null, "area", "an areaUm2 row", "nothing")
                .check(energy != null, "energy", "an energyPjPerPeCycle row", "nothing")
                .throwIfAny();
    }

    /**
     * Ordinary least squares of {@code y} on {@code (wb*ab, (wb+ab)/2, 1)} over {@code rows}
     * (Commons Math), giving {@code {k2, k1, k0}}. Needs at least four rows of at least three
     * distinct shapes.
     */
    public static double[] leastSquares(List<MacTable.Row> rows, ToDoubleFunction<MacTable.Row> y) {
        if (rows.size() < 4) {
            throw new SpecException("mac", "at least 4 measured integer rows to fit through", rows.size() + " rows");
        }
        double[] ys = new double[rows.size()];
        double[][] xs = new double[rows.size()][];
        for (int i = 0; i < rows.size(); i++) {
            MacTable.Row r = rows.get(i);
            int wb = r.precision().weightBits();
            int ab = r.precision().activationBits();
            xs[i] = new double[] {(double) wb * ab, (wb + ab) / 2.0};
            ys[i] = y.applyAsDouble(r);
        }
        OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
        ols.newSampleData(ys, xs);
        double[] b = ols.estimateRegressionParameters();
        return new double[] {b[1], b[2], b[0]};
    }
}
