package org.pactsim.spec;

/**
 * On-chip scratchpads, in KiB: either one per operand (ifmap, filter, ofmap, as SCALE-Sim)
 * or a single unified buffer (as TPU v1's unified buffer). {@code unifiedKiB == 0} means
 * per-operand; otherwise the three per-operand sizes are 0.
 */
public record SramSpec(long ifmapKiB, long filterKiB, long ofmapKiB, long unifiedKiB) {
    /** 2^30 KiB = 1 TiB: far beyond any chip, and every bit count stays inside a long. */
    public static final long MAX_KIB = 1L << 30;

    public SramSpec {
        Violations v = new Violations();
        if (unifiedKiB != 0) {
            v.between("unifiedKiB", unifiedKiB, 1, MAX_KIB);
            v.check(ifmapKiB == 0 && filterKiB == 0 && ofmapKiB == 0, "unifiedKiB",
                    "either unifiedKiB or ifmapKiB/filterKiB/ofmapKiB, not both", "both");
        } else {
            v.between("ifmapKiB", ifmapKiB, 1, MAX_KIB)
             .between("filterKiB", filterKiB, 1, MAX_KIB)
             .between("ofmapKiB", ofmapKiB, 1, MAX_KIB);
        }
        v.throwIfAny();
    }

    public static SramSpec split(long ifmapKiB, long filterKiB, long ofmapKiB) {
        return new SramSpec(ifmapKiB, filterKiB, ofmapKiB, 0);
    }

    public static SramSpec unified(long kib) {
        return new SramSpec(0, 0, 0, kib);
    }

    public boolean isUnified() {
        return unifiedKiB != 0;
    }

    public long totalKiB() {
        return isUnified() ? unifiedKiB : ifmapKiB + filterKiB + ofmapKiB;
    }
}
