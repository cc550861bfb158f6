package org.pactsim.io.format;

import org.pactsim.io.InputException;
import org.pactsim.io.InputFiles;
import org.pactsim.io.InputProblems;
import org.pactsim.io.MapReader;
import org.pactsim.io.Overrides;
import org.pactsim.io.Schemas;
import org.pactsim.io.YNode;
import org.pactsim.io.YamlLoader;
import org.pactsim.io.scalesim.ScaleSimConfigReader;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.pactsim.spec.AcceleratorSpec;
import org.pactsim.spec.ArraySpec;
import org.pactsim.spec.Dataflow;
import org.pactsim.spec.DramSpec;
import org.pactsim.spec.NumberType;
import org.pactsim.spec.FoldOverlap;
import org.pactsim.spec.OsDrain;
import org.pactsim.spec.PeSpec;
import org.pactsim.spec.Precision;
import org.pactsim.spec.PrecisionMode;
import org.pactsim.spec.SiliconSpec;
import org.pactsim.spec.SramSpec;
import org.pactsim.spec.ScheduleSpec;
import org.pactsim.spec.VectorSpec;

/**
 * Reads an accelerator: pactsim's YAML or JSON ({@code schema: pactsim/arch/1}) or a
 * SCALE-Sim {@code .cfg}, with {@code --set} overrides applied before the strict binding.
 */
public final class ArchReader {
    public static final String SCHEMA = Schemas.ARCH;

    /**
     * The accelerator and what the reader had to assume or ignore to build it, and the cost
     * tables the file names ({@code costTables}: paths relative to the file; empty: the shipped
     * tables).
     */
    public record Loaded(AcceleratorSpec spec, YNode tree, List<String> notes, List<Path> costTables) {
        public Loaded(AcceleratorSpec spec, YNode tree, List<String> notes) {
            this(spec, tree, notes, List.of());
        }
    }

    private ArchReader() {
    }

    public static Loaded read(Path file, List<String> sets) {
        String ext = InputFiles.extension(file);
        String text = InputFiles.read(file);
        String origin = file.toString();
        List<String> notes = new ArrayList<>();
        YNode tree;
        if (ext.equals("cfg")) {
            tree = ScaleSimConfigReader.toTree(text, origin, notes);
        } else if (ext.equals("yaml") || ext.equals("yml") || ext.equals("json")) {
            tree = YamlLoader.parse(text, origin, ext.equals("json"));
        } else {
            throw InputException.at(origin, null, "an accelerator file ending in .yaml, .yml, .json or .cfg",
                    ext.isEmpty() ? "no extension" : "." + ext);
        }
        Overrides.apply(tree, sets);
        AcceleratorSpec spec = sets.isEmpty() ? bind(tree) : bindNamingUnknown(tree, "--set ");
        return new Loaded(spec, tree, notes, costTables(tree, file));
    }

    /**
     * The cost-table files an accelerator file names ({@code costTables: [FILE, ...]}), each
     * resolved against the folder of {@code file}, in order (each replaces the shipped tables of
     * the kinds it holds, as {@code --tables} does, which comes after them).
     */
    public static List<Path> costTables(YNode tree, Path file) {
        YNode t = tree.get("costTables");
        if (t == null) {
            return List.of();
        }
        List<Path> out = new ArrayList<>();
        Path dir = file.toAbsolutePath().getParent();
        for (YNode item : t.items()) {
            Path p = Path.of(item.text());
            out.add(p.isAbsolute() || dir == null ? p : dir.resolve(p).normalize());
        }
        return List.copyOf(out);
    }

    /**
     * As {@link #bind(YNode)}, but when binding fails and an unknown key was put into the tree
     * from {@code origin} (a {@code --set}, a sweep axis: its message starts with
     * {@code origin}), that key is reported rather than the first problem: {@code --set
     * pe.x.y.z=1} on a file without {@code pe} made a {@code pe} holding only {@code x}, and
     * the missing {@code pe.weightBits} was blamed.
     */
    public static AcceleratorSpec bindNamingUnknown(YNode tree, String origin) {
        try {
            return bind(tree);
        } catch (InputException e) {
            InputProblems all = new InputProblems();
            try {
                bind(tree, all);
            } catch (InputException again) {
                throw e;
            }
            for (String m : all.messages()) {
                if (m.startsWith(origin) && m.endsWith("found an unknown key")) {
                    throw new InputException(m, e);
                }
            }
            throw e;
        }
    }

    /** {@code dram.bandwidthGBps}: a number > 0 or {@code unlimited} (1 as a stand-in when collecting). */
    private static double bandwidth(YNode bw, MapReader d) {
        if (bw == null) {
            return 1;
        }
        if (bw.kind() == YNode.Kind.STRING && bw.text().trim().equalsIgnoreCase("unlimited")) {
            return Double.POSITIVE_INFINITY;
        }
        try {
            if (bw.kind() == YNode.Kind.INT || bw.kind() == YNode.Kind.FLOAT) {
                return MapReader.positiveValue(bw, "dram.bandwidthGBps");
            }
            throw InputException.at(bw.where(), "dram.bandwidthGBps", "a number > 0 or unlimited", bw.describe());
        } catch (InputException e) {
            d.fail(e);
            return 1;
        }
    }

    /** Binds a config tree to a validated {@link AcceleratorSpec}. */
    public static AcceleratorSpec bind(YNode tree) {
        return bind(tree, null);
    }

    /**
     * As {@link #bind(YNode)}; with {@code problems} it records every error it finds and
     * returns null when there was any ({@code pactsim validate}).
     */
    public static AcceleratorSpec bind(YNode tree, InputProblems problems) {
        MapReader r = MapReader.of(tree, "", problems);
        String schema = r.string("schema");
        if (schema != null && !schema.equals(SCHEMA)) {
            r.fail(InputException.at(r.require("schema").where(), "schema", SCHEMA, InputException.quote(schema)));
        }
        String name = r.name("name");

        MapReader a = r.object("array");
        int rows = (int) a.integer("rows", 1, ArraySpec.MAX_SIDE);
        int cols = (int) a.integer("cols", 1, ArraySpec.MAX_SIDE);
        int stages = (int) a.integer("multiplierStages", 0, ArraySpec.MAX_MULTIPLIER_STAGES, 0);
        OsDrain drain = a.has("osDrain")
                ? OsDrain.parse(a.choice("osDrain", List.of("overlapped", "wavefront", "serial"))) : OsDrain.OVERLAPPED;
        FoldOverlap overlap = a.has("foldOverlap")
                ? FoldOverlap.parse(a.choice("foldOverlap", List.of("none", "pipelined"))) : FoldOverlap.NONE;
        a.finish();
        ArraySpec array = new ArraySpec(rows, cols, stages, drain == null ? OsDrain.OVERLAPPED : drain,
                overlap == null ? FoldOverlap.NONE : overlap);

        Dataflow df = Dataflow.parse(r.choice("dataflow", List.of("os", "ws", "is")));
        int cores = (int) r.integer("cores", 1, 1 << 16, 1);
        double clock = r.positive("clockMhz");
        int tech = (int) r.integer("technologyNm", 1, 1000, 45);
        SiliconSpec.Flavour flavour = r.has("technologyFlavour")
                ? SiliconSpec.Flavour.parse(r.choice("technologyFlavour", List.of("lp", "hp"))) : SiliconSpec.Flavour.LP;
        long[] spads = new long[3];

        PeSpec pe = PeSpec.INT8;
        if (r.has("pe")) {
            MapReader p = r.object("pe");
            int wb = (int) p.integer("weightBits", 1, 32);
            int ab = (int) p.integer("activationBits", 1, 32);
            NumberType nt = p.has("type") ? NumberType.parse(p.choice("type", List.of("int", "float"))) : NumberType.INT;
            int acc = (int) p.integer("accumulatorBits", 1, 64, 32);
            PrecisionMode mode = p.has("mode")
                    ? PrecisionMode.parse(p.choice("mode", List.of("fixed", "bit-serial", "fusion"))) : PrecisionMode.FIXED;
            String format = p.has("format")
                    ? p.choice("format", List.of("fp16", "bf16", "fp32", "fp8-e4m3", "fp8-e5m2")) : null;
            if (format != null && nt == NumberType.FLOAT) {
                Precision f = Precision.parse(format);
                if (f != null && (f.weightBits() != wb || f.activationBits() != ab)) {
                    throw InputException.at(p.require("format").where(), "pe.format",
                            "a format of the PE's widths (" + wb + "/" + ab + " bits)", format + " (" + f.weightBits() + " bits)");
                }
            } else if (format != null && nt != null) {
                throw InputException.at(p.require("format").where(), "pe.format", "type: float with a float format",
                        "type: " + nt.key());
            }
            if (p.has("scratchpadBytes")) {
                MapReader sp = p.object("scratchpadBytes");
                spads[0] = sp.integer("ifmap", 0, SiliconSpec.MAX_SCRATCHPAD_BYTES, 0);
                spads[1] = sp.integer("filter", 0, SiliconSpec.MAX_SCRATCHPAD_BYTES, 0);
                spads[2] = sp.integer("psum", 0, SiliconSpec.MAX_SCRATCHPAD_BYTES, 0);
                sp.finish();
            }
            p.finish();
            pe = p.build(() -> new PeSpec(wb, ab, nt, acc, mode, format));
        }

        MapReader s = r.object("sram");
        long u = s.integer("unifiedKiB", 0, SramSpec.MAX_KIB, 0);
        long i = s.integer("ifmapKiB", 0, SramSpec.MAX_KIB, 0);
        long f = s.integer("filterKiB", 0, SramSpec.MAX_KIB, 0);
        long o = s.integer("ofmapKiB", 0, SramSpec.MAX_KIB, 0);
        long accKiB = s.integer("accumulatorKiB", 0, SramSpec.MAX_KIB, 0);
        s.finish();
        SramSpec sram = s.build(() -> new SramSpec(i, f, o, u));

        MapReader d = r.object("dram");
        YNode bw = d.require("bandwidthGBps");
        double gbps = bandwidth(bw, d);
        String dt = d.has("type") ? d.string("type") : null;
        String dramType = dt == null ? null : dt.trim().toLowerCase(java.util.Locale.ROOT);
        double efficiency = d.real("efficiency", 0.01, 1, 1);
        double latencyNs = d.real("latencyNs", 0, DramSpec.MAX_LATENCY_NS, 0);
        d.finish();
        DramSpec dram = d.build(() -> new DramSpec(gbps, dramType, efficiency, latencyNs));
        VectorSpec vector = VectorSpec.defaultFor(array);
        if (r.has("vector")) {
            MapReader vr = r.object("vector");
            int lanes = (int) vr.integer("lanes", 1, VectorSpec.MAX_LANES, vector.lanes());
            vr.finish();
            vector = new VectorSpec(lanes);
        }
        ScheduleSpec schedule = ScheduleSpec.DEFAULT;
        if (r.has("schedule")) {
            MapReader sr = r.object("schedule");
            String ps = sr.has("policy") ? sr.choice("policy", List.of("compiler", "legacy")) : null;
            ScheduleSpec.Policy policy = ps == null ? schedule.policy() : ScheduleSpec.Policy.parse(ps);
            boolean fuse = sr.bool("fuse", policy != ScheduleSpec.Policy.LEGACY);
            String os = sr.has("objective") ? sr.choice("objective", List.of("time", "traffic")) : null;
            ScheduleSpec.Objective objective = os == null ? ScheduleSpec.Objective.TIME : ScheduleSpec.Objective.parse(os);
            String wc = sr.has("weightCopies") ? sr.choice("weightCopies", List.of("spread", "replicate", "best")) : null;
            ScheduleSpec.WeightCopies copies = wc == null ? ScheduleSpec.WeightCopies.SPREAD
                    : ScheduleSpec.WeightCopies.parse(wc);
            String cs = sr.has("cores") ? sr.choice("cores", List.of("lockstep", "pipeline", "best")) : null;
            ScheduleSpec.CoreMode coreMode = cs == null ? ScheduleSpec.DEFAULT_CORES : ScheduleSpec.CoreMode.parse(cs);
            sr.finish();
            schedule = new ScheduleSpec(policy, fuse, objective == null ? ScheduleSpec.Objective.TIME : objective,
                    copies, coreMode);
        }
        org.pactsim.spec.NocSpec noc = org.pactsim.spec.NocSpec.DEFAULT;
        if (r.has("noc")) {
            MapReader nr = r.object("noc");
            String ts = nr.has("topology") ? nr.choice("topology", List.of("ring", "mesh")) : null;
            org.pactsim.spec.NocSpec.Topology topology = ts == null ? noc.topology()
                    : org.pactsim.spec.NocSpec.Topology.parse(ts);
            long link = nr.integer("linkBits", 0, org.pactsim.spec.NocSpec.MAX_LINK_BITS, 0);
            if (nr.has("bandwidthBytesPerCycle")) {
                // the same link width in bytes (the key); one of the two
                long bytes = nr.integer("bandwidthBytesPerCycle", 1, org.pactsim.spec.NocSpec.MAX_LINK_BITS / 8, 1);
                if (nr.has("linkBits")) {
                    nr.fail(InputException.at(nr.node().get("bandwidthBytesPerCycle").where(), "noc.bandwidthBytesPerCycle",
                            "either noc.linkBits or noc.bandwidthBytesPerCycle (the same link width)", "both"));
                }
                link = bytes * 8;
            }
            nr.finish();
            org.pactsim.spec.NocSpec.Topology topologyFinal = topology;
            long linkFinal = link;
            noc = nr.build(() -> new org.pactsim.spec.NocSpec(topologyFinal, linkFinal));
        }
        if (r.has("costTables")) {
            for (YNode item : r.list("costTables")) {
                if (item.kind() != YNode.Kind.STRING || item.text().isBlank()) {
                    r.fail(InputException.at(item.where(), "costTables", "a list of cost-table files (paths relative to"
                            + " this file)", item.describe()));
                }
            }
        }
        r.finish();
        PeSpec peFinal = pe;
        VectorSpec vectorFinal = vector;
        ScheduleSpec scheduleFinal = schedule;
        org.pactsim.spec.NocSpec nocFinal = noc;
        SiliconSpec silicon = r.build(() -> new SiliconSpec(flavour == null ? SiliconSpec.Flavour.LP : flavour, accKiB,
                spads[0], spads[1], spads[2]));
        return r.build(() -> new AcceleratorSpec(name, array, df, cores, clock, peFinal, sram, dram, tech,
                vectorFinal, scheduleFinal, nocFinal, silicon));
    }
}
