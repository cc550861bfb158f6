package org.pactsim.study.sweep;

import org.pactsim.spec.Violations;

/**
 * A limit on a metric of a design point (of the mix, with several networks), e.g. at most
 * 100 mm^2 of area or 5 W of power. Bounds are inclusive; an absent bound is infinite.
 */
public record Constraint(String metric, double min, double max) {
    public Constraint {
        new Violations()
                .check(metric != null && !metric.isBlank(), "metric", "a metric key", String.valueOf(metric))
                .check(!Double.isNaN(min) && !Double.isNaN(max) && min <= max, "min",
                        "min <= max", min + " > " + max)
                .check(min > Double.NEGATIVE_INFINITY || max < Double.POSITIVE_INFINITY, "constraints." + metric,
                        "a min or a max", "neither")
                .throwIfAny();
    }

    /** Why {@code value} breaks this limit, or null when it does not; null value: not measured. */
    public String violation(Double value) {
        if (value == null || value.isNaN()) {
            return metric + " not measured";
        }
        if (value > max) {
            return metric + " " + value + " > max " + max;
        }
        if (value < min) {
            return metric + " " + value + " < min " + min;
        }
        return null;
    }
}
