package org.pactsim.cost;

import java.util.Optional;
import java.util.stream.Collectors;
import org.pactsim.spec.AcceleratorSpec;
import org.pactsim.spec.Precision;
import org.pactsim.spec.SiliconSpec;
import org.pactsim.spec.PrecisionMode;
import org.pactsim.spec.SpecException;
import org.pactsim.spec.Violations;

/**
 * All cost tables a model needs, resolved: the shipped defaults with any user tables
 * replacing whole tables of the same kind ({@link #override}). Lookups scale each value from
 * the node it was measured at to the node asked for.
 */
public record CostTables(MacTable mac, IntMacFit macFit, SramTable sram, DramTable dram,
                         LeakageTable leakage, TechTable tech, ParamTable params, PartTable part) {

    /** Some tables, as one file holds them; a null table is not in the file. */
    public record Partial(MacTable mac, IntMacFit macFit, SramTable sram, DramTable dram,
                          LeakageTable leakage, TechTable tech, ParamTable params, PartTable part) {
        /** Tables of a file without a part table. */
        public Partial(MacTable mac, IntMacFit macFit, SramTable sram, DramTable dram, LeakageTable leakage,
                       TechTable tech, ParamTable params) {
            this(mac, macFit, sram, dram, leakage, tech, params, null);
        }

        /** True when every table is present. */
        public boolean complete() {
            return mac != null && macFit != null && sram != null && dram != null && leakage != null && tech != null
                    && params != null && part != null;
        }
    }

    public CostTables {
        new Violations()
                .check(mac != null, "mac", "a mac table", "nothing")
                .check(macFit != null, "mac-fit", "a mac-fit table", "nothing")
                .check(sram != null, "sram", "an sram table", "nothing")
                .check(dram != null, "dram", "a dram table", "nothing")
                .check(leakage != null, "leakage", "a leakage table", "nothing")
                .check(tech != null, "tech", "a tech table", "nothing")
                .check(params != null, "params", "a params table", "nothing")
                .check(part != null, "part", "a part table", "nothing")
                .throwIfAny();
    }

    /** A complete set of tables from a file that holds all of them. */
    public static CostTables of(Partial p) {
        return new CostTables(p.mac(), p.macFit(), p.sram(), p.dram(), p.leakage(), p.tech(), p.params(), p.part());
    }

    /** These tables with every table present in {@code p} replacing this one's. */
    public CostTables override(Partial p) {
        return new CostTables(
                p.mac() != null ? p.mac() : mac,
                p.macFit() != null ? p.macFit() : macFit,
                p.sram() != null ? p.sram() : sram,
                p.dram() != null ? p.dram() : dram,
                p.leakage() != null ? p.leakage() : leakage,
                p.tech() != null ? p.tech() : tech,
                p.params() != null ? p.params() : params,
                p.part() != null ? p.part() : part);
    }

    /**
     * Area and energy per busy cycle of one PE of precision {@code pe} in {@code mode} at
     * {@code nodeNm}: the table row when there is one; for a fixed integer PE without a row,
     * the {@link IntMacFit}.
     *
     * @throws SpecException when neither prices it, or the node is not in the tech table
     */
    public MacCost mac(PrecisionMode mode, Precision pe, int nodeNm) {
        tech.row(nodeNm);
        Optional<MacTable.Row> row = mac.find(mode, pe);
        if (row.isPresent()) {
            MacTable.Row r = row.get();
            return new MacCost(r.areaUm2() * tech.areaScale(r.nodeNm(), nodeNm),
                    r.energyPjPerPeCycle() * tech.energyScale(r.nodeNm(), nodeNm),
                    r.provenance().basis(), "row " + r.provenance().where());
        }
        if (mode == PrecisionMode.FIXED && !pe.isFloat()) {
            IntMacFit.Term a = macFit.area();
            IntMacFit.Term e = macFit.energy();
            return new MacCost(a.at(pe.weightBits(), pe.activationBits()) * tech.areaScale(a.nodeNm(), nodeNm),
                    e.at(pe.weightBits(), pe.activationBits()) * tech.energyScale(e.nodeNm(), nodeNm),
                    Basis.FITTED, "fit " + a.provenance().where() + "/" + e.provenance().line());
        }
        String have = mac.rows().stream().filter(r -> r.mode() == mode).map(r -> r.precision().key())
                .collect(Collectors.joining(", "));
        throw new SpecException("pe", "a " + mode.key() + " PE precision in the mac table ("
                + (have.isEmpty() ? "none" : have) + ")", pe.key());
    }

    /**
     * Energy and area of one bit of a {@code capacityBytes} SRAM buffer at {@code nodeNm}: above
     * the largest row, banks of it and the wire to them ({@link SramTable#banked}), or with the
     * version 1 parameter {@code sramEnergyExponentAbove} its power law.
     */
    public SramTable.Cost sram(long capacityBytes, int nodeNm) {
        double exponent = params.sramEnergyExponentAbove();
        if (Double.isNaN(exponent)) {
            boolean above = capacityBytes > sram.rows().get(sram.rows().size() - 1).capacityBytes();
            return sram.banked(capacityBytes, nodeNm, tech, above ? wirePjPerBitMm(nodeNm) : 0);
        }
        return sram.at(capacityBytes, nodeNm, tech, exponent);
    }

    /** Energy of one bit moved one millimetre on chip at {@code nodeNm}, in pJ. */
    public double wirePjPerBitMm(int nodeNm) {
        return part.value(PartTable.Part.WIRE, PartTable.Quantity.ENERGY_PJ, 1, 1, nodeNm, tech);
    }

    /** Leakage density of {@code c} in flavour {@code f} at {@code nodeNm}, in mW/mm^2. */
    public double leakageMwPerMm2(LeakageTable.Component c, SiliconSpec.Flavour f, int nodeNm) {
        return leakage.mwPerMm2(c, f, nodeNm, tech);
    }

    /**
     * One PE of {@code acc} in {@code mode} at its node: its parts ({@link PeParts}), placed (logic
     * times {@code logicLayoutFactor}, SRAM scratchpads times {@code sramLayoutFactor}), unless the
     * params ask for the version 1 bare MAC ({@code pePartsModel = 0}), then its {@link #mac} row.
     */
    public MacCost pe(AcceleratorSpec acc, PrecisionMode mode) {
        if (!params.pePartsModel()) {
            return mac(mode, Precision.of(acc.pe()), acc.technologyNm());
        }
        PeParts p = PeParts.of(acc, mode, this);
        // how: a constant, not the parts listed (a sweep prices 10^5 designs)
        return new MacCost(p.placedUm2(params), p.energyPjPerPeCycle(), Basis.DERIVED, "parts (PeParts)");
    }
}
