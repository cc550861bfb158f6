package org.pactsim.io.onnx;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pactsim.io.onnx.OnnxGraph.Node;
import org.pactsim.workload.VectorOp;

/**
 * Recognises the two decompositions exporters write for ops the trace has: layer norm as
 * {@code ReduceMean, Sub, Pow, ReduceMean, Add, Sqrt, Div[, Mul][, Add]} and GELU as
 * {@code Div, Erf, Add, Mul[, Mul]} (BERT-style exports, opsets before 17 and 20). Each
 * match becomes one vector layer; its inner values must feed nothing outside the match.
 */
final class OnnxFusion {
    /** A matched group: the op it stands for, its input value and its nodes (the last one writes the output). */
    record Group(VectorOp op, String input, List<Node> nodes) {
        Node last() {
            return nodes.get(nodes.size() - 1);
        }
    }

    private final Map<String, List<Node>> users = new HashMap<>();
    private final Map<String, Node> producers = new HashMap<>();

    private OnnxFusion(List<Node> nodes) {
        for (Node n : nodes) {
            n.outputs().forEach(o -> producers.put(o, n));
            for (String in : n.inputs()) {
                users.computeIfAbsent(in, k -> new ArrayList<>()).add(n);
            }
        }
    }

    /** The groups found among {@code nodes} (live nodes), by node. */
    static Map<Node, Group> find(List<Node> nodes, Set<String> graphOutputs) {
        OnnxFusion f = new OnnxFusion(nodes);
        java.util.IdentityHashMap<Node, Group> out = new java.util.IdentityHashMap<>();
        for (Node n : nodes) {
            Group g = n.opType().equals("ReduceMean") ? f.layerNorm(n) : n.opType().equals("Erf") ? f.gelu(n) : null;
            if (g != null && f.closed(g, graphOutputs) && g.nodes().stream().noneMatch(out::containsKey)) {
                g.nodes().forEach(x -> out.put(x, g));
            }
        }
        return out;
    }

    private List<Node> users(String v) {
        return users.getOrDefault(v, List.of());
    }

    /** The single consumer of {@code n}'s output with op {@code op}, or null. */
    private Node next(Node n, String op) {
        List<Node> u = users(n.outputs().get(0));
        return u.size() == 1 && u.get(0).opType().equals(op) ? u.get(0) : null;
    }

    private Node userWith(String value, String op) {
        for (Node u : users(value)) {
            if (u.opType().equals(op)) {
                return u;
            }
        }
        return null;
    }

    private Group layerNorm(Node mean) {
        String x = mean.input(0);
        Node sub = userWith(mean.outputs().get(0), "Sub");
        if (sub == null || !sub.input(0).equals(x) || users(mean.outputs().get(0)).size() != 1) {
            return null;
        }
        String d = sub.outputs().get(0);
        Node pow = userWith(d, "Pow");
        Node div = userWith(d, "Div");
        if (pow == null || div == null || users(d).size() != 2) {
            return null;
        }
        Node var = next(pow, "ReduceMean");
        Node eps = var == null ? null : next(var, "Add");
        Node sqrt = eps == null ? null : next(eps, "Sqrt");
        if (sqrt == null || !div.input(1).equals(sqrt.outputs().get(0))) {
            return null;
        }
        List<Node> g = new ArrayList<>(List.of(mean, sub, pow, var, eps, sqrt, div));
        Node scale = next(div, "Mul");
        if (scale != null) {
            g.add(scale);
            Node shift = next(scale, "Add");
            if (shift != null) {
                g.add(shift);
            }
        }
        return new Group(VectorOp.LAYERNORM, x, g);
    }

    private Group gelu(Node erf) {
        Node div = producers.get(erf.input(0));
        if (div == null || !div.opType().equals("Div")) {
            return null;
        }
        String x = div.input(0);
        Node add = next(erf, "Add");
        Node mul = add == null ? null : next(add, "Mul");
        if (mul == null || !(mul.input(0).equals(x) || mul.input(1).equals(x))) {
            return null;
        }
        List<Node> g = new ArrayList<>(List.of(div, erf, add, mul));
        Node half = next(mul, "Mul");
        if (half != null) {
            g.add(half);
        }
        return new Group(VectorOp.GELU, x, g);
    }

    /** Whether only the last node's output leaves the group. */
    @SuppressWarnings("ReferenceEquality") // a graph node is itself: identity is meant
    private boolean closed(Group g, Set<String> graphOutputs) {
        Set<Node> in = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        in.addAll(g.nodes());
        for (Node n : g.nodes()) {
            if (n == g.last()) {
                continue;
            }
            for (String o : n.outputs()) {
                if (graphOutputs.contains(o) || users(o).stream().anyMatch(u -> !in.contains(u))) {
                    return false;
                }
            }
        }
        return true;
    }
}
