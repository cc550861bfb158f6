package org.pactsim.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.pactsim.io.out.AtomicFiles;
import org.pactsim.io.out.OutputFolder;
import org.pactsim.io.InputException;
import org.pactsim.io.format.TraceReader;
import org.pactsim.io.format.TraceWriter;
import org.pactsim.report.NetworkSummary;
import org.pactsim.workload.Footprint;
import org.pactsim.workload.Network;
import org.pactsim.workload.PrecisionVariant;
import org.pactsim.workload.zoo.Zoo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code pactsim traces list|show|generate}: the network zoo and trace files. */
@Command(name = "traces", mixinStandardHelpOptions = true,
        description = "The built-in networks and trace files: list them, show one, or write the zoo's traces.",
        subcommands = {TracesCommand.ListCmd.class, TracesCommand.Show.class, TracesCommand.Generate.class})
public final class TracesCommand implements Runnable {
    /** Output formats on standard output. */
    enum Format { table, csv, json }

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                "missing subcommand: list, show or generate");
    }

    /** {@code traces list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the built-in networks.")
    static final class ListCmd implements Callable<Integer> {
        @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT",
                description = "${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
        Format format;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter w = spec.commandLine().getOut();
            w.print(format == Format.json ? NetworkSummary.zooJson() : format == Format.csv ? NetworkSummary.zooCsv()
                    : NetworkSummary.zooTable());
            w.flush();
            return 0;
        }
    }

    /** {@code traces show NAME}. */
    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Layers, MACs, parameters and bytes at each precision of a built-in network or a trace.")
    static final class Show implements Callable<Integer> {
        @Parameters(paramLabel = "NAME", description = "A built-in network (see 'traces list') or a trace file.")
        String name;

        @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT",
                description = "${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
        Format format;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            Zoo.Entry entry = Zoo.find(name);
            Network net;
            String asIs;
            if (entry != null) {
                net = entry.build();
                asIs = "int8 (as built)";
            } else if (Files.isRegularFile(Path.of(name))) {
                net = TraceReader.read(Path.of(name), null);
                asIs = "as written";
            } else {
                throw InputException.at("traces show", null, "a built-in network (" + String.join(", ", Zoo.names())
                        + ") or an existing trace file", InputException.quote(name));
            }
            Map<String, Footprint> rows = new LinkedHashMap<>();
            rows.put(asIs, Footprint.of(net));
            for (PrecisionVariant v : PrecisionVariant.ALL) {
                rows.put(v.key(), Footprint.of(v.apply(net, false)));
            }
            PrintWriter w = spec.commandLine().getOut();
            w.print(format == Format.json ? NetworkSummary.json(net, entry, rows) : format == Format.csv
                    ? NetworkSummary.csv(rows) : NetworkSummary.table(net, entry, rows));
            w.flush();
            return 0;
        }
    }

    /** {@code traces generate}. */
    @Command(name = "generate", mixinStandardHelpOptions = true,
            description = "Write every built-in network at every precision variant (CSV, plus YAML at int8).")
    static final class Generate implements Callable<Integer> {
        @Option(names = "--out", defaultValue = "traces", paramLabel = "DIR",
                description = "Directory to write (default ${DEFAULT-VALUE}): a new or empty folder, or one"
                        + " a previous 'traces generate' wrote (replaced with --force).")
        Path out;

        @Option(names = "--force", description = "Replace the traces a previous 'traces generate' wrote there.")
        boolean force;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            Map<String, String> files = files();
            try (OutputFolder folder = OutputFolder.claim(out, "traces generate", "--out", force)) {
                files.forEach((f, text) -> AtomicFiles.write(folder.staging().resolve(f), text));
                folder.commit();
            }
            spec.commandLine().getOut().println("wrote " + files.size() + " traces to " + out);
            return 0;
        }
    }

    /** The generated trace files, by file name: {@code NAME-VARIANT.csv} and {@code NAME-int8.yaml}. */
    static Map<String, String> files() {
        Map<String, String> files = new LinkedHashMap<>();
        for (Zoo.Entry e : Zoo.entries()) {
            Network base = e.build();
            for (PrecisionVariant v : PrecisionVariant.ALL) {
                Network net = v.apply(base, true);
                List<String> comments = new ArrayList<>();
                comments.add("pactsim trace " + net.name() + ": " + e.description());
                comments.add(v.describe());
                comments.add("MACs " + net.macs() + ", parameters " + net.params());
                for (String n : base.notes()) {
                    comments.add("note: " + n);
                }
                comments.add("generated by 'pactsim traces generate' (org.pactsim.workload.zoo); format: "
                        + "docs/trace-format.md");
                files.put(net.name() + ".csv", TraceWriter.csv(net, comments));
                if (v.equals(PrecisionVariant.parse("int8"))) {
                    files.put(net.name() + ".yaml", TraceWriter.yaml(net, comments));
                }
            }
        }
        return files;
    }
}
