package org.pactsim.cost;

import java.util.ArrayList;
import java.util.List;
import org.pactsim.spec.AcceleratorSpec;
import org.pactsim.spec.PrecisionMode;
import org.pactsim.spec.SramSpec;

/**
 * The die area of an accelerator:
 * <ul>
 *   <li>array: every core's PEs, each priced by {@link CostTables#pe} (its parts, or the version 1
 *       bare MAC), SRAM scratchpads excluded;
 *   <li>each logic area is its standard cells times {@code logicLayoutFactor}, each SRAM area the
 *       SRAM table's times {@code sramLayoutFactor} (the version 1 tables: 1);
 *   <li>SRAM: every core's buffers (one unified, or ifmap, filter and ofmap; and the accumulator
 *       SRAM), each at its capacity's area per bit, plus every PE's SRAM scratchpads;
 *   <li>other: the vector unit of every core (one adder at the accumulator width and one
 *       multiplier at the activation width per lane, with the parts model), the router of every
 *       core when there are several ({@link #routerUm2PerCore}), plus control and I/O,
 *       {@code otherAreaFraction} of everything else.
 * </ul>
 */
public final class AreaModel {
    private AreaModel() {
    }

    public static AreaBreakdown of(AcceleratorSpec acc, PrecisionMode mode, CostTables t) {
        int node = acc.technologyNm();
        double sramF = t.params().sramLayoutFactor();
        double peUm2;
        double spadUm2;
        if (t.params().pePartsModel()) {
            PeParts parts = PeParts.of(acc, mode, t); // once: the placed PE and its SRAM scratchpads
            peUm2 = parts.placedUm2(t.params());
            spadUm2 = parts.placedSramUm2(t.params());
        } else {
            peUm2 = t.pe(acc, mode).areaUm2();
            spadUm2 = 0;
        }
        double arrayMm2 = acc.totalPes() * (peUm2 - spadUm2) / 1e6;
        double sramUm2 = 0;
        for (long capacity : bufferBytes(acc)) {
            sramUm2 += capacity * 8.0 * t.sram(capacity, node).areaUm2PerBit() * sramF;
        }
        double sramMm2 = sramUm2 * acc.cores() / 1e6 + acc.totalPes() * spadUm2 / 1e6;
        double vector = vectorMm2(acc, t);
        double router = acc.cores() < 2 ? 0 : routerUm2PerCore(acc, t) * acc.cores() / 1e6;
        double other = vector + router + t.params().otherAreaFraction() * (arrayMm2 + sramMm2 + vector + router);
        return new AreaBreakdown(arrayMm2, sramMm2, other);
    }

    /**
     * The vector units of all cores in mm^2: per lane an integer adder at the accumulator width and
     * a multiplier at the activation width (scaling and activation functions), from the part table;
     * 0 with the version 1 tables, which priced no vector unit.
     */
    public static double vectorMm2(AcceleratorSpec acc, CostTables t) {
        if (!t.params().pePartsModel()) {
            return 0;
        }
        int node = acc.technologyNm();
        int a = acc.pe().accumulatorBits();
        int b = acc.pe().activationBits();
        double lane = t.part().value(PartTable.Part.INT_ADDER, PartTable.Quantity.AREA_UM2, a, a, node, t.tech())
                + t.part().value(PartTable.Part.INT_MULTIPLIER, PartTable.Quantity.AREA_UM2, b, b, node, t.tech());
        return lane * t.params().logicLayoutFactor() * acc.vector().lanes() * acc.cores() / 1e6;
    }

    /**
     * One core's router of the on-chip network in um^2, placed: one register of a link's width on
     * each of its ports (3 on a ring, 5 on a mesh, its own core's included), from the part table's
     * flip-flop. A lower bound: the crossbar, the arbiters and deeper buffers are not priced (no
     * source on file). 0 with the version 1 tables.
     */
    public static double routerUm2PerCore(AcceleratorSpec acc, CostTables t) {
        if (!t.params().pePartsModel()) {
            return 0;
        }
        long bits = Math.multiplyExact((long) acc.noc().topology().ports(),
                acc.noc().effectiveLinkBits(acc.array(), acc.pe()));
        // a register of b bits is b flip-flops (the part table's k1 x b)
        return t.part().value(PartTable.Part.REGISTER, PartTable.Quantity.AREA_UM2, 1, 1, acc.technologyNm(),
                t.tech()) * bits * t.params().logicLayoutFactor();
    }

    /** The capacity in bytes of each buffer of one core: one unified, or ifmap, filter and ofmap; and accumulators. */
    public static List<Long> bufferBytes(AcceleratorSpec acc) {
        List<Long> out = bufferBytes(acc.sram());
        if (acc.silicon().accumulatorKiB() > 0) {
            out.add(Math.multiplyExact(acc.silicon().accumulatorKiB(), 1024L));
        }
        return out;
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
    public static long bufferBytes(AcceleratorSpec acc, ActionCounts.Operand operand) {
        if (operand == ActionCounts.Operand.PSUM) {
            return Math.multiplyExact(acc.silicon().accumulatorKiB(), 1024L);
        }
        return bufferBytes(acc.sram(), operand);
    }

    /** The capacity in bytes of the buffer of one core that holds {@code operand}. */
    public static long bufferBytes(SramSpec s, ActionCounts.Operand operand) {
        long kib = s.isUnified() ? s.unifiedKiB() : switch (operand) {
            case IFMAP -> s.ifmapKiB();
            case FILTER -> s.filterKiB();
            case OFMAP, PSUM -> s.ofmapKiB();
        };
        return Math.multiplyExact(kib, 1024L);
    }
}
