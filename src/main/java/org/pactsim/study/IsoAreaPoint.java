package org.pactsim.study;

import org.pactsim.sim.SimulationResult;

/**
 * One (precision, bandwidth) point of the study and how it compares with the baseline at the
 * same bandwidth: {@code speedup} in steady-state inferences per second, {@code peakRatio} in
 * peak TOPS, {@code superLinearity = speedup / peakRatio} (above 1: more than the added MACs
 * explain).
 */
public record IsoAreaPoint(IsoAreaDesign design, double bandwidthGBps, SimulationResult result,
                           double speedup, double peakRatio, double superLinearity) {

    public boolean unlimited() {
        return Double.isInfinite(bandwidthGBps);
    }

    /** Whether all weights fit on chip: loaded once by the first inference, never again. */
    public boolean weightsOnChip() {
        return result.first().stream().anyMatch(m -> m.weightLoadBytes() > 0);
    }

    /** Layers whose output stayed on chip, of all layers. */
    public long outputsOnChip() {
        return result.first().stream().filter(m -> m.outputOnChip()).count();
    }
}
