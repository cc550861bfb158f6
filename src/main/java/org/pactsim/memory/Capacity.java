package org.pactsim.memory;

import static java.lang.Math.multiplyExact;

import org.pactsim.spec.SramSpec;

/**
 * On-chip capacity of one core in bits. Per-operand SRAMs hold the ifmap (A), filter (B) and
 * ofmap/partial-sum (C) tiles; each is double-buffered, so a tile may take half of its buffer
 * while the next one is prefetched into the other half. A unified buffer holds all three,
 * each double-buffered: {@code 2*(A + B + C) <= unified}.
 */
public record Capacity(boolean unified, long aBits, long bBits, long cBits, long unifiedBits) {

    public static Capacity of(SramSpec s) {
        long kib = 8L * 1024;
        if (s.isUnified()) {
            return new Capacity(true, 0, 0, 0, multiplyExact(s.unifiedKiB(), kib));
        }
        return new Capacity(false, multiplyExact(s.ifmapKiB(), kib), multiplyExact(s.filterKiB(), kib),
                multiplyExact(s.ofmapKiB(), kib), 0);
    }

    /** Bits available to keep activations on chip between layers (the ifmap/ofmap ping-pong, or half the unified buffer). */
    public long activationBits() {
        return unified ? unifiedBits / 2 : Math.min(aBits, cBits);
    }

    /** Bits available to keep weights on chip across inferences. */
    public long weightBits() {
        return unified ? unifiedBits / 2 : bBits;
    }

    /** Whether tiles of these sizes (bits, one copy each) fit double-buffered; {@code aResident} bits already sit in A's place. */
    public boolean fits(double aTile, double bTile, double cTile, long aResident) {
        if (unified) {
            double aNeed = aResident > 0 ? aResident : 2 * aTile;
            return aNeed + 2 * bTile + 2 * cTile <= unifiedBits;
        }
        boolean aOk = aResident > 0 ? aResident <= aBits : 2 * aTile <= aBits;
        return aOk && 2 * bTile <= bBits && 2 * cTile <= cBits;
    }
}
