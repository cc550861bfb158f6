package org.pactsim.study.sweep;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.pactsim.spec.Violations;

/**
 * What a sweep explores, as read from its YAML file: axes over config keys, a sampling
 * strategy, a workload mix of networks, constraints a point must meet, objectives, and the
 * objective pairs whose Pareto fronts are drawn. The base accelerator and the networks
 * themselves stay behind the {@link PointBinder} the reader returns with it.
 *
 * @param pareto pairs of objective metrics {@code [x, y]}
 */
public record SweepSpec(String name, List<Axis> axes, Sampling sampling, List<SweepNetwork> networks,
                        List<Constraint> constraints, List<Objective> objectives, List<List<String>> pareto) {

    /** The pseudo-key of an axis over the networks' precision variant ({@code int8}, {@code int4-pact}, ...). */
    public static final String NETWORK_PRECISION = "network.precision";

    public SweepSpec {
        axes = List.copyOf(axes);
        networks = List.copyOf(networks);
        constraints = List.copyOf(constraints);
        objectives = List.copyOf(objectives);
        pareto = pareto.stream().map(List::copyOf).toList();
        Violations v = new Violations()
                .check(name != null && !name.isBlank(), "name", "a name", String.valueOf(name))
                .check(sampling != null, "strategy", "a strategy", "nothing")
                .check(!networks.isEmpty(), "networks", "at least one network", "none");
        Set<String> keys = new HashSet<>();
        for (Axis a : axes) {
            for (String k : a.keys()) {
                v.check(keys.add(k), "axes." + a.name(), "each key on one axis only", k + " twice");
            }
        }
        Set<String> labels = new HashSet<>();
        for (SweepNetwork n : networks) {
            v.check(labels.add(n.label()), "networks", "distinct labels", n.label() + " twice");
        }
        Set<String> objs = new HashSet<>();
        for (Objective o : objectives) {
            v.check(objs.add(o.metric()), "objectives", "each metric once", o.metric() + " twice");
        }
        for (List<String> p : pareto) {
            v.check(p.size() == 2 && objs.containsAll(p) && !p.get(0).equals(p.get(1)), "pareto",
                    "pairs of two different objectives", p.toString());
        }
        v.throwIfAny();
    }

    /** Every key the axes set, axis after axis: the swept-value columns. */
    public List<String> keys() {
        return axes.stream().flatMap(a -> a.keys().stream()).toList();
    }

    public Objective objective(String metric) {
        for (Objective o : objectives) {
            if (o.metric().equals(metric)) {
                return o;
            }
        }
        return null;
    }
}
