package org.pactsim.sim;

import static java.lang.Math.multiplyExact;

import java.util.ArrayList;
import java.util.List;
import org.pactsim.cost.ActionCounts;
import org.pactsim.cost.CostModel;
import org.pactsim.cost.CostReport;
import org.pactsim.cost.CostTables;
import org.pactsim.engine.Actions;
import org.pactsim.engine.LayerResult;
import org.pactsim.memory.LayerMemory;
import org.pactsim.spec.AcceleratorSpec;
import org.pactsim.workload.Network;

/**
 * Prices a simulation with the cost model: the engine's MACs and SRAM traffic, and, in the
 * native model, the memory model's DRAM bytes and cycles (stalls included) for the first and
 * for a steady-state inference. In the SCALE-Sim model DRAM traffic is the compulsory minimum
 * ({@link Actions}). The counts are kept in the result, so a run can be re-priced with
 * other tables without simulating again.
 */
public final class Costing {
    private Costing() {
    }

    public static PricedResult price(SimulationResult r, Network net, CostTables tables) {
        try {
            return priced(r, net, tables);
        } catch (ArithmeticException e) {
            throw new org.pactsim.engine.OverflowException("network " + net.name()
                    + ": an action count (SRAM or DRAM bits, PE-cycles) exceeds 2^63-1; the network is too large to price");
        }
    }

    private static PricedResult priced(SimulationResult r, Network net, CostTables tables) {
        List<ActionCounts> base = Actions.perLayer(r.compute(), net);
        List<ActionCounts> first = counts(r, base, r.first(), null, null);
        base = null; // the engine's counts are no longer needed: a run of 10^5 layers holds fewer lists at once
        List<ActionCounts> steady = !r.hasMemory() ? first : r.pipeline() == null
                ? counts(r, first, r.steady(), r.first(), null)
                : counts(r, first, r.steady(), null, r.pipeline().chipCycles(r.steady(), r.accelerator().cores()));
        Priced p = reprice(r.accelerator(), first, steady, tables);
        return new PricedResult(r, p.cost(), p.steadyCost(), new PricedResult.Pricing(first, steady, tables));
    }

    /** A run's two inferences priced: the first ({@code cost}) and a steady-state one. */
    public record Priced(CostReport cost, CostReport steadyCost) {
    }

    /**
     * Prices each layer's counts of the first and of a steady-state inference on {@code acc}
     * with {@code tables}: what {@link #price} does once the counts are known, and all that
     * {@code pactsim recost} does. Equal lists give one report for both.
     *
     * @throws org.pactsim.spec.SpecException when the tables cannot price this accelerator
     */
    public static Priced reprice(AcceleratorSpec acc, List<ActionCounts> actions, List<ActionCounts> steadyActions,
                                 CostTables tables) {
        CostModel model = new CostModel(tables, acc, acc.pe().mode(), acc.dram().type());
        CostReport first = model.report(actions);
        return new Priced(first, steadyActions.equals(actions) ? first : model.report(steadyActions));
    }

    /**
     * Each layer's counts with the memory model's DRAM bits and cycles where it ran. Where
     * {@code mem}'s entry is {@code same}'s (the steady state of a layer that moves the same as
     * in the first inference), {@code base}'s counts are taken as they are. {@code chipCycles},
     * where not null, is the share of the period each layer of a layer pipeline holds the whole
     * chip ({@link org.pactsim.memory.LayerPipeline#chipCycles}): what leaks and idles per layer.
     */
    static List<ActionCounts> counts(SimulationResult r, List<ActionCounts> base, List<LayerMemory> mem,
                                     List<LayerMemory> same, long[] chipCycles) {
        if (mem.isEmpty()) {
            return base;
        }
        long pes = r.accelerator().totalPes();
        List<ActionCounts> out = new ArrayList<>(base.size());
        for (int i = 0; i < base.size(); i++) {
            ActionCounts b = base.get(i);
            LayerMemory m = mem.get(i);
            if (same != null && sameObject(m, same.get(i))) {
                out.add(b);
                continue;
            }
            LayerResult l = r.layers().get(i);
            long cycles = chipCycles == null ? m.cycles() : chipCycles[i];
            long idle = Math.max(0, multiplyExact(cycles, pes) - l.macs());
            out.add(new ActionCounts(b.macs(), b.sram(), multiplyExact(m.dramReadBytes(), 8),
                    multiplyExact(m.dramWriteBytes(), 8), idle, cycles, b.clockMhz(), b.vectorOps(),
                    m.nocBits()));
        }
        return out;
    }

    /** Whether the steady state shares the first inference's very view of a layer (identity is meant). */
    @SuppressWarnings("ReferenceEquality")
    private static boolean sameObject(LayerMemory a, LayerMemory b) {
        return a == b;
    }
}
