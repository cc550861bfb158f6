package org.pactsim.engine;

import org.pactsim.mapping.FoldGeometry;
import org.pactsim.workload.Gemm;

/**
 * What one layer costs on the accelerator. Counts are exact; SRAM accesses are in elements
 * (words) of the operand. With several cores, {@code cycles} is the busiest core's and the
 * access counts are summed over cores.
 *
 * <p>A layer run on the vector unit ({@code unit} {@value #VECTOR}) has no GEMM: its
 * {@code gemm} and {@code geometry} are null, {@code folds}, {@code macs} and the three
 * ratios 0; its ifmap reads are its input elements, its filter reads the learned elements
 * it reads, its ofmap writes its output elements.
 *
 * @param gemm               the GEMM as lowered under the timing model's output-size rule
 * @param geometry           the fold structure of one repeat of the GEMM on one array
 * @param folds              folds run by the busiest core (repeats included)
 * @param cycles             cycles, or SCALE-Sim's reported figure (count - 1) in that model
 * @param utilization        {@code macs / (cycles * PEs of all cores)}, 0..1
 * @param mappingEfficiency  mean over folds of used PEs / array PEs, 0..1
 * @param computeUtilization mean over folds of MACs / (array PEs * fold cycles), 0..1
 * @param unit               {@value #ARRAY} (the systolic array) or {@value #VECTOR} (the vector unit)
 */
public record LayerResult(
        String name, String type, Gemm gemm, FoldGeometry geometry, long folds,
        long cycles, long stallCycles, long macs,
        double utilization, double mappingEfficiency, double computeUtilization,
        long sramIfmapReads, long sramFilterReads, long sramOfmapReads, long sramOfmapWrites, String unit) {

    /** The unit of a GEMM layer. */
    public static final String ARRAY = "array";
    /** The unit of a non-GEMM layer. */
    public static final String VECTOR = "vector";

    public LayerResult {
        if (!ARRAY.equals(unit) && !VECTOR.equals(unit)) {
            throw new IllegalArgumentException("unit: expected array or vector, found " + unit);
        }
    }

    /** A layer run on the array. */
    public LayerResult(String name, String type, Gemm gemm, FoldGeometry geometry, long folds,
                       long cycles, long stallCycles, long macs,
                       double utilization, double mappingEfficiency, double computeUtilization,
                       long sramIfmapReads, long sramFilterReads, long sramOfmapReads, long sramOfmapWrites) {
        this(name, type, gemm, geometry, folds, cycles, stallCycles, macs, utilization, mappingEfficiency,
                computeUtilization, sramIfmapReads, sramFilterReads, sramOfmapReads, sramOfmapWrites, ARRAY);
    }

    public boolean onVectorUnit() {
        return VECTOR.equals(unit);
    }

    public long sramReads() {
        return Math.addExact(Math.addExact(sramIfmapReads, sramFilterReads), sramOfmapReads);
    }

    public long sramWrites() {
        return sramOfmapWrites;
    }
}
