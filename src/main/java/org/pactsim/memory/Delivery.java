package org.pactsim.memory;

import static java.lang.Math.addExact;
import static java.lang.Math.multiplyExact;

import org.pactsim.mapping.Split;
import org.pactsim.spec.NocSpec;

/**
 * What a layer's split over the cores moves on the on-chip network (issue 18), before or while
 * it computes: operands several cores need from one DRAM read (multicast), activations kept on
 * chip in another core's share (gathered, or redistributed when the producer split them another
 * way), and resident weights a core does not hold under this split (gathered from the cores
 * that hold them). A reduction split's partial sums are counted where the split is made
 * ({@link Partitioner#reduction}).
 */
final class Delivery {
    private Delivery() {
    }

    /** How a kept activation is spread over the cores: by which dimension, over how many. */
    enum Dim { PIXELS, CHANNELS, GRID }

    /**
     * The layout of an activation kept on chip: the split of the layer that wrote it ({@code p}
     * pixel groups by {@code q} channel groups for a grid; {@code count} cores otherwise).
     */
    record Layout(Dim dim, long count, long p, long q) {
        /** The layout a layer's output has under split {@code split} over {@code active} cores. */
        static Layout of(Split split, int active) {
            if (split.isGrid()) {
                return new Layout(Dim.GRID, active, split.p(), split.q());
            }
            return new Layout(split.byChannels() ? Dim.CHANNELS : Dim.PIXELS, Math.max(1, active), 0, 0);
        }
    }

    /**
     * Network cost of one candidate split: {@code bits} crossed links in all (bit-hops; the
     * energy), {@code before} cycles the cores wait for gathers before they compute, and
     * {@code during} cycles the multicasts of DRAM reads need, overlapped with the pipeline.
     */
    record Cost(long bits, long before, long during) {
        static final Cost NONE = new Cost(0, 0, 0);

        Cost plus(Cost o) {
            return new Cost(addExact(bits, o.bits), addExact(before, o.before), Math.max(during, o.during));
        }
    }

    /**
     * An operand several of the split's cores read from one DRAM read ({@code copies == 1}):
     * {@code readBits} in all, each part reaching {@code receivers} more cores, each core
     * receiving {@code perCore}.
     */
    static Cost multicast(long readBits, long receivers, long perCore, long link) {
        if (receivers <= 0 || readBits <= 0) {
            return Cost.NONE;
        }
        return new Cost(multiplyExact(readBits, receivers), 0, NocSpec.multicastCycles(perCore, link));
    }

    /**
     * A convolution split by output pixels: at each of {@code boundaries} boundaries between two
     * cores' pixel ranges, the later one needs the {@code haloBits} of input rows its window
     * overlaps on the earlier one's, one link away.
     */
    static Cost halo(long haloBits, long boundaries, long link) {
        return toEach(haloBits, boundaries, link);
    }

    /**
     * Resident weights a core must hold under the split ({@code held}) beyond its share in the
     * residency plan ({@code owned}), gathered from the cores that hold them before the layer
     * runs: an all-gather, one link per bit and receiving core.
     */
    static Cost gather(long held, long owned, long active, long link) {
        return active < 2 ? Cost.NONE : toEach(held - owned, active, link);
    }

    /**
     * {@code bits} to each of {@code receivers} cores from a neighbour or a tree, before the
     * layer runs: one link per bit and receiver, each receiver's port busy for its bits.
     */
    private static Cost toEach(long bits, long receivers, long link) {
        if (bits <= 0 || receivers <= 0) {
            return Cost.NONE;
        }
        return new Cost(multiplyExact(bits, receivers), NocSpec.multicastCycles(bits, link), 0);
    }

    /**
     * A kept activation of {@code total} bits, spread as {@code kept}, read by a split whose
     * {@code active} cores each need {@code need} bits of it along {@code dim} ({@code groups}
     * of them, each core one; a need of {@code total} is the whole tensor on every core): what
     * the network moves first. Aligned layouts move nothing; a whole tensor, the other channels
     * of a grid's pixel group, or a share along the same dimension in other counts (its parts
     * on neighbouring cores) is gathered, one link per bit and receiving core; a mismatch
     * (written by channels, read by pixels) is redistributed over the topology, each core keeping
     * the part it already has.
     */
    static Cost kept(Layout kept, long total, long need, Dim dim, long groups, int active, int cores, NocSpec noc,
                     long link) {
        if (kept == null || active < 2 || total <= 0) {
            return Cost.NONE;
        }
        boolean whole = need >= total;
        long received;
        boolean gathered;
        if (whole) {
            received = total - Math.max(1, total / kept.count());
            gathered = true;
        } else if (kept.dim() == dim && kept.count() == groups) {
            return Cost.NONE;
        } else if (kept.dim() == Dim.GRID && dim != null && dim != Dim.GRID) {
            // a grid's core holds 1/q of the channels of its pixel group (1/p of the pixels of its
            // channel group): the rest of a core's share is on the cores of its row (column)
            long cell = Math.max(1, total / kept.count());
            received = need - Math.min(cell, need / (dim == Dim.PIXELS ? kept.q() : kept.p()));
            gathered = true;
        } else if (kept.dim() == dim) {
            // the same dimension in other counts: a core's part lies on its neighbours
            received = need - Math.min(need, total / kept.count());
            gathered = true;
        } else {
            received = need - need / kept.count();
            gathered = false;
        }
        if (gathered || received <= 0) {
            return toEach(received, active, link);
        }
        long all = multiplyExact(received, active);
        return new Cost(noc.redistributionHops(all, cores), noc.redistributionCycles(all, received, cores, link), 0);
    }
}
