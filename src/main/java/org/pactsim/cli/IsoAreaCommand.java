package org.pactsim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.jfree.chart.JFreeChart;
import org.pactsim.cost.CostTables;
import org.pactsim.io.format.ArchReader;
import org.pactsim.io.out.AtomicFiles;
import org.pactsim.io.InputException;
import org.pactsim.io.out.OutputFolder;
import org.pactsim.report.IsoAreaCharts;
import org.pactsim.report.IsoAreaHtml;
import org.pactsim.report.IsoAreaReport;
import org.pactsim.report.ResultJson;
import org.pactsim.report.SensitivityReport;
import org.pactsim.spec.AcceleratorSpec;
import org.pactsim.study.Batching;
import org.pactsim.study.IsoArea;
import org.pactsim.study.IsoAreaPlan;
import org.pactsim.study.Sensitivity;
import org.pactsim.workload.Network;
import org.pactsim.workload.LlmConfig;
import org.pactsim.workload.LlmPrecision;
import org.pactsim.workload.LlmStep;
import org.pactsim.workload.zoo.Decoder;
import org.pactsim.workload.PrecisionVariant;
import org.pactsim.workload.zoo.Zoo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code pactsim iso-area}: the PACT study at equal area, SRAM and bandwidth, with charts. */
@Command(name = "iso-area", mixinStandardHelpOptions = true,
        description = "Compare precisions at equal compute area, on-chip SRAM and DRAM bandwidth (the PACT study): "
                + "speedups, super-linearity, DRAM traffic, energy and area, as a table, CSV, JSON, charts and HTML.")
public final class IsoAreaCommand implements Callable<Integer> {
    enum Format { table, csv, json }

    static final String DEFAULT_ARCH = "arch-configs/pact-14nm.yaml";

    @Option(names = "--arch", defaultValue = DEFAULT_ARCH, paramLabel = "FILE",
            description = "Base accelerator; its arrays at the baseline precision set the area budget (default ${DEFAULT-VALUE}).")
    Path arch;

    @Option(names = "--network", defaultValue = "resnet50", paramLabel = "NAME",
            description = "A network of 'pactsim traces list' (default ${DEFAULT-VALUE}); ignored with --trace.")
    String network;

    @Option(names = "--trace", paramLabel = "FILE", description = "A trace file or an ONNX model (with --dim) instead of --network; its layers are "
            + "re-quantized to each precision.")
    Path trace;

    @Option(names = "--precisions", split = ",", paramLabel = "P",
            description = "Precisions, baseline first: fp16, int16, int8, int4, int2 (default int16,int8,int4,int2);"
                    + " for an LLM (--network llama-3.2-1b ...) w4a16, w8a16, w4a8, w8a8, w4a4, fp8, fp16 (default "
                    + LlmOptions.Study.PRECISIONS + ").")
    List<String> precisions;


    @Option(names = "--bandwidths", split = ",", paramLabel = "GBPS",
            converter = Options.BandwidthConverter.class,
            description = "DRAM bandwidths in GB/s, or unlimited (default unlimited,32,64; for an LLM unlimited,64,819:"
                    + " the chip's DDR4 and one HBM3 stack).")
    List<Double> bandwidths;

    @Option(names = "--batch", paramLabel = "N",
            description = "Images per inference (default 8, a datacenter serving batch; 1 is the latency-bound case);"
                    + " for an LLM, sequences per step (default 1).")
    Long batchOption;

    long batch;

    /** The options of an LLM network's study. */
    @Mixin
    LlmOptions.Study llmOptions;

    @Option(names = "--quantize-all", description = "Every layer at the precision (default: PACT's rule, first and "
            + "last layers at 8 bits).")
    boolean quantizeAll;

    @Option(names = "--area-mm2", paramLabel = "MM2", description = "Compute-area budget for every precision "
            + "(default: the base chip's arrays at the baseline precision).")
    Double areaMm2;

    /** {@code --scale}: what fills the area budget. */
    enum Scale { best, cores, arrays }

    @Option(names = "--scale", defaultValue = "best", paramLabel = "HOW",
            description = "Fill the area with the fastest design per precision and bandwidth (best, the default: every cores x "
                    + "rows x cols with sides 8 to 512 that fits), more cores of the base array (cores, as in the paper) "
                    + "or larger arrays (arrays): ${COMPLETION-CANDIDATES}.")
    Scale scale;

    @Option(names = "--dataflows", split = ",", paramLabel = "DF",
            description = "With --scale best, the dataflows searched: os, ws, is (default: the base chip's).")
    List<String> dataflows;

    @Option(names = "--sensitivity", description = "Also vary each assumption one at a time around the chip (SRAM size, "
            + "bandwidth, batch, MAC-area table, array shape, clock, first/last-layer rule, dataflow, fusion, fold overlap) "
            + "and map super-linearity over SRAM size x bandwidth, at the first finite bandwidth: sensitivity.txt/csv/json, "
            + "a tornado and a regime map per precision, and a section of index.html (about a minute on ResNet-50).")
    boolean sensitivity;

    @Mixin
    Options.Dims dims;

    /** Changes to the base accelerator. */
    @Mixin
    Options.ChipOverrides chip;

    @Mixin
    Options.Tables tables;

    @Option(names = "--out", defaultValue = "reports/iso-area", paramLabel = "DIR",
            description = "Output folder (default ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--force", description = "Replace a previous iso-area report in the output folder.")
    boolean force;

    @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT",
            description = "Standard output: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
    Format format;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        LlmConfig llm = trace == null ? LlmConfig.find(network.trim().toLowerCase(Locale.ROOT)) : null;
        if (trace == null && llm == null && !Zoo.names().contains(network.trim())) {
            Decoder.Named named;
            try {
                named = Decoder.parse(network);
            } catch (org.pactsim.spec.SpecException x) {
                named = null;
            }
            if (named != null) {
                throw InputException.at("--network", null, "the model's name alone (" + named.config().name()
                        + ") with --phase, --context, --prompt and --batch", InputException.quote(network));
            }
        }
        llmOptions.check(llm, LlmOptions.where(trace, network));
        if (llm != null && sensitivity) {
            throw InputException.at("--sensitivity", null, "a CNN network (the LLM study has no sensitivity study yet)",
                    "--network " + network);
        }
        if (llm != null && quantizeAll) {
            throw InputException.at("--quantize-all", null, "a CNN network (an LLM's precisions say what each layer"
                    + " gets; see --precisions)", "--network " + network);
        }
        batch = batchOption != null ? batchOption : llm != null ? 1 : 8;
        if (bandwidths == null || bandwidths.isEmpty()) {
            bandwidths = llm != null ? List.of(Double.POSITIVE_INFINITY, 64.0, 819.0)
                    : List.of(Double.POSITIVE_INFINITY, 32.0, 64.0);
        }
        if (precisions == null || precisions.isEmpty()) {
            precisions = List.of((llm != null ? LlmOptions.Study.PRECISIONS : "int16,int8,int4,int2").split(","));
        }
        if (batch < 1 || batch > (llm != null ? 65_536 : 1 << 20)) {
            throw InputException.at("--batch", null, "an integer from 1 to " + (llm != null ? 65_536 : 1 << 20),
                    Long.toString(batch));
        }
        IsoAreaPlan plan = llm != null ? llmOptions.plan(precisions, plan(List.of()), batch) : plan();
        // the default chip is found from any working folder (pactsim's own copy)
        ArchReader.Loaded loaded = ArchReader.read(Home.find(arch, "--arch", Home.Kind.ARCH), chip.all());
        AcceleratorSpec base = loaded.spec();
        if (llm != null) {
            // a decode step needs the step before it: its time is lockstep's (Llm.step)
            base = base.withSchedule(base.schedule().withCores(org.pactsim.spec.ScheduleSpec.CoreMode.LOCKSTEP));
        }
        tables.withArch(loaded.costTables());
        CostTables costTables = tables.read();
        Network image;
        Function<PrecisionVariant, Network> networks;
        if (llm != null && llmOptions.phase() == LlmOptions.Study.Phase.serve) {
            return serve(llm, plan, base, costTables);
        }
        if (llm != null) {
            image = Decoder.build(llm, llmOptions.step(batch));
            Network decoder = image;
            networks = p -> p.apply(decoder, true);
        } else {
            image = trace != null ? dims.read(Home.find(trace, "--trace", Home.Kind.TRACE)) : zoo(network);
            Network source = Batching.of(image, batch);
            networks = p -> p.apply(source, true);
        }
        IsoArea.Result result = IsoArea.run(base, networks, plan, costTables);
        Sensitivity.Result sens = sensitivity ? sensitivity(base, image, plan, costTables) : null;

        String table = IsoAreaReport.table(result);
        String csv = IsoAreaReport.csv(result);
        String json = IsoAreaReport.jsonText(result);
        List<Object[]> files = new ArrayList<>();
        for (var e : IsoAreaCharts.all(result).entrySet()) {
            JFreeChart c = e.getValue();
            files.add(new Object[] {e.getKey() + ".png", IsoAreaCharts.png(c)});
            files.add(new Object[] {e.getKey() + ".svg", IsoAreaCharts.svg(c)});
        }
        try (OutputFolder folder = OutputFolder.claim(out, "iso-area", "--out", force)) {
            Path dir = folder.staging();
            writeTables(dir, table, csv, json, base);
            for (Object[] f : files) {
                AtomicFiles.write(dir.resolve((String) f[0]), (byte[]) f[1]);
            }
            java.util.Map<String, String> info = Options.runInfo(spec);
            if (llm != null) {
                llmOptions.describe(info, llm, image.notes().get(1), plan.unit(), batch);
            } else {
                info.put("batch", batch + (batch == 1 ? " image" : " images") + " per inference");
                info.put("quantization rule", quantizeAll ? "every layer at the precision"
                        : "PACT's: below 8 bits, the first and last GEMM layers stay at 8 bits");
            }
            info.put("cost tables", tables.describe());
            if (sens != null) {
                AtomicFiles.write(dir.resolve("sensitivity.txt"), SensitivityReport.text(sens));
                AtomicFiles.write(dir.resolve("sensitivity.csv"), SensitivityReport.csv(sens));
                AtomicFiles.write(dir.resolve("sensitivity.json"), SensitivityReport.json(sens));
                for (var e : SensitivityReport.charts(sens).entrySet()) {
                    AtomicFiles.write(dir.resolve(e.getKey() + ".png"), IsoAreaCharts.png(e.getValue()));
                    AtomicFiles.write(dir.resolve(e.getKey() + ".svg"), IsoAreaCharts.svg(e.getValue()));
                }
            }
            AtomicFiles.write(dir.resolve("index.html"), IsoAreaHtml.page(result, info,
                    ResultJson.accelerator(base).toPrettyString(), sens));
            folder.commit();
        }

        return print(sens == null ? table : table + SensitivityReport.text(sens), csv, json);
    }

    /** The study's tables and the resolved accelerator, in the staging folder {@code dir}. */
    private static void writeTables(Path dir, String table, String csv, String json, AcceleratorSpec base) {
        AtomicFiles.write(dir.resolve("iso-area.txt"), table);
        AtomicFiles.write(dir.resolve("iso-area.csv"), csv);
        AtomicFiles.write(dir.resolve("iso-area.json"), json);
        AtomicFiles.write(dir.resolve("accelerator.resolved.json"),
                ResultJson.accelerator(base).toPrettyString() + System.lineSeparator());
    }

    /** Standard output in the asked format (the table ends with where the report is); exit code 0. */
    private int print(String table, String csv, String json) {
        PrintWriter w = spec.commandLine().getOut();
        switch (format) {
            case csv: w.print(csv); break;
            case json: w.print(json); break;
            default:
                w.print(table);
                w.println("report: " + out.resolve("index.html"));
                break;
        }
        w.flush();
        return 0;
    }

    private IsoAreaPlan plan() {
        return plan(precisions);
    }

    /** The plan of {@code keys} as CNN precisions (the bandwidths, scale, dataflows and area too). */
    private IsoAreaPlan plan(List<String> keys) {
        List<PrecisionVariant> ps = new ArrayList<>();
        for (String p : keys) {
            String key = p.trim().toLowerCase(Locale.ROOT);
            PrecisionVariant v = PrecisionVariant.parse(key);
            if (v == null || key.endsWith("-pact")) {
                throw InputException.at("--precisions", null, "fp16, int16, int8, int4 or int2", InputException.quote(p));
            }
            // PACT's rule only changes anything below 8 bits.
            ps.add(new PrecisionVariant(v.precision(), !quantizeAll && v.precision().bits() < 8));
        }
        if (areaMm2 != null && !(areaMm2 > 0 && Double.isFinite(areaMm2))) {
            throw InputException.at("--area-mm2", null, "a number > 0", String.valueOf(areaMm2));
        }
        List<org.pactsim.spec.Dataflow> flows = new ArrayList<>();
        for (String d : dataflows == null ? List.<String>of() : dataflows) {
            org.pactsim.spec.Dataflow f = org.pactsim.spec.Dataflow.parse(d);
            if (f == null) {
                throw InputException.at("--dataflows", null, "os, ws or is", InputException.quote(d));
            }
            if (!flows.contains(f)) {
                flows.add(f);
            }
        }
        if (!flows.isEmpty() && scale != Scale.best) {
            throw InputException.at("--dataflows", null, "--scale best (the other scales keep the base chip's dataflow)",
                    "--scale " + scale);
        }
        if (ps.isEmpty()) {
            ps.add(new PrecisionVariant(org.pactsim.workload.TracePrecision.INT8, false)); // replaced by the caller
        }
        return new IsoAreaPlan(ps, bandwidths, IsoAreaPlan.Scale.valueOf(scale.name().toUpperCase(Locale.ROOT)), flows,
                areaMm2 == null ? Double.NaN : areaMm2, (int) Math.max(1, Math.min(batch, 1 << 20)));
    }

    /**
     * The sensitivity study around this run's chip, at its first finite bandwidth; the MAC-area
     * tables tried instead of the run's are the shipped PE parts, PACT's stated densities and the
     * version 1 bare MAC rows, less the one in use.
     */
    private Sensitivity.Result sensitivity(AcceleratorSpec base, Network image, IsoAreaPlan plan, CostTables current) {
        double bw = plan.bandwidthsGBps().stream().filter(b -> !Double.isInfinite(b)).findFirst()
                .orElse(Double.POSITIVE_INFINITY);
        java.util.Map<String, CostTables> alternatives = new java.util.LinkedHashMap<>();
        String using = tables.describe();
        if (tables.given()) {
            alternatives.put("pactsim's PE parts (shipped tables)", org.pactsim.io.format.CostTableReader.defaults());
        }
        for (String[] t : new String[][] {{"PACT's stated MAC densities", "arch-configs/cost/pact-mac-density.csv"},
            {"bare MAC rows (version 1 tables)", "arch-configs/cost/v1-tables.csv"}}) {
            Path file = Home.atHome(Path.of(t[1]));
            if (!using.contains(file.getFileName().toString()) && java.nio.file.Files.isRegularFile(file)) {
                alternatives.put(t[0], org.pactsim.io.format.CostTableReader.read(List.of(file)));
            }
        }
        Sensitivity.Setup setup = new Sensitivity.Setup(base, image, plan.batch(), quantizeAll,
                plan.precisions().stream().map(PrecisionVariant::precision).toList(), plan.bandwidthsGBps(), plan.scale(),
                plan.dataflows(), plan.areaMm2(), current);
        PrintWriter err = spec.commandLine().getErr();
        int[] step = {0};
        int total = Sensitivity.runs(setup, bw, alternatives);
        long t0 = System.nanoTime();
        return Sensitivity.run(setup, bw, alternatives, label -> {
            err.printf(Locale.ROOT, "sensitivity %d/%d (%.0f s): %s%n", ++step[0], total, (System.nanoTime() - t0) / 1e9, label);
            err.flush();
        });
    }

    /** The serving study: every design serves the scenario; the report folder holds its own files. */
    private int serve(LlmConfig llm, IsoAreaPlan plan, AcceleratorSpec base, CostTables costTables) {
        long p = llmOptions.prompt();
        long g = llmOptions.generate();
        org.pactsim.study.LlmServeStudy.Result r;
        try {
            r = org.pactsim.study.LlmServeStudy.run(base, llm, plan, costTables, batch, p, g);
        } catch (org.pactsim.spec.SpecException e) {
            throw new InputException(InputException.oneLine(e.getMessage()), e);
        }
        String table = org.pactsim.report.LlmServeReport.table(r);
        String csv = org.pactsim.report.LlmServeReport.csv(r);
        String json = org.pactsim.report.LlmServeReport.json(r);
        JFreeChart chart = org.pactsim.report.LlmServeReport.speedup(r);
        try (OutputFolder folder = OutputFolder.claim(out, "iso-area", "--out", force)) {
            Path dir = folder.staging();
            writeTables(dir, table, csv, json, base);
            AtomicFiles.write(dir.resolve("speedup.png"), IsoAreaCharts.png(chart));
            AtomicFiles.write(dir.resolve("speedup.svg"), IsoAreaCharts.svg(chart));
            java.util.Map<String, String> info = Options.runInfo(spec);
            llmOptions.describe(info, llm, "", plan.unit(), batch);
            info.put("cost tables", tables.describe());
            AtomicFiles.write(dir.resolve("index.html"), org.pactsim.report.LlmServeReport.html(r, info, chart));
            folder.commit();
        }
        return print(table, csv, json);
    }

    static Network zoo(String name) {
        Zoo.Entry e = Zoo.find(name.trim());
        if (e == null) {
            Decoder.Named llm;
            try {
                llm = Decoder.parse(name);
            } catch (org.pactsim.spec.SpecException x) {
                throw new InputException(InputException.oneLine(x.getMessage()), x);
            }
            if (llm != null) {
                return Decoder.build(llm.config(), llm.step());
            }
            throw InputException.at("--network", null, "one of " + String.join(", ", Zoo.names()) + ", or an LLM: "
                    + String.join(", ", LlmConfig.names()) + " [-prefillP|-decodeL][-bB]", InputException.quote(name));
        }
        return e.build();
    }
}
