package org.pactsim.cost;

import java.util.ArrayList;
import java.util.List;
import org.pactsim.spec.AcceleratorSpec;
import org.pactsim.spec.Precision;
import org.pactsim.spec.PrecisionMode;
import org.pactsim.spec.SramSpec;

/**
 * The die area of an accelerator: every core's PEs at the PE precision and mode (a fusion PE
 * costs the fusible PE's area), every core's SRAM buffers at their capacities' area per bit,
 * and an "other" share for control, interconnect and I/O of {@code otherAreaFraction} times
 * (array + SRAM). Not modelled: per-PE scratchpads beyond the PE's own registers, separate
 * accumulator memories, pads.
 */
public final class AreaModel {
    private AreaModel() {
    }

    public static AreaBreakdown of(AcceleratorSpec acc, PrecisionMode mode, CostTables t) {
        int node = acc.technologyNm();
        MacCost pe = t.mac(mode, Precision.of(acc.pe()), node);
        double arrayMm2 = acc.totalPes() * pe.areaUm2() / 1e6;
        double sramUm2 = 0;
        for (long capacity : bufferBytes(acc.sram())) {
            sramUm2 += capacity * 8.0 * t.sram(capacity, node).areaUm2PerBit();
        }
        double sramMm2 = sramUm2 * acc.cores() / 1e6;
        double other = t.params().otherAreaFraction() * (arrayMm2 + sramMm2);
        return new AreaBreakdown(arrayMm2, sramMm2, other);
    }

    /** The capacity in bytes of each buffer of one core: one unified, or ifmap, filter and ofmap. */
    public static List<Long> bufferBytes(SramSpec s) {
        List<Long> out = new ArrayList<>();
        if (s.isUnified()) {
            out.add(Math.multiplyExact(s.unifiedKiB(), 1024L));
        } else {
            out.add(Math.multiplyExact(s.ifmapKiB(), 1024L));
            out.add(Math.multiplyExact(s.filterKiB(), 1024L));
            out.add(Math.multiplyExact(s.ofmapKiB(), 1024L));
        }
        return out;
    }

    /** The capacity in bytes of the buffer of one core that holds {@code operand}. */
    public static long bufferBytes(SramSpec s, ActionCounts.Operand operand) {
        long kib = s.isUnified() ? s.unifiedKiB() : switch (operand) {
            case IFMAP -> s.ifmapKiB();
            case FILTER -> s.filterKiB();
            case OFMAP -> s.ofmapKiB();
        };
        return Math.multiplyExact(kib, 1024L);
    }
}
