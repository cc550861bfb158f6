package org.pactsim.study;

import org.pactsim.sim.PricedResult;
import org.pactsim.sim.SimulationResult;

/**
 * One (precision, bandwidth) point of the study and how it compares with the baseline at the
 * same bandwidth: {@code speedup} in steady-state inferences per second, {@code peakRatio} in
 * peak TOPS, {@code superLinearity = speedup / peakRatio} (above 1: more than the added MACs
 * explain). {@code compulsoryDramBytes}: the compulsory traffic of one inference of the
 * network (weights once, input, outputs), the bound its DRAM bytes are held against.
 * {@code search}: how the design was chosen (under {@code --scale best}: of how many, and the
 * runner-up). {@code weightShare}, {@code kvShare}: the shares of the fc weights and of the KV
 * cache that stay on chip in steady state (NaN when the network has none).
 */
public record IsoAreaPoint(IsoAreaDesign design, double bandwidthGBps, PricedResult priced,
                           double speedup, double peakRatio, double superLinearity, long compulsoryDramBytes,
                           IsoAreaSearch search, double weightShare, double kvShare) {

    /** The design's run at this bandwidth (its cost: {@link #priced()}). */
    public SimulationResult result() {
        return priced.run();
    }

    /**
     * Steady-state DRAM bytes per inference over the compulsory bytes of one inference
     * ({@link org.pactsim.memory.Compulsory}); below 1 when weights stay on chip across inferences.
     */
    public double dramToCompulsory() {
        return compulsoryDramBytes == 0 ? 0 : (double) result().steadyStateDramBytes() / compulsoryDramBytes;
    }

    public boolean unlimited() {
        return Double.isInfinite(bandwidthGBps);
    }

    /** Whether all weights fit on chip: loaded once by the first inference, never again. */
    public boolean weightsOnChip() {
        return result().first().stream().anyMatch(m -> m.weightLoadBytes() > 0);
    }

    /**
     * The shares of the weights and of the KV cache that stay on chip in steady state, as
     * {@code "12% / 100%"} (the cache {@code -} when the network reads none).
     */
    public String residentShares() {
        return share(weightShare) + " / " + share(kvShare);
    }

    private static String share(double f) {
        return Double.isNaN(f) ? "-" : Math.round(100 * f) + "%";
    }

    /**
     * {@code {weights, KV cache}}: the share of the fc weights' stored bytes and of the KV cache's
     * that a steady-state run of {@code net} does not read from DRAM (NaN when there are none).
     */
    static double[] shares(org.pactsim.workload.Network net, SimulationResult r) {
        long w = Llm.weightBytes(net);
        long c = Llm.cacheBytes(net);
        boolean ran = !r.steady().isEmpty();
        return new double[] {w == 0 ? Double.NaN : Math.max(0, 1 - (ran ? (double) Llm.streamed(net, r, false) : 0) / w),
            c == 0 ? Double.NaN : Math.max(0, 1 - (ran ? (double) Llm.streamed(net, r, true) : 0) / c)};
    }

    /** Layers whose output stayed on chip, of all layers. */
    public long outputsOnChip() {
        return result().first().stream().filter(m -> m.outputOnChip()).count();
    }
}
