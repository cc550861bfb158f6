package org.pactsim.cost;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.pactsim.spec.MacRate;
import org.pactsim.spec.PeThroughput;
import org.pactsim.spec.AcceleratorSpec;
import org.pactsim.spec.Precision;
import org.pactsim.spec.PrecisionMode;
import org.pactsim.spec.SiliconSpec;

/**
 * Prices {@link ActionCounts} on one accelerator with one set of {@link CostTables}, after the
 * simulation: the engine only counts, this class turns counts into energy.
 * <ul>
 *   <li>MAC: busy PE-cycles x the PE's energy per busy cycle ({@link CostTables#pe}: its parts,
 *       registers and scratchpad accesses included), where a layer of precision
 *       {@code L} on a PE of precision {@code P} needs {@code MACs / PeThroughput.of(mode, P, L)}
 *       busy PE-cycles. A narrower layer on a fixed PE pays the full PE's energy (no operand
 *       gating); a fusion PE pays its energy per cycle for several narrow MACs.
 *   <li>SRAM: bits read and written x the per-bit energy of the buffer's capacity.
 *   <li>DRAM: bits moved x the DRAM type's energy per bit.
 *   <li>Vector units: element operations x one lane's adder (accumulator width) and multiplier
 *       (activation width). On-chip network: bits between cores x the wire energy over one
 *       core's side (a ring's link). Neither with the version 1 tables.
 *   <li>Leakage: (logic area x logic density + SRAM area x SRAM density) x wall time, at the
 *       densities of the chip's {@code technologyFlavour}.
 *       Idle PE-cycles cost only this (clock gating is assumed).
 * </ul>
 * Everything is priced at the accelerator's {@code technologyNm}.
 */
public final class CostModel {
    private final CostTables tables;
    private final AcceleratorSpec acc;
    private final PrecisionMode mode;
    private final Precision pe;
    private final MacCost peCost;
    private final DramTable.Row dram;
    private final AreaBreakdown area;
    private final double leakageW;
    private final double vectorPjPerOp;
    private final double nocPjPerBit;

    /**
     * @param dramType a type of the DRAM table (e.g. {@code lpddr4}); null means
     *                 {@link DramTable#DEFAULT_TYPE}
     * @throws org.pactsim.spec.SpecException when the tables cannot price this accelerator
     *         (node, PE or DRAM type missing)
     */
    public CostModel(CostTables tables, AcceleratorSpec acc, PrecisionMode mode, String dramType) {
        this.tables = tables;
        this.acc = acc;
        this.mode = mode;
        this.pe = Precision.of(acc.pe());
        int node = acc.technologyNm();
        this.peCost = tables.pe(acc, mode);
        this.dram = tables.dram().row(dramType == null ? DramTable.DEFAULT_TYPE : dramType);
        this.area = AreaModel.of(acc, mode, tables);
        SiliconSpec.Flavour f = acc.silicon().flavour();
        // leakage densities are per mm^2 of cells (a synthesised array, a CACTI bank), not of the
        // placed area around them
        double mw = area.logicMm2() / tables.params().logicLayoutFactor()
                * tables.leakageMwPerMm2(LeakageTable.Component.LOGIC, f, node)
                + area.sramMm2() / tables.params().sramLayoutFactor()
                * tables.leakageMwPerMm2(LeakageTable.Component.SRAM, f, node);
        this.leakageW = mw / 1e3;
        if (tables.params().pePartsModel()) {
            // a vector lane's operation: an adder at the accumulator width and a multiplier at the
            // activation width (scaling), as its area
            int a = acc.pe().accumulatorBits();
            int b = acc.pe().activationBits();
            this.vectorPjPerOp = tables.part().value(PartTable.Part.INT_ADDER, PartTable.Quantity.ENERGY_PJ, a, a, node,
                    tables.tech()) + tables.part().value(PartTable.Part.INT_MULTIPLIER, PartTable.Quantity.ENERGY_PJ,
                    b, b, node, tables.tech());
            // each bit-hop: the wire over one core's side (its share of the die), then the next
            // router's input register
            double coreSideMm = Math.sqrt(area.totalMm2() / acc.cores());
            this.nocPjPerBit = acc.cores() > 1 ? tables.wirePjPerBitMm(node) * coreSideMm + tables.part().value(
                    PartTable.Part.REGISTER, PartTable.Quantity.ENERGY_PJ, 1, 1, node, tables.tech()) : 0;
        } else {
            this.vectorPjPerOp = 0; // the version 1 tables priced neither
            this.nocPjPerBit = 0;
        }
    }

    /** Fixed-precision PEs and the default DRAM type. */
    public static CostModel of(CostTables tables, AcceleratorSpec acc) {
        return new CostModel(tables, acc, PrecisionMode.FIXED, null);
    }

    public AreaBreakdown area() {
        return area;
    }

    /** Static power of the whole die, in watts. */
    public double leakageW() {
        return leakageW;
    }

    /** The PE's own area and energy per busy cycle, as looked up. */
    public MacCost peCost() {
        return peCost;
    }

    public DramTable.Row dram() {
        return dram;
    }

    /** Energy of what {@code c} counts. */
    public EnergyBreakdown energy(ActionCounts c) {
        double busyPeCycles = 0;
        for (Map.Entry<Precision, Long> e : c.macs().entrySet()) {
            if (e.getValue() == 0) {
                continue;
            }
            MacRate r = PeThroughput.of(mode, pe, e.getKey());
            busyPeCycles += (double) e.getValue() * r.peCycles() / r.macs();
        }
        double mac = busyPeCycles * peCost.energyPjPerPeCycle();
        double sram = 0;
        Map<Long, SramTable.Cost> byCapacity = new HashMap<>();
        for (ActionCounts.SramTraffic t : c.sram()) {
            SramTable.Cost k = byCapacity.computeIfAbsent(t.capacityBytes(),
                    cap -> tables.sram(cap, acc.technologyNm()));
            sram += t.readBits() * k.readPjPerBit() + t.writeBits() * k.writePjPerBit();
        }
        double dramPj = ((double) c.dramReadBits() + c.dramWriteBits()) * dram.energyPjPerBit();
        double leak = leakageW * c.seconds() * 1e12;
        return new EnergyBreakdown(mac, sram, dramPj, leak, c.vectorOps() * vectorPjPerOp,
                c.nocBits() * nocPjPerBit);
    }

    /**
     * Peak throughput in 10^12 operations per second for layers of precision {@code p}:
     * 2 ops per MAC x all PEs x MACs per PE-cycle x clock.
     */
    public double peakTops(Precision p) {
        MacRate r = PeThroughput.of(mode, pe, p);
        return 2.0 * acc.totalPes() * r.macs() / r.peCycles() * acc.clockMhz() * 1e6 / 1e12;
    }

    /** Peak TOPS at the PE's own precision. */
    public double peakTops() {
        return peakTops(pe);
    }

    /** Prices one inference given each layer's counts, in run order. */
    public CostReport report(List<ActionCounts> layers) {
        List<EnergyBreakdown> each = new ArrayList<>(layers.size());
        EnergyBreakdown total = EnergyBreakdown.ZERO;
        for (ActionCounts c : layers) {
            EnergyBreakdown e = energy(c);
            each.add(e);
            total = total.plus(e);
        }
        ActionCounts all = ActionCounts.sum(layers);
        double seconds = all.seconds();
        double joules = total.totalPj() * 1e-12;
        double peak = peakTops();
        return new CostReport(each, total, area, all.macCount(), all.cycles(), seconds,
                seconds > 0 ? joules / seconds : 0,
                seconds > 0 ? total.onChipPj() * 1e-12 / seconds : 0,
                peak,
                joules > 0 ? 2.0 * all.macCount() / joules / 1e12 : 0,
                peak / area.totalMm2(),
                seconds > 0 ? 1 / seconds : 0,
                joules > 0 ? 1 / joules : 0);
    }
}
