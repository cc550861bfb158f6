package org.pactsim.spec;

/**
 * External memory interface. {@code bandwidthGBps} is in 10^9 bytes per second;
 * {@link Double#POSITIVE_INFINITY} means unlimited. {@code type} names a row of the cost
 * model's DRAM table ({@code lpddr4}, {@code hbm2}, ...), null for its default.
 */
public record DramSpec(double bandwidthGBps, String type) {
    public static final DramSpec UNLIMITED = new DramSpec(Double.POSITIVE_INFINITY);

    /** A DRAM of the cost model's default type. */
    public DramSpec(double bandwidthGBps) {
        this(bandwidthGBps, null);
    }

    public DramSpec {
        new Violations().positive("bandwidthGBps", bandwidthGBps)
                .check(type == null || type.matches("[a-z0-9][a-z0-9_-]*"), "type",
                        "a DRAM type such as lpddr4 or hbm2", String.valueOf(type))
                .throwIfAny();
    }

    public boolean isUnlimited() {
        return Double.isInfinite(bandwidthGBps);
    }
}
