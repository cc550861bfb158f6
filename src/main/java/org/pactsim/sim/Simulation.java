package org.pactsim.sim;

import java.util.List;
import org.pactsim.engine.NetworkResult;
import org.pactsim.engine.Simulator;
import org.pactsim.engine.TimingModel;
import org.pactsim.memory.MemoryModel;
import org.pactsim.spec.AcceleratorSpec;
import org.pactsim.workload.Network;

/** Runs the fold engine and, in the native model, the memory model over a network. */
public final class Simulation {
    private Simulation() {
    }

    public static SimulationResult run(AcceleratorSpec acc, Network net, TimingModel model) {
        NetworkResult compute = Simulator.run(acc, net, model);
        if (model == TimingModel.SCALESIM) {
            return new SimulationResult(compute, List.of(), List.of());
        }
        List<List<org.pactsim.memory.LayerMemory>> both = MemoryModel.firstAndSteady(acc, net);
        return new SimulationResult(compute, both.get(0), both.get(1));
    }
}
