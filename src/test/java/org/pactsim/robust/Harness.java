package org.pactsim.robust;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.pactsim.cli.ValidateCommand;
import org.pactsim.cost.CostTables;
import org.pactsim.engine.OverflowException;
import org.pactsim.engine.TimingModel;
import org.pactsim.io.format.ArchReader;
import org.pactsim.io.format.CostTableReader;
import org.pactsim.io.InputException;
import org.pactsim.io.InputProblems;
import org.pactsim.io.format.SweepSpecReader;
import org.pactsim.io.format.TraceReader;
import org.pactsim.report.ResultCsv;
import org.pactsim.report.ResultJson;
import org.pactsim.report.SweepMetrics;
import org.pactsim.report.TableRenderer;
import org.pactsim.sim.Costing;
import org.pactsim.sim.Simulation;
import org.pactsim.sim.PricedResult;
import org.pactsim.sim.SimulationResult;
import org.pactsim.spec.AcceleratorSpec;
import org.pactsim.spec.SpecException;
import org.pactsim.study.sweep.PointBinder;
import org.pactsim.workload.Network;

/**
 * Runs one input file through a reader as the CLI does and judges the outcome:
 * <ul>
 * <li>the reader either accepts it or throws an {@link InputException} whose message is one
 *     line naming the file; anything else escaping is a bug;
 * <li>an accepted input then goes through the whole pipeline (simulation in both timing
 *     models, pricing), which may only refuse with an {@link OverflowException} (a count past
 *     2^63-1) or, for cost tables, a {@link SpecException} (the tables cannot price it);
 * <li>{@code pactsim validate}'s collecting mode throws nothing, finds a problem exactly when
 *     the strict reader refused, and lists the strict reader's message among its own.
 * </ul>
 */
final class Harness {
    /** The readers, each with the file extension it is fed and the kind validate should report. */
    enum Reader {
        ARCH_YAML("yaml", "accelerator"), ARCH_JSON("json", "accelerator"), ARCH_CFG("cfg", "SCALE-Sim config"),
        TRACE_CSV("csv", "pactsim trace"), TRACE_YAML("yaml", "pactsim trace"),
        TOPOLOGY("csv", "SCALE-Sim topology"), COST("csv", "cost tables"), SWEEP("yaml", "sweep spec");

        final String ext;
        final String kind;

        Reader(String ext, String kind) {
            this.ext = ext;
            this.kind = kind;
        }

        boolean isArch() {
            return this == ARCH_YAML || this == ARCH_JSON || this == ARCH_CFG;
        }
    }

    private static final Path GOOD = Path.of("src/test/resources/bad-inputs/good");
    /** Time allowed for one input, read, validated and simulated: far above the milliseconds it takes. */
    static final java.time.Duration LIMIT = java.time.Duration.ofSeconds(20);
    private final Bounded bounded = new Bounded();
    private final Path dir;
    private final AcceleratorSpec goodArch;
    private final Network goodTrace;
    private int rendered;

    Harness(Path dir) {
        this.dir = dir;
        try {
            // a sweep spec's partners, named relative to it
            Files.copy(GOOD.resolve("arch.yaml"), dir.resolve("arch.yaml"));
            Files.copy(GOOD.resolve("trace.csv"), dir.resolve("trace.csv"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.goodArch = ArchReader.read(GOOD.resolve("arch.yaml"), List.of()).spec();
        this.goodTrace = TraceReader.read(GOOD.resolve("trace.csv"), null);
    }

    /**
     * Judges {@code content} as a {@code reader} input within {@link #LIMIT}; returns whether the
     * reader accepted it.
     */
    boolean judge(Reader reader, byte[] content) throws Exception {
        return bounded.call(LIMIT, reader + " input", () -> judgeNow(reader, content));
    }

    /** The pipeline of an accepted input, within {@link #LIMIT}. */
    void pipelineBounded(Reader reader, Object value) throws Exception {
        bounded.call(LIMIT, "pipeline of " + value, () -> {
            pipeline(reader, value);
            return null;
        });
    }

    private boolean judgeNow(Reader reader, byte[] content) {
        Path f = dir.resolve("fuzz." + reader.ext);
        try {
            Files.write(f, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        InputException strict = null;
        Object value = null;
        try {
            value = read(reader, f);
        } catch (InputException e) {
            strict = e;
        }
        if (strict != null) {
            assertOneLine(strict.getMessage(), f.toString());
        } else {
            pipeline(reader, value);
        }
        InputProblems p = new InputProblems();
        String kind = ValidateCommand.check(f, p);
        List<String> found = p.messages().stream().filter(m -> !m.contains("MACs fit in 64 bits")).toList();
        for (String m : p.messages()) {
            assertOneLine(m, f.toString());
        }
        if (kind != null && kind.startsWith(reader.kind)) {
            if (strict == null) {
                assertThat(found).as("validate of an input the reader accepts").isEmpty();
            } else {
                assertThat(p.count()).as("validate of an input the reader refuses").isPositive();
                if (p.count() <= InputProblems.MAX) {
                    assertThat(p.messages()).as("validate lists the reader's own message").contains(strict.getMessage());
                }
            }
        } else if (strict != null) {
            assertThat(p.count()).as("validate of an input the reader refuses (read as " + kind + ")").isPositive();
        }
        return strict == null;
    }

    private static Object read(Reader reader, Path f) {
        switch (reader) {
            case ARCH_YAML:
            case ARCH_JSON:
            case ARCH_CFG:
                return ArchReader.read(f, List.of()).spec();
            case COST:
                return CostTableReader.read(List.of(f));
            case SWEEP:
                return SweepSpecReader.read(f, SweepMetrics.TOTAL.keys());
            default:
                return TraceReader.read(f, null);
        }
    }

    /** An accepted input through simulation and pricing: only documented refusals may come out. */
    void pipeline(Reader reader, Object value) {
        if (reader.isArch()) {
            run((AcceleratorSpec) value, goodTrace, CostTableReader.defaults());
        } else if (reader == Reader.COST) {
            run(goodArch, goodTrace, (CostTables) value);
        } else if (reader == Reader.SWEEP) {
            // the first point and the last, each bound and run as the sweep's evaluator does
            SweepSpecReader.Loaded l = (SweepSpecReader.Loaded) value;
            long size = l.space().size();
            for (long i : new long[] {0, size - 1}) {
                if (i < 0 || i >= size) {
                    continue;
                }
                PointBinder.Bound b;
                try {
                    b = l.binder().bind(l.space().choice(i));
                } catch (InputException | SpecException e) {
                    assertOneLine(e.getMessage(), "");
                    continue;
                }
                for (Network net : b.networks()) {
                    run(b.accelerator(), net, CostTableReader.defaults());
                }
            }
        } else {
            run(goodArch, (Network) value, CostTableReader.defaults());
        }
    }

    /**
     * Simulates in both timing models, prices and renders. The simulation may refuse a layer the
     * accelerator cannot run or count ({@link SpecException} naming the layer, {@link
     * OverflowException}); pricing may refuse what its tables cannot price (a node, a DRAM type,
     * a precision): the CLI turns these into exit 2 naming the file.
     */
    private void run(AcceleratorSpec acc, Network net, CostTables tables) {
        for (TimingModel tm : TimingModel.values()) {
            SimulationResult s;
            try {
                s = Simulation.run(acc, net, tm);
            } catch (OverflowException e) {
                assertOneLine(e.getMessage(), "");
                return;
            } catch (SpecException e) {
                assertOneLine(e.getMessage(), "layer ");
                return;
            }
            PricedResult r;
            try {
                r = Costing.price(s, net, tables);
            } catch (OverflowException | SpecException e) {
                assertOneLine(e.getMessage(), "");
                continue;
            }
            assertThat(r.run().cycles()).isNotNegative();
            ResultCsv.render(r);
            if (rendered++ % 16 == 0) {
                // the table and JSON take milliseconds each: a sample of them is enough
                TableRenderer.render(r);
                ResultJson.render(r);
            }
        }
    }

    /** The message is one non-empty line starting with {@code origin} (when given). */
    static void assertOneLine(String message, String origin) {
        assertThat(message).isNotBlank().doesNotContain("\n").doesNotContain("\r");
        assertThat(message.length()).isLessThanOrEqualTo(400);
        if (!origin.isEmpty()) {
            assertThat(message).startsWith(origin);
        }
    }

    /** The seed files of a folder as (name, text) pairs. */
    static List<String[]> seeds(List<Path> files) {
        return files.stream().map(p -> {
            try {
                return new String[] {p.toString(), Files.readString(p)};
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).toList();
    }
}
