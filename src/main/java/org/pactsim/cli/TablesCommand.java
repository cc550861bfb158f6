package org.pactsim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.pactsim.cost.Basis;
import org.pactsim.cost.CostTables;
import org.pactsim.cost.DramTable;
import org.pactsim.cost.IntMacFit;
import org.pactsim.cost.LeakageTable;
import org.pactsim.cost.MacCost;
import org.pactsim.cost.MacTable;
import org.pactsim.cost.ParamTable;
import org.pactsim.cost.Provenance;
import org.pactsim.cost.SramTable;
import org.pactsim.cost.TableKind;
import org.pactsim.cost.TechTable;
import org.pactsim.io.CostTableReader;
import org.pactsim.io.InputException;
import org.pactsim.spec.Precision;
import org.pactsim.spec.PrecisionMode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code pactsim tables}: prints the resolved cost tables with units, bases and sources,
 * optionally scaled to one technology node; {@code --format csv} prints them in the table
 * file format, ready to edit and pass back with {@code --tables}.
 */
@Command(name = "tables", mixinStandardHelpOptions = true,
        description = "Print the resolved cost tables (area, energy, leakage, technology scaling) with units and sources.")
public final class TablesCommand implements Callable<Integer> {
    /** Output formats. */
    enum Format { text, csv }

    @Option(names = "--node", paramLabel = "NM",
            description = "Scale every value to this technology node (nm); it must be in the tech table.")
    Integer node;

    @Option(names = "--tables", paramLabel = "FILE",
            description = "Cost-table file replacing the default tables of the kinds it holds (repeatable).")
    List<Path> tables = new ArrayList<>();

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
            description = "Output format: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
    Format format;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        CostTables t = CostTableReader.read(tables);
        if (node != null && !t.tech().has(node)) {
            throw InputException.at("--node", null, "a node of the tech table (" + t.tech().nodesText() + ")",
                    Integer.toString(node));
        }
        PrintWriter w = spec.commandLine().getOut();
        w.print(format == Format.csv ? csv(t, node) : text(t, node));
        w.flush();
        return 0;
    }

    // ---- text ----------------------------------------------------------------------------

    @SuppressWarnings("ReferenceEquality") // which of the fit's two terms: identity is meant
    static String text(CostTables t, Integer node) {
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
        section(sb, "sram: per bit of a buffer of capacityBytes, " + at + "; log-log between rows, above the last x (C/Cmax)^"
                + num(t.params().sramEnergyExponentAbove()),
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
            rows.add(List.of(r.component().key(), num(t.leakageMwPerMm2(r.component(), n)), Integer.toString(n),
                    r.provenance().basis().key(), notes.ref(r.provenance())));
        }
        section(sb, "leakage: static power density, " + at,
                List.of("component", "leakageMwPerMm2", "nodeNm", "basis", "note"), rows);

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

    /** The tables in the file format {@link CostTableReader} reads, scaled to {@code node} when given. */
    @SuppressWarnings("ReferenceEquality") // which of the fit's two terms: identity is meant
    static String csv(CostTables t, Integer node) {
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
            row(sb, List.of(r.component().key(), g(t.leakageMwPerMm2(r.component(), n)), Integer.toString(n)),
                    r.provenance(), r.nodeNm(), node);
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
}
