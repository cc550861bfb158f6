package org.pactsim.spec;

/**
 * External memory interface. {@code bandwidthGBps} is the interface's peak in 10^9 bytes per
 * second; {@link Double#POSITIVE_INFINITY} means unlimited. {@code type} names a row of the cost
 * model's DRAM table ({@code lpddr4}, {@code hbm2}, ...), null for its default.
 *
 * @param efficiency the fraction of the peak a long stream of requests sustains (refresh, bank
 *                   and read/write turnarounds, page misses), in (0, 1]; 1 (the peak) unless the
 *                   accelerator says otherwise ({@code docs/schedule.md}, "DRAM realism")
 * @param latencyNs  the time from a request to its first data when the interface was idle; a
 *                   transfer queued behind another hides it; 0 unless the accelerator says so
 */
public record DramSpec(double bandwidthGBps, String type, double efficiency, double latencyNs) {
    public static final DramSpec UNLIMITED = new DramSpec(Double.POSITIVE_INFINITY);

    /** Slowest interface accepted: 1 MB/s (a bandwidth of 1e-300 GB/s made every count overflow). */
    public static final double MIN_GBPS = 0.001;
    /** Longest latency accepted: 1 ms. */
    public static final double MAX_LATENCY_NS = 1e6;

    /** A DRAM of the cost model's default type, at its peak, without latency. */
    public DramSpec(double bandwidthGBps) {
        this(bandwidthGBps, null);
    }

    /** A DRAM at its peak, without latency. */
    public DramSpec(double bandwidthGBps, String type) {
        this(bandwidthGBps, type, 1, 0);
    }

    public DramSpec {
        new Violations().positive("bandwidthGBps", bandwidthGBps)
                .check(!(bandwidthGBps > 0) || bandwidthGBps >= MIN_GBPS, "bandwidthGBps",
                        "a number from " + MIN_GBPS + " (GB/s) or unlimited", Double.toString(bandwidthGBps))
                .check(type == null || type.matches("[a-z0-9][a-z0-9_-]*"), "type",
                        "a DRAM type such as lpddr4 or hbm2", String.valueOf(type))
                .check(efficiency > 0 && efficiency <= 1, "efficiency", "a fraction of the peak in (0, 1]",
                        Double.toString(efficiency))
                .check(latencyNs >= 0 && latencyNs <= MAX_LATENCY_NS, "latencyNs", "a latency from 0 to "
                        + (long) MAX_LATENCY_NS + " ns", Double.toString(latencyNs))
                .throwIfAny();
    }

    public boolean isUnlimited() {
        return Double.isInfinite(bandwidthGBps);
    }

    /** The bandwidth a stream of requests sustains: the peak times {@link #efficiency}. */
    public double sustainedGBps() {
        return bandwidthGBps * efficiency;
    }

    /** The same interface at another peak bandwidth (type, efficiency and latency kept). */
    public DramSpec withBandwidth(double gbps) {
        return new DramSpec(gbps, type, efficiency, latencyNs);
    }
}
