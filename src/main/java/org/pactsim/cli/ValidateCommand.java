package org.pactsim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.pactsim.io.format.ArchReader;
import org.pactsim.io.format.CostTableReader;
import org.pactsim.io.InputException;
import org.pactsim.io.InputFiles;
import org.pactsim.io.InputProblems;
import org.pactsim.io.scalesim.ScaleSimConfigReader;
import org.pactsim.io.format.SweepSpecReader;
import org.pactsim.io.scalesim.TopologyReader;
import org.pactsim.io.format.TraceReader;
import org.pactsim.io.YNode;
import org.pactsim.io.YamlLoader;
import org.pactsim.report.SweepMetrics;
import org.pactsim.workload.Layer;
import org.pactsim.workload.Network;
import org.pactsim.workload.OutputRounding;
import org.pactsim.workload.VectorLayer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code pactsim validate FILE...}: reads each file with the reader its kind calls for, in
 * collecting mode, and lists every problem found rather than only the first. The kind is told
 * from the extension and the content: {@code .cfg} a SCALE-Sim config; {@code .yaml},
 * {@code .yml}, {@code .json} an accelerator or a trace by their {@code schema}; {@code .csv}
 * cost tables (a {@code # schema:} or {@code # table:} line), a pactsim trace (a header with
 * {@code name} and {@code type}) or else a SCALE-Sim topology. A syntax error (YAML, INI) ends
 * the check of its file: what follows it cannot be read.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check input files (accelerators, traces, SCALE-Sim configs and topologies, cost tables)"
                + " and list every problem found. Exit 0 when all are valid, 2 otherwise.")
public final class ValidateCommand implements Callable<Integer> {
    private static final Pattern COST_LINE = Pattern.compile("#\\s*(schema|table)\\s*:.*");

    @Parameters(arity = "1..*", paramLabel = "FILE", converter = Options.InputPath.class, description = "Files to check.")
    List<Path> files = new ArrayList<>();

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter w = spec.commandLine().getOut();
        int bad = 0;
        for (Path f : files) {
            InputProblems p = new InputProblems();
            String kind = check(f, p);
            String what = kind == null ? "" : " (" + kind + ")";
            if (p.isEmpty()) {
                w.println("ok: " + f + what);
                continue;
            }
            bad++;
            w.println(f + what + ": " + p.count() + (p.count() == 1 ? " problem" : " problems"));
            for (String m : byLine(p.messages(), f.toString())) {
                w.println("  " + m);
            }
            if (p.count() > p.messages().size()) {
                w.println("  ... and " + (p.count() - p.messages().size()) + " more");
            }
        }
        w.flush();
        if (bad > 0) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("pactsim: " + bad + " of " + files.size() + (files.size() == 1 ? " file has" : " files have")
                    + " problems");
            err.flush();
            return Main.EXIT_INPUT;
        }
        return 0;
    }

    /**
     * Checks one file, recording its problems in {@code p}; returns what the file was taken
     * for, or null when that could not be told.
     */
    public static String check(Path f, InputProblems p) {
        String origin = f.toString();
        String ext = InputFiles.extension(f);
        String kind = null;
        try {
            if (ext.equals("onnx")) {
                kind = "ONNX model";
                org.pactsim.io.onnx.OnnxImporter.importFile(f, java.util.Map.of(), true);
                return kind;
            }
            String text = InputFiles.read(f);
            switch (ext) {
                case "cfg":
                    kind = "SCALE-Sim config";
                    ArchReader.bind(ScaleSimConfigReader.toTree(text, origin, new ArrayList<>()), p);
                    return kind;
                case "yaml":
                case "yml":
                case "json":
                    return tree(f, YamlLoader.parse(text, origin, ext.equals("json")), p);
                case "csv":
                    if (isCostTables(text)) {
                        kind = "cost tables";
                        CostTableReader.parse(text, origin, p);
                        return kind;
                    }
                    kind = TraceReader.isPactsimCsv(text) ? "pactsim trace"
                            : "SCALE-Sim topology, " + TopologyReader.detect(text).name().toLowerCase(java.util.Locale.ROOT)
                            + " form";
                    overflow(TraceReader.read(f, null, p), origin, p);
                    return kind;
                default:
                    p.add(InputException.at(origin, null, "a file ending in .yaml, .yml, .json, .cfg or .csv",
                            ext.isEmpty() ? "no extension" : "." + ext));
                    return null;
            }
        } catch (InputException e) {
            p.add(e);
            return kind;
        }
    }

    /**
     * An accelerator or a trace, told apart by its schema ({@code pactsim/arch/...} or
     * {@code pactsim/trace/...}, the version checked by the reader), or without one by a
     * {@code layers} key.
     */
    private static String tree(Path f, YNode tree, InputProblems p) {
        YNode schema = tree.isMap() ? tree.get("schema") : null;
        String s = schema != null && schema.isScalar() ? schema.text() : null;
        boolean trace = s != null ? s.startsWith("pactsim/trace/") : tree.get("layers") != null;
        if (s != null && s.startsWith("pactsim/sweep/")) {
            // a sweep spec stops at its first problem: its later keys depend on the earlier ones
            SweepSpecReader.read(f, SweepMetrics.TOTAL.keys());
            return "sweep spec";
        }
        if (s != null && !trace && !s.startsWith("pactsim/arch/")) {
            p.add(InputException.at(schema.where(), "schema", ArchReader.SCHEMA + " (an accelerator), "
                    + TraceReader.SCHEMA + " (a trace) or " + SweepSpecReader.SCHEMA + " (a sweep spec)",
                    InputException.quote(s)));
            return null;
        }
        if (trace) {
            overflow(TraceReader.read(f, null, p), f.toString(), p);
            return "pactsim trace";
        }
        ArchReader.bind(tree, p);
        return "accelerator";
    }

    /** A network whose GEMMs or MACs do not fit in 64 bits cannot be simulated: said here already. */
    private static void overflow(Network net, String origin, InputProblems p) {
        if (net == null) {
            return;
        }
        for (Layer l : net.layers()) {
            if (l instanceof VectorLayer) {
                continue;
            }
            try {
                l.lower(OutputRounding.SCALESIM_CEIL).macs();
                l.lower(OutputRounding.FLOOR).macs();
            } catch (ArithmeticException e) {
                p.add(InputException.at(origin, "layer " + l.name(), "a layer whose MACs fit in 64 bits",
                        "more than 2^63-1 MACs"));
            }
        }
    }

    /** The messages in line order (stable; those without a line first). */
    static List<String> byLine(List<String> messages, String origin) {
        List<String> sorted = new ArrayList<>(messages);
        sorted.sort(java.util.Comparator.comparingLong(m -> lineOf(m, origin)));
        return sorted;
    }

    private static long lineOf(String m, String origin) {
        String head = origin + ":";
        if (!m.startsWith(head)) {
            return 0;
        }
        int i = head.length();
        int j = i;
        while (j < m.length() && j - i < 10 && Character.isDigit(m.charAt(j))) {
            j++;
        }
        return j > i && j < m.length() && m.charAt(j) == ':' ? Long.parseLong(m.substring(i, j)) : 0;
    }

    private static boolean isCostTables(String text) {
        for (String l : text.split("\r\n|\n|\r", -1)) {
            String t = l.strip();
            if (COST_LINE.matcher(t).matches()) {
                return true;
            }
            if (!t.isEmpty() && !t.startsWith("#")) {
                return false;
            }
        }
        return false;
    }
}
