package org.pactsim.study.sweep;

import org.pactsim.spec.Violations;

/**
 * Cuts a sweep's points {@code 0 .. points-1} into consecutive ranges of {@code perPartition}
 * points: point {@code i} is in partition {@code i / perPartition}, whoever runs it, so a
 * partition is a unit of work that can be run, written and skipped on its own. The last
 * partition may be shorter.
 */
public record Partitioning(long points, long perPartition) {
    /** Fewest points per partition by default: below this the cost of a task outweighs its work. */
    public static final long MIN_DEFAULT = 16;
    /** Most points per partition by default: at ~1 ms of CPU per point, a task of about 10 s. */
    public static final long MAX_DEFAULT = 10_000;
    /** Partitions the default aims at, so a cluster's cores balance their load. */
    public static final long TARGET_PARTITIONS = 256;

    public Partitioning {
        new Violations()
                .check(points >= 0, "points", "a count >= 0", Long.toString(points))
                .check(perPartition >= 1, "perPartition", "an integer >= 1", Long.toString(perPartition))
                .check(points == 0 || (points - 1) / perPartition < Integer.MAX_VALUE, "perPartition",
                        "fewer than 2^31 partitions", Long.toString(perPartition))
                .throwIfAny();
    }

    /**
     * The default for {@code points}: about {@value #TARGET_PARTITIONS} partitions, each of
     * {@value #MIN_DEFAULT} to {@value #MAX_DEFAULT} points (10^7 points: 1,000 partitions).
     */
    public static Partitioning auto(long points) {
        long per = Math.max(1, (points + TARGET_PARTITIONS - 1) / TARGET_PARTITIONS);
        return new Partitioning(points, Math.min(MAX_DEFAULT, Math.max(MIN_DEFAULT, per)));
    }

    /** The number of partitions (0 for no points). */
    public int count() {
        return (int) ((points + perPartition - 1) / perPartition);
    }

    /** The partition of point {@code index}. */
    public int of(long index) {
        if (index < 0 || index >= points) {
            throw new IndexOutOfBoundsException("point " + index + " of " + points);
        }
        return (int) (index / perPartition);
    }

    /** The first point of partition {@code p}. */
    public long from(int p) {
        check(p);
        return p * perPartition;
    }

    /** One past the last point of partition {@code p}. */
    public long to(int p) {
        check(p);
        return Math.min(points, (p + 1) * perPartition);
    }

    private void check(int p) {
        if (p < 0 || p >= count()) {
            throw new IndexOutOfBoundsException("partition " + p + " of " + count());
        }
    }
}
