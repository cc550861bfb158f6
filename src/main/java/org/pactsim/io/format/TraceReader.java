package org.pactsim.io.format;

import org.pactsim.io.CsvRows;
import org.pactsim.io.InputException;
import org.pactsim.io.InputFiles;
import org.pactsim.io.InputProblems;
import org.pactsim.io.MapReader;
import org.pactsim.io.NetworkImporter;
import org.pactsim.io.Overrides;
import org.pactsim.io.Schemas;
import org.pactsim.io.Suggest;
import org.pactsim.io.YNode;
import org.pactsim.io.YamlLoader;
import org.pactsim.io.scalesim.TopologyReader;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.pactsim.spec.NumberType;
import org.pactsim.workload.Bits;
import org.pactsim.workload.ConvLayer;
import org.pactsim.workload.Layer;
import org.pactsim.workload.MatMulLayer;
import org.pactsim.workload.Network;
import org.pactsim.workload.VectorLayer;
import org.pactsim.workload.VectorOp;

/**
 * Reads a network: a pactsim trace (CSV whose header has a {@code type} column, or YAML/JSON
 * with {@code schema: pactsim/trace/1}) or a SCALE-Sim topology CSV (conv or GEMM form, told
 * apart by the header). See {@code docs/trace-format.md} for the columns.
 */
public final class TraceReader {
    public static final String SCHEMA = Schemas.TRACE;
    /** Every column a pactsim CSV trace may have, in the documented order. */
    public static final List<String> COLUMNS = List.of("name", "type", "inputs", "batch", "inH", "inW", "inC",
            "outC", "kH", "kW", "strideH", "strideW", "padH", "padW", "groups", "bias", "m", "n", "k", "learned",
            "weightBits", "activationBits", "outputBits", "numberType");
    /** Layer types: the GEMM types, then the vector-unit ops. */
    public static final List<String> TYPES = types();
    private static final List<String> COMMON = List.of("name", "type", "inputs", "activationBits", "outputBits",
            "numberType");
    private static final Map<String, List<String>> GEMM_KEYS = Map.of(
            "conv", List.of("batch", "inH", "inW", "inC", "outC", "kH", "kW", "strideH", "strideW", "padH", "padW",
                    "groups", "bias", "weightBits"),
            "dwconv", List.of("batch", "inH", "inW", "inC", "outC", "kH", "kW", "strideH", "strideW", "padH", "padW",
                    "groups", "bias", "weightBits"),
            "fc", List.of("batch", "m", "inC", "outC", "bias", "weightBits"),
            "matmul", List.of("batch", "m", "n", "k", "weightBits"));

    private static List<String> types() {
        List<String> t = new ArrayList<>(List.of("conv", "dwconv", "fc", "matmul"));
        for (VectorOp o : VectorOp.values()) {
            t.add(o.key());
        }
        return List.copyOf(t);
    }

    private TraceReader() {
    }

    /** Reads {@code file}; {@code form} forces a SCALE-Sim form (null: detect from the header). */
    public static Network read(Path file, TopologyReader.Form form) {
        return read(file, form, null);
    }

    /**
     * A network file, a binary model ({@link NetworkImporter}: ONNX) with its symbolic dimensions
     * set from {@code dims}, or a text trace (then {@code dims} must be empty).
     */
    public static Network imported(Path file, java.util.Map<String, Long> dims) {
        for (NetworkImporter importer : NetworkImporter.all()) {
            if (importer.accepts(file)) {
                return importer.read(file, dims);
            }
        }
        if (!dims.isEmpty()) {
            throw InputException.at(file.toString(), "dims", "an ONNX model (a trace has no symbolic dimensions)",
                    "a trace");
        }
        return read(file, null);
    }

    /** Whether a binary importer ({@link NetworkImporter}: ONNX) reads {@code file}. */
    public static boolean isImported(Path file) {
        return NetworkImporter.all().stream().anyMatch(i -> i.accepts(file));
    }

    /**
     * As {@link #read(Path, TopologyReader.Form)}; with {@code problems} it records every error
     * it finds, going on with the next layer or row, and returns null when there was any.
     */
    public static Network read(Path file, TopologyReader.Form form, InputProblems problems) {
        for (NetworkImporter importer : NetworkImporter.all()) {
            if (importer.accepts(file)) {
                return importer.read(file);
            }
        }
        String ext = InputFiles.extension(file);
        String text = InputFiles.read(file);
        String origin = file.toString();
        String base = file.getFileName().toString();
        String name = base.contains(".") ? base.substring(0, base.lastIndexOf('.')) : base;
        if (ext.equals("yaml") || ext.equals("yml") || ext.equals("json")) {
            return fromTree(YamlLoader.parse(text, origin, ext.equals("json")), problems);
        }
        if (!ext.equals("csv")) {
            throw InputException.at(origin, null, "a trace ending in .csv, .yaml, .yml or .json",
                    ext.isEmpty() ? "no extension" : "." + ext);
        }
        if (text.isBlank()) {
            throw InputException.at(origin, null, "a header line and layer rows", "an empty file");
        }
        if (form == null && isPactsimCsv(text)) {
            return fromCsv(text, origin, name, problems);
        }
        TopologyReader.Form f = form != null ? form : TopologyReader.detect(text);
        if (problems == null) {
            return TopologyReader.read(text, origin, name, f);
        }
        try {
            return TopologyReader.read(text, origin, name, f);
        } catch (InputException e) {
            topologyRows(text, origin, name, f, problems, e);
            return null;
        }
    }

    /**
     * After a SCALE-Sim topology failed: reads it again row by row (rows are independent) to
     * record the error of every bad row, or {@code first} when no row alone is at fault.
     */
    private static void topologyRows(String text, String origin, String name, TopologyReader.Form form,
                                     InputProblems problems, InputException first) {
        String[] lines = text.split("\r\n|\n|\r", -1);
        int header = -1;
        int before = problems.count();
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            if (header < 0) {
                header = i;
                continue;
            }
            try {
                TopologyReader.read(lines[header] + "\n" + lines[i], origin, name, form);
            } catch (InputException e) {
                String at = origin + ":2:";
                String m = e.getMessage();
                problems.add(new InputException(m.startsWith(at) ? origin + ":" + (i + 1) + ":" + m.substring(at.length())
                        : m));
            }
        }
        if (problems.count() == before) {
            problems.add(first);
        }
    }

    /** Whether a CSV is a pactsim trace (its header has name and type columns), not a SCALE-Sim topology. */
    public static boolean isPactsimCsv(String text) {
        for (String l : text.split("\r\n|\n|\r", -1)) {
            if (l.isBlank() || l.startsWith("#")) {
                continue;
            }
            List<String> f = TopologyReader.fields(l);
            return f.contains("type") && f.contains("name");
        }
        return false;
    }

    /** A pactsim CSV trace: each row becomes a mapping so CSV and YAML share one binder. */
    static Network fromCsv(String text, String origin, String name, InputProblems problems) {
        List<CsvRows.Row> lines;
        try {
            lines = CsvRows.read(text, origin);
        } catch (InputException e) {
            InputProblems.recover(problems, e, null);
            return null;
        }
        List<String> header = null;
        List<Layer> layers = new ArrayList<>();
        List<String> wheres = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        Set<String> names = new HashSet<>();
        int rows = 0;
        int before = problems == null ? 0 : problems.count();
        for (CsvRows.Row line : lines) {
            int n = line.line();
            List<String> f = line.fields();
            if (header == null) {
                Set<String> seen = new LinkedHashSet<>();
                for (String h : f) {
                    if (!COLUMNS.contains(h)) {
                        String hint = Suggest.closest(h, COLUMNS);
                        InputProblems.recover(problems, InputException.at(origin + ":" + n,
                                "column " + InputException.quote(h),
                                hint != null ? "a known column (did you mean " + hint + "?)" : "a known column",
                                "an unknown column"), null);
                    } else if (!seen.add(h)) {
                        InputProblems.recover(problems, InputException.at(origin + ":" + n, "column " + h,
                                "each column once", "a duplicate"), null);
                    }
                }
                if (problems != null && problems.count() > before) {
                    return null;
                }
                header = f;
                continue;
            }
            rows++;
            if (f.size() > header.size()) {
                InputProblems.recover(problems, InputException.at(origin + ":" + n, null,
                        "at most " + header.size() + " fields (the header's)", f.size() + " fields"), null);
                continue;
            }
            YNode row = YNode.map(origin, n);
            for (int i = 0; i < f.size(); i++) {
                if (!f.get(i).isEmpty()) {
                    String h = header.get(i);
                    YNode v = h.equals("name") || h.equals("type") || h.equals("inputs") || h.equals("numberType")
                            ? YNode.scalar(YNode.Kind.STRING, f.get(i), origin, n)
                            : Overrides.scalar(f.get(i), origin).relocate(origin, n);
                    row.put(h, v);
                }
            }
            addLayer(layers, wheres, keys, row, "layer " + rows, names, problems);
        }
        if (rows == 0) {
            InputProblems.recover(problems, InputException.at(origin, null, "a header line and at least one layer row",
                    "no layer rows"), null);
        }
        return network(name, layers, wheres, keys, origin, problems, before);
    }

    static Network fromTree(YNode root, InputProblems problems) {
        int before = problems == null ? 0 : problems.count();
        MapReader r = MapReader.of(root, "", problems);
        String schema = r.string("schema");
        if (schema != null && !schema.equals(SCHEMA)) {
            r.fail(InputException.at(r.require("schema").where(), "schema", SCHEMA, InputException.quote(schema)));
        }
        String name = r.name("name");
        List<YNode> items = r.list("layers");
        r.finish();
        if (items.isEmpty() && r.clean()) {
            r.fail(InputException.at(root.where(), "layers", "at least one layer", "an empty list"));
        }
        List<Layer> layers = new ArrayList<>();
        List<String> wheres = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            addLayer(layers, wheres, keys, items.get(i), "layers[" + i + "]", names, problems);
        }
        return network(name, layers, wheres, keys, root.origin(), problems, before);
    }

    /** Reads one layer; collecting, its first direct error is recorded and the next layer read. */
    private static void addLayer(List<Layer> layers, List<String> wheres, List<String> keys, YNode node, String path,
                                 Set<String> names, InputProblems problems) {
        try {
            Layer l = layer(node, path, names, layers, problems);
            if (l != null) {
                layers.add(l);
                wheres.add(node.where());
                keys.add(path);
            }
        } catch (InputException e) {
            InputProblems.recover(problems, e, null);
        }
    }

    /** The network, or null when collecting found problems (its layers may be missing). */
    private static Network network(String name, List<Layer> layers, List<String> wheres, List<String> keys,
                                   String origin, InputProblems problems, int before) {
        if (problems != null && problems.count() > before) {
            return null;
        }
        Network net = new Network(name, layers);
        checkInputs(net, origin, problems);
        if (problems == null || problems.count() == before) {
            TraceCheck.check(net, wheres, keys, problems);
        }
        return problems != null && problems.count() > before ? null : net;
    }

    private static Layer layer(YNode node, String path, Set<String> names, List<Layer> earlier,
                               InputProblems problems) {
        MapReader r = MapReader.of(node, path, problems);
        String read = r.string("name");
        String bad = read == null ? null : TraceCheck.nameProblem(read);
        if (bad != null) {
            r.fail(InputException.at(r.require("name").where(), path + ".name", TraceCheck.NAME_RULE, bad));
        }
        String name = bad == null ? read : null;
        if (name != null && !names.add(name)) {
            r.fail(InputException.at(node.where(), path + ".name", "a unique layer name", InputException.quote(name)));
        }
        String type = r.choice("type", TYPES);
        if (type == null) {
            return null;
        }
        VectorOp op = VectorOp.parse(type);
        refuseOthers(r, node, path, type, op);
        List<String> inputs = new ArrayList<>();
        String named = r.has("inputs") ? r.string("inputs") : null;
        if (named != null) {
            for (String s : named.split("[;|]", -1)) {
                if (s.isBlank()) {
                    // "a;;b", "a;" or "": a name left out, not the previous layer
                    r.fail(InputException.at(r.require("inputs").where(), path + ".inputs",
                            "names of earlier layers separated by ; or |", "an empty name in " + InputException.quote(named)));
                    break;
                }
                inputs.add(s.strip());
            }
        }
        for (String in : inputs) {
            if (in.equals(name) || !names.contains(in)) {
                r.fail(InputException.at(node.where(), path + ".inputs", "names of earlier layers",
                        InputException.quote(in)));
            }
        }
        long max = ConvLayer.MAX_DIM;
        long batch = r.integer("batch", 1, max, 1);
        NumberType nt = r.has("numberType") ? NumberType.parse(r.choice("numberType", List.of("int", "float")))
                : NumberType.INT;
        int ab = (int) r.integer("activationBits", 1, 32, 8);
        int wb = op != null ? ab : (int) r.integer("weightBits", 1, 32, 8);
        int ob = (int) r.integer("outputBits", 1, 32, ab);
        Bits bits = r.build(() -> new Bits(wb, ab, ob, nt));
        Layer layer;
        if (op != null) {
            long inH = r.integer("inH", 1, max);
            long inW = r.integer("inW", 1, max);
            long inC = r.integer("inC", 1, max);
            long kH = op.hasWindow() ? r.integer("kH", 1, max) : 1;
            long kW = op.hasWindow() ? r.integer("kW", 1, max, kH) : 1;
            long sH = op.hasStride() ? r.integer("strideH", 1, max, 1) : 1;
            long sW = op.hasStride() ? r.integer("strideW", 1, max, op.hasWindow() ? sH : 1) : 1;
            long pH = op.hasWindow() ? r.integer("padH", 0, max, 0) : 0;
            long pW = op.hasWindow() ? r.integer("padW", 0, max, pH) : 0;
            long learned = r.integer("learned", 0, Long.MAX_VALUE / 4, 0);
            // a concat of named inputs joins them along channels: each one's channels are its producer's
            List<Long> parts = op == VectorOp.CONCAT && inputs.size() >= 2
                    ? channels(inputs, earlier, Math.multiplyExact(Math.multiplyExact(batch, inH), inW))
                    : op == VectorOp.SLICE || op == VectorOp.CELL ? List.of(r.integer("outC", 1, max)) : List.of();
            layer = r.build(() -> new VectorLayer(name, op, batch, inH, inW, inC, kH, kW, sH, sW, pH, pW, learned,
                    bits, inputs, parts));
        } else {
            switch (type) {
                case "conv":
                case "dwconv": {
                    long inH = r.integer("inH", 1, max);
                    long inW = r.integer("inW", 1, max);
                    long inC = r.integer("inC", 1, max);
                    long outC = type.equals("dwconv") ? r.integer("outC", 1, max, inC) : r.integer("outC", 1, max);
                    long kH = r.integer("kH", 1, max);
                    long kW = r.integer("kW", 1, max);
                    long sH = r.integer("strideH", 1, max, 1);
                    long sW = r.integer("strideW", 1, max, sH);
                    long pH = r.integer("padH", 0, max, 0);
                    long pW = r.integer("padW", 0, max, pH);
                    long groups = type.equals("dwconv") ? r.integer("groups", 1, max, inC)
                            : r.integer("groups", 1, max, 1);
                    if (type.equals("dwconv") && groups != inC) {
                        r.fail(InputException.at(node.where(), path + ".groups", "inC (" + inC + ") for a dwconv layer",
                                Long.toString(groups)));
                    }
                    boolean bias = bool(r, "bias");
                    layer = r.build(() -> new ConvLayer(name, batch, inH, inW, inC, outC, kH, kW, sH, sW, pH, pW,
                            groups, bits, inputs, bias));
                    break;
                }
                case "fc": {
                    long inC = r.integer("inC", 1, max);
                    long outC = r.integer("outC", 1, max);
                    long rows = r.integer("m", 1, max, 1);
                    if (batch > max / rows) {
                        r.fail(InputException.at(node.where(), path + ".m", "batch * m <= " + max, batch + " * " + rows));
                    }
                    boolean bias = bool(r, "bias");
                    layer = r.build(() -> new MatMulLayer(name, MatMulLayer.Kind.LINEAR, 1, batch * rows, outC, inC,
                            bits, inputs, bias));
                    break;
                }
                default: {
                    long m = r.integer("m", 1, max);
                    long n = r.integer("n", 1, max);
                    long k = r.integer("k", 1, max);
                    layer = r.build(() -> new MatMulLayer(name, MatMulLayer.Kind.MATMUL, batch, m, n, k, bits, inputs));
                    break;
                }
            }
        }
        r.finish();
        return layer;
    }

    /**
     * Each named layer's output as channels of a {@code plane = batch*inH*inW} concat: its
     * elements / plane (0 when they do not divide: refused by the layer; 1 for an unknown name,
     * refused before).
     */
    private static List<Long> channels(List<String> inputs, List<Layer> earlier, long plane) {
        List<Long> out = new ArrayList<>();
        for (String in : inputs) {
            long c = 1;
            for (Layer l : earlier) {
                if (l.name().equals(in)) {
                    long e = l.outputShape().elements();
                    c = e % plane == 0 ? e / plane : 0;
                }
            }
            out.add(c);
        }
        return out;
    }

    /** Refuses a column that exists but means nothing for this layer type. */
    private static void refuseOthers(MapReader r, YNode node, String path, String type, VectorOp op) {
        Set<String> allowed = new HashSet<>(COMMON);
        if (op == null) {
            allowed.addAll(GEMM_KEYS.get(type));
        } else {
            allowed.addAll(List.of("batch", "inH", "inW", "inC"));
            if (op.hasWindow()) {
                allowed.addAll(List.of("kH", "kW", "strideH", "strideW", "padH", "padW"));
            } else if (op.hasStride()) {
                allowed.addAll(List.of("strideH", "strideW"));
            }
            if (op == VectorOp.ADD || op == VectorOp.CONCAT || op == VectorOp.SCALE) {
                allowed.add("learned");
            }
            if (op == VectorOp.SLICE || op == VectorOp.CELL) {
                allowed.add("outC");
            }
        }
        for (var e : node.entries().entrySet()) {
            if (COLUMNS.contains(e.getKey()) && !allowed.contains(e.getKey()) && e.getValue().kind() != YNode.Kind.NULL) {
                r.fail(InputException.at(e.getValue().where(), path + "." + e.getKey(),
                        "no " + e.getKey() + " on a " + type + " layer", InputException.quote(e.getValue().text())));
            }
        }
    }

    private static boolean bool(MapReader r, String key) {
        if (!r.has(key)) {
            return false;
        }
        YNode v = r.require(key);
        if (v.kind() != YNode.Kind.BOOL) {
            r.fail(InputException.at(v.where(), r.key(key), "true or false", v.describe()));
            return false;
        }
        return Boolean.parseBoolean(v.text().trim().toLowerCase(Locale.ROOT));
    }

    private static void checkInputs(Network net, String origin, InputProblems problems) {
        Set<String> seen = new HashSet<>();
        for (Layer l : net.layers()) {
            for (String in : l.inputs()) {
                if (!seen.contains(in)) {
                    InputProblems.recover(problems, InputException.at(origin, "layer " + l.name() + " inputs",
                            "names of earlier layers", InputException.quote(in)), null);
                }
            }
            seen.add(l.name());
        }
    }

}
