package org.pactsim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.pactsim.cost.CostTables;
import org.pactsim.sim.Costing;
import org.pactsim.sim.PricedResult;
import org.pactsim.sim.SimulationResult;
import org.pactsim.engine.TimingModel;
import org.pactsim.io.format.ArchReader;
import org.pactsim.engine.OverflowException;
import org.pactsim.io.out.AtomicFiles;
import org.pactsim.io.InputException;
import org.pactsim.io.out.OutputFolder;
import org.pactsim.report.ResultCsv;
import org.pactsim.report.ResultJson;
import org.pactsim.report.RooflineChart;
import org.pactsim.report.RunHtml;
import org.pactsim.report.TableRenderer;
import org.pactsim.spec.AcceleratorSpec;
import org.pactsim.spec.SpecException;
import org.pactsim.workload.Network;
import org.pactsim.workload.PrecisionVariant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code pactsim simulate}: one network on one accelerator. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Simulate a network on an accelerator, layer by layer.")
public final class SimulateCommand implements Callable<Integer> {
    /** Output formats on standard output. */
    enum Format { table, csv, json }

    @Option(names = "--arch", required = true, paramLabel = "FILE",
            description = "Accelerator: pactsim YAML/JSON or SCALE-Sim .cfg, or a shipped one by name (tpu-v1, eyeriss,"
                    + " pact-14nm, scale-32x32).")
    Path arch;

    @Option(names = "--network", paramLabel = "NAME",
            description = "A built-in network of 'pactsim traces list' at int8 (e.g. resnet50), or an LLM step"
                    + " (llama-3.2-1b-decode4096-b8, qwen2.5-0.5b-prefill512: model, phase and tokens, batch; with"
                    + " --precision w4a16 and the other LLM precisions); instead of --trace.")
    String network;

    @Option(names = "--trace", paramLabel = "FILE",
            description = "Network: pactsim trace (CSV/YAML/JSON), SCALE-Sim topology CSV (conv or GEMM form), an"
                    + " ONNX model (.onnx, imported on the fly; see 'pactsim import onnx'), or a shipped trace by name"
                    + " (resnet50-int8, bert-base-int4-pact; see traces/).")
    Path trace;

    @Mixin
    Options.Dims dims;

    @Option(names = "--precision", paramLabel = "VARIANT",
            description = "Re-type every layer of the network first: fp16, int16, int8, int4, int4-pact, int2 or"
                    + " int2-pact (PACT's rule: first and last GEMM layers at 8 bits; docs/trace-format.md). For a"
                    + " network mixing integer and float layers (an ONNX transformer) on a one-kind PE.")
    String precision;

    @Option(names = "--model", defaultValue = "pactsim", paramLabel = "MODEL", converter = Options.ModelConverter.class,
            completionCandidates = Options.Models.class,
            description = "Timing model: pactsim (native, default) or scalesim (SCALE-Sim v2 CALC mode, exact).")
    TimingModel model;

    @Mixin
    Options.ChipOverrides chip;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Also write result.json, result.csv, table.txt, report.html, roofline.png/.svg (native model) and the resolved accelerator here"
                    + " (a new or empty folder, or a previous simulate report with --force).")
    Path out;

    @Option(names = "--force", description = "With --out: replace a previous simulate report in that folder;"
            + " with --trace-cycles: replace that file.")
    boolean force;

    @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT",
            description = "Standard output format: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--engine", defaultValue = "fast", paramLabel = "ENGINE",
            description = "fast (fold-level, default) or reference (register-level, steps every PE every cycle with"
                    + " real values and checks the GEMM; small layers only, see docs/reference-engine.md).")
    ReferenceRun.Engine engine;

    @Option(names = "--trace-cycles", paramLabel = "FILE",
            description = "With --engine reference: write a per-cycle CSV of what each PE, feeder and port did"
                    + " (at most 1,000,000 rows).")
    Path traceCycles;

    @Mixin
    Options.Tables tables;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        TimingModel tm = model;
        arch = Home.find(arch, "--arch", Home.Kind.ARCH);
        if ((network == null) == (trace == null)) {
            throw InputException.at("simulate", null, "one of --trace FILE or --network NAME",
                    network == null ? "neither" : "both");
        }
        if (network != null) {
            trace = Path.of(network);
        } else {
            trace = Home.find(trace, "--trace", Home.Kind.TRACE);
        }
        ArchReader.Loaded loaded = ArchReader.read(arch, chip.all());
        AcceleratorSpec acc = loaded.spec();
        Network net = network != null ? IsoAreaCommand.zoo(network) : dims.read(trace);
        boolean llm = network != null && org.pactsim.workload.zoo.Decoder.parse(network) != null;
        PrecisionVariant v = precision == null ? null : llm ? llmVariant(precision) : PrecisionVariant.parse(precision);
        if (precision != null && v == null) {
            throw InputException.at("--precision", null, PrecisionVariant.ALL.stream().map(PrecisionVariant::key)
                    .collect(java.util.stream.Collectors.joining(", ", "one of ", "")), InputException.quote(precision));
        }
        if (v != null) {
            net = v.apply(net, false);
        }
        List<String> notes = new ArrayList<>(net.notes());
        if (v != null) {
            notes.add("--precision " + v.key() + ": every layer re-typed (" + trace.getFileName()
                    + " as given is not simulated)");
        }
        notes.addAll(loaded.notes());
        String precisionNote = org.pactsim.engine.Simulator.precisionNote(acc, net);
        if (precisionNote != null) {
            notes.add(precisionNote);
        }
        Network withNotes = new Network(net.name(), net.layers(), notes);
        tables.withArch(loaded.costTables());
        CostTables costTables = tables.read();
        try (OutputFolder folder = out == null ? null : OutputFolder.claim(out, "simulate", "--out", force)) {
            return run(acc, withNotes, costTables, tm, folder);
        } catch (OverflowException | SpecException e) {
            // a layer too large for 64-bit counts, or one this accelerator cannot run
            throw new InputException(InputException.oneLine(trace + ": " + e.getMessage()), e);
        }
    }

    /** An LLM precision key ({@code w4a16}: groups of 128, dequantized, KV cache at the activation width) as a variant. */
    private static PrecisionVariant llmVariant(String key) {
        org.pactsim.workload.LlmPrecision p = org.pactsim.workload.LlmPrecision.parse(key.trim().toLowerCase(
                java.util.Locale.ROOT));
        if (p == null) {
            throw InputException.at("--precision", null, "an LLM precision: " + String.join(", ",
                    org.pactsim.workload.LlmPrecision.keys()) + " (more choices: 'pactsim llm')", InputException.quote(key));
        }
        return PrecisionVariant.of(org.pactsim.workload.LlmPrecision.Plan.of(p));
    }

    /** Simulates, then writes the report (all files at once, after the run succeeded) and prints. */
    private int run(AcceleratorSpec acc, Network withNotes, CostTables costTables, TimingModel tm, OutputFolder folder) {
        SimulationResult simulated = ReferenceRun.simulate(engine, traceCycles, force, trace, acc, withNotes, tm);
        PricedResult result;
        try {
            result = Costing.price(simulated, withNotes, costTables);
        } catch (SpecException e) {
            throw new InputException(InputException.oneLine((tables.given() ? tables.last() : arch)
                    + ": the cost tables cannot price this accelerator: " + e.getMessage()), e);
        }

        PrintWriter w = spec.commandLine().getOut();
        // reports are written a layer at a time, never held whole (a 100,000-layer run's JSON is 225 MB)
        if (folder != null) {
            Path out = folder.staging();
            AtomicFiles.write(out.resolve("result.json"), text(x -> ResultJson.write(result, x)));
            AtomicFiles.write(out.resolve("result.csv"), text(x -> ResultCsv.write(result, x)));
            AtomicFiles.write(out.resolve("table.txt"), text(x -> TableRenderer.write(result, x)));
            if (result.run().hasMemory()) {
                var chart = RooflineChart.chart(result.run());
                AtomicFiles.write(out.resolve("roofline.png"), RooflineChart.png(chart));
                AtomicFiles.write(out.resolve("roofline.svg"), RooflineChart.svg(chart));
            }
            AtomicFiles.write(out.resolve("accelerator.resolved.json"),
                    ResultJson.accelerator(acc).toPrettyString() + System.lineSeparator());
            java.util.Map<String, String> info = Options.runInfo(spec);
            info.put("cost tables", tables.describe());
            AtomicFiles.write(out.resolve("report.html"), RunHtml.page(result, info,
                    ResultJson.accelerator(acc).toPrettyString()));
            folder.commit();
        }
        try {
            switch (format) {
                case json: ResultJson.write(result, w); break;
                case csv: ResultCsv.write(result, w); break;
                default: TableRenderer.write(result, w); break;
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        w.flush();
        return 0;
    }

    /** What writes a report's text. */
    private interface Text {
        void write(java.io.Writer w) throws java.io.IOException;
    }

    /** A file body writing {@code t}'s text in UTF-8. */
    private static AtomicFiles.Body text(Text t) {
        return o -> {
            java.io.Writer x = new java.io.BufferedWriter(new java.io.OutputStreamWriter(o,
                    java.nio.charset.StandardCharsets.UTF_8), 1 << 16);
            t.write(x);
            x.flush();
        };
    }
}
