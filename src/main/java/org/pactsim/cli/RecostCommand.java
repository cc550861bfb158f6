package org.pactsim.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.pactsim.cost.CostTables;
import org.pactsim.cost.EnergyBreakdown;
import org.pactsim.io.AtomicFiles;
import org.pactsim.io.CostTableReader;
import org.pactsim.io.InputException;
import org.pactsim.io.InputFiles;
import org.pactsim.io.ResultReader;
import org.pactsim.report.Fmt;
import org.pactsim.report.Metric;
import org.pactsim.report.Metrics;
import org.pactsim.report.ResultJson;
import org.pactsim.sim.Costing;
import org.pactsim.spec.AcceleratorSpec;
import org.pactsim.spec.SpecException;
import org.pactsim.spec.Violations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code pactsim recost}: prices a run again from the action counts its result file keeps,
 * with other cost tables, without simulating (docs/cost-model.md, "Re-pricing a run").
 */
@Command(name = "recost", mixinStandardHelpOptions = true,
        description = "Re-price a simulate result (result.json) with other cost tables, without simulating again.")
public final class RecostCommand implements Callable<Integer> {
    /** Output formats on standard output. */
    enum Format { table, json }

    @Parameters(index = "0", paramLabel = "RESULT.json",
            description = "A result of 'pactsim simulate': its --out folder's result.json or its --format json output.")
    Path result;

    @Option(names = "--tables", paramLabel = "FILE",
            description = "Cost tables replacing the shipped ones, kind by kind (see 'pactsim tables'; repeatable)."
                    + " Without it: the shipped tables.")
    List<Path> tables = new ArrayList<>();

    @Option(names = "--node", paramLabel = "NM",
            description = "Price the same run at another technology node (nm, one of the tech table's): cycles do not"
                    + " depend on the node; area, energy and leakage do.")
    Integer node;

    @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT",
            description = "Standard output: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}); json is the"
                    + " re-priced result.")
    Format format;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Also write the re-priced result JSON here: the input with its cost figures and costTables"
                    + " replaced (not the input file itself).")
    Path out;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        String text = InputFiles.read(result);
        ResultReader.Run run = ResultReader.parse(text, result.toString());
        if (out != null && out.toAbsolutePath().normalize().equals(result.toAbsolutePath().normalize())) {
            throw InputException.at("--out", null, "a file other than the result read (it keeps the original prices)",
                    InputException.quote(out.toString()));
        }
        CostTables t = tables.isEmpty() ? CostTableReader.defaults() : CostTableReader.read(tables);
        AcceleratorSpec acc = run.accelerator();
        if (node != null) {
            if (!t.tech().has(node)) {
                throw InputException.at("--node", null, "a node of the tech table (" + t.tech().nodesText() + ")",
                        Integer.toString(node));
            }
            acc = acc.withTechnologyNm(node);
        }
        Costing.Priced p;
        try {
            p = Costing.reprice(acc, run.actions(), run.steadyActions(), t);
        } catch (SpecException e) {
            Violations.Violation v = e.violations().get(0);
            throw InputException.at(result + " priced with " + (tables.isEmpty() ? "the shipped tables"
                    : tables.stream().map(Path::toString).collect(Collectors.joining(", "))), v.path(), v.expected(),
                    v.found());
        }
        ObjectNode tree;
        try {
            tree = (ObjectNode) ResultJson.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("read as a result, not as JSON: " + result, e);
        }
        Map<String, Double> before = run.totals();
        Map<String, String> pricedWith = run.costTables();
        ResultJson.reprice(tree, p, t);
        if (node != null) {
            tree.set("accelerator", ResultJson.accelerator(acc));
        }
        String json = ResultJson.render(tree);
        if (out != null) {
            AtomicFiles.write(out, json);
        }
        PrintWriter w = spec.commandLine().getOut();
        w.print(format == Format.json ? json : table(run, acc, p, pricedWith, tables(tree), before));
        w.flush();
        return 0;
    }

    private static Map<String, String> tables(ObjectNode tree) {
        Map<String, String> m = new LinkedHashMap<>();
        tree.get("costTables").fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asText()));
        return m;
    }

    /** Totals re-priced beside the file's, then each layer's energy in the first inference. */
    static String table(ResultReader.Run run, AcceleratorSpec a, Costing.Priced p, Map<String, String> was,
                        Map<String, String> with, Map<String, Double> before) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%s on %s (%s model), %d layers, re-priced from %s at %d nm%s%n",
                run.network(), a.name(), run.model().key(), run.layers().size(), run.origin(), a.technologyNm(),
                a.technologyNm() == run.accelerator().technologyNm() ? ""
                        : " (the file's: " + run.accelerator().technologyNm() + " nm)"));
        sb.append("cost tables: ").append(origins(with)).append(System.lineSeparator());
        sb.append("in the file: ").append(origins(was)).append(System.lineSeparator());
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"total", "re-priced", "in file", "ratio", "meaning"});
        for (Metric<Costing.Priced> m : Metrics.COST) {
            Object v = m.value().apply(p);
            Double now = v instanceof Number ? ((Number) v).doubleValue() : null;
            Double old = before.get(m.key());
            rows.add(new String[] {m.key(), now == null ? "-" : Fmt.real(now), old == null ? "-" : Fmt.real(old),
                    now == null || old == null || old == 0 ? "-" : Fmt.real(now / old), m.description()});
        }
        render(sb, rows, 1, 4);
        sb.append(System.lineSeparator()).append("energy of each layer, first inference, pJ").append(System.lineSeparator());
        rows.clear();
        rows.add(new String[] {"layer", "energy", "MAC", "SRAM", "DRAM", "leakage"});
        for (int i = 0; i < run.layers().size(); i++) {
            EnergyBreakdown e = p.cost().layers().get(i);
            rows.add(new String[] {run.layers().get(i), Fmt.real(e.totalPj()), Fmt.real(e.macPj()), Fmt.real(e.sramPj()),
                    Fmt.real(e.dramPj()), Fmt.real(e.leakagePj())});
        }
        EnergyBreakdown e = p.cost().energy();
        rows.add(new String[] {"TOTAL", Fmt.real(e.totalPj()), Fmt.real(e.macPj()), Fmt.real(e.sramPj()),
                Fmt.real(e.dramPj()), Fmt.real(e.leakagePj())});
        render(sb, rows, 1, 6);
        return sb.toString();
    }

    /** {@code default (mac, sram, ...); my.csv (dram)}: each origin with the kinds taken from it. */
    private static String origins(Map<String, String> kinds) {
        Map<String, List<String>> by = new LinkedHashMap<>();
        kinds.forEach((k, o) -> by.computeIfAbsent(o, x -> new ArrayList<>()).add(k));
        List<String> parts = new ArrayList<>();
        by.forEach((o, ks) -> parts.add(ks.size() == kinds.size() ? o : o + " (" + String.join(", ", ks) + ")"));
        return String.join("; ", parts);
    }

    /** Columns before {@code firstNumber} and from {@code lastNumber} on are left-aligned. */
    private static void render(StringBuilder sb, List<String[]> rows, int firstNumber, int lastNumber) {
        int[] w = new int[rows.get(0).length];
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                w[i] = Math.max(w[i], r[i].length());
            }
        }
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < r.length; i++) {
                String pad = " ".repeat(w[i] - r[i].length());
                boolean left = i < firstNumber || i >= lastNumber;
                line.append(left ? r[i] + (i == r.length - 1 ? "" : pad) : pad + r[i]).append(i == r.length - 1 ? "" : "  ");
            }
            sb.append(line.toString().stripTrailing()).append(System.lineSeparator());
        }
    }
}
