package org.pactsim.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.pactsim.cost.CostTables;
import org.pactsim.cost.DramTable;
import org.pactsim.cost.IntMacFit;
import org.pactsim.cost.LeakageTable;
import org.pactsim.cost.MacCost;
import org.pactsim.cost.MacTable;
import org.pactsim.cost.ParamTable;
import org.pactsim.cost.PartTable;
import org.pactsim.cost.PeParts;
import org.pactsim.cost.Provenance;
import org.pactsim.cost.SramTable;
import org.pactsim.cost.TechTable;
import org.pactsim.spec.Precision;
import org.pactsim.spec.PrecisionMode;

/**
 * The resolved cost tables as {@code pactsim tables} prints them: one aligned section per table,
 * each value at its row's node or scaled to one node, and the sources as numbered notes.
 */
public final class CostTablesText {
    private CostTablesText() {
    }

    @SuppressWarnings("ReferenceEquality") // which of the fit's two terms: identity is meant
    public static String text(CostTables t, Integer node) {
        Notes notes = new Notes();
        StringBuilder sb = new StringBuilder();
        String at = node == null ? "at each row's node" : "scaled to " + node + " nm";
        List<List<String>> rows = new ArrayList<>();
        for (MacTable.Row r : t.mac().rows()) {
            int n = node == null ? r.nodeNm() : node;
            MacCost c = t.mac(r.mode(), r.precision(), n);
            rows.add(List.of(r.mode().key(), r.precision().key(), num(c.areaUm2()), num(c.energyPjPerPeCycle()),
                    Integer.toString(n), r.provenance().basis().key(), notes.ref(r.provenance())));
        }
        section(sb, "mac: one PE, " + at, List.of("mode", "precision", "areaUm2", "energyPjPerPeCycle", "nodeNm",
                "basis", "note"), rows);

        rows = new ArrayList<>();
        for (PartTable.Row r : t.part().rows()) {
            rows.add(List.of(r.part().key(), r.quantity().key(), num(r.k2()), num(r.k1()), num(r.k0()),
                    Integer.toString(r.nodeNm()), r.provenance().basis().key(), notes.ref(r.provenance())));
        }
        section(sb, "part: circuits = k2*x*y + k1*(x+y)/2 + k0 (x, y: a multiplier's operand widths, an adder's or a"
                        + " register's width), at the row's node",
                List.of("part", "quantity", "k2", "k1", "k0", "nodeNm", "basis", "note"), rows);

        rows = new ArrayList<>();
        for (int b : new int[] {2, 4, 8, 16}) {
            Precision p = Precision.integer(b, b);
            int n = node == null ? 45 : node;
            PeParts parts = PeParts.crossCheck(p, n, t);
            MacCost m = t.mac(PrecisionMode.FIXED, p, n);
            rows.add(List.of(p.key(), num(parts.areaUm2()), num(m.areaUm2()), num(parts.areaUm2() / m.areaUm2()),
                    num(parts.energyPjPerPeCycle()), num(m.energyPjPerPeCycle()),
                    num(parts.energyPjPerPeCycle() / m.energyPjPerPeCycle()), Integer.toString(n)));
        }
        section(sb, "PE as its parts (weight stationary, 32-bit accumulator) against the measured mac row, "
                        + (node == null ? "at 45 nm" : at),
                List.of("precision", "partsUm2", "macRowUm2", "ratio", "partsPj", "macRowPj", "ratio", "nodeNm"), rows);

        IntMacFit f = t.macFit();
        rows = new ArrayList<>();
        for (IntMacFit.Term k : List.of(f.area(), f.energy())) {
            rows.add(List.of(k == f.area() ? "areaUm2" : "energyPjPerPeCycle", num(k.k2()), num(k.k1()), num(k.k0()),
                    Integer.toString(k.nodeNm()), k.provenance().basis().key(), notes.ref(k.provenance())));
        }
        section(sb, "mac-fit: fixed integer PE = k2*wb*ab + k1*(wb+ab)/2 + k0, at the fit's node",
                List.of("quantity", "k2", "k1", "k0", "nodeNm", "basis", "note"), rows);

        rows = new ArrayList<>();
        for (int b = 1; b <= 16; b++) {
            Precision p = Precision.integer(b, b);
            int n = node == null ? f.area().nodeNm() : node;
            MacCost c = t.mac(PrecisionMode.FIXED, p, n);
            rows.add(List.of(p.key(), num(c.areaUm2()), num(c.energyPjPerPeCycle()), Integer.toString(n),
                    c.basis().key(), c.how()));
        }
        section(sb, "fixed integer PEs as priced (table row, else the fit; any wNaM likewise), " + at,
                List.of("precision", "areaUm2", "energyPjPerPeCycle", "nodeNm", "basis", "from"), rows);

        rows = new ArrayList<>();
        for (SramTable.Row r : t.sram().rows()) {
            int n = node == null ? r.nodeNm() : node;
            SramTable.Cost c = t.sram(r.capacityBytes(), n);
            rows.add(List.of(Long.toString(r.capacityBytes()), num(c.readPjPerBit()), num(c.writePjPerBit()),
                    num(c.areaUm2PerBit()), Integer.toString(n), r.provenance().basis().key(), notes.ref(r.provenance())));
        }
        double exponent = t.params().sramEnergyExponentAbove();
        section(sb, "sram: per bit of a buffer of capacityBytes, " + at + "; log-log between rows, above the last "
                + (Double.isNaN(exponent) ? "banks of the last row + the wire over the banks' side"
                        : "x (C/Cmax)^" + num(exponent)),
                List.of("capacityBytes", "readPjPerBit", "writePjPerBit", "areaUm2PerBit", "nodeNm", "basis", "note"), rows);

        rows = new ArrayList<>();
        for (DramTable.Row r : t.dram().rows()) {
            rows.add(List.of(r.type() + (r.type().equals(DramTable.DEFAULT_TYPE) ? " (default)" : ""),
                    num(r.energyPjPerBit()), r.provenance().basis().key(), notes.ref(r.provenance())));
        }
        section(sb, "dram: energy per bit moved (not scaled with the node)",
                List.of("type", "energyPjPerBit", "basis", "note"), rows);

        rows = new ArrayList<>();
        for (LeakageTable.Row r : t.leakage().rows()) {
            int n = node == null ? r.nodeNm() : node;
            double d = r.mwPerMm2(n, t.tech());
            rows.add(List.of(r.component().key(), r.flavour() == null ? "any" : r.flavour().key(), num(d),
                    Integer.toString(n), r.provenance().basis().key(), notes.ref(r.provenance())));
        }
        section(sb, "leakage: static power density, " + at,
                List.of("component", "flavour", "leakageMwPerMm2", "nodeNm", "basis", "note"), rows);

        rows = new ArrayList<>();
        for (TechTable.Row r : t.tech().rows()) {
            rows.add(List.of(Integer.toString(r.nodeNm()), num(r.areaFactor()), num(r.energyFactor()),
                    r.provenance().basis().key(), notes.ref(r.provenance())));
        }
        section(sb, "tech: area and energy (and leakage power) of one circuit relative to the reference node",
                List.of("nodeNm", "areaFactor", "energyFactor", "basis", "note"), rows);

        rows = new ArrayList<>();
        for (ParamTable.Row r : t.params().rows()) {
            rows.add(List.of(r.name(), num(r.value()), r.unit(), r.provenance().basis().key(), notes.ref(r.provenance())));
        }
        section(sb, "params", List.of("name", "value", "unit", "basis", "note"), rows);

        sb.append("notes\n");
        for (Map.Entry<String, String> e : notes.text.entrySet()) {
            sb.append("  ").append(e.getValue()).append(' ').append(e.getKey()).append('\n');
        }
        return sb.toString();
    }

    /** Numbered, de-duplicated derivation and source texts. */
    private static final class Notes {
        final Map<String, String> ids = new LinkedHashMap<>();
        final Map<String, String> text = new LinkedHashMap<>();

        String ref(Provenance p) {
            String body = (p.derivation().isEmpty() ? "" : p.derivation() + ". ") + "Source: " + p.source() + ".";
            return ids.computeIfAbsent(body, b -> {
                String id = "[" + (ids.size() + 1) + "]";
                text.put(b + " (first at " + p.where() + ")", id);
                return id;
            });
        }
    }

    private static void section(StringBuilder sb, String title, List<String> header, List<List<String>> rows) {
        int[] width = new int[header.size()];
        for (int i = 0; i < header.size(); i++) {
            width[i] = header.get(i).length();
            for (List<String> r : rows) {
                width[i] = Math.max(width[i], r.get(i).length());
            }
        }
        sb.append(title).append('\n');
        line(sb, header, width);
        for (List<String> r : rows) {
            line(sb, r, width);
        }
        sb.append('\n');
    }

    private static void line(StringBuilder sb, List<String> cells, int[] width) {
        StringBuilder l = new StringBuilder("  ");
        for (int i = 0; i < cells.size(); i++) {
            String c = cells.get(i);
            boolean numeric = c.matches("-?[0-9][0-9.,eE+-]*");
            String pad = " ".repeat(width[i] - c.length());
            l.append(numeric ? pad + c : c + pad).append(i + 1 < cells.size() ? "  " : "");
        }
        sb.append(l.toString().stripTrailing()).append('\n');
    }

    private static String num(double v) {
        if (Math.abs(v) >= 1e4 && Math.abs(v) < 1e9) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        return String.format(Locale.ROOT, "%.4g", v).replaceAll("(\\.[0-9]*?)0+($|e)", "$1$2").replace(".e", "e")
                .replaceAll("\\.$", "");
    }

    // ---- csv -----------------------------------------------------------------------------
}
