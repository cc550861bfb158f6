package org.pactsim.arch;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The dependency graph of pactsim's packages (names below {@code org.pactsim}): an edge
 * {@code a -> b} when code in {@code a} names a class of {@code b}. Its strongly connected
 * components (Tarjan) give the cycles: an edge lies on a cycle when both ends are in one
 * component of more than one package.
 */
final class PackageGraph {
    private final SortedMap<String, SortedSet<String>> edges = new TreeMap<>();

    static PackageGraph of(List<SourceScan.Source> sources) {
        PackageGraph g = new PackageGraph();
        for (SourceScan.Source s : sources) {
            g.edges.computeIfAbsent(s.pkg(), k -> new TreeSet<>());
        }
        for (SourceScan.Source s : sources) {
            for (String to : s.pactsimPackages()) {
                if (!g.edges.containsKey(to)) {
                    throw new AssertionError(s.path() + " names org.pactsim." + to + ", which has no source file");
                }
                g.edges.get(s.pkg()).add(to);
            }
        }
        return g;
    }

    SortedMap<String, SortedSet<String>> edges() {
        return edges;
    }

    /** Every edge as {@code "a -> b"}. */
    SortedSet<String> edgeNames() {
        SortedSet<String> out = new TreeSet<>();
        edges.forEach((a, to) -> to.forEach(b -> out.add(a + " -> " + b)));
        return out;
    }

    /** The components of more than one package, each sorted, in order of their first package. */
    List<SortedSet<String>> cycles() {
        Tarjan t = new Tarjan();
        for (String v : edges.keySet()) {
            if (!t.index.containsKey(v)) {
                t.visit(v);
            }
        }
        List<SortedSet<String>> out = new ArrayList<>();
        for (SortedSet<String> c : t.components) {
            if (c.size() > 1) {
                out.add(c);
            }
        }
        out.sort((x, y) -> x.first().compareTo(y.first()));
        return out;
    }

    /** The edges that lie on a cycle, as {@code "a -> b"}. */
    SortedSet<String> cycleEdges() {
        SortedSet<String> out = new TreeSet<>();
        for (SortedSet<String> c : cycles()) {
            for (String a : c) {
                for (String b : edges.get(a)) {
                    if (c.contains(b)) {
                        out.add(a + " -> " + b);
                    }
                }
            }
        }
        return out;
    }

    /** The graph as text: one line per package with what it depends on, then the cycles. */
    String render() {
        Set<String> onCycle = cycleEdges();
        StringBuilder b = new StringBuilder("# org.pactsim package dependencies (a -> b: code in a names a class of b;"
                + " * marks an edge on a cycle)\n");
        int width = edges.keySet().stream().mapToInt(String::length).max().orElse(0);
        edges.forEach((a, to) -> {
            List<String> parts = new ArrayList<>();
            for (String x : to) {
                parts.add(onCycle.contains(a + " -> " + x) ? x + "*" : x);
            }
            b.append(String.format(java.util.Locale.ROOT, "%-" + width + "s -> %s%n", a,
                    parts.isEmpty() ? "(none)" : String.join(", ", parts)));
        });
        List<SortedSet<String>> cycles = cycles();
        b.append(cycles.isEmpty() ? "# no cycles\n" : "# cycles (strongly connected packages):\n");
        for (SortedSet<String> c : cycles) {
            b.append("#   ").append(String.join(" <-> ", c)).append('\n');
        }
        return b.toString();
    }

    /** Tarjan's strongly connected components, recursive (the graph has a few dozen nodes). */
    private final class Tarjan {
        final Map<String, Integer> index = new HashMap<>();
        final Map<String, Integer> low = new HashMap<>();
        final List<String> stack = new ArrayList<>();
        final Set<String> onStack = new TreeSet<>();
        final List<SortedSet<String>> components = new ArrayList<>();

        void visit(String v) {
            int i = index.size();
            index.put(v, i);
            low.put(v, i);
            stack.add(v);
            onStack.add(v);
            for (String w : edges.get(v)) {
                if (!index.containsKey(w)) {
                    visit(w);
                    low.put(v, Math.min(low.get(v), low.get(w)));
                } else if (onStack.contains(w)) {
                    low.put(v, Math.min(low.get(v), index.get(w)));
                }
            }
            if (low.get(v).equals(index.get(v))) {
                SortedSet<String> c = new TreeSet<>();
                String w;
                do {
                    w = stack.remove(stack.size() - 1);
                    onStack.remove(w);
                    c.add(w);
                } while (!w.equals(v));
                components.add(c);
            }
        }
    }
}
