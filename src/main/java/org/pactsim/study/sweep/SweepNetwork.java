package org.pactsim.study.sweep;

import org.pactsim.spec.Violations;

/**
 * A network of the sweep's workload mix: its label (the prefix of its own metric columns when
 * the mix has several networks) and its weight in the mix (weights are normalised to sum to 1).
 */
public record SweepNetwork(String label, double weight) {
    public SweepNetwork {
        new Violations()
                .check(label != null && label.matches("[A-Za-z0-9][A-Za-z0-9_.+-]*"), "label",
                        "letters, digits, '_', '.', '+' or '-'", String.valueOf(label))
                .finitePositive("weight", weight)
                .throwIfAny();
    }
}
