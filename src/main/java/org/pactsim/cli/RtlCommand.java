package org.pactsim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.pactsim.cost.AreaBreakdown;
import org.pactsim.cost.AreaModel;
import org.pactsim.io.format.ArchReader;
import org.pactsim.io.format.CostTableReader;
import org.pactsim.io.InputException;
import org.pactsim.io.out.OutputFolder;
import org.pactsim.io.format.TraceReader;
import org.pactsim.rtl.RtlCheck;
import org.pactsim.rtl.RtlSchedule;
import org.pactsim.rtl.RtlSizeException;
import org.pactsim.rtl.Simulator;
import org.pactsim.rtl.Synthesis;
import org.pactsim.spec.AcceleratorSpec;
import org.pactsim.workload.Bits;
import org.pactsim.workload.Layer;
import org.pactsim.workload.MatMulLayer;
import org.pactsim.workload.Network;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code pactsim rtl}: writes a Verilog array, a testbench and the stimulus and expected files
 * of one GEMM, and with {@code --simulate} runs them and compares with the models.
 */
@Command(name = "rtl", mixinStandardHelpOptions = true,
        description = "Generate a Verilog systolic array, testbench, stimulus and expected outputs for one GEMM"
                + " (and run.sh); with --simulate, run it and check outputs and cycles against the models"
                + " (docs/rtl.md). Exit 0: bit- and cycle-exact; 1: a mismatch; 2: bad input;"
                + " 3: the simulator is not installed (the files are written).")
public final class RtlCommand implements Callable<Integer> {
    /** Exit code when {@code --simulate} names a simulator that is not installed. */
    public static final int EXIT_NO_SIMULATOR = 3;

    @Option(names = "--arch", required = true, paramLabel = "FILE",
            description = "Accelerator: pactsim YAML/JSON or SCALE-Sim .cfg.")
    Path arch;

    @Option(names = "--gemm", paramLabel = "M,N,K", description = "The GEMM O[MxN] = I[MxK] * W[KxN].")
    String gemm;

    @Option(names = "--trace", paramLabel = "FILE", description = "A network trace; with --layer.")
    Path trace;

    @Option(names = "--layer", paramLabel = "NAME", description = "The trace layer to check (its GEMM).")
    String layer;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Folder for the files (new or empty, or a previous rtl report with --force).")
    Path out;

    @Option(names = "--force", description = "Replace a previous rtl report in --out.")
    boolean force;

    @Option(names = "--simulate", paramLabel = "SIM", description = "Run the simulation: iverilog or verilator.")
    String simulate;

    @Option(names = "--synth", description = "Also synthesize the core with yosys (generic gates) and report cells"
            + " and flip-flops next to the area model's estimate.")
    boolean synth;

    /** {@code --folds}: how the generated WS/IS array switches folds. */
    enum Folds { overlapped, serial }

    @Option(names = "--folds", defaultValue = "overlapped", paramLabel = "F",
            description = "WS/IS: overlapped (shadow registers, pactsim's model, default: pipelined when the"
                    + " array says array.foldOverlap: pipelined) or serial (SCALE-Sim's array: every fold pays its"
                    + " preload).")
    Folds folds;

    @Mixin
    Options.ChipOverrides chip;

    @Option(names = "--seed", defaultValue = "24301", paramLabel = "N", description = "Operand seed.")
    long seed;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Simulator sim = null;
        if (simulate != null) {
            sim = Simulator.parse(simulate);
            if (sim == null) {
                throw InputException.at("--simulate", null, "iverilog or verilator", InputException.quote(simulate));
            }
        }
        AcceleratorSpec acc = ArchReader.read(Home.find(arch, "--arch", Home.Kind.ARCH), chip.all()).spec();
        Layer l = layer();
        RtlCheck.Plan plan;
        try (OutputFolder folder = OutputFolder.claim(out, "rtl", "--out", force)) {
            try {
                plan = RtlCheck.generate(acc, l, seed, folds == Folds.serial, folder.staging());
            } catch (RtlSizeException e) {
                throw InputException.at(source(), null, "at most " + RtlSchedule.MAX_WORDS + " stimulus words (a"
                        + " smaller GEMM or array)", e.found() == Long.MAX_VALUE ? "more" : "about " + e.found());
            }
            folder.commit();
        }
        PrintWriter w = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int code = 0;
        if (sim == null) {
            w.print(plan.report(null));
            w.println("wrote " + out + ": Verilog, testbench, stimulus.hex, expected.hex, folds.csv, synth.ys, run.sh");
        } else if (!sim.installed()) {
            err.println("pactsim: " + sim.key() + " is not installed: wrote " + out + " and its run.sh, not simulated");
            code = EXIT_NO_SIMULATOR;
        } else {
            Simulator.Outcome o = sim.run(out);
            w.print(plan.report(o));
            if (!o.completed()) {
                w.print(o.log());
            }
            code = o.exact() && plan.cyclesMatchNative() ? 0 : Main.EXIT_INTERNAL;
        }
        if (synth) {
            if (!Synthesis.installed()) {
                err.println("pactsim: yosys is not installed: wrote " + out + "/" + Synthesis.SCRIPT + ", not synthesized");
                return code == 0 ? EXIT_NO_SIMULATOR : code;
            }
            Synthesis.Result r = Synthesis.run(out);
            if (!r.completed()) {
                err.println("pactsim: yosys did not finish: see " + out + "/synth.log");
                return Main.EXIT_INTERNAL;
            }
            AreaBreakdown area = AreaModel.of(acc, acc.pe().mode(), CostTableReader.defaults());
            long pes = acc.array().pes();
            w.printf(Locale.ROOT, "yosys (generic gates, one core): %d cells, %d flip-flops (%.1f cells, %.1f flip-flops"
                    + " per PE), %.1f s%n", r.cells(), r.flipFlops(), (double) r.cells() / pes,
                    (double) r.flipFlops() / pes, r.seconds());
            w.printf(Locale.ROOT, "area model: array %.4f mm2 per core, %.1f um2 per PE at %d nm (SRAM and control"
                    + " not in the core)%n", area.arrayMm2() / acc.cores(), area.arrayMm2() * 1e6 / acc.totalPes(),
                    acc.technologyNm());
        }
        return code;
    }

    private String source() {
        return gemm != null ? "--gemm " + gemm : trace + ": layer " + layer;
    }

    private Layer layer() {
        if ((gemm == null) == (trace == null)) {
            throw InputException.at("rtl", null, "either --gemm M,N,K or --trace FILE --layer NAME",
                    gemm == null ? "neither" : "both");
        }
        if (gemm != null) {
            if (layer != null) {
                throw InputException.at("--layer", null, "--layer only with --trace", "--gemm " + gemm);
            }
            String[] p = gemm.split(",");
            long[] v = new long[3];
            for (int i = 0; i < 3 && p.length == 3; i++) {
                try {
                    v[i] = Long.parseLong(p[i].trim());
                } catch (NumberFormatException e) {
                    v[i] = 0;
                }
            }
            if (p.length != 3 || v[0] < 1 || v[1] < 1 || v[2] < 1 || v[0] > 1 << 20 || v[1] > 1 << 20 || v[2] > 1 << 20) {
                throw InputException.at("--gemm", null, "M,N,K, three integers 1..1048576", InputException.quote(gemm));
            }
            return new MatMulLayer("gemm", MatMulLayer.Kind.LINEAR, 1, v[0], v[1], v[2], Bits.INT8, List.of());
        }
        if (layer == null) {
            throw InputException.at("--trace", null, "--layer NAME with --trace", "no --layer");
        }
        Network net = TraceReader.read(Home.find(trace, "--trace", Home.Kind.TRACE), null);
        List<String> names = new ArrayList<>();
        for (Layer x : net.layers()) {
            if (x.name().equals(layer)) {
                if (!x.isGemm()) {
                    throw InputException.at(trace.toString(), "layer " + layer, "a GEMM layer (conv, fc, matmul)",
                            x.type() + ", which runs on the vector unit");
                }
                return x;
            }
            names.add(x.name());
        }
        throw InputException.at(trace.toString(), "--layer", "a layer of the trace (" + String.join(", ",
                names.subList(0, Math.min(8, names.size()))) + (names.size() > 8 ? ", ..." : "") + ")",
                InputException.quote(layer));
    }
}
