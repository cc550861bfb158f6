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

    /** Slowest interface accepted: 1 MB/s (a bandwidth of 1e-300 GB/s made every count overflow). */
    public static final double MIN_GBPS = 0.001;

    public DramSpec {
        new Violations().positive("bandwidthGBps", bandwidthGBps)
                .check(!(bandwidthGBps > 0) || bandwidthGBps >= MIN_GBPS, "bandwidthGBps",
                        "a number from " + MIN_GBPS + " (GB/s) or unlimited", Double.toString(bandwidthGBps))
                .check(type == null || type.matches("[a-z0-9][a-z0-9_-]*"), "type",
                        "a DRAM type such as lpddr4 or hbm2", String.valueOf(type))
                .throwIfAny();
    }

    public boolean isUnlimited() {
        return Double.isInfinite(bandwidthGBps);
    }
}
