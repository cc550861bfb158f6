package org.pactsim.study.sweep;

import org.pactsim.spec.Violations;

/**
 * Which points of the grid a sweep runs: all of them ({@link Kind#GRID}), or a budget of
 * {@code points} distinct ones drawn at random from {@code seed} ({@link Kind#RANDOM}) or from a
 * Sobol low-discrepancy sequence ({@link Kind#SOBOL}). A budget at least the grid's size runs the
 * grid.
 */
public record Sampling(Kind kind, long points, long seed) {
    /** The strategy. */
    public enum Kind {
        GRID, RANDOM, SOBOL;

        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * Largest point budget of a sampling strategy: 10^7, whose sample (80 MB, and ~27 bytes a
     * point while drawing) fits a 1 GB heap. 10^8 allocated 4.5 GB before any check and died
     * with an OutOfMemoryError; a larger sweep is a grid, which draws nothing.
     */
    public static final long MAX_POINTS = 10_000_000L;

    public static final Sampling GRID = new Sampling(Kind.GRID, 0, 0);

    public Sampling {
        new Violations()
                .check(kind != null, "strategy", "grid, random or sobol", "nothing")
                .check(kind == Kind.GRID || (points >= 1 && points <= MAX_POINTS), "strategy.points",
                        "an integer from 1 to " + MAX_POINTS, Long.toString(points))
                .throwIfAny();
    }
}
