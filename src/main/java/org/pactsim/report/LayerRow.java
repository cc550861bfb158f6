package org.pactsim.report;

import org.pactsim.engine.LayerResult;
import org.pactsim.memory.LayerMemory;
import org.pactsim.sim.PricedResult;
import org.pactsim.sim.SimulationResult;

/** Layer {@code index} of a simulation, as one row of a report. */
public record LayerRow(PricedResult priced, int index) {
    /** The run the row is a layer of. */
    public SimulationResult sim() {
        return priced.run();
    }

    public LayerResult compute() {
        return sim().layers().get(index);
    }

    /** The memory model's view of the layer (first inference), or null. */
    public LayerMemory memory() {
        return sim().memory(index);
    }

    Object gemm(java.util.function.ToLongFunction<org.pactsim.workload.Gemm> f) {
        return compute().gemm() == null ? null : f.applyAsLong(compute().gemm());
    }

    Object mem(java.util.function.ToLongFunction<LayerMemory> f) {
        LayerMemory m = memory();
        return m == null ? null : f.applyAsLong(m);
    }
}
