package org.pactsim.spec;

/**
 * The on-chip network between the cores, as the reduction split uses it (issue 18): a ring whose
 * links each carry {@code linkBits} bits per cycle. 0, the default, means one array edge of
 * accumulators per cycle ({@code cols x accumulatorBits}): a link as wide as the array's output
 * port. pactsim prices no area or energy for it yet.
 */
public record NocSpec(long linkBits) {
    /** Widest link accepted: 2^24 bits per cycle. */
    public static final long MAX_LINK_BITS = 1L << 24;
    /** The default: links as wide as one array edge of accumulators. */
    public static final NocSpec DEFAULT = new NocSpec(0);

    public NocSpec {
        new Violations().check(linkBits >= 0 && linkBits <= MAX_LINK_BITS, "noc.linkBits",
                "bits per cycle from 1 to " + MAX_LINK_BITS + " (or 0: one array edge of accumulators)",
                Long.toString(linkBits)).throwIfAny();
    }

    /** The link's bits per cycle on {@code acc}: {@link #linkBits}, or its array edge of accumulators. */
    public long effectiveLinkBits(ArraySpec array, PeSpec pe) {
        return linkBits > 0 ? linkBits : (long) array.cols() * pe.accumulatorBits();
    }
}
