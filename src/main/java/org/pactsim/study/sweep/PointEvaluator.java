package org.pactsim.study.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.pactsim.cost.CostTables;
import org.pactsim.engine.TimingModel;
import org.pactsim.memory.TilingMemo;
import org.pactsim.sim.Costing;
import org.pactsim.sim.Simulation;
import org.pactsim.sim.SimulationResult;
import org.pactsim.workload.Network;

/**
 * Runs one design point: binds its values to an accelerator and networks, simulates each
 * network in the native model (fold engine, memory model) and prices it with the cost tables,
 * exactly as {@code Simulation.run} then {@code Costing.price} do, then checks the constraints.
 *
 * <p>Metric columns: with one network, the {@link MetricSet}'s keys; with several, first the
 * mix (each metric's weighted mean over the networks, weights normalised: the expected value
 * for a network drawn from the mix), then each network's own as {@code label.key}. Constraints
 * and objectives read the mix columns.
 *
 * <p>Thread-safe: points share only a bounded {@link TilingMemo}, which changes no result.
 */
public final class PointEvaluator {
    /** Tilings the shared memo holds before it starts over (a few tens of MB at most). */
    public static final int MEMO_CAPACITY = 50_000;

    private final SweepSpec spec;
    private final DesignSpace space;
    private final PointBinder binder;
    private final MetricSet metrics;
    private final CostTables tables;
    private final TilingMemo memo = TilingMemo.shared(MEMO_CAPACITY);
    private final List<String> columns;
    private final int[] constraintColumn;
    private final double[] weights;
    private final UnaryOperator<String> origins;

    public PointEvaluator(DesignSpace space, PointBinder binder, MetricSet metrics, CostTables tables) {
        this(space, binder, metrics, tables, UnaryOperator.identity());
    }

    /**
     * @param origins rewrites the file names in a reason before it is cut to one line of at most
     *                300 characters: a Spark executor reads the spec's files from a copy and
     *                names them as the driver did, so its rows equal the local engine's
     */
    public PointEvaluator(DesignSpace space, PointBinder binder, MetricSet metrics, CostTables tables,
                          UnaryOperator<String> origins) {
        this.origins = origins;
        this.spec = space.spec();
        this.space = space;
        this.binder = binder;
        this.metrics = metrics;
        this.tables = tables;
        List<String> keys = metrics.keys();
        List<String> cols = new ArrayList<>(keys);
        if (spec.networks().size() > 1) {
            for (SweepNetwork n : spec.networks()) {
                for (String k : keys) {
                    cols.add(n.label() + "." + k);
                }
            }
        }
        this.columns = List.copyOf(cols);
        this.constraintColumn = new int[spec.constraints().size()];
        for (int c = 0; c < constraintColumn.length; c++) {
            String m = spec.constraints().get(c).metric();
            constraintColumn[c] = keys.indexOf(m);
            if (constraintColumn[c] < 0) {
                throw new IllegalArgumentException("constraint on an unknown metric " + m);
            }
        }
        weights = normalise(spec.networks().stream().mapToDouble(SweepNetwork::weight).toArray());
    }

    /**
     * Weights (finite, > 0) scaled to sum to 1 without overflow: each is divided by the largest
     * first, so the sum is at most the number of networks (weights of 1e308 summed directly are
     * infinite, and every mix metric was 0).
     */
    static double[] normalise(double[] w) {
        double max = 0;
        for (double x : w) {
            max = Math.max(max, x);
        }
        double total = 0;
        double[] out = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            out[i] = w[i] / max;
            total += out[i];
        }
        for (int i = 0; i < w.length; i++) {
            out[i] /= total;
        }
        return out;
    }

    public DesignSpace space() {
        return space;
    }

    /** The metric columns of every row, mix first (see the class comment). */
    public List<String> metricColumns() {
        return columns;
    }

    /** Point {@code index} of the design space. */
    public PointRow evaluate(long index) {
        int[] choice = space.choice(index);
        List<String> values = space.values(choice);
        String id = space.pointId(values);
        Object[] row = new Object[columns.size()];
        PointBinder.Bound bound;
        try {
            bound = binder.bind(choice);
        } catch (RuntimeException e) {
            return new PointRow(index, id, values, PointRow.Status.ERROR, reason(e), row);
        }
        int nk = metrics.keys().size();
        List<Network> nets = bound.networks();
        Object[][] each = new Object[nets.size()][];
        for (int n = 0; n < nets.size(); n++) {
            try {
                Network net = nets.get(n);
                SimulationResult r = Simulation.run(bound.accelerator(), net, TimingModel.PACTSIM, memo);
                each[n] = metrics.values(Costing.price(r, net, tables));
            } catch (RuntimeException e) {
                String who = nets.size() > 1 ? spec.networks().get(n).label() + ": " : "";
                return new PointRow(index, id, values, PointRow.Status.ERROR, who + reason(e), row);
            }
        }
        if (nets.size() == 1) {
            System.arraycopy(each[0], 0, row, 0, nk);
        } else {
            for (int k = 0; k < nk; k++) {
                row[k] = mean(each, k);
            }
            for (int n = 0; n < nets.size(); n++) {
                System.arraycopy(each[n], 0, row, nk * (n + 1), nk);
            }
        }
        for (int c = 0; c < constraintColumn.length; c++) {
            Object v = row[constraintColumn[c]];
            String why = spec.constraints().get(c).violation(v == null ? null : ((Number) v).doubleValue());
            if (why != null) {
                return new PointRow(index, id, values, PointRow.Status.INFEASIBLE, why, row);
            }
        }
        return new PointRow(index, id, values, PointRow.Status.OK, null, row);
    }

    /** The weighted mean of metric {@code k} over the networks; null when any is null or it is not a number. */
    private Double mean(Object[][] each, int k) {
        double s = 0;
        for (int n = 0; n < each.length; n++) {
            Object v = each[n][k];
            if (!(v instanceof Number)) {
                return null;
            }
            s += weights[n] * ((Number) v).doubleValue();
        }
        return s;
    }

    /** A one-line reason from an exception. */
    private String reason(RuntimeException e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : origins.apply(e.getMessage());
        String t = m.replace('\r', ' ').replace('\n', ' ').replace('\t', ' ');
        return t.length() > 300 ? t.substring(0, 297) + "..." : t;
    }
}
