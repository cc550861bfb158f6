package org.pactsim.io.format;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.pactsim.cost.Basis;
import org.pactsim.cost.CostTables;
import org.pactsim.cost.DramTable;
import org.pactsim.cost.IntMacFit;
import org.pactsim.cost.LeakageTable;
import org.pactsim.cost.MacCost;
import org.pactsim.cost.MacTable;
import org.pactsim.cost.ParamTable;
import org.pactsim.cost.PartTable;
import org.pactsim.cost.Provenance;
import org.pactsim.cost.SramTable;
import org.pactsim.cost.TableKind;
import org.pactsim.cost.TechTable;

/**
 * Cost tables in the file format {@link CostTableReader} reads ({@code pactsim tables --format
 * csv}): written back, they read as the same tables.
 */
public final class CostTableWriter {
    private CostTableWriter() {
    }

    /** The tables in the file format {@link CostTableReader} reads, scaled to {@code node} when given. */
    @SuppressWarnings("ReferenceEquality") // which of the fit's two terms: identity is meant
    public static String csv(CostTables t, Integer node) {
        StringBuilder sb = new StringBuilder("# schema: " + CostTableReader.SCHEMA + "\n");
        sb.append("# Resolved cost tables written by 'pactsim tables --format csv'")
                .append(node == null ? "" : ", scaled to " + node + " nm").append(".\n");
        head(sb, TableKind.MAC);
        for (MacTable.Row r : t.mac().rows()) {
            int n = node == null ? r.nodeNm() : node;
            MacCost c = t.mac(r.mode(), r.precision(), n);
            row(sb, List.of(r.mode().key(), r.precision().key(), g(c.areaUm2()), g(c.energyPjPerPeCycle()),
                    Integer.toString(n)), r.provenance(), r.nodeNm(), node);
        }
        head(sb, TableKind.PART);
        for (PartTable.Row r : t.part().rows()) {
            int n = node == null ? r.nodeNm() : node;
            double s = r.quantity() == PartTable.Quantity.AREA_UM2 ? t.tech().areaScale(r.nodeNm(), n)
                    : t.tech().energyScale(r.nodeNm(), n);
            row(sb, List.of(r.part().key(), r.quantity().key(), g(r.k2() * s), g(r.k1() * s), g(r.k0() * s),
                    Integer.toString(n)), r.provenance(), r.nodeNm(), node);
        }
        head(sb, TableKind.MAC_FIT);
        IntMacFit f = t.macFit();
        for (IntMacFit.Term k : List.of(f.area(), f.energy())) {
            int n = node == null ? k.nodeNm() : node;
            double s = k == f.area() ? t.tech().areaScale(k.nodeNm(), n) : t.tech().energyScale(k.nodeNm(), n);
            row(sb, List.of(k == f.area() ? "areaUm2" : "energyPjPerPeCycle", g(k.k2() * s), g(k.k1() * s),
                    g(k.k0() * s), Integer.toString(n)), k.provenance(), k.nodeNm(), node);
        }
        head(sb, TableKind.SRAM);
        for (SramTable.Row r : t.sram().rows()) {
            int n = node == null ? r.nodeNm() : node;
            SramTable.Cost c = t.sram(r.capacityBytes(), n);
            row(sb, List.of(Long.toString(r.capacityBytes()), g(c.readPjPerBit()), g(c.writePjPerBit()),
                    g(c.areaUm2PerBit()), Integer.toString(n)), r.provenance(), r.nodeNm(), node);
        }
        head(sb, TableKind.DRAM);
        for (DramTable.Row r : t.dram().rows()) {
            row(sb, List.of(r.type(), g(r.energyPjPerBit())), r.provenance(), 0, null);
        }
        head(sb, TableKind.LEAKAGE);
        for (LeakageTable.Row r : t.leakage().rows()) {
            int n = node == null ? r.nodeNm() : node;
            double d = r.mwPerMm2(n, t.tech());
            row(sb, List.of(r.component().key(), r.flavour() == null ? "any" : r.flavour().key(), g(d),
                    Integer.toString(n)), r.provenance(), r.nodeNm(), node);
        }
        head(sb, TableKind.TECH);
        for (TechTable.Row r : t.tech().rows()) {
            row(sb, List.of(Integer.toString(r.nodeNm()), g(r.areaFactor()), g(r.energyFactor())), r.provenance(), 0, null);
        }
        head(sb, TableKind.PARAMS);
        for (ParamTable.Row r : t.params().rows()) {
            row(sb, List.of(r.name(), g(r.value()), r.unit()), r.provenance(), 0, null);
        }
        return sb.toString();
    }

    private static void head(StringBuilder sb, TableKind k) {
        sb.append("\n# table: ").append(k.key()).append('\n')
                .append(String.join(",", CostTableReader.COLUMNS.get(k))).append('\n');
    }

    private static void row(StringBuilder sb, List<String> values, Provenance p, int fromNm, Integer toNm) {
        List<String> all = new ArrayList<>(values);
        boolean scaled = toNm != null && fromNm != toNm;
        all.add(scaled ? Basis.DERIVED.key() : p.basis().key());
        String d = p.derivation();
        if (scaled) {
            d = (d.isEmpty() ? "" : p.basis().key() + " at " + fromNm + " nm: " + d + "; ")
                    + "scaled from " + fromNm + " to " + toNm + " nm with the tech table";
        }
        all.add(d);
        all.add(p.source());
        List<String> quoted = new ArrayList<>();
        for (String s : all) {
            quoted.add(s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s);
        }
        sb.append(String.join(",", quoted)).append('\n');
    }

    private static String g(double v) {
        return String.format(Locale.ROOT, "%.6g", v).replaceAll("(\\.[0-9]*?)0+($|e)", "$1$2").replace(".e", "e")
                .replaceAll("\\.$", "");
    }

    /**
     * The same tables as JSON: {@code {"schema", "tables": {KIND: [ROW, ...]}}}, each row an
     * object of the CSV form's columns (numbers as numbers).
     */
    public static String json(CostTables t, Integer node) {
        com.fasterxml.jackson.databind.ObjectMapper m = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode root = m.createObjectNode();
        root.put("schema", CostTableReader.SCHEMA);
        com.fasterxml.jackson.databind.node.ObjectNode tables = root.putObject("tables");
        String kind = null;
        List<String> header = null;
        com.fasterxml.jackson.databind.node.ArrayNode rows = null;
        for (org.pactsim.io.CsvRows.Row r : org.pactsim.io.CsvRows.read(sectioned(csv(t, node)), "tables")) {
            List<String> f = r.fields();
            if (f.size() == 1 && f.get(0).startsWith("table: ")) {
                kind = f.get(0).substring("table: ".length());
                rows = tables.putArray(kind);
                header = null;
            } else if (kind != null && header == null) {
                header = f;
            } else if (rows != null) {
                com.fasterxml.jackson.databind.node.ObjectNode o = rows.addObject();
                for (int i = 0; i < header.size() && i < f.size(); i++) {
                    String v = f.get(i);
                    if (v.matches("-?[0-9]+")) {
                        o.put(header.get(i), Long.parseLong(v));
                    } else if (v.matches("-?[0-9.]+([eE][-+]?[0-9]+)?")) {
                        o.put(header.get(i), Double.parseDouble(v));
                    } else {
                        o.put(header.get(i), v);
                    }
                }
            }
        }
        return root.toPrettyString() + System.lineSeparator();
    }

    /** The CSV form with its "# table: KIND" comment lines turned into rows the CSV reader keeps. */
    private static String sectioned(String csv) {
        StringBuilder sb = new StringBuilder();
        for (String line : csv.split("\n", -1)) {
            sb.append(line.startsWith("# table: ") ? line.substring(2) : line).append('\n');
        }
        return sb.toString();
    }
}
