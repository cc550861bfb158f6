package org.pactsim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.pactsim.cost.CostTables;
import org.pactsim.engine.OverflowException;
import org.pactsim.io.InputException;
import org.pactsim.io.format.ArchReader;
import org.pactsim.io.out.AtomicFiles;
import org.pactsim.io.out.OutputFolder;
import org.pactsim.memory.TilingMemo;
import org.pactsim.report.LlmReport;
import org.pactsim.report.ResultJson;
import org.pactsim.sim.Costing;
import org.pactsim.spec.AcceleratorSpec;
import org.pactsim.spec.NumberType;
import org.pactsim.spec.PeSpec;
import org.pactsim.spec.Precision;
import org.pactsim.spec.SpecException;
import org.pactsim.study.Llm;
import org.pactsim.workload.LlmConfig;
import org.pactsim.workload.LlmPrecision;
import org.pactsim.workload.LlmStep;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code pactsim llm}: a quantized decoder's prefill, decode steps or a serving scenario on an accelerator. */
@Command(name = "llm", mixinStandardHelpOptions = true,
        description = "Simulate LLM inference: a prefill, a decode step at a context, or a serving scenario (prefill,"
                + " then one decode step per output token), at LLM precisions with a KV cache of its own bits."
                + " Lists of --precision, --batch and --context run every combination (docs/llm.md).")
public final class LlmCommand implements Callable<Integer> {
    enum Phase { prefill, decode, serve }

    enum Format { table, csv, json }

    @Option(names = "--network", required = true, paramLabel = "NAME",
            description = "llama-3.2-1b, llama-3.1-8b, qwen2.5-0.5b or tinyllama-1.1b.")
    String network;

    @Option(names = "--arch", defaultValue = IsoAreaCommand.DEFAULT_ARCH, paramLabel = "FILE",
            description = "Accelerator (default ${DEFAULT-VALUE}).")
    Path arch;

    @Mixin
    Options.ChipOverrides chip;

    @Mixin
    Options.Tables tables;

    @Option(names = "--phase", defaultValue = "serve", paramLabel = "PHASE",
            description = "prefill, decode or serve (default ${DEFAULT-VALUE}).")
    Phase phase;

    @Option(names = "--prompt", defaultValue = "512", paramLabel = "P", description = "Prompt tokens (prefill, serve).")
    long prompt;

    @Option(names = "--generate", defaultValue = "128", paramLabel = "G", description = "Output tokens per request (serve).")
    long generate;

    @Option(names = "--context", split = ",", paramLabel = "L",
            description = "Tokens already in the KV cache at a decode step (default: --prompt); a list runs each.")
    List<Long> contexts;

    @Option(names = "--batch", split = ",", defaultValue = "1", paramLabel = "B",
            description = "Sequences processed together; a list runs each.")
    List<Long> batches;

    @Option(names = "--precision", split = ",", defaultValue = "w4a16", paramLabel = "P",
            description = "w4a16, w8a16, w4a8, w8a8, w4a4, fp8 or fp16 for the attention projections and the MLP;"
                    + " a list runs each.")
    List<String> precisions;

    @Option(names = "--attention", paramLabel = "P",
            description = "The attention projections' (Q, K, V, O) precision, instead of --precision's.")
    String attention;

    @Option(names = "--mlp", paramLabel = "P", description = "The MLP's (gate, up, down) precision, instead of --precision's.")
    String mlp;

    @Option(names = "--lm-head", paramLabel = "P", description = "The LM head's precision (default: the MLP's).")
    String lmHead;

    @Mixin
    LlmOptions.Quant quant;

    @Option(names = "--match-pe", description = "Give the PEs each precision's widths and kind (the arch's array,"
            + " cores, SRAM and DRAM otherwise): weights x activations for mixed, activations x activations for"
            + " dequantize, fp8/fp16 PEs for the float precisions. Without it every precision runs on the arch's PE.")
    boolean matchPe;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Also write llm.txt, llm.csv, llm.json, the accelerator and, for a list of batches,"
                    + " tokens-per-second.png/.svg here (a new or empty folder, or an earlier llm report with --force).")
    Path out;

    @Option(names = "--force", description = "With --out: replace an earlier llm report in that folder.")
    boolean force;

    @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT",
            description = "Standard output format: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
    Format format;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        LlmConfig config = LlmConfig.find(network.trim());
        if (config == null) {
            throw InputException.at("--network", null, "one of " + String.join(", ", LlmConfig.names()),
                    InputException.quote(network));
        }
        List<LlmPrecision> ps = new ArrayList<>();
        for (String p : precisions) {
            ps.add(LlmOptions.precision("--precision", p));
        }
        LlmPrecision head = lmHead == null ? null : LlmOptions.precision("--lm-head", lmHead);
        LlmPrecision attn = attention == null ? null : LlmOptions.precision("--attention", attention);
        LlmPrecision ffn = mlp == null ? null : LlmOptions.precision("--mlp", mlp);
        check("--prompt", prompt, 1, LlmStep.MAX_TOKENS);
        check("--generate", generate, 1, LlmStep.MAX_TOKENS);
        for (long b : batches) {
            check("--batch", b, 1, 65_536);
        }
        List<Long> ctx = contexts == null || contexts.isEmpty() ? List.of(prompt) : contexts;
        for (long c : ctx) {
            check("--context", c, 1, LlmStep.MAX_TOKENS);
        }
        if (contexts != null && phase != Phase.decode) {
            throw InputException.at("--context", null, "--phase decode (a prefill starts empty; serve grows the"
                    + " context from --prompt)", "--phase " + phase);
        }
        ArchReader.Loaded loaded = ArchReader.read(Home.find(arch, "--arch", Home.Kind.ARCH), chip.all());
        AcceleratorSpec base = loaded.spec();
        tables.withArch(loaded.costTables());
        CostTables costTables = tables.read();

        List<LlmReport.Row> rows = new ArrayList<>();
        TilingMemo memo = TilingMemo.local();
        for (LlmPrecision p : ps) {
            LlmPrecision a = attn == null ? p : attn;
            LlmPrecision f = ffn == null ? p : ffn;
            LlmPrecision.Plan plan = quant.plan(a, f, head == null ? f : head);
            AcceleratorSpec acc = matchPe ? withPe(base, plan) : base;
            for (long c : ctx) {
                for (long b : batches) {
                    rows.add(run(acc, config, plan, b, c, costTables, memo));
                }
            }
        }
        String table = LlmReport.table(rows);
        String csv = LlmReport.csv(rows);
        String json = LlmReport.json(rows, config, base);
        if (out != null) {
            try (OutputFolder folder = OutputFolder.claim(out, "llm", "--out", force)) {
                Path dir = folder.staging();
                AtomicFiles.write(dir.resolve("llm.txt"), table);
                AtomicFiles.write(dir.resolve("llm.csv"), csv);
                AtomicFiles.write(dir.resolve("llm.json"), json);
                if (batches.size() > 1) {
                    var chart = LlmReport.chart(rows, config.title() + ": " + phase + " throughput against batch");
                    AtomicFiles.write(dir.resolve("tokens-per-second.png"), org.pactsim.report.ChartFiles.png(chart));
                    AtomicFiles.write(dir.resolve("tokens-per-second.svg"), org.pactsim.report.ChartFiles.svg(chart));
                }
                AtomicFiles.write(dir.resolve("accelerator.resolved.json"),
                        ResultJson.accelerator(base).toPrettyString() + System.lineSeparator());
                folder.commit();
            }
        }
        PrintWriter w = spec.commandLine().getOut();
        switch (format) {
            case csv: w.print(csv); break;
            case json: w.print(json); break;
            default: w.print(table); break;
        }
        w.flush();
        return 0;
    }

    private LlmReport.Row run(AcceleratorSpec acc, LlmConfig c, LlmPrecision.Plan plan, long batch, long context,
                              CostTables costTables, TilingMemo memo) {
        try {
            switch (phase) {
                case prefill: {
                    Llm.Step s = Llm.step(acc, c, plan, LlmStep.prefill(batch, prompt), memo);
                    double pj = energy(s, costTables);
                    return new LlmReport.Row(c.name(), "prefill", plan.key(), batch, prompt, 0, 1, s, null,
                            pj / s.step().rows());
                }
                case decode: {
                    Llm.Step s = Llm.step(acc, c, plan, LlmStep.decode(batch, context), memo);
                    return new LlmReport.Row(c.name(), "decode", plan.key(), batch, 0, context, 1, s, null,
                            energy(s, costTables) / batch);
                }
                default: {
                    Llm.Serve sv = Llm.serve(acc, c, plan, batch, prompt, generate, memo);
                    double pj = energy(sv.prefill(), costTables);
                    for (Llm.Step d : sv.decode()) {
                        pj += energy(d, costTables);
                    }
                    return new LlmReport.Row(c.name(), "serve", plan.key(), batch, prompt, prompt + generate - 1,
                            generate, null, sv, pj / (batch * generate));
                }
            }
        } catch (OverflowException | SpecException e) {
            throw new InputException(InputException.oneLine(c.name() + " at " + plan.key() + " on " + acc.name()
                    + ": " + e.getMessage() + (matchPe ? "" : " (--match-pe gives the PEs each precision's widths)")), e);
        }
    }

    /** Steady-state energy of a step, pJ. */
    private static double energy(Llm.Step s, CostTables t) {
        return Costing.price(s.sim(), s.net(), t).steadyCost().energyPj();
    }

    /** {@code base} with PEs of the plan's widths and kind (the wider of its attention and MLP). */
    private AcceleratorSpec withPe(AcceleratorSpec base, LlmPrecision.Plan plan) {
        PeSpec pe = base.pe();
        LlmPrecision p = plan.body();
        if (p.type() == NumberType.FLOAT) {
            Precision.Format f = p.activationBits() == 16 ? Precision.Format.FP16 : Precision.Format.FP8_E4M3;
            return base.withPe(PeSpec.floating(f, pe.accumulatorBits(), org.pactsim.spec.PrecisionMode.FIXED));
        }
        return base.withPe(new PeSpec(plan.peWeightBits(), p.activationBits(), NumberType.INT,
                Math.max(pe.accumulatorBits(), p.activationBits()), pe.mode()));
    }

    private static void check(String option, long v, long min, long max) {
        if (v < min || v > max) {
            throw InputException.at(option, null, "an integer from " + min + " to " + max, Long.toString(v));
        }
    }
}
