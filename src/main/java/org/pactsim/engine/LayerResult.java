package org.pactsim.engine;

import org.pactsim.mapping.FoldGeometry;
import org.pactsim.workload.Gemm;

/**
 * What one layer costs on the accelerator. Counts are exact; SRAM accesses are in elements
 * (words) of the operand. With several cores, {@code cycles} is the busiest core's and the
 * access counts are summed over cores.
 *
 * @param gemm               the GEMM as lowered under the timing model's output-size rule
 * @param geometry           the fold structure of one repeat of the GEMM on one array
 * @param folds              folds run by the busiest core (repeats included)
 * @param cycles             cycles, or SCALE-Sim's reported figure (count - 1) in that model
 * @param utilization        {@code macs / (cycles * PEs of all cores)}, 0..1
 * @param mappingEfficiency  mean over folds of used PEs / array PEs, 0..1
 * @param computeUtilization mean over folds of MACs / (array PEs * fold cycles), 0..1
 */
public record LayerResult(
        String name, String type, Gemm gemm, FoldGeometry geometry, long folds,
        long cycles, long stallCycles, long macs,
        double utilization, double mappingEfficiency, double computeUtilization,
        long sramIfmapReads, long sramFilterReads, long sramOfmapReads, long sramOfmapWrites) {

    public long sramReads() {
        return Math.addExact(Math.addExact(sramIfmapReads, sramFilterReads), sramOfmapReads);
    }

    public long sramWrites() {
        return sramOfmapWrites;
    }
}
