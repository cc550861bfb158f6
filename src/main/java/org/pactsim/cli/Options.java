package org.pactsim.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.pactsim.engine.TimingModel;
import org.pactsim.io.format.CostTableReader;
import org.pactsim.io.InputException;
import org.pactsim.spec.Dataflow;
import org.pactsim.spec.DramSpec;
import org.pactsim.cost.CostTables;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;

/**
 * The options several commands share, as picocli mixins ({@link ChipOverrides}, {@link Tables}),
 * the converters and completion candidates of values that are pactsim types (timing model,
 * dataflow, DRAM bandwidth), and pactsim's one-line error for a value an option cannot take.
 */
final class Options {
    private Options() {
    }

    /** {@code --set} and {@code --dataflow}: changes to the accelerator a command reads ({@link Mixin}). */
    static final class ChipOverrides {
        @Option(names = "--set", paramLabel = "KEY=VALUE",
                description = "Override an accelerator key by dotted path, e.g. --set array.rows=64 (repeatable).")
        List<String> sets = new ArrayList<>();

        @Option(names = "--dataflow", paramLabel = "D", converter = DataflowConverter.class,
                completionCandidates = Dataflows.class,
                description = "Override the dataflow: ${COMPLETION-CANDIDATES}.")
        Dataflow dataflow;

        /** The {@code KEY=VALUE} overrides in order, {@code --dataflow} last. */
        List<String> all() {
            List<String> all = new ArrayList<>(sets);
            if (dataflow != null) {
                all.add("dataflow=" + dataflow.key());
            }
            return all;
        }
    }

    /** {@code --dim}: symbolic input dimensions of an ONNX network ({@link Mixin}). */
    static final class Dims {
        @Option(names = "--dim", paramLabel = "NAME=N",
                description = "With an .onnx network: set a symbolic input dimension, e.g. --dim batch_size=1"
                        + " (repeatable).")
        List<String> dims = new ArrayList<>();

        /** The network of a trace file, an ONNX model imported with these dimensions. */
        org.pactsim.workload.Network read(Path trace) {
            return org.pactsim.io.onnx.OnnxImporter.isOnnx(trace)
                    ? org.pactsim.io.onnx.OnnxImporter.importFile(trace, org.pactsim.io.onnx.OnnxImporter.dims(dims))
                            .network()
                    : org.pactsim.io.format.TraceReader.read(trace, null);
        }
    }

    /** {@code --tables}: cost tables replacing the shipped ones ({@link Mixin}). */
    static final class Tables {
        @Option(names = "--tables", paramLabel = "FILE", converter = InputPath.class,
                description = "Cost tables replacing the shipped ones, kind by kind (see 'pactsim tables'; repeatable).")
        List<Path> files = new ArrayList<>();

        /** The tables the accelerator file names ({@code costTables}), read before {@code --tables}. */
        List<Path> arch = List.of();

        /** Takes the cost tables an accelerator file names. */
        void withArch(List<Path> named) {
            arch = List.copyOf(named);
        }

        private List<Path> all() {
            List<Path> a = new ArrayList<>(arch);
            a.addAll(files);
            return a;
        }

        /** The shipped tables, with those the accelerator names and then those of {@code --tables} in their place. */
        CostTables read() {
            List<Path> a = all();
            return a.isEmpty() ? CostTableReader.defaults() : CostTableReader.read(a);
        }

        boolean given() {
            return !arch.isEmpty() || !files.isEmpty();
        }

        /** The last file given, where a problem pricing with the tables is reported. */
        Path last() {
            List<Path> a = all();
            return a.get(a.size() - 1);
        }

        /** Which tables priced the run, for the reports. */
        String describe() {
            return given() ? String.join(", ", all().stream().map(Path::toString).toList()) + " over the shipped tables"
                    : "the shipped tables (pactsim tables)";
        }
    }

    /**
     * An input file: as given from the working folder, else the installation's copy of that
     * relative path ({@link Home#atHome}), so the README's commands run from any folder. Output
     * paths never use it: they stay where the user is.
     */
    static final class InputPath implements ITypeConverter<Path> {
        @Override
        public Path convert(String s) {
            if (s.isEmpty()) {
                throw new TypeConversionException("an empty argument");
            }
            return Home.atHome(Path.of(s));
        }
    }

    /**
     * A value read by its type's own {@code parse} (null when it is none of the candidates),
     * refused with the candidates listed.
     */
    private abstract static class Parsed<T> implements ITypeConverter<T> {
        private final java.util.function.Function<String, T> parse;
        private final Iterable<String> candidates;

        Parsed(java.util.function.Function<String, T> parse, Iterable<String> candidates) {
            this.parse = parse;
            this.candidates = candidates;
        }

        @Override
        public T convert(String s) {
            T v = parse.apply(s);
            if (v == null) {
                throw new TypeConversionException(expected(candidates) + ", found " + InputException.quote(s));
            }
            return v;
        }
    }

    /** {@code --model}: {@link TimingModel#parse}. */
    static final class ModelConverter extends Parsed<TimingModel> {
        public ModelConverter() {
            super(TimingModel::parse, new Models());
        }
    }

    static final class Models implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return java.util.Arrays.stream(TimingModel.values()).map(TimingModel::key).sorted().iterator();
        }
    }

    /** {@code --dataflow}: {@link Dataflow#parse}. */
    static final class DataflowConverter extends Parsed<Dataflow> {
        public DataflowConverter() {
            super(Dataflow::parse, new Dataflows());
        }
    }

    static final class Dataflows implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of("os", "ws", "is").iterator();
        }
    }

    /** A DRAM bandwidth in GB/s (at least {@link DramSpec#MIN_GBPS}), or {@code unlimited} (infinity). */
    static final class BandwidthConverter implements ITypeConverter<Double> {
        @Override
        public Double convert(String s) {
            String t = s.trim();
            if (t.equalsIgnoreCase("unlimited")) {
                return Double.POSITIVE_INFINITY;
            }
            try {
                double x = Double.parseDouble(t);
                if (x >= DramSpec.MIN_GBPS && !Double.isInfinite(x)) {
                    return x;
                }
            } catch (NumberFormatException e) {
                // said below
            }
            throw new TypeConversionException("expected numbers from " + DramSpec.MIN_GBPS + " (GB/s) or unlimited, found "
                    + InputException.quote(s));
        }
    }

    /**
     * What an HTML report says about the run that made it: the command line as given, pactsim's
     * version and the date (UTC).
     */
    static java.util.Map<String, String> runInfo(picocli.CommandLine.Model.CommandSpec spec) {
        java.util.Map<String, String> m = new java.util.LinkedHashMap<>();
        picocli.CommandLine top = spec.commandLine();
        while (top.getParent() != null) {
            top = top.getParent();
        }
        List<String> args = top.getParseResult() == null ? List.of() : top.getParseResult().originalArgs();
        m.put("command", "pactsim " + String.join(" ", args));
        m.put("pactsim", new Main.Version().getVersion()[0]);
        m.put("date", java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).withNano(0).toString());
        return m;
    }

    /** {@code "expected a, b or c"} of the candidates. */
    static String expected(Iterable<String> candidates) {
        List<String> c = new ArrayList<>();
        candidates.forEach(c::add);
        String all = c.size() < 2 ? String.join("", c)
                : String.join(", ", c.subList(0, c.size() - 1)) + " or " + c.get(c.size() - 1);
        return "expected " + all;
    }

    /**
     * pactsim's one-line error for a value an option's converter refused ({@code --model:
     * expected pactsim or scalesim, found "timeloop"}), or null for other mistakes: enums by
     * their completion candidates, pactsim's converters by their own message.
     */
    static String refusedValue(ParameterException ex) {
        if (!(ex.getArgSpec() instanceof OptionSpec o) || !(ex.getCause() instanceof TypeConversionException c)
                || ex.getValue() == null) {
            return null;
        }
        Class<?> type = o.auxiliaryTypes().length > 0 ? o.auxiliaryTypes()[0] : o.type();
        if (type.isEnum() && o.completionCandidates() != null) {
            return InputException.oneLine(o.longestName() + ": " + expected(o.completionCandidates()) + ", found "
                    + InputException.quote(ex.getValue()));
        }
        String m = c.getMessage();
        return m != null && m.startsWith("expected ") ? InputException.oneLine(o.longestName() + ": " + m) : null;
    }
}
