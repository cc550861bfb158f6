package org.pactsim.io.format;

import org.pactsim.io.InputException;
import org.pactsim.io.InputFiles;
import org.pactsim.io.MapReader;
import org.pactsim.io.PlainNumber;
import org.pactsim.io.Schemas;
import org.pactsim.io.Suggest;
import org.pactsim.io.YNode;
import org.pactsim.io.YamlLoader;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pactsim.spec.SpecException;
import org.pactsim.study.sweep.Axis;
import org.pactsim.study.sweep.Constraint;
import org.pactsim.study.sweep.DesignSpace;
import org.pactsim.study.sweep.Objective;
import org.pactsim.study.sweep.PointBinder;
import org.pactsim.study.sweep.Sampling;
import org.pactsim.study.sweep.SweepNetwork;
import org.pactsim.study.sweep.SweepSpec;
import org.pactsim.workload.PrecisionVariant;
import org.pactsim.workload.zoo.Zoo;

/**
 * Reads a sweep spec ({@code schema: pactsim/sweep/1}, YAML or JSON; docs/sweeps.md), strictly:
 * unknown or duplicate keys are errors with file and line. Every axis value is set on the base
 * accelerator and bound by {@link ArchReader#bind} while reading, so an axis naming an unknown
 * key or a value the key refuses is rejected before anything runs. Combinations of values that
 * no single value breaks are checked per point and, when refused, kept as rows with the reason.
 */
public final class SweepSpecReader {
    public static final String SCHEMA = Schemas.SWEEP;
    /** Most values of one axis. */
    public static final int MAX_AXIS_VALUES = 10_000;

    /** The spec, what binds its points, and a fingerprint of every file it read. */
    public record Loaded(SweepSpec spec, DesignSpace space, PointBinder binder, String fingerprint) {
    }

    private SweepSpecReader() {
    }

    /** Reads {@code file}; metric names in constraints and objectives must be among {@code metricKeys}. */
    public static Loaded read(Path file, List<String> metricKeys) {
        String text = InputFiles.read(file);
        String ext = InputFiles.extension(file);
        String origin = file.toString();
        if (!ext.equals("yaml") && !ext.equals("yml") && !ext.equals("json")) {
            throw InputException.at(origin, null, "a sweep spec ending in .yaml, .yml or .json",
                    ext.isEmpty() ? "no extension" : "." + ext);
        }
        YNode root = YamlLoader.parse(text, origin, ext.equals("json"));
        MapReader r = MapReader.of(root, "");
        String schema = r.string("schema");
        if (!schema.equals(SCHEMA)) {
            throw InputException.at(r.require("schema").where(), "schema", SCHEMA, InputException.quote(schema));
        }
        String name = r.name("name");
        Path dir = file.toAbsolutePath().getParent();
        YNode accNode = r.require("accelerator");
        Path accPath = dir.resolve(r.string("accelerator"));
        StringBuilder fp = new StringBuilder(text).append('\0');
        SweepPointBinder.Base base = SweepPointBinder.base(accPath, accNode, fp);

        List<SweepPointBinder.Source> sources = new ArrayList<>();
        List<SweepNetwork> networks = new ArrayList<>();
        List<YNode> netItems = r.list("networks");
        if (netItems.isEmpty()) {
            throw InputException.at(r.require("networks").where(), "networks", "at least one network", "an empty list");
        }
        for (int i = 0; i < netItems.size(); i++) {
            MapReader n = MapReader.of(netItems.get(i), "networks[" + i + "]");
            SweepPointBinder.Source s = source(n, dir, fp);
            double weight = n.has("weight") ? n.positive("weight") : 1;
            String label = n.has("label") ? n.name("label") : s.defaultLabel();
            n.finish();
            sources.add(s);
            networks.add(n.build(() -> new SweepNetwork(label, weight)));
        }

        List<Axis> axes = new ArrayList<>();
        List<List<List<YNode>>> nodes = new ArrayList<>();
        MapReader ax = r.object("axes");
        for (Map.Entry<String, YNode> e : ax.node().entries().entrySet()) {
            ax.has(e.getKey());
            axis(e.getKey(), e.getValue(), axes, nodes);
        }
        if (axes.isEmpty()) {
            throw InputException.at(ax.node().where(), "axes", "at least one axis", "none");
        }
        Sampling sampling = sampling(r);
        List<Constraint> constraints = constraints(r, metricKeys);
        List<Objective> objectives = objectives(r, metricKeys);
        List<List<String>> pareto = pareto(r, objectives);
        r.finish();
        SweepSpec spec = r.build(() -> new SweepSpec(name, axes, sampling, networks, constraints, objectives, pareto));
        SweepPointBinder binder = new SweepPointBinder(base, spec, nodes, sources);
        binder.checkEachValue();
        DesignSpace space;
        try {
            space = new DesignSpace(spec);
        } catch (SpecException ex) {
            throw InputException.at(ax.node().where(), "axes", ex.violations().get(0).expected(),
                    ex.violations().get(0).found());
        }
        return new Loaded(spec, space, binder, sha256(fp.toString()));
    }

    private static SweepPointBinder.Source source(MapReader n, Path dir, StringBuilder fp) {
        boolean zoo = n.has("zoo");
        boolean trace = n.has("trace");
        if (zoo == trace) {
            throw InputException.at(n.node().where(), n.key("zoo"), "either zoo (a network short name) or trace (a file)",
                    zoo ? "both" : "neither");
        }
        PrecisionVariant variant = null;
        if (n.has("precision")) {
            variant = precision(n.require("precision"), n.key("precision"));
        }
        if (zoo) {
            String z = n.string("zoo");
            if (Zoo.find(z) == null) {
                String hint = Suggest.closest(z, Zoo.names());
                throw InputException.at(n.require("zoo").where(), n.key("zoo"),
                        hint != null ? "a zoo network (did you mean " + hint + "?)" : "one of " + String.join(", ", Zoo.names()),
                        InputException.quote(z));
            }
            return SweepPointBinder.Source.zoo(z, variant);
        }
        Path p = dir.resolve(n.string("trace"));
        java.util.Map<String, Long> dims = new java.util.LinkedHashMap<>();
        if (n.has("dims")) {
            YNode d = n.require("dims");
            if (!d.isMap()) {
                throw InputException.at(d.where(), n.key("dims"), "a mapping of symbolic dimensions to sizes, e.g."
                        + " {batch_size: 1}", d.describe());
            }
            for (Map.Entry<String, YNode> e : d.entries().entrySet()) {
                dims.put(e.getKey(), MapReader.integerValue(e.getValue(), n.key("dims") + "." + e.getKey(), 1,
                        1L << 30));
            }
        }
        if (Files.isRegularFile(p) && TraceReader.isImported(p)) {
            // a binary model: its bytes, not its text, go into the fingerprint
            try {
                fp.append(sha256Bytes(Files.readAllBytes(p)));
            } catch (java.io.IOException e) {
                throw InputException.at(n.require("trace").where(), n.key("trace"), "a readable file",
                        "an I/O error (" + e.getMessage() + ")");
            }
            fp.append(dims).append('\0');
        } else {
            fp.append(InputFiles.readReferenced(p, n.require("trace"), n.key("trace"))).append('\0');
        }
        return SweepPointBinder.Source.trace(p, variant, dims);
    }

    static PrecisionVariant precision(YNode v, String key) {
        PrecisionVariant p = v.kind() == YNode.Kind.STRING ? PrecisionVariant.parse(v.text()) : null;
        if (p == null) {
            throw InputException.at(v.where(), key, "a precision variant such as int8 or int4-pact "
                    + "(fp16, int16, int8, int4, int4-pact, int2, int2-pact)", v.describe());
        }
        return p;
    }

    /** A plain axis (a list or a range of values of one key) or a linked one (a list of key maps). */
    private static void axis(String name, YNode v, List<Axis> axes, List<List<List<YNode>>> nodes) {
        String key = "axes." + name;
        List<YNode> items;
        if (v.isMap()) {
            items = range(v, key);
        } else if (v.kind() == YNode.Kind.LIST) {
            items = v.items();
        } else {
            throw InputException.at(v.where(), key, "a list of values or a range {from, to, step|times}", v.describe());
        }
        if (items.isEmpty() || items.size() > MAX_AXIS_VALUES) {
            throw InputException.at(v.where(), key, "1 to " + MAX_AXIS_VALUES + " values", items.size() + " values");
        }
        boolean linked = items.get(0).isMap();
        List<String> keys = new ArrayList<>();
        if (linked) {
            keys.addAll(items.get(0).entries().keySet());
            if (keys.isEmpty()) {
                throw InputException.at(items.get(0).where(), key, "a mapping of config keys to values", "an empty mapping");
            }
        } else {
            keys.add(name);
        }
        List<List<String>> texts = new ArrayList<>();
        List<List<YNode>> vals = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (YNode item : items) {
            List<YNode> parts = new ArrayList<>();
            if (linked) {
                if (!item.isMap() || !item.entries().keySet().equals(new LinkedHashSet<>(keys))) {
                    throw InputException.at(item.where(), key, "a mapping of the keys " + String.join(", ", keys)
                            + " (as in the first value)", item.describe());
                }
                for (String k : keys) {
                    parts.add(scalar(item.get(k), key + "." + k));
                }
            } else {
                parts.add(scalar(item, key));
            }
            List<String> t = parts.stream().map(SweepSpecReader::text).toList();
            if (!seen.add(String.join("\u0000", t))) {
                throw InputException.at(item.where(), key, "distinct values", "a repeat of " + String.join(", ", t));
            }
            texts.add(t);
            vals.add(parts);
        }
        for (String k : keys) {
            if (!k.matches("[A-Za-z][A-Za-z0-9_]*(\\.[A-Za-z][A-Za-z0-9_]*)*")) {
                throw InputException.at(v.where(), key, "dotted config keys such as array.rows", InputException.quote(k));
            }
        }
        axes.add(new Axis(name, keys, texts));
        nodes.add(vals);
    }

    private static YNode scalar(YNode v, String key) {
        if (v == null || !v.isScalar() || v.kind() == YNode.Kind.NULL) {
            throw InputException.at(v == null ? "?" : v.where(), key, "a value (number, text or boolean)",
                    v == null ? "nothing" : v.describe());
        }
        return v;
    }

    /** The canonical text of a value: integers and numbers normalised, text as written. */
    static String text(YNode v) {
        try {
            if (!PlainNumber.isPlain(v.text())) {
                return v.text(); // refused with its key when the value is bound
            }
            if (v.kind() == YNode.Kind.INT) {
                return Long.toString(Long.parseLong(v.text().startsWith("+") ? v.text().substring(1) : v.text()));
            }
            if (v.kind() == YNode.Kind.FLOAT) {
                return Double.toString(Double.parseDouble(v.text()));
            }
        } catch (NumberFormatException e) {
            return v.text();
        }
        return v.text();
    }

    /** {@code {from, to, step}} (arithmetic) or {@code {from, to, times}} (geometric), both ends included. */
    private static List<YNode> range(YNode v, String key) {
        MapReader m = MapReader.of(v, key);
        YNode from = m.require("from");
        YNode to = m.require("to");
        boolean step = m.has("step");
        boolean times = m.has("times");
        if (step == times) {
            throw InputException.at(v.where(), key, "step (added) or times (multiplied), one of them",
                    step ? "both" : "neither");
        }
        YNode by = m.require(step ? "step" : "times");
        m.finish();
        boolean ints = from.kind() == YNode.Kind.INT && to.kind() == YNode.Kind.INT && by.kind() == YNode.Kind.INT;
        double a = number(from, m.key("from"));
        double b = number(to, m.key("to"));
        double d = number(by, m.key(step ? "step" : "times"));
        if (step ? !(d > 0) : !(d > 1)) {
            throw InputException.at(by.where(), m.key(step ? "step" : "times"), step ? "a number > 0" : "a number > 1",
                    by.text());
        }
        if (a > b || (!step && !(a > 0))) {
            throw InputException.at(v.where(), key, step ? "from <= to" : "0 < from <= to", from.text() + " .. " + to.text());
        }
        List<YNode> out = new ArrayList<>();
        for (int i = 0; ; i++) {
            double x = step ? a + i * d : a * Math.pow(d, i);
            if (x > b * (1 + 1e-12) || out.size() > MAX_AXIS_VALUES) {
                break;
            }
            String t = ints ? Long.toString(Math.round(x)) : Double.toString(x);
            out.add(YNode.scalar(ints ? YNode.Kind.INT : YNode.Kind.FLOAT, t, v.origin(), v.line()));
        }
        return out;
    }

    private static double number(YNode v, String key) {
        if (v.kind() != YNode.Kind.INT && v.kind() != YNode.Kind.FLOAT) {
            throw InputException.at(v.where(), key, "a number", v.describe());
        }
        PlainNumber.check(v, key, "a number");
        try {
            double x = Double.parseDouble(v.text());
            if (Double.isFinite(x)) {
                return x;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw InputException.at(v.where(), key, "a finite number", v.text());
    }

    private static Sampling sampling(MapReader r) {
        if (!r.has("strategy")) {
            return Sampling.GRID;
        }
        YNode s = r.require("strategy");
        if (s.kind() == YNode.Kind.STRING) {
            if (!s.text().equals("grid")) {
                throw InputException.at(s.where(), "strategy", "grid, or a mapping {type: random|sobol, points: N}",
                        s.describe());
            }
            return Sampling.GRID;
        }
        MapReader m = MapReader.of(s, "strategy");
        String type = m.choice("type", List.of("grid", "random", "sobol"));
        if (type.equals("grid")) {
            m.finish();
            return Sampling.GRID;
        }
        long points = m.integer("points", 1, Sampling.MAX_POINTS);
        long seed = type.equals("random") ? m.integer("seed", Long.MIN_VALUE, Long.MAX_VALUE, 1) : 0;
        m.finish();
        return new Sampling(type.equals("random") ? Sampling.Kind.RANDOM : Sampling.Kind.SOBOL, points, seed);
    }

    private static String metric(String k, YNode at, String key, List<String> metricKeys) {
        if (!metricKeys.contains(k)) {
            String hint = Suggest.closest(k, metricKeys);
            throw InputException.at(at.where(), key, hint != null ? "a metric key (did you mean " + hint + "?)"
                    : "a metric key such as areaMm2, powerW, energyPj, inferencesPerSecond", InputException.quote(k));
        }
        return k;
    }

    private static List<Constraint> constraints(MapReader r, List<String> metricKeys) {
        List<Constraint> out = new ArrayList<>();
        if (!r.has("constraints")) {
            return out;
        }
        MapReader c = r.object("constraints");
        for (Map.Entry<String, YNode> e : c.node().entries().entrySet()) {
            c.has(e.getKey());
            String k = metric(e.getKey(), e.getValue(), c.key(e.getKey()), metricKeys);
            MapReader b = MapReader.of(e.getValue(), c.key(k));
            double min = b.has("min") ? number(b.require("min"), b.key("min")) : Double.NEGATIVE_INFINITY;
            double max = b.has("max") ? number(b.require("max"), b.key("max")) : Double.POSITIVE_INFINITY;
            b.finish();
            out.add(b.build(() -> new Constraint(k, min, max)));
        }
        return out;
    }

    private static List<Objective> objectives(MapReader r, List<String> metricKeys) {
        List<Objective> out = new ArrayList<>();
        if (!r.has("objectives")) {
            return out;
        }
        MapReader o = r.object("objectives");
        for (Map.Entry<String, YNode> e : o.node().entries().entrySet()) {
            String k = metric(e.getKey(), e.getValue(), o.key(e.getKey()), metricKeys);
            out.add(new Objective(k, o.choice(k, List.of("min", "max")).equals("max")));
        }
        return out;
    }

    private static List<List<String>> pareto(MapReader r, List<Objective> objectives) {
        List<List<String>> out = new ArrayList<>();
        if (!r.has("pareto")) {
            for (int i = 1; i < objectives.size(); i++) {
                out.add(List.of(objectives.get(0).metric(), objectives.get(i).metric()));
            }
            return out;
        }
        for (YNode p : r.list("pareto")) {
            List<String> pair = new ArrayList<>();
            for (YNode m : p.items()) {
                if (m.kind() == YNode.Kind.STRING) {
                    pair.add(m.text());
                }
            }
            boolean ok = p.kind() == YNode.Kind.LIST && pair.size() == 2 && p.items().size() == 2
                    && !pair.get(0).equals(pair.get(1))
                    && objectives.stream().anyMatch(o -> o.metric().equals(pair.get(0)))
                    && objectives.stream().anyMatch(o -> o.metric().equals(pair.get(1)));
            if (!ok) {
                throw InputException.at(p.where(), "pareto", "a pair [x, y] of two different objectives", p.describe()
                        + (p.kind() == YNode.Kind.LIST ? " " + pair : ""));
            }
            out.add(pair);
        }
        return out;
    }

    static String sha256(String s) {
        return sha256Bytes(s.getBytes(StandardCharsets.UTF_8));
    }

    static String sha256Bytes(byte[] bytes) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(bytes);
            StringBuilder hex = new StringBuilder();
            for (byte b : d) {
                hex.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
