package org.pactsim.report;

import java.util.List;
import org.pactsim.sim.PricedResult;
import org.pactsim.study.sweep.MetricSet;

/** A sweep's metric columns: {@link Metrics#TOTAL}, the same figures {@code pactsim simulate} reports. */
public final class SweepMetrics implements MetricSet {
    public static final SweepMetrics TOTAL = new SweepMetrics(Metrics.TOTAL);

    private final List<Metric<PricedResult>> metrics;
    private final List<String> keys;

    private SweepMetrics(List<Metric<PricedResult>> metrics) {
        this.metrics = List.copyOf(metrics);
        this.keys = this.metrics.stream().map(Metric::key).toList();
    }

    @Override
    public List<String> keys() {
        return keys;
    }

    @Override
    public Object[] values(PricedResult r) {
        Object[] out = new Object[metrics.size()];
        for (int i = 0; i < out.length; i++) {
            Object v = metrics.get(i).value().apply(r);
            out[i] = v instanceof Integer ? Long.valueOf((Integer) v) : v;
        }
        return out;
    }
}
