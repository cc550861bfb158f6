package org.pactsim.cost;

/**
 * Energy of a layer or an inference by where it is spent, in picojoules.
 *
 * @param macPj     busy PE-cycles of the array
 * @param sramPj    on-chip SRAM reads and writes
 * @param dramPj    off-chip DRAM traffic
 * @param leakagePj static power of logic and SRAM over the run's wall time
 * @param vectorPj  element operations on the vector units
 * @param nocPj     bits moved between cores on the on-chip network
 */
public record EnergyBreakdown(double macPj, double sramPj, double dramPj, double leakagePj, double vectorPj,
                              double nocPj) {
    public static final EnergyBreakdown ZERO = new EnergyBreakdown(0, 0, 0, 0, 0, 0);

    /** Energy without vector-unit or network work (the version 1 tables price none). */
    public EnergyBreakdown(double macPj, double sramPj, double dramPj, double leakagePj) {
        this(macPj, sramPj, dramPj, leakagePj, 0, 0);
    }

    public EnergyBreakdown {
        for (double d : new double[] {macPj, sramPj, dramPj, leakagePj, vectorPj, nocPj}) {
            if (!(d >= 0) || Double.isInfinite(d)) {
                throw new IllegalArgumentException("energy must be finite and >= 0: " + d);
            }
        }
    }

    public double totalPj() {
        return macPj + sramPj + dramPj + leakagePj + vectorPj + nocPj;
    }

    /** Everything but DRAM: what a chip's own power figure covers. */
    public double onChipPj() {
        return macPj + sramPj + leakagePj + vectorPj + nocPj;
    }

    public EnergyBreakdown plus(EnergyBreakdown o) {
        return new EnergyBreakdown(macPj + o.macPj, sramPj + o.sramPj, dramPj + o.dramPj, leakagePj + o.leakagePj,
                vectorPj + o.vectorPj, nocPj + o.nocPj);
    }
}
