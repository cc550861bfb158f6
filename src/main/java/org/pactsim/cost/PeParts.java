package org.pactsim.cost;

import java.util.ArrayList;
import java.util.List;
import org.pactsim.spec.AcceleratorSpec;
import org.pactsim.spec.Dataflow;
import org.pactsim.spec.PeSpec;
import org.pactsim.spec.Precision;
import org.pactsim.spec.PrecisionMode;
import org.pactsim.spec.SiliconSpec;

/**
 * One PE as the circuits it is built of (issue 19), each priced from the {@link PartTable} at
 * the accelerator's node:
 * <ul>
 *   <li>the multiplier at the operand widths (a float PE: its format's; a fusion or bit-serial PE:
 *       the fixed multiplier times the mode's overhead over the fixed PE of the same width in the
 *       {@code mac} table, Bit Fusion's measured fusible PE or Stripes' +32%);
 *   <li>the accumulating adder at {@code pe.accumulatorBits} (float: fp32 from 32 bits, else fp16);
 *   <li>registers: the operands passing through to the next PE and the partial sum (or, output
 *       stationary, the accumulator), which are clocked every busy cycle; the stationary operand
 *       twice (working and shadow: the native array double-buffers it, pipelined folds or not, as
 *       TPU v1 double-buffers its weights), written once per fold and priced for area only; and
 *       {@code array.multiplierStages} pipeline registers of the product's width;
 *   <li>scratchpads ({@code pe.scratchpadBytes}): one smaller than the smallest SRAM row is a
 *       register file (priced as registers), a larger one an SRAM of its capacity; each busy cycle
 *       reads the operand from its scratchpad, and reads and writes the partial sum in its own.
 * </ul>
 * Energy is per busy PE-cycle; an idle PE is clock gated (it costs leakage only), as before.
 */
public record PeParts(List<Part> parts) {
    /**
     * One circuit of the PE: {@code bits} wide (0 where it has no single width); {@code sram}
     * when it is an SRAM macro (a scratchpad of at least the smallest SRAM row), which leaks at the
     * SRAM density and is reported with the buffers.
     */
    public record Part(String name, int bits, double areaUm2, double energyPj, boolean sram) {
        Part(String name, int bits, double areaUm2, double energyPj) {
            this(name, bits, areaUm2, energyPj, false);
        }
    }

    public PeParts {
        parts = List.copyOf(parts);
    }

    public double areaUm2() {
        return parts.stream().mapToDouble(Part::areaUm2).sum();
    }

    /** The area of the parts that are SRAM macros (scratchpads), in um^2. */
    public double sramUm2() {
        return parts.stream().filter(Part::sram).mapToDouble(Part::areaUm2).sum();
    }

    public double energyPjPerPeCycle() {
        return parts.stream().mapToDouble(Part::energyPj).sum();
    }

    /**
     * The PE as placed on a chip, in um^2: its logic times {@code logicLayoutFactor}, its SRAM
     * scratchpads times {@code sramLayoutFactor}.
     */
    public double placedUm2(ParamTable params) {
        return (areaUm2() - sramUm2()) * params.logicLayoutFactor() + placedSramUm2(params);
    }

    /** Its SRAM scratchpads as placed, in um^2. */
    public double placedSramUm2(ParamTable params) {
        return sramUm2() * params.sramLayoutFactor();
    }

    /** The parts of {@code acc}'s PE in {@code mode}. */
    public static PeParts of(AcceleratorSpec acc, PrecisionMode mode, CostTables t) {
        PeSpec pe = acc.pe();
        int node = acc.technologyNm();
        int wb = pe.weightBits();
        int ab = pe.activationBits();
        int accBits = pe.accumulatorBits();
        Precision p = Precision.of(pe);
        PartTable pt = t.part();
        TechTable tech = t.tech();
        List<Part> out = new ArrayList<>();

        double[] mul = multiplier(p, mode, pt, t, node);
        out.add(new Part("multiplier", p.isFloat() ? 0 : Math.max(wb, ab), mul[0], mul[1]));

        PartTable.Part adder = !p.isFloat() ? PartTable.Part.INT_ADDER
                : accBits >= 32 ? PartTable.Part.FP32_ADDER : PartTable.Part.FP16_ADDER;
        out.add(new Part("adder", accBits, pt.value(adder, PartTable.Quantity.AREA_UM2, accBits, accBits, node, tech),
                pt.value(adder, PartTable.Quantity.ENERGY_PJ, accBits, accBits, node, tech)));

        int stationary = switch (acc.dataflow()) {
            case WS -> wb;
            case IS -> ab;
            case OS -> 0;
        };
        int moving = switch (acc.dataflow()) {
            case WS -> ab + accBits;
            case IS -> wb + accBits;
            case OS -> wb + ab + accBits;
        };
        if (stationary > 0) {
            // the working and the shadow register: the native array double-buffers its stationary
            // operand whether or not its folds are pipelined (engine/FoldTiming; the Verilog array
            // has both in either form, docs/rtl.md)
            out.add(register("stationary registers (double-buffered)", stationary * 2, false, pt, node, tech));
        }
        out.add(register(acc.dataflow() == Dataflow.OS ? "operand and accumulator registers"
                : "passing and partial-sum registers", moving, true, pt, node, tech));
        int stages = acc.array().multiplierStages();
        if (stages > 0) {
            out.add(register("pipeline registers", stages * (wb + ab), true, pt, node, tech));
        }
        SiliconSpec si = acc.silicon();
        spad(out, "ifmap scratchpad", si.ifmapScratchpadBytes(), ab, 0, t, node);
        spad(out, "filter scratchpad", si.filterScratchpadBytes(), wb, 0, t, node);
        spad(out, "psum scratchpad", si.psumScratchpadBytes(), accBits, accBits, t, node);
        return new PeParts(out);
    }

    /**
     * The parts of a weight-stationary fixed PE of precision {@code p} with a 32-bit accumulator,
     * no double-buffering and no pipeline registers, at {@code nodeNm}: what a PE of Bit Fusion's
     * measured 16x1 arrays holds, to check the sum against its {@code mac} row.
     */
    public static PeParts crossCheck(Precision p, int nodeNm, CostTables t) {
        AcceleratorSpec a = new AcceleratorSpec("cross-check", new org.pactsim.spec.ArraySpec(16, 1), Dataflow.WS, 1,
                500, new PeSpec(p.weightBits(), p.activationBits(), org.pactsim.spec.NumberType.INT,
                        Math.max(32, Math.max(p.weightBits(), p.activationBits()))),
                org.pactsim.spec.SramSpec.unified(1), new org.pactsim.spec.DramSpec(1, null, 1, 0), nodeNm);
        return of(a, PrecisionMode.FIXED, t);
    }

    /** {area um^2, energy pJ} of the PE's multiplier. */
    private static double[] multiplier(Precision p, PrecisionMode mode, PartTable pt, CostTables t, int node) {
        TechTable tech = t.tech();
        if (p.isFloat()) {
            PartTable.Part part = p.format() == Precision.Format.FP32 ? PartTable.Part.FP32_MULTIPLIER
                    : PartTable.Part.FP16_MULTIPLIER;
            // narrower significands than fp16's 11 bits: an array multiplier's area and energy go
            // as the square of the significand (bf16 8, e4m3 4, e5m2 3), as the mac table's rows
            double scale = part == PartTable.Part.FP32_MULTIPLIER ? 1
                    : Math.pow(p.format().significandBits() / 11.0, 2);
            return new double[] {pt.value(part, PartTable.Quantity.AREA_UM2, 1, 1, node, tech) * scale,
                    pt.value(part, PartTable.Quantity.ENERGY_PJ, 1, 1, node, tech) * scale};
        }
        int wb = p.weightBits();
        int ab = p.activationBits();
        double area = pt.value(PartTable.Part.INT_MULTIPLIER, PartTable.Quantity.AREA_UM2, wb, ab, node, tech);
        double energy = pt.value(PartTable.Part.INT_MULTIPLIER, PartTable.Quantity.ENERGY_PJ, wb, ab, node, tech);
        if (mode != PrecisionMode.FIXED) {
            MacCost m = t.mac(mode, p, node);
            MacCost f = t.mac(PrecisionMode.FIXED, p, node);
            area *= m.areaUm2() / f.areaUm2();
            energy *= m.energyPjPerPeCycle() / f.energyPjPerPeCycle();
        }
        return new double[] {area, energy};
    }

    private static Part register(String name, int bits, boolean clocked, PartTable pt, int node, TechTable tech) {
        return new Part(name, bits, pt.value(PartTable.Part.REGISTER, PartTable.Quantity.AREA_UM2, bits, bits, node, tech),
                clocked ? pt.value(PartTable.Part.REGISTER, PartTable.Quantity.ENERGY_PJ, bits, bits, node, tech) : 0);
    }

    /** A scratchpad of {@code bytes}, {@code readBits} read and {@code writeBits} written each busy cycle. */
    private static void spad(List<Part> out, String name, long bytes, int readBits, int writeBits, CostTables t,
                             int node) {
        if (bytes == 0) {
            return;
        }
        if (bytes < t.sram().rows().get(0).capacityBytes()) {
            // a register file: every bit read or written costs a register bit-cycle
            int bits = Math.toIntExact(bytes * 8);
            TechTable tech = t.tech();
            double perBit = t.part().value(PartTable.Part.REGISTER, PartTable.Quantity.ENERGY_PJ, 1, 1, node, tech);
            out.add(new Part(name + " (registers)", bits,
                    t.part().value(PartTable.Part.REGISTER, PartTable.Quantity.AREA_UM2, bits, bits, node, tech),
                    (readBits + writeBits) * perBit, false));
            return;
        }
        SramTable.Cost c = t.sram(bytes, node);
        out.add(new Part(name, 0, bytes * 8.0 * c.areaUm2PerBit(),
                readBits * c.readPjPerBit() + writeBits * c.writePjPerBit(), true));
    }
}
