package org.pactsim.study.sweep;

import java.util.List;

/**
 * A feasible point as a Pareto front sees it: its number, id and swept values (to name it) and
 * its two objective values {@code x} and {@code y} (finite).
 */
public record FrontPoint(long index, String pointId, List<String> values, double x, double y) {
    public FrontPoint {
        values = List.copyOf(values);
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            throw new IllegalArgumentException("front values must be finite: " + x + ", " + y);
        }
    }
}
