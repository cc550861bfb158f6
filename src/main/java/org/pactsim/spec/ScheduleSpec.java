package org.pactsim.spec;

import java.util.Locale;

/**
 * How the network is scheduled on the chip, as an accelerator's compiler would choose it.
 *
 * <ul>
 * <li>{@code policy: compiler} (default): element-wise layers that read one GEMM's output
 *     run in that GEMM's output path when {@code fuse} is on; weights stay on chip layer by
 *     layer as far as they fit (not all or nothing); the unified buffer is split between
 *     resident weights and kept activations by what the weights need; kept activations are
 *     evicted, never a design refused, when a layer's tiles need their room.</li>
 * <li>{@code policy: legacy}: pactsim 0.x's schedule, byte for byte: every layer on its own,
 *     all weights or none resident, the unified buffer split half and half.</li>
 * </ul>
 */
public record ScheduleSpec(Policy policy, boolean fuse, Objective objective, WeightCopies weightCopies,
                           CoreMode cores) {
    /**
     * How a multi-core chip runs consecutive layers ({@code schedule.cores}): {@code lockstep}
     * (default), every layer on all the cores, which run in lockstep (each layer split over them); {@code
     * pipeline}, consecutive layers on disjoint groups of cores, each group running its own
     * layers for one inference while the next group runs the layers after them for the one
     * before (groups not in lockstep with each other), the fastest such pipeline even where
     * lockstep is faster; {@code best}, the faster of the two (then the one that moves
     * less; the other way round for {@code objective: traffic}).
     */
    public enum CoreMode {
        LOCKSTEP, PIPELINE, BEST;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The mode of a key, or null. */
        public static CoreMode parse(String s) {
            for (CoreMode m : values()) {
                if (m.key().equals(s)) {
                    return m;
                }
            }
            return null;
        }
    }

    /** The default of {@code schedule.cores}. */
    public static final CoreMode DEFAULT_CORES = CoreMode.LOCKSTEP;

    /**
     * How a multi-core chip holds the weights it keeps on chip ({@code schedule.weightCopies}):
     * {@code spread} (default), each layer's weights split evenly over the cores, a core that
     * needs more of them for its part of the layer gathering the rest over the on-chip network;
     * {@code replicate}, every core holds all of each resident layer's weights (cores times the
     * SRAM, fewer layers fit, no gathers); {@code best}, the compiler runs both plans and keeps
     * the one that is faster (then moves less; the other way round for {@code objective:
     * traffic}).
     */
    public enum WeightCopies {
        SPREAD, REPLICATE, BEST;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The choice of a key, or null. */
        public static WeightCopies parse(String s) {
            for (WeightCopies w : values()) {
                if (w.key().equals(s)) {
                    return w;
                }
            }
            return null;
        }
    }

    /**
     * What the compiler's choices (core split, eviction, sub-batches, the unified buffer's
     * split) minimise first: {@code time} (steady-state cycles, then DRAM bytes: throughput) or
     * {@code traffic} (DRAM bytes, then cycles, where the bandwidth is limited: energy). The
     * tiling search always moves least under a bandwidth limit.
     */
    public enum Objective {
        TIME, TRAFFIC;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The objective of a key, or null. */
        public static Objective parse(String s) {
            for (Objective o : values()) {
                if (o.key().equals(s)) {
                    return o;
                }
            }
            return null;
        }
    }

    /** A schedule that minimises time, weights spread over the cores. */
    public ScheduleSpec(Policy policy, boolean fuse) {
        this(policy, fuse, Objective.TIME, WeightCopies.SPREAD, DEFAULT_CORES);
    }

    /** A schedule with the default {@code schedule.cores}. */
    public ScheduleSpec(Policy policy, boolean fuse, Objective objective, WeightCopies weightCopies) {
        this(policy, fuse, objective, weightCopies, DEFAULT_CORES);
    }

    /** The schedules pactsim knows. */
    public enum Policy {
        COMPILER, LEGACY;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The policy of a key, or null. */
        public static Policy parse(String s) {
            for (Policy p : values()) {
                if (p.key().equals(s)) {
                    return p;
                }
            }
            return null;
        }
    }

    /** The default: the compiler's schedule with fusion. */
    public static final ScheduleSpec DEFAULT = new ScheduleSpec(Policy.COMPILER, true);
    /** The schedule of pactsim before issue 17. */
    public static final ScheduleSpec LEGACY = new ScheduleSpec(Policy.LEGACY, false);

    public ScheduleSpec {
        new Violations().check(policy != null, "schedule.policy", "compiler or legacy", "nothing")
                .check(objective != null, "schedule.objective", "time or traffic", "nothing")
                .check(weightCopies != null, "schedule.weightCopies", "spread, replicate or best", "nothing")
                .check(cores != null, "schedule.cores", "lockstep, pipeline or best", "nothing").throwIfAny();
    }

    public boolean legacy() {
        return policy == Policy.LEGACY;
    }

    /** The same schedule minimising {@code o} first. */
    public ScheduleSpec withObjective(Objective o) {
        return new ScheduleSpec(policy, fuse, o, weightCopies, cores);
    }

    /** The same schedule with element-wise fusion on or off. */
    public ScheduleSpec withFuse(boolean f) {
        return new ScheduleSpec(policy, f, objective, weightCopies, cores);
    }

    /** The same schedule holding resident weights as {@code w} says. */
    public ScheduleSpec withWeightCopies(WeightCopies w) {
        return new ScheduleSpec(policy, fuse, objective, w, cores);
    }

    /** The same schedule running the cores as {@code m} says. */
    public ScheduleSpec withCores(CoreMode m) {
        return new ScheduleSpec(policy, fuse, objective, weightCopies, m);
    }

    /** Whether element-wise layers are fused into their producer. */
    public boolean fuses() {
        return fuse && !legacy();
    }
}
