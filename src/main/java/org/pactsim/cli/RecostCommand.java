package org.pactsim.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.pactsim.cost.CostTables;
import org.pactsim.io.out.AtomicFiles;
import org.pactsim.io.InputException;
import org.pactsim.report.RecostTable;
import org.pactsim.io.InputFiles;
import org.pactsim.io.format.ResultReader;
import org.pactsim.report.ResultJson;
import org.pactsim.sim.Costing;
import org.pactsim.spec.AcceleratorSpec;
import org.pactsim.spec.SpecException;
import org.pactsim.spec.Violations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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
    enum Format { table, csv, json }

    @Parameters(index = "0", paramLabel = "RESULT.json", converter = Options.InputPath.class,
            description = "A result of 'pactsim simulate': its --out folder's result.json or its --format json output.")
    Path result;

    /** Without {@code --tables}: the shipped tables. */
    @Mixin
    Options.Tables tables;

    @Option(names = "--node", paramLabel = "NM",
            description = "Price the same run at another technology node (nm, one of the tech table's): cycles do not"
                    + " depend on the node; area, energy and leakage do.")
    Integer node;

    @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT",
            description = "Standard output: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}); csv is the totals"
                    + " re-priced beside the file's, json the re-priced result.")
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
        CostTables t = tables.read();
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
            throw InputException.at(result + " priced with " + (!tables.given() ? "the shipped tables"
                    : tables.files.stream().map(Path::toString).collect(Collectors.joining(", "))), v.path(), v.expected(),
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
        w.print(format == Format.json ? json : format == Format.csv ? RecostTable.csv(p, before)
                : RecostTable.table(run, acc, p, pricedWith, tables(tree), before));
        w.flush();
        return 0;
    }

    private static Map<String, String> tables(ObjectNode tree) {
        Map<String, String> m = new LinkedHashMap<>();
        tree.get("costTables").fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asText()));
        return m;
    }
}
