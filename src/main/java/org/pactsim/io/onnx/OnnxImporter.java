package org.pactsim.io.onnx;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.pactsim.io.InputException;
import org.pactsim.io.onnx.OnnxGraph.Node;
import org.pactsim.io.onnx.OnnxGraph.Tensor;
import org.pactsim.io.onnx.OnnxGraph.ValueInfo;

/**
 * Turns an ONNX graph into a pactsim trace. The graph is checked (every input produced once,
 * no cycle), nodes that reach no graph output are skipped, and the rest are walked in
 * topological order: each becomes a trace layer ({@link OnnxLayers}), is folded (quantize and
 * dequantize, layout and constant nodes, explicit padding into the next convolution, a bias
 * into its GEMM), or is listed as unsupported, its data passed on. See docs/onnx-import.md.
 */
public final class OnnxImporter {
    private final OnnxGraph g;
    private final String origin;
    private final Map<String, Val> vals = new HashMap<>();
    private final Map<String, Node> producer = new HashMap<>();
    /** Live nodes reading each value (a graph output counts as one more reader). */
    private final Map<String, Integer> readers = new HashMap<>();
    /** Values a convolution or pool reads first: their layout is NC(H)W, whatever their rank. */
    private final Set<String> convInputs = new HashSet<>();
    private static final Set<String> CONVOLUTIONS = Set.of("Conv", "ConvInteger", "QLinearConv", "ConvTranspose",
            "FusedConv", "MaxPool", "AveragePool", "GlobalAveragePool", "GlobalMaxPool");
    final Map<String, Integer> mapped = new TreeMap<>();
    final Map<String, Integer> folded = new TreeMap<>();
    final Map<String, Integer> unsupported = new TreeMap<>();

    private final boolean anyDims;

    private OnnxImporter(OnnxGraph g, String origin, boolean anyDims) {
        this.g = g;
        this.origin = origin;
        this.anyDims = anyDims;
    }

    /** Reads and imports {@code file}; {@code dims} sets symbolic input dimensions by name. */
    public static OnnxImport importFile(Path file, Map<String, Long> dims) {
        return importFile(file, dims, false);
    }

    /**
     * As {@link #importFile(Path, Map)}; {@code anyDims} sets every symbolic dimension not in
     * {@code dims} to 1 instead of refusing it (for checking a model's structure only).
     */
    public static OnnxImport importFile(Path file, Map<String, Long> dims, boolean anyDims) {
        OnnxGraph g = OnnxReader.read(file);
        String base = file.getFileName().toString();
        String name = base.toLowerCase(java.util.Locale.ROOT).endsWith(".onnx") ? base.substring(0, base.length() - 5)
                : base;
        return new OnnxImporter(g, file.toString(), anyDims).run(name, dims);
    }

    /** Parses {@code --dim NAME=N} values (N >= 1) into a map, refusing a malformed or repeated one. */
    public static Map<String, Long> dims(List<String> specs) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (String s : specs) {
            int eq = s.indexOf('=');
            long v = -1;
            if (eq > 0) {
                try {
                    v = Long.parseLong(s.substring(eq + 1).trim());
                } catch (NumberFormatException e) {
                    v = -1;
                }
            }
            if (v < 1 || v > org.pactsim.workload.ConvLayer.MAX_DIM) {
                throw InputException.at("--dim", null, "NAME=N with N an integer in [1, 2^31-1]",
                        InputException.quote(s));
            }
            if (out.put(s.substring(0, eq).trim(), v) != null) {
                throw InputException.at("--dim", null, "each dimension once", InputException.quote(s));
            }
        }
        return out;
    }

    /** Whether {@code file} names an ONNX model (by its extension). */
    public static boolean isOnnx(Path file) {
        String n = file.getFileName() == null ? "" : file.getFileName().toString();
        return n.toLowerCase(java.util.Locale.ROOT).endsWith(".onnx");
    }

    /** Imports a parsed graph; {@code origin} names the file in errors. */
    public static OnnxImport convert(OnnxGraph g, String origin, String name, Map<String, Long> dims) {
        return new OnnxImporter(g, origin, false).run(name, dims);
    }

    InputException error(Node n, String key, String expected, String found) {
        return InputException.at(origin + ": " + n.label(), key, expected, found);
    }

    @SuppressWarnings("ReferenceEquality") // a graph node is itself: identity is meant
    private OnnxImport run(String name, Map<String, Long> dims) {
        for (Tensor t : g.initializers().values()) {
            ElemType e = ElemType.of(t.dataType());
            if (e == null) {
                throw InputException.at(origin, "initializer " + InputException.quote(t.name()),
                        "a known element type", "type code " + t.dataType());
            }
            vals.put(t.name(), Val.constant(t.dims(), e, t.ints()));
        }
        OnnxInputs.bind(g, origin, anyDims, dims, vals);
        List<Node> order = order();
        OnnxLayers layers = new OnnxLayers(this, origin);
        Set<String> outs = new HashSet<>();
        g.outputs().forEach(o -> outs.add(o.name()));
        Map<Node, OnnxFusion.Group> groups = OnnxFusion.find(order, outs);
        for (Node n : order) {
            OnnxFusion.Group grp = groups.get(n);
            if (grp == null) {
                step(n, layers);
            } else if (grp.last() == n) {
                try {
                    layers.fused(n, grp);
                } catch (OnnxShapes.Bad b) {
                    throw error(n, null, b.expected, b.found);
                }
            }
        }
        OnnxImport result = layers.finish(name, mapped, folded, unsupported, g.nodes().size() - order.size());
        List<org.pactsim.workload.Layer> ls = result.network().layers();
        // shapes chain only when every node was mapped: an unsupported Resize leaves the add after it
        // fed by the smaller tensor (listed in the summary, not an error of the model)
        org.pactsim.io.format.TraceCheck.check(result.network(), java.util.Collections.nCopies(ls.size(), origin),
                ls.stream().map(l -> "layer " + InputException.quote(l.name())).toList(), null,
                result.unsupported().isEmpty());
        return result;
    }

    /** Live nodes in topological order; refuses unproduced inputs, outputs produced twice and cycles. */
    private List<Node> order() {
        for (Node n : g.nodes()) {
            for (String o : n.outputs()) {
                if (o.isEmpty()) {
                    continue;
                }
                if (producer.put(o, n) != null || vals.containsKey(o)) {
                    throw error(n, "output " + InputException.quote(o), "a value produced once", "a second producer");
                }
            }
        }
        for (Node n : g.nodes()) {
            for (String in : n.inputs()) {
                if (!in.isEmpty() && !producer.containsKey(in) && !vals.containsKey(in)) {
                    throw error(n, "input " + InputException.quote(in),
                            "a graph input, an initializer or a node output", "nothing of that name (a missing initializer?)");
                }
            }
        }
        Set<Node> live = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        Deque<String> todo = new ArrayDeque<>();
        for (ValueInfo o : g.outputs()) {
            if (!producer.containsKey(o.name()) && !vals.containsKey(o.name())) {
                throw InputException.at(origin, "graph output " + InputException.quote(o.name()),
                        "a value some node produces", "nothing");
            }
            todo.add(o.name());
            readers.merge(o.name(), 1, Integer::sum);
        }
        while (!todo.isEmpty()) {
            Node p = producer.get(todo.pop());
            if (p != null && live.add(p)) {
                deps(p).stream().filter(s -> !s.isEmpty()).forEach(todo::add);
            }
        }
        java.util.IdentityHashMap<Node, Integer> waiting = new java.util.IdentityHashMap<>();
        List<Node> liveOrder = new ArrayList<>();
        Map<String, List<Node>> users = new HashMap<>();
        Deque<Node> ready = new ArrayDeque<>();
        for (Node n : g.nodes()) {
            if (!live.contains(n)) {
                continue;
            }
            int w = 0;
            for (String in : deps(n)) {
                if (producer.containsKey(in)) {
                    w++;
                    users.computeIfAbsent(in, k -> new ArrayList<>()).add(n);
                }
                readers.merge(in, 1, Integer::sum);
            }
            waiting.put(n, w);
            liveOrder.add(n);
            if (w == 0) {
                ready.add(n);
            }
        }
        List<Node> out = new ArrayList<>();
        while (!ready.isEmpty()) {
            Node n = ready.poll();
            out.add(n);
            for (String o : n.outputs()) {
                for (Node u : users.getOrDefault(o, List.of())) {
                    if (waiting.merge(u, -1, Integer::sum) == 0) {
                        ready.add(u);
                    }
                }
            }
        }
        if (out.size() < waiting.size()) {
            Node stuck = liveOrder.stream().filter(x -> waiting.get(x) > 0).findFirst().orElseThrow();
            throw error(stuck, null, "an acyclic graph", "a cycle through this node's inputs");
        }
        convolutionInputs(out);
        return out;
    }

    /**
     * Records the values {@code nodes} (in order) feed a convolution or pool with, directly or
     * through layout ops (a 1-D conv's input unsqueezed): their layout is NC(H)W.
     */
    void convolutionInputs(List<Node> nodes) {
        for (Node n : nodes) {
            if (CONVOLUTIONS.contains(n.opType()) && !n.inputs().isEmpty()) {
                convInputs.add(n.input(0));
            }
        }
        for (int i = nodes.size() - 1; i >= 0; i--) {
            Node n = nodes.get(i);
            if (LAYOUT.contains(n.opType()) && !n.outputs().isEmpty() && convInputs.contains(n.outputs().get(0))
                    && !n.inputs().isEmpty()) {
                convInputs.add(n.input(0));
            }
        }
    }

    private static final Set<String> LAYOUT = Set.of("Unsqueeze", "Squeeze", "Reshape", "Identity", "Flatten", "Cast",
            "DequantizeLinear", "QuantizeLinear");

    Val val(String name) {
        return name.isEmpty() ? null : vals.get(name);
    }

    /** The default-domain opset version the model imports. */
    long opset() {
        return g.opsets().getOrDefault("", 21L);
    }

    /** Dims the model's value_info gives for {@code name} (symbolic ones unknown), or null. */
    long[] valueInfoDims(String name) {
        ValueInfo v = g.valueInfo().get(name);
        if (v == null || v.dims() == null) {
            return null;
        }
        long[] d = new long[v.dims().size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = v.dims().get(i).value();
            if (d[i] < 1) {
                return null;
            }
        }
        return d;
    }

    /** The values of a small float initializer or Constant, or null. */
    float[] floats(String name) {
        Tensor t = g.initializers().get(name);
        if (t != null) {
            return t.floats();
        }
        Node p = producer.get(name);
        if (p != null && p.opType().equals("Constant") && p.attr("value") != null && p.attr("value").t() != null) {
            return p.attr("value").t().floats();
        }
        return null;
    }

    /** How many live nodes read {@code value}, plus one if it is a graph output. */
    /**
     * The values {@code n} reads: its inputs and, for an If, every value its branches read
     * (the outer values they name: the branch taken is imported in the If's place).
     */
    private static List<String> deps(Node n) {
        if (n.attributes().values().stream().noneMatch(a -> a.g() != null)) {
            return n.inputs();
        }
        List<String> out = new ArrayList<>(n.inputs());
        for (OnnxGraph.Attribute a : n.attributes().values()) {
            if (a.g() != null) {
                for (Node b : a.g().nodes()) {
                    out.addAll(deps(b));
                }
                a.g().outputs().forEach(o -> out.add(o.name()));
            }
        }
        return out;
    }

    /** Counts one more reader of {@code value} (a node of an inlined If branch reads it). */
    void read(String value) {
        readers.merge(value, 1, Integer::sum);
    }

    /** Sets {@code name}'s value (an inlined If branch's values and outputs). */
    void set(String name, Val v) {
        vals.put(name, v);
    }

    /** Whether a convolution or pool reads {@code value} (as its data input). */
    boolean readByConvolution(String value) {
        return convInputs.contains(value);
    }

    int readers(String value) {
        return readers.getOrDefault(value, 0);
    }

    Node producerOf(String value) {
        return producer.get(value);
    }

    void put(Node n, int output, Val v) {
        if (output < n.outputs().size() && !n.outputs().get(output).isEmpty()) {
            vals.put(n.outputs().get(output), v);
        }
    }

    static void count(Map<String, Integer> m, String key) {
        m.merge(key, 1, Integer::sum);
    }

    void step(Node n, OnnxLayers layers) {
        try {
            if (n.opType().equals("If") && n.domain().isEmpty()) {
                OnnxIf.inline(this, layers, n);
                return;
            }
            if ((!n.domain().isEmpty() && !n.domain().equals("com.microsoft"))
                    || (!n.opType().equals("Constant") && val(n.input(0)) == null)) {
                layers.unsupported(n);
                return;
            }
            if (OnnxFolding.fold(this, layers, n)) {
                return;
            }
            layers.convert(n);
        } catch (OnnxShapes.Bad b) {
            throw error(n, null, b.expected, b.found);
        } catch (ArithmeticException e) {
            throw error(n, null, "sizes that fit 64-bit counts", "an overflow");
        } catch (org.pactsim.spec.SpecException e) {
            throw new InputException(InputException.oneLine(origin + ": " + n.label() + ": " + e.getMessage()), e);
        }
    }
}
