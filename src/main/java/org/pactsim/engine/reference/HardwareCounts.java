package org.pactsim.engine.reference;

/**
 * What the register-level array did for one layer, before any timing model convention: cycles
 * of the busiest core until its last output was written (a count, stalls included), and MACs
 * and SRAM accesses (words) summed over cores.
 *
 * @param peCycles simulated PE-cycles: every core's cycles times its PEs (the engine's work)
 */
public record HardwareCounts(long cycles, long stallCycles, long macs, long ifmapReads, long filterReads,
                             long ofmapReads, long ofmapWrites, long peCycles) {
}
