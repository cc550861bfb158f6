package org.pactsim.spec;

/**
 * External memory interface. {@code bandwidthGBps} is in 10^9 bytes per second;
 * {@link Double#POSITIVE_INFINITY} means unlimited.
 */
public record DramSpec(double bandwidthGBps) {
    public static final DramSpec UNLIMITED = new DramSpec(Double.POSITIVE_INFINITY);

    public DramSpec {
        new Violations().positive("bandwidthGBps", bandwidthGBps).throwIfAny();
    }

    public boolean isUnlimited() {
        return Double.isInfinite(bandwidthGBps);
    }
}
