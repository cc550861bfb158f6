package org.pactsim.memory;

import java.util.List;

/**
 * What one layer moves and waits for in the native memory model. Bytes are DRAM bytes for all
 * cores together; {@code cycles} includes {@code stallCycles}, the cycles the arrays wait for
 * DRAM beyond {@code computeCycles}. {@code weightLoadBytes} is the part of
 * {@code filterReadBytes} that loads weights which then stay on chip for later inferences (when
 * all weights fit; 0 in steady state).
 *
 * @param split      how the layer is divided among cores: {@code none}, {@code n} (output
 *                   channels), {@code m} (output pixels) or {@code groups}
 * @param tiling     one core's tiling (tile sizes, loop order)
 * @param residency  per tensor, whether it stayed on chip or crossed the interface, and why
 */
public record LayerMemory(String name, String split, int activeCores, Tiling tiling,
                          long computeCycles, long cycles, long stallCycles,
                          long ifmapReadBytes, long filterReadBytes, long psumReadBytes,
                          long ofmapWriteBytes, long psumWriteBytes, long weightLoadBytes,
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
     * Bits this layer moves between cores on the on-chip network: a reduction split ({@code k})
     * reduce-scatters the partial sums of {@code outputs} outputs over its active cores, each
     * core sending {@code (active - 1) / active} of them at {@code accumulatorBits}; other splits
     * move nothing between cores.
     */
    public long nocBits(long outputs, int accumulatorBits) {
        return reductionBits(split, activeCores, outputs, accumulatorBits);
    }

    /** The bits a split named {@code split} over {@code active} cores sends between them (see {@link #nocBits}). */
    public static long reductionBits(String split, int active, long outputs, int accumulatorBits) {
        if (!"k".equals(split) || active < 2) {
            return 0;
        }
        return Math.multiplyExact(org.pactsim.mapping.FoldGeometry.ceilDiv(Math.multiplyExact(outputs, active - 1L),
                active), accumulatorBits);
    }

    public long dramWriteBytes() {
        return Math.addExact(ofmapWriteBytes, psumWriteBytes);
    }
}
