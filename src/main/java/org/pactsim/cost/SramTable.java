package org.pactsim.cost;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.pactsim.spec.SpecException;
import org.pactsim.spec.Violations;

/**
 * SRAM read and write energy per bit and area per bit as functions of a buffer's capacity.
 * Between rows, values are interpolated linearly in log(capacity) and log(value); below the
 * smallest row its values hold. Above the largest row the buffer is built of banks of the
 * largest row (the largest macro measured): area per bit holds, and every bit read or written
 * also crosses the wires from the buffer's port to its bank, the side of the square the banks
 * fill ({@link #banked}). The version 1 rule instead let energy per bit grow as
 * {@code (capacity / largest)^exponent} ({@link ParamTable#sramEnergyExponentAbove}).
 * Each row is first scaled from its own node to the node asked for.
 */
public record SramTable(List<Row> rows) {
    /** One measured or published capacity. */
    public record Row(long capacityBytes, double readPjPerBit, double writePjPerBit, double areaUm2PerBit,
                      int nodeNm, Provenance provenance) {
        public Row {
            new Violations()
                    .atLeast("capacityBytes", capacityBytes, 1)
                    .finitePositive("readPjPerBit", readPjPerBit)
                    .finitePositive("writePjPerBit", writePjPerBit)
                    .finitePositive("areaUm2PerBit", areaUm2PerBit)
                    .between("nodeNm", nodeNm, 1, 1000)
                    .check(provenance != null, "provenance", "a provenance", "nothing")
                    .throwIfAny();
        }
    }

    /** Energy and area of one bit of a buffer, and how it was obtained. */
    public record Cost(double readPjPerBit, double writePjPerBit, double areaUm2PerBit, String how) {
    }

    public SramTable {
        List<Row> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparingLong(Row::capacityBytes));
        rows = List.copyOf(sorted);
        if (rows.isEmpty()) {
            throw new SpecException("sram", "at least one row", "none");
        }
        for (int i = 1; i < rows.size(); i++) {
            if (rows.get(i).capacityBytes() == rows.get(i - 1).capacityBytes()) {
                throw new SpecException("sram.capacityBytes", "each capacity once",
                        rows.get(i).capacityBytes() + " twice");
            }
        }
    }

    /** The cost of one bit of a {@code capacityBytes} buffer at {@code nodeNm}. */
    public Cost at(long capacityBytes, int nodeNm, TechTable tech, double exponentAbove) {
        if (capacityBytes < 1) {
            throw new SpecException("capacityBytes", ">= 1", Long.toString(capacityBytes));
        }
        Row first = rows.get(0);
        Row last = rows.get(rows.size() - 1);
        if (capacityBytes <= first.capacityBytes()) {
            return scaled(first, 1, nodeNm, tech, capacityBytes == first.capacityBytes()
                    ? "row " + first.provenance().where() : "smallest row " + first.provenance().where() + " (held)");
        }
        if (capacityBytes > last.capacityBytes() && Double.isNaN(exponentAbove)) {
            throw new SpecException("sram", "a wire energy (part table) to price banks above the largest row",
                    "none");
        }
        if (capacityBytes >= last.capacityBytes()) {
            double grow = Math.pow((double) capacityBytes / last.capacityBytes(), exponentAbove);
            return scaled(last, grow, nodeNm, tech, capacityBytes == last.capacityBytes()
                    ? "row " + last.provenance().where()
                    : "largest row " + last.provenance().where() + " x (capacity ratio)^" + exponentAbove);
        }
        int i = 1;
        while (rows.get(i).capacityBytes() < capacityBytes) {
            i++;
        }
        Row hi = rows.get(i);
        if (hi.capacityBytes() == capacityBytes) {
            return scaled(hi, 1, nodeNm, tech, "row " + hi.provenance().where());
        }
        Row lo = rows.get(i - 1);
        double t = Math.log((double) capacityBytes / lo.capacityBytes())
                / Math.log((double) hi.capacityBytes() / lo.capacityBytes());
        double es0 = tech.energyScale(lo.nodeNm(), nodeNm);
        double es1 = tech.energyScale(hi.nodeNm(), nodeNm);
        double as0 = tech.areaScale(lo.nodeNm(), nodeNm);
        double as1 = tech.areaScale(hi.nodeNm(), nodeNm);
        return new Cost(logLerp(lo.readPjPerBit() * es0, hi.readPjPerBit() * es1, t),
                logLerp(lo.writePjPerBit() * es0, hi.writePjPerBit() * es1, t),
                logLerp(lo.areaUm2PerBit() * as0, hi.areaUm2PerBit() * as1, t),
                "log-log between rows " + lo.provenance().where() + " and " + hi.provenance().where());
    }

    /**
     * One bit of a {@code capacityBytes} buffer built of banks of the largest row: the bank's
     * energy plus {@code wirePjPerBitMm} (at {@code nodeNm}) times the side of the square the
     * banks fill, the path from the buffer's port at one edge to a bank through an H-tree from the
     * centre (half the side to the centre, up to half the side out). Below the largest row, as
     * {@link #at}.
     */
    public Cost banked(long capacityBytes, int nodeNm, TechTable tech, double wirePjPerBitMm) {
        Row last = rows.get(rows.size() - 1);
        if (capacityBytes <= last.capacityBytes()) {
            return at(capacityBytes, nodeNm, tech, 0);
        }
        Cost bank = scaled(last, 1, nodeNm, tech, "");
        double sideMm = Math.sqrt(capacityBytes * 8.0 * bank.areaUm2PerBit()) / 1000;
        double wire = wirePjPerBitMm * sideMm;
        return new Cost(bank.readPjPerBit() + wire, bank.writePjPerBit() + wire, bank.areaUm2PerBit(), BANKED);
    }

    private static final String BANKED = "banks of the largest row + the wire across them";

    private static Cost scaled(Row r, double energyGrowth, int nodeNm, TechTable tech, String how) {
        double es = tech.energyScale(r.nodeNm(), nodeNm) * energyGrowth;
        return new Cost(r.readPjPerBit() * es, r.writePjPerBit() * es,
                r.areaUm2PerBit() * tech.areaScale(r.nodeNm(), nodeNm), how);
    }

    private static double logLerp(double a, double b, double t) {
        return Math.exp(Math.log(a) + t * (Math.log(b) - Math.log(a)));
    }
}
