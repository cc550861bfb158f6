package org.pactsim.sim;

import static java.lang.Math.addExact;

import java.util.List;
import org.pactsim.engine.LayerResult;
import org.pactsim.engine.NetworkResult;
import org.pactsim.engine.TimingModel;
import org.pactsim.memory.LayerMemory;
import org.pactsim.memory.LayerPipeline;
import org.pactsim.spec.AcceleratorSpec;

/**
 * A network simulated on an accelerator, not priced yet ({@link Costing#price} makes a {@link
 * PricedResult} of it): compute per layer, and in the native model the memory model's view of the
 * first inference ({@code first}) and of a steady-state inference ({@code steady}, weights that
 * fit on chip already loaded). Both lists are empty in the SCALE-Sim model, where memory never
 * stalls the array (CALC mode). {@code compulsory} holds each layer's compulsory DRAM bytes
 * ({@link org.pactsim.memory.Compulsory}: weights once, the network's input, its outputs), the
 * bound its traffic is held against; empty where not known (the SCALE-Sim model). {@code
 * pipeline} is the layer pipeline over core groups when the schedule is one ({@code
 * schedule.cores}; each layer's views are then those on its stage's group), else null: the cores
 * run every layer in lockstep.
 */
public record SimulationResult(NetworkResult compute, List<LayerMemory> first, List<LayerMemory> steady,
                               List<Long> compulsory, LayerPipeline pipeline) {

    public SimulationResult {
        first = List.copyOf(first);
        steady = List.copyOf(steady);
        compulsory = List.copyOf(compulsory);
        if (!compulsory.isEmpty() && compulsory.size() != compute.layers().size()) {
            throw new IllegalArgumentException("compulsory bytes of " + compulsory.size() + " layers for a run of "
                    + compute.layers().size());
        }
    }

    /** A lockstep result. */
    public SimulationResult(NetworkResult compute, List<LayerMemory> first, List<LayerMemory> steady,
                            List<Long> compulsory) {
        this(compute, first, steady, compulsory, null);
    }

    /** A lockstep result without compulsory bytes. */
    public SimulationResult(NetworkResult compute, List<LayerMemory> first, List<LayerMemory> steady) {
        this(compute, first, steady, List.of());
    }

    /** Layer {@code i}'s compulsory DRAM bytes, or null where not known. */
    public Long compulsoryDramBytes(int i) {
        return compulsory.isEmpty() ? null : compulsory.get(i);
    }

    /** The compulsory DRAM bytes of one inference of the network, or null where not known. */
    public Long compulsoryDramBytes() {
        if (compulsory.isEmpty()) {
            return null;
        }
        long s = 0;
        for (long b : compulsory) {
            s = addExact(s, b);
        }
        return s;
    }

    /**
     * The first inference's DRAM bytes over the compulsory bytes (1 at best), or null where
     * either is not known or nothing is compulsory.
     */
    public Double dramToCompulsory() {
        Long c = compulsoryDramBytes();
        if (c == null || c == 0 || !hasMemory()) {
            return null;
        }
        return (double) addExact(dramReadBytes(), dramWriteBytes()) / c;
    }

    public boolean hasMemory() {
        return !first.isEmpty();
    }

    public AcceleratorSpec accelerator() {
        return compute.accelerator();
    }

    public TimingModel model() {
        return compute.model();
    }

    public List<LayerResult> layers() {
        return compute.layers();
    }

    /** Layer {@code i}'s memory view in the first inference, or null without a memory model. */
    public LayerMemory memory(int i) {
        return hasMemory() ? first.get(i) : null;
    }

    /** Cycles of layer {@code i} in the first inference: memory stalls included where modelled. */
    public long layerCycles(int i) {
        LayerMemory m = memory(i);
        return m == null ? compute.layers().get(i).cycles() : m.cycles();
    }

    public long layerStallCycles(int i) {
        LayerMemory m = memory(i);
        return m == null ? compute.layers().get(i).stallCycles() : m.stallCycles();
    }

    private long sum(List<LayerMemory> mem) {
        long s = 0;
        for (int i = 0; i < compute.layers().size(); i++) {
            LayerMemory m = mem.isEmpty() ? null : mem.get(i);
            s = addExact(s, m == null ? compute.layers().get(i).cycles() : m.cycles());
        }
        return s;
    }

    /** Cycles of the first inference. */
    public long cycles() {
        return sum(first);
    }

    /**
     * Cycles of a steady-state inference (equal to {@link #cycles()} without a memory model): the
     * layers' sum in lockstep, a layer pipeline's period (inferences overlap on the core groups).
     */
    public long steadyStateCycles() {
        return pipeline != null ? pipeline.period() : sum(steady);
    }

    public long stallCycles() {
        long s = 0;
        for (int i = 0; i < compute.layers().size(); i++) {
            s = addExact(s, layerStallCycles(i));
        }
        return s;
    }

    public long dramReadBytes() {
        long s = 0;
        for (LayerMemory m : first) {
            s = addExact(s, m.dramReadBytes());
        }
        return s;
    }

    public long dramWriteBytes() {
        long s = 0;
        for (LayerMemory m : first) {
            s = addExact(s, m.dramWriteBytes());
        }
        return s;
    }

    public long steadyStateDramBytes() {
        long s = 0;
        for (LayerMemory m : steady) {
            s = addExact(addExact(s, m.dramReadBytes()), m.dramWriteBytes());
        }
        return s;
    }

    /** {@code macs / (cycles * all PEs)} of the first inference. */
    public double utilization() {
        long c = cycles();
        return c == 0 ? 0 : (double) compute.macs() / ((double) c * accelerator().totalPes());
    }

    public double latencySeconds() {
        return cycles() / (accelerator().clockMhz() * 1e6);
    }

    /** Steady-state throughput: back-to-back inferences with resident weights. */
    public double inferencesPerSecond() {
        long c = steadyStateCycles();
        return c == 0 ? 0 : accelerator().clockMhz() * 1e6 / c;
    }
}
