package org.pactsim.spec;

import static java.lang.Math.addExact;
import static java.lang.Math.multiplyExact;

import java.util.Locale;

/**
 * The on-chip network between the cores (issue 18): a bidirectional ring or a two-dimensional
 * mesh of routers, one per core, whose links each carry {@code linkBits} bits per cycle in each
 * direction. 0, the default, means one array edge of accumulators per cycle
 * ({@code cols x accumulatorBits}): a link as wide as the array's output port.
 *
 * <p>Two traffic patterns cross it (docs/schedule.md): a <em>multicast</em> (one copy of a
 * tensor to several cores, an all-gather, a reduce-scatter) travels a tree or the ring, each bit
 * one link per core it reaches, and takes as long as the busiest core's port needs; a
 * <em>redistribution</em> (every core sends a different part to every other: an activation
 * produced split by channels and read split by pixels) travels the average distance of the
 * topology and is limited by the links it has.
 */
public record NocSpec(Topology topology, long linkBits) {
    /** Widest link accepted: 2^24 bits per cycle. */
    public static final long MAX_LINK_BITS = 1L << 24;
    /** The default: a ring whose links are as wide as one array edge of accumulators. */
    public static final NocSpec DEFAULT = new NocSpec(Topology.RING, 0);

    /** How the routers are connected. */
    public enum Topology {
        /** A bidirectional ring: two links per router, the reduction's natural order. */
        RING,
        /** A square (or nearly square) two-dimensional mesh: four links per router. */
        MESH;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The topology named {@code key} ({@code ring}, {@code mesh}), or null. */
        public static Topology parse(String key) {
            for (Topology t : values()) {
                if (t.key().equals(key)) {
                    return t;
                }
            }
            return null;
        }

        /** Ports of one router: its links to other routers and its own core's. */
        public int ports() {
            return this == RING ? 3 : 5;
        }
    }

    public NocSpec {
        new Violations().check(topology != null, "noc.topology", "ring or mesh", "nothing")
                .check(linkBits >= 0 && linkBits <= MAX_LINK_BITS, "noc.linkBits",
                "bits per cycle from 1 to " + MAX_LINK_BITS + " (or 0: one array edge of accumulators)",
                Long.toString(linkBits)).throwIfAny();
    }

    /** A ring whose links carry {@code linkBits} per cycle. */
    public NocSpec(long linkBits) {
        this(Topology.RING, linkBits);
    }

    /** The link's bits per cycle on {@code acc}: {@link #linkBits}, or its array edge of accumulators. */
    public long effectiveLinkBits(ArraySpec array, PeSpec pe) {
        return linkBits > 0 ? linkBits : (long) array.cols() * pe.accumulatorBits();
    }

    /**
     * Cycles to deliver {@code bitsPerCore} to each core by multicast: each core's port takes one
     * link's bits per cycle.
     */
    public static long multicastCycles(long bitsPerCore, long link) {
        return bitsPerCore <= 0 ? 0 : ceilDiv(bitsPerCore, link);
    }

    /**
     * Bit-hops of a redistribution among {@code cores} routers in which {@code bits} in all
     * travel the topology's average distance between two routers: {@code cores / 4} on a
     * bidirectional ring, {@code 2 (k^2 - 1) / 3k} on a k x k mesh (rounded up).
     */
    public long redistributionHops(long bits, int cores) {
        if (bits <= 0 || cores < 2) {
            return 0;
        }
        if (topology == Topology.RING) {
            return ceilDiv(multiplyExact(bits, (long) cores), 4);
        }
        long k = meshSide(cores);
        return ceilDiv(multiplyExact(bits, 2 * (k * k - 1)), 3 * k);
    }

    /**
     * Cycles of a redistribution among {@code cores} routers: the bit-hops over the links they
     * have ({@code 2 cores} directed links on a ring, {@code 4 k (k - 1)} on a k x k mesh), and
     * at least the busiest port's {@code perCore} bits.
     */
    public long redistributionCycles(long bits, long perCore, int cores, long link) {
        if (bits <= 0 || cores < 2) {
            return 0;
        }
        long k = meshSide(cores);
        long links = topology == Topology.RING ? 2L * cores : 4 * k * (k - 1);
        long spread = ceilDiv(redistributionHops(bits, cores), multiplyExact(links, link));
        return Math.max(spread, multicastCycles(perCore, link));
    }

    /** The side of the smallest square mesh with {@code cores} routers. */
    public static long meshSide(int cores) {
        long k = (long) Math.sqrt(cores);
        while (k * k < cores) {
            k++;
        }
        return Math.max(2, k);
    }

    private static long ceilDiv(long a, long b) {
        return addExact(a, b - 1) / b;
    }
}
