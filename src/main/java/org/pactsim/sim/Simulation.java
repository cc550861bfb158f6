package org.pactsim.sim;

import java.util.List;
import org.pactsim.engine.NetworkResult;
import org.pactsim.engine.Simulator;
import org.pactsim.engine.TimingModel;
import org.pactsim.memory.MemoryModel;
import org.pactsim.memory.TilingMemo;
import org.pactsim.spec.AcceleratorSpec;
import org.pactsim.workload.Network;

/** Runs the fold engine and, in the native model, the memory model over a network. */
public final class Simulation {
    private Simulation() {
    }

    public static SimulationResult run(AcceleratorSpec acc, Network net, TimingModel model) {
        return run(acc, net, model, TilingMemo.local());
    }

    /**
     * As {@link #run(AcceleratorSpec, Network, TimingModel)}, with a tiling memo that may be
     * shared across runs and threads (a sweep): the same result, less time.
     */
    public static SimulationResult run(AcceleratorSpec acc, Network net, TimingModel model, TilingMemo memo) {
        NetworkResult compute = Simulator.run(acc, net, model);
        if (model == TimingModel.SCALESIM) {
            return new SimulationResult(compute, List.of(), List.of());
        }
        MemoryModel.Schedule s = MemoryModel.schedule(acc, net, memo);
        SimulationResult r = new SimulationResult(compute, s.first(), shared(s.first(), s.steady()),
                MemoryModel.compulsory(net, memo), s.pipeline());
        try {
            // each layer's counts fit (the memory model checks them); their sums must too
            r.cycles();
            r.steadyStateCycles();
            r.stallCycles();
            r.dramReadBytes();
            r.dramWriteBytes();
            r.steadyStateDramBytes();
        } catch (ArithmeticException e) {
            throw new org.pactsim.engine.OverflowException("network " + net.name()
                    + ": total cycles or DRAM bytes exceed 2^63-1; the network is too large to simulate");
        }
        return r;
    }

    /**
     * {@code steady} with each element equal to {@code first}'s at the same index replaced by
     * that one: most layers of a large network move the same in both inferences, and the copy
     * kept twice per layer was a third of a priced run's memory.
     */
    static <T> List<T> shared(List<T> first, List<T> steady) {
        if (first == steady || first.size() != steady.size()) {
            return steady;
        }
        List<T> out = new java.util.ArrayList<>(steady.size());
        for (int i = 0; i < steady.size(); i++) {
            T s = steady.get(i);
            out.add(s.equals(first.get(i)) ? first.get(i) : s);
        }
        return out;
    }
}
