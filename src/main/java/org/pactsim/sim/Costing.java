package org.pactsim.sim;

import static java.lang.Math.multiplyExact;

import java.util.ArrayList;
import java.util.List;
import org.pactsim.cost.ActionCounts;
import org.pactsim.cost.CostModel;
import org.pactsim.cost.CostReport;
import org.pactsim.cost.CostTables;
import org.pactsim.cost.EngineActions;
import org.pactsim.engine.LayerResult;
import org.pactsim.memory.LayerMemory;
import org.pactsim.spec.AcceleratorSpec;
import org.pactsim.workload.Network;

/**
 * Prices a simulation with the cost model: the engine's MACs and SRAM traffic, and, in the
 * native model, the memory model's DRAM bytes and cycles (stalls included) for the first and
 * for a steady-state inference. In the SCALE-Sim model DRAM traffic is the compulsory minimum
 * ({@link EngineActions}). The counts are kept in the result, so a run can be re-priced with
 * other tables without simulating again.
 */
public final class Costing {
    private Costing() {
    }

    public static SimulationResult price(SimulationResult r, Network net, CostTables tables) {
        AcceleratorSpec acc = r.accelerator();
        CostModel model = new CostModel(tables, acc, acc.pe().mode(), acc.dram().type());
        List<ActionCounts> base = EngineActions.perLayer(r.compute(), net);
        CostReport first = model.report(counts(r, base, r.first()));
        CostReport steady = r.hasMemory() ? model.report(counts(r, base, r.steady())) : first;
        return new SimulationResult(r.compute(), r.first(), r.steady(), first, steady);
    }

    /** Each layer's counts with the memory model's DRAM bits and cycles where it ran. */
    static List<ActionCounts> counts(SimulationResult r, List<ActionCounts> base, List<LayerMemory> mem) {
        if (mem.isEmpty()) {
            return base;
        }
        long pes = r.accelerator().totalPes();
        List<ActionCounts> out = new ArrayList<>(base.size());
        for (int i = 0; i < base.size(); i++) {
            ActionCounts b = base.get(i);
            LayerMemory m = mem.get(i);
            LayerResult l = r.layers().get(i);
            long cycles = m.cycles();
            long idle = Math.max(0, multiplyExact(cycles, pes) - l.macs());
            out.add(new ActionCounts(b.macs(), b.sram(), multiplyExact(m.dramReadBytes(), 8),
                    multiplyExact(m.dramWriteBytes(), 8), idle, cycles, b.clockMhz()));
        }
        return out;
    }
}
