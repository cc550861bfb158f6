package org.pactsim.spec;

import java.util.Locale;

/**
 * What the silicon holds besides the array and its buffers, which only the cost model reads
 * (issue 19): the process flavour its leakage is priced at, a separate accumulator SRAM per core
 * (TPU v1's 4 MiB), and scratchpads inside each PE (Eyeriss's 24 B ifmap, 448 B filter and 48 B
 * psum spads). None of them changes the cycles: the memory model tiles into the unified or
 * operand buffers as before, and a PE's scratchpads are priced, not scheduled.
 *
 * @param flavour              the leakage corner: {@link Flavour#LP} (low standby power, the
 *                             default for inference chips) or {@link Flavour#HP}
 * @param accumulatorKiB       one core's accumulator SRAM, holding the partial sums the array
 *                             reads and writes back (0: none; they live in the ofmap or unified
 *                             buffer)
 * @param ifmapScratchpadBytes each PE's input scratchpad (0: none)
 * @param filterScratchpadBytes each PE's weight scratchpad (0: none)
 * @param psumScratchpadBytes  each PE's partial-sum scratchpad (0: none)
 */
public record SiliconSpec(Flavour flavour, long accumulatorKiB, long ifmapScratchpadBytes, long filterScratchpadBytes,
                          long psumScratchpadBytes) {
    /** Most scratchpad bytes per operand per PE: 1 MiB. */
    public static final long MAX_SCRATCHPAD_BYTES = 1L << 20;
    /** A low-power chip without accumulator SRAM or PE scratchpads. */
    public static final SiliconSpec DEFAULT = new SiliconSpec(Flavour.LP, 0, 0, 0, 0);

    /** A leakage corner of the process. */
    public enum Flavour {
        /** Low standby power (ITRS LSTP, high-Vt): the inference chips' usual choice. */
        LP,
        /** High performance (ITRS HP, low-Vt): CACTI's default cell. */
        HP;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The flavour of key {@code s} ({@code lp} or {@code hp}), or null. */
        public static Flavour parse(String s) {
            for (Flavour f : values()) {
                if (f.key().equals(s)) {
                    return f;
                }
            }
            return null;
        }
    }

    public SiliconSpec {
        new Violations()
                .check(flavour != null, "technologyFlavour", "lp or hp", "nothing")
                .between("sram.accumulatorKiB", accumulatorKiB, 0, SramSpec.MAX_KIB)
                .between("pe.scratchpadBytes.ifmap", ifmapScratchpadBytes, 0, MAX_SCRATCHPAD_BYTES)
                .between("pe.scratchpadBytes.filter", filterScratchpadBytes, 0, MAX_SCRATCHPAD_BYTES)
                .between("pe.scratchpadBytes.psum", psumScratchpadBytes, 0, MAX_SCRATCHPAD_BYTES)
                .throwIfAny();
    }

    /** True when the PEs hold any scratchpad. */
    public boolean hasScratchpads() {
        return ifmapScratchpadBytes + filterScratchpadBytes + psumScratchpadBytes > 0;
    }

    public SiliconSpec withFlavour(Flavour f) {
        return new SiliconSpec(f, accumulatorKiB, ifmapScratchpadBytes, filterScratchpadBytes, psumScratchpadBytes);
    }
}
