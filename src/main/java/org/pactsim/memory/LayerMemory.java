package org.pactsim.memory;

import java.util.List;

/**
 * What one layer moves and waits for in the native memory model. Bytes are DRAM bytes for all
 * cores together; {@code cycles} includes {@code stallCycles}, the cycles the arrays wait for
 * DRAM beyond {@code computeCycles}. {@code weightLoadBytes} is the part of
 * {@code filterReadBytes} that loads weights which then stay on chip for later inferences (when
 * all weights fit; 0 in steady state).
 *
 * @param split      how the layer is divided among cores, as {@link org.pactsim.mapping.Split#name}
 *                   names it ({@code none}, {@code n}, {@code m}, {@code groups}, {@code k}, a grid
 *                   {@code mPxnQ}), or {@code fused} for a layer in a GEMM's output path
 * @param tiling     one core's tiling (tile sizes, loop order)
 * @param nocBits    bits the layer moves between cores on the on-chip network, as bit-hops (one per
 *                   link a bit crosses): partial sums of a reduction split, multicasts of DRAM reads,
 *                   kept activations and resident weights a core needs from others ({@link Delivery})
 * @param residency  per tensor, whether it stayed on chip or crossed the interface, and why
 */
public record LayerMemory(String name, String split, int activeCores, Tiling tiling,
                          long computeCycles, long cycles, long stallCycles,
                          long ifmapReadBytes, long filterReadBytes, long psumReadBytes,
                          long ofmapWriteBytes, long psumWriteBytes, long weightLoadBytes, long nocBits,
                          boolean inputOnChip, boolean outputOnChip, List<String> residency) {

    public LayerMemory {
        // one copy of each text: the same sentences recur over the layers of a large network
        if (residency.isEmpty()) {
            residency = List.of();
        } else {
            String[] texts = new String[residency.size()];
            for (int i = 0; i < texts.length; i++) {
                texts[i] = residency.get(i).intern();
            }
            residency = List.of(texts);
        }
    }

    public long dramReadBytes() {
        return Math.addExact(Math.addExact(ifmapReadBytes, filterReadBytes), psumReadBytes);
    }

    /**
     * The bits a reduction split over {@code active} cores sends between them: a reduce-scatter
     * of the partial sums of {@code outputs} outputs, each core sending {@code (active - 1) /
     * active} of them at {@code accumulatorBits}, each bit over one link of the ring.
     */
    public static long reductionBits(int active, long outputs, int accumulatorBits) {
        if (active < 2) {
            return 0;
        }
        return Math.multiplyExact(org.pactsim.mapping.FoldGeometry.ceilDiv(Math.multiplyExact(outputs, active - 1L),
                active), accumulatorBits);
    }

    public long dramWriteBytes() {
        return Math.addExact(ofmapWriteBytes, psumWriteBytes);
    }
}
