package org.pactsim.io.format;

import org.pactsim.io.InputException;
import org.pactsim.io.InputFiles;
import org.pactsim.io.YNode;
import org.pactsim.io.YamlLoader;
import org.pactsim.io.scalesim.ScaleSimConfigReader;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.pactsim.spec.AcceleratorSpec;
import org.pactsim.study.sweep.Axis;
import org.pactsim.study.sweep.PointBinder;
import org.pactsim.study.sweep.SweepSpec;
import org.pactsim.workload.Network;
import org.pactsim.workload.PrecisionVariant;
import org.pactsim.workload.zoo.Zoo;

/**
 * Binds a sweep point: a copy of the base accelerator's config tree with every axis value set
 * at its dotted key (as {@code --set} would, but keeping the spec file's line for errors), then
 * {@link ArchReader#bind}; and the networks at the point's {@code network.precision}, each
 * built or read once per precision and shared by all points. Thread-safe.
 */
final class SweepPointBinder implements PointBinder {
    /** The base accelerator's config tree, never modified. */
    record Base(YNode tree, String origin) {
    }

    /** A network of the mix: a zoo name or a trace file, at a fixed precision variant or as built. */
    record Source(String zoo, Path trace, PrecisionVariant variant, java.util.Map<String, Long> dims) {
        static Source zoo(String name, PrecisionVariant v) {
            return new Source(name, null, v, java.util.Map.of());
        }

        static Source trace(Path p, PrecisionVariant v, java.util.Map<String, Long> dims) {
            return new Source(null, p, v, dims);
        }

        String defaultLabel() {
            if (zoo != null) {
                return zoo;
            }
            String n = trace.getFileName().toString();
            return n.contains(".") ? n.substring(0, n.lastIndexOf('.')) : n;
        }

        Network load(PrecisionVariant override) {
            PrecisionVariant v = override != null ? override : variant;
            Network net = zoo != null ? Zoo.find(zoo).build() : TraceReader.imported(trace, dims);
            return v == null ? net : v.apply(net, true);
        }
    }

    private final Base base;
    private final SweepSpec spec;
    /** {@code nodes.get(axis).get(value).get(key)}: the value nodes as read from the spec. */
    private final List<List<List<YNode>>> nodes;
    private final List<Source> sources;
    private final Map<String, List<Network>> networks = new ConcurrentHashMap<>();
    private final int precisionAxis;
    private final int precisionKey;

    SweepPointBinder(Base base, SweepSpec spec, List<List<List<YNode>>> nodes, List<Source> sources) {
        this.base = base;
        this.spec = spec;
        this.nodes = nodes;
        this.sources = List.copyOf(sources);
        int pa = -1;
        int pk = -1;
        for (int a = 0; a < spec.axes().size(); a++) {
            int k = spec.axes().get(a).keys().indexOf(SweepSpec.NETWORK_PRECISION);
            if (k >= 0) {
                pa = a;
                pk = k;
            }
        }
        precisionAxis = pa;
        precisionKey = pk;
    }

    static Base base(Path file, YNode at, StringBuilder fingerprint) {
        String ext = InputFiles.extension(file);
        String text = InputFiles.readReferenced(file, at, "accelerator");
        fingerprint.append(text).append('\0');
        String origin = file.toString();
        YNode tree;
        if (ext.equals("cfg")) {
            tree = ScaleSimConfigReader.toTree(text, origin, new ArrayList<>());
        } else if (ext.equals("yaml") || ext.equals("yml") || ext.equals("json")) {
            tree = YamlLoader.parse(text, origin, ext.equals("json"));
        } else {
            throw InputException.at(at.where(), "accelerator", "a file ending in .yaml, .yml, .json or .cfg",
                    InputException.quote(file.getFileName().toString()));
        }
        ArchReader.bind(tree);
        YNode named = tree.get("costTables");
        if (named != null) {
            throw InputException.at(named.where(), "costTables", "an accelerator without cost tables of its own (a sweep"
                    + " prices every point with the shipped tables)", named.describe());
        }
        return new Base(tree, origin);
    }

    @Override
    public Bound bind(int[] choice) {
        YNode tree = copy(base.tree());
        for (int a = 0; a < choice.length; a++) {
            set(tree, a, choice[a]);
        }
        AcceleratorSpec acc = ArchReader.bind(tree);
        String precision = precisionAxis < 0 ? "" : spec.axes().get(precisionAxis).values()
                .get(choice[precisionAxis]).get(precisionKey);
        return new Bound(acc, networks(precision));
    }

    /** The mix at a precision variant key ("" for each network's own). */
    List<Network> networks(String precision) {
        return networks.computeIfAbsent(precision, p -> {
            PrecisionVariant v = p.isEmpty() ? null : PrecisionVariant.parse(p);
            List<Network> out = new ArrayList<>();
            for (Source s : sources) {
                out.add(s.load(v));
            }
            return List.copyOf(out);
        });
    }

    /**
     * Sets every value of every axis alone on the base and binds it, and builds the networks at
     * every precision: a key the accelerator does not have, a value it refuses or a network
     * that cannot be read is an error of the spec, before any point runs.
     */
    void checkEachValue() {
        for (int a = 0; a < spec.axes().size(); a++) {
            Axis axis = spec.axes().get(a);
            for (int v = 0; v < axis.size(); v++) {
                for (int k = 0; k < axis.keys().size(); k++) {
                    if (axis.keys().get(k).equals(SweepSpec.NETWORK_PRECISION)) {
                        SweepSpecReader.precision(nodes.get(a).get(v).get(k), "axes." + axis.name());
                    }
                }
                YNode tree = copy(base.tree());
                set(tree, a, v);
                YNode at = nodes.get(a).get(v).get(0);
                try {
                    ArchReader.bindNamingUnknown(tree, at.origin() + ":");
                } catch (InputException e) {
                    if (e.getMessage().startsWith(at.origin())) {
                        throw e;
                    }
                    throw new InputException(InputException.oneLine(at.where() + ": axes." + axis.name() + ": value "
                            + String.join(", ", axis.values().get(v)) + " does not fit the base accelerator: "
                            + e.getMessage()), e);
                }
            }
        }
        if (precisionAxis < 0) {
            networks("");
        } else {
            for (List<String> v : spec.axes().get(precisionAxis).values()) {
                networks(v.get(precisionKey));
            }
        }
    }

    /** Puts axis {@code a}'s value {@code v} into {@code tree} at each of its keys. */
    private void set(YNode tree, int a, int v) {
        Axis axis = spec.axes().get(a);
        for (int k = 0; k < axis.keys().size(); k++) {
            String key = axis.keys().get(k);
            if (key.equals(SweepSpec.NETWORK_PRECISION)) {
                continue;
            }
            YNode value = nodes.get(a).get(v).get(k);
            String[] parts = key.split("\\.");
            YNode cur = tree;
            for (int i = 0; i < parts.length - 1; i++) {
                YNode next = cur.get(parts[i]);
                if (next == null) {
                    next = YNode.map(value.origin(), value.line());
                    cur.put(parts[i], next);
                } else if (!next.isMap()) {
                    throw InputException.at(value.where(), "axes." + axis.name(), "a mapping at "
                            + String.join(".", java.util.Arrays.copyOf(parts, i + 1)) + " to set " + key + " inside",
                            next.describe());
                }
                cur = next;
            }
            cur.put(parts[parts.length - 1], value);
        }
    }

    /** A deep copy of a config tree (scalars are immutable and shared). */
    static YNode copy(YNode n) {
        switch (n.kind()) {
            case MAP: {
                YNode m = YNode.map(n.origin(), n.line());
                for (Map.Entry<String, YNode> e : n.entries().entrySet()) {
                    m.put(e.getKey(), copy(e.getValue()));
                }
                return n.label() == null ? m : m.withLabel(n.label());
            }
            case LIST: {
                YNode l = YNode.list(n.origin(), n.line());
                for (YNode i : n.items()) {
                    l.add(copy(i));
                }
                return n.label() == null ? l : l.withLabel(n.label());
            }
            default:
                return n;
        }
    }
}
