package org.pactsim.cost;

import java.util.List;

/**
 * An inference priced: energy per layer and in total with its breakdown, area, and the rates
 * derived from them. Operations count two per MAC (a multiply and an add), the convention
 * behind TPU v1's 92 peak TOPS (65,536 MACs x 2 x 700 MHz = 91.75 TOPS).
 *
 * @param layers              energy of each layer, in run order
 * @param energy              energy of the whole inference
 * @param area                die area estimate
 * @param macs                MACs of the inference
 * @param cycles              cycles of the inference
 * @param seconds             wall time of the inference at the clock
 * @param powerW              average power over the inference, DRAM included
 * @param onChipPowerW        average power without DRAM (what chip power figures report)
 * @param peakTops            2 x MACs per cycle of all PEs at their own precision x clock, in 10^12 op/s
 * @param topsPerW            achieved ops per joule / 10^12 (2 x MACs / energy), DRAM included
 * @param topsPerMm2          peak TOPS per mm^2 of estimated die
 * @param inferencesPerSecond 1 / seconds
 * @param inferencesPerJoule  1 / energy in joules
 */
public record CostReport(List<EnergyBreakdown> layers, EnergyBreakdown energy, AreaBreakdown area,
                         long macs, long cycles, double seconds, double powerW, double onChipPowerW,
                         double peakTops, double topsPerW, double topsPerMm2,
                         double inferencesPerSecond, double inferencesPerJoule) {
    public CostReport {
        layers = List.copyOf(layers);
    }

    public double energyPj() {
        return energy.totalPj();
    }

    public double areaMm2() {
        return area.totalMm2();
    }
}
