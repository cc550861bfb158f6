package org.pactsim.memory;

/**
 * A chosen tiling of one core's GEMMs and what it costs: tile sizes, loop order, DRAM bits per
 * operand (for all {@code reps} GEMMs), compute cycles with these tiles, and the bits of the
 * first tiles (exposed before compute can start) and of the last output tile (exposed after).
 */
public record Tiling(long mt, long nt, long kt, LoopOrder order,
                     long aReadBits, long bReadBits, long psumReadBits, long psumWriteBits, long outWriteBits,
                     long computeCycles, long fillBits, long drainBits) {

    public long readBits() {
        return Math.addExact(Math.addExact(aReadBits, bReadBits), psumReadBits);
    }

    public long writeBits() {
        return Math.addExact(psumWriteBits, outWriteBits);
    }

    public long trafficBits() {
        return Math.addExact(readBits(), writeBits());
    }

    public boolean spills() {
        return psumWriteBits > 0;
    }
}
