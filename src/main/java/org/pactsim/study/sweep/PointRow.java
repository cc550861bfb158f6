package org.pactsim.study.sweep;

import java.util.Arrays;
import java.util.List;

/**
 * The outcome of one design point: its number in the sweep, its stable id, the swept values,
 * its status with the reason when it is not {@code ok}, and the metric values in the columns of
 * {@link PointEvaluator#metricColumns()} (all null for a point that could not run).
 */
public record PointRow(long index, String pointId, List<String> values, Status status, String reason,
                       Object[] metrics) {
    /** ok: ran and meets every constraint; infeasible: ran, breaks one; error: could not run. */
    public enum Status {
        OK, INFEASIBLE, ERROR;

        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static Status parse(String s) {
            for (Status st : values()) {
                if (st.key().equals(s)) {
                    return st;
                }
            }
            return null;
        }
    }

    public PointRow {
        values = List.copyOf(values);
        metrics = metrics.clone();
        if (status == null || (status != Status.OK) == (reason == null)) {
            throw new IllegalArgumentException("a reason exactly when the status is not ok: " + status + ", " + reason);
        }
    }

    @Override
    public Object[] metrics() {
        return metrics.clone();
    }

    /** Metric {@code i} as a double, or NaN when absent. */
    public double metric(int i) {
        Object v = metrics[i];
        return v == null ? Double.NaN : ((Number) v).doubleValue();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PointRow r && r.index == index && r.pointId.equals(pointId) && r.values.equals(values)
                && r.status == status && java.util.Objects.equals(r.reason, reason) && Arrays.equals(r.metrics, metrics);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(index) * 31 + pointId.hashCode();
    }

    @Override
    public String toString() {
        return "PointRow[" + index + " " + pointId + " " + values + " " + status.key()
                + (reason == null ? "" : " (" + reason + ")") + " " + Arrays.toString(metrics) + "]";
    }
}
