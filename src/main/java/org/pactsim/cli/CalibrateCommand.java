package org.pactsim.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.pactsim.cost.CostTables;
import org.pactsim.io.format.ArchReader;
import org.pactsim.io.format.ReferenceDataReader;
import org.pactsim.report.ResultJson;
import org.pactsim.report.TextTable;
import org.pactsim.spec.AcceleratorSpec;
import org.pactsim.study.Calibration;
import org.pactsim.study.ReferenceDatum;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code pactsim calibrate}: pactsim's estimate of each published figure of the reference chips
 * (TPU v1, Eyeriss v1, DianNao), beside the figure, its source and the ratio.
 */
@Command(name = "calibrate", mixinStandardHelpOptions = true,
        description = "Check the cost model against published silicon: for TPU v1, Eyeriss v1 and DianNao (their"
                + " arch-configs), each published area, power, share and speed beside pactsim's estimate, the ratio,"
                + " the tolerance and the source.")
public final class CalibrateCommand implements Callable<Integer> {
    /** Output formats. */
    enum Format { table, csv, json }

    @Mixin
    Options.Tables tables;

    @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT",
            description = "Standard output: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
    Format format;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** The reference chips from their shipped configs (TPU v1 with its DDR3, Jouppi et al. Table 2). */
    static Calibration.Chips chips() {
        return new Calibration.Chips(arch("tpu-v1", "dram.type=ddr3"), arch("eyeriss"), arch("diannao"));
    }

    private static AcceleratorSpec arch(String name, String... sets) {
        Path f = Home.find(Path.of(name), "calibrate", Home.Kind.ARCH);
        return ArchReader.read(f, List.of(sets)).spec();
    }

    @Override
    public Integer call() {
        CostTables t = tables.read();
        List<ReferenceDatum> data = ReferenceDataReader.load();
        Map<String, Calibration.Estimate> est = Calibration.estimates(chips(), t);
        PrintWriter w = spec.commandLine().getOut();
        w.print(switch (format) {
            case json -> json(data, est);
            case csv -> csv(data, est);
            case table -> table(data, est);
        });
        w.flush();
        return 0;
    }

    static String table(List<ReferenceDatum> data, Map<String, Calibration.Estimate> est) {
        List<List<String>> rows = new ArrayList<>();
        for (ReferenceDatum d : data) {
            double v = est.get(d.id()).value();
            rows.add(List.of(d.chip(), d.quantity() + " (" + d.unit() + ")", Calibration.fmt(v),
                    Calibration.fmt(d.published()), String.format(Locale.ROOT, "%.2f", v / d.published()), d.toleranceText(),
                    d.within(v) ? "within" : d.knownDeviation() ? "known deviation" : "OUTSIDE"));
        }
        StringBuilder sb = new StringBuilder(TextTable.render(List.of("chip", "quantity", "pactsim", "published",
                "ratio", "tolerance", "status"), rows, 2, 5));
        sb.append("\nsources and details:\n");
        for (ReferenceDatum d : data) {
            Calibration.Estimate e = est.get(d.id());
            sb.append("  ").append(d.id()).append(": ").append(d.source()).append(", ").append(d.location());
            if (!e.detail().isEmpty()) {
                sb.append("; pactsim: ").append(e.detail());
            }
            if (!d.within(e.value()) && d.knownDeviation()) {
                sb.append("; why: ").append(d.deviation());
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    static String csv(List<ReferenceDatum> data, Map<String, Calibration.Estimate> est) {
        StringBuilder sb = new StringBuilder("chip,id,quantity,unit,estimate,published,ratio,kind,tolerance,within,source\n");
        for (ReferenceDatum d : data) {
            double v = est.get(d.id()).value();
            List<String> cells = List.of(d.chip(), d.id(), d.quantity(), d.unit(), Double.toString(v),
                    Double.toString(d.published()), Double.toString(v / d.published()),
                    d.kind().name().toLowerCase(Locale.ROOT), Double.toString(d.tolerance()),
                    Boolean.toString(d.within(v)), d.source() + ", " + d.location());
            List<String> q = new ArrayList<>();
            for (String c : cells) {
                q.add(c.contains(",") || c.contains("\"") ? "\"" + c.replace("\"", "\"\"") + "\"" : c);
            }
            sb.append(String.join(",", q)).append('\n');
        }
        return sb.toString();
    }

    static String json(List<ReferenceDatum> data, Map<String, Calibration.Estimate> est) {
        ObjectNode root = ResultJson.mapper().createObjectNode();
        root.put("schema", "pactsim/calibrate/1");
        ArrayNode chips = root.putArray("chips");
        Map<String, ArrayNode> byChip = new LinkedHashMap<>();
        for (ReferenceDatum d : data) {
            ArrayNode q = byChip.computeIfAbsent(d.chip(), c -> {
                ObjectNode o = chips.addObject();
                o.put("chip", c);
                return o.putArray("quantities");
            });
            Calibration.Estimate e = est.get(d.id());
            ObjectNode o = q.addObject();
            o.put("id", d.id());
            o.put("name", d.quantity());
            o.put("unit", d.unit());
            o.put("estimate", e.value());
            o.put("published", d.published());
            o.put("ratio", e.value() / d.published());
            o.put("kind", d.kind().name().toLowerCase(Locale.ROOT));
            o.put("tolerance", d.tolerance());
            o.put("within", d.within(e.value()));
            o.put("source", d.source() + ", " + d.location());
            o.put("detail", e.detail());
            if (!d.deviation().isBlank()) {
                o.put("deviation", d.deviation());
            }
        }
        return root.toPrettyString() + System.lineSeparator();
    }
}
