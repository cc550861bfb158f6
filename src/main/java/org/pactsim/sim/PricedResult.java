package org.pactsim.sim;

import java.util.List;
import java.util.Objects;
import org.pactsim.cost.ActionCounts;
import org.pactsim.cost.CostReport;
import org.pactsim.cost.CostTables;

/**
 * A simulation priced ({@link Costing#price}): the run, its first and a steady-state inference
 * priced ({@code cost}, {@code steadyCost}), and what they were priced from ({@code pricing}), so
 * the run can be re-priced without simulating again. No part is ever null.
 */
public record PricedResult(SimulationResult run, CostReport cost, CostReport steadyCost, Pricing pricing) {

    /**
     * What a run was priced from: each layer's action counts in the first and in a
     * steady-state inference (run order), and the cost tables that priced them.
     */
    public record Pricing(List<ActionCounts> actions, List<ActionCounts> steadyActions, CostTables tables) {
        public Pricing {
            actions = List.copyOf(actions);
            steadyActions = List.copyOf(steadyActions);
            if (actions.size() != steadyActions.size() || tables == null) {
                throw new IllegalArgumentException("pricing: " + actions.size() + " first and "
                        + steadyActions.size() + " steady-state counts" + (tables == null ? ", no tables" : ""));
            }
        }
    }

    public PricedResult {
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(cost, "cost");
        Objects.requireNonNull(steadyCost, "steadyCost");
        Objects.requireNonNull(pricing, "pricing");
        if (pricing.actions().size() != run.layers().size()) {
            throw new IllegalArgumentException("pricing of " + pricing.actions().size() + " layers for a run of "
                    + run.layers().size());
        }
    }

    /** The two priced inferences. */
    public Costing.Priced priced() {
        return new Costing.Priced(cost, steadyCost);
    }
}
