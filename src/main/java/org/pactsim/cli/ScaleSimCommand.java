package org.pactsim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.pactsim.engine.NetworkResult;
import org.pactsim.engine.OverflowException;
import org.pactsim.engine.Simulator;
import org.pactsim.engine.TimingModel;
import org.pactsim.io.format.ArchReader;
import org.pactsim.io.InputException;
import org.pactsim.io.InputFiles;
import org.pactsim.io.out.OutputFolder;
import org.pactsim.io.scalesim.ScaleSimReportWriter;
import org.pactsim.io.scalesim.TopologyReader;
import org.pactsim.io.format.TraceReader;
import org.pactsim.workload.Network;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code pactsim scalesim}: a drop-in for SCALE-Sim v2's {@code scale.py} in CALC mode. */
@Command(name = "scalesim", mixinStandardHelpOptions = true,
        description = "Run like SCALE-Sim v2's scale.py and write its three reports under OUTDIR/<run_name>/.")
public final class ScaleSimCommand implements Callable<Integer> {
    @Option(names = "-c", required = true, paramLabel = "CFG", converter = Options.InputPath.class, description = "SCALE-Sim config (.cfg).")
    Path config;

    @Option(names = "-t", required = true, paramLabel = "TOPOLOGY", converter = Options.InputPath.class, description = "SCALE-Sim topology CSV.")
    Path topology;

    @Option(names = "-i", paramLabel = "conv|gemm",
            description = "Topology form (default: told from the header, conv unless it reads M, N, K).")
    String form;

    @Option(names = "-p", required = true, paramLabel = "OUTDIR", description = "Output folder.")
    Path outDir;

    @Option(names = "--force", description = "Replace a previous scalesim report in OUTDIR/<run_name>.")
    boolean force;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (!InputFiles.extension(config).equals("cfg")) {
            throw InputException.at(config.toString(), null, "a SCALE-Sim .cfg file",
                    InputFiles.extension(config).isEmpty() ? "no extension" : "." + InputFiles.extension(config));
        }
        if (InputFiles.extension(topology).equals("csv") && TraceReader.isPactsimCsv(InputFiles.read(topology))) {
            throw InputException.at(topology.toString(), null, "a SCALE-Sim topology CSV (Layer name, IFMAP Height,"
                    + " ...)", "a pactsim trace (its header has name and type): run it with pactsim simulate --trace "
                    + topology + " --model scalesim");
        }
        TopologyReader.Form f = null;
        if (form != null) {
            String s = form.trim().toLowerCase(Locale.ROOT);
            if (s.equals("conv")) {
                f = TopologyReader.Form.CONV;
            } else if (s.equals("gemm")) {
                f = TopologyReader.Form.GEMM;
            } else {
                throw InputException.at("-i", null, "conv or gemm", InputException.quote(form));
            }
        } else {
            f = TopologyReader.detect(InputFiles.read(topology));
        }
        if (!InputFiles.extension(topology).equals("csv")) {
            throw InputException.at(topology.toString(), null, "a SCALE-Sim topology .csv file",
                    InputFiles.extension(topology).isEmpty() ? "no extension" : "." + InputFiles.extension(topology));
        }
        ArchReader.Loaded loaded = ArchReader.read(config, List.of());
        Network net = TraceReader.read(topology, f);
        String run = loaded.spec().name();
        if (run.isBlank() || run.startsWith(".") || run.contains("/") || run.contains("\\")) {
            throw InputException.at(config.toString(), "run_name", "a folder name (no / or \\, not starting with .)",
                    InputException.quote(run));
        }
        Path dir = outDir.resolve(run);
        NetworkResult result;
        try (OutputFolder folder = OutputFolder.claim(dir, "scalesim", "-p", force)) {
            result = Simulator.run(loaded.spec(), net, TimingModel.SCALESIM);
            ScaleSimReportWriter.write(folder.staging(), result, net.layers());
            folder.commit();
        } catch (OverflowException e) {
            throw new InputException(InputException.oneLine(topology + ": " + e.getMessage()), e);
        }

        PrintWriter w = spec.commandLine().getOut();
        List<String> notes = new ArrayList<>(loaded.notes());
        w.printf(Locale.ROOT, "pactsim scalesim: %s, %d layers, %s array %dx%d: %d total cycles (SCALE-Sim CALC mode)%n",
                net.name(), net.layers().size(), loaded.spec().dataflow().key(), loaded.spec().array().rows(),
                loaded.spec().array().cols(), result.cycles());
        w.printf(Locale.ROOT, "reports: %s%n", dir);
        for (String n : notes) {
            if (n.startsWith("USER")) {
                w.println("note: " + n);
            }
        }
        w.flush();
        return 0;
    }
}
