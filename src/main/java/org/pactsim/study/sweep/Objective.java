package org.pactsim.study.sweep;

/** A metric to optimise, and whether more of it is better (throughput, TOPS/W) or less (energy, area). */
public record Objective(String metric, boolean maximize) {
    public Objective {
        if (metric == null || metric.isBlank()) {
            throw new org.pactsim.spec.SpecException("objectives", "a metric key", String.valueOf(metric));
        }
    }

    public String direction() {
        return maximize ? "max" : "min";
    }
}
