package org.pactsim.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.pactsim.engine.TimingModel;
import org.pactsim.io.format.ArchReader;
import org.pactsim.io.format.TraceReader;
import org.pactsim.sim.Simulation;
import org.pactsim.sim.SimulationResult;
import org.pactsim.spec.AcceleratorSpec;
import org.pactsim.workload.Network;

/**
 * ResNet-50 (int8, 224x224) through the whole native model: fold engine plus memory model
 * (tiling search, residency, first and steady-state inference), on one core and on 32 (every
 * split over the cores searched, the on-chip network charged), on the scale-32x32 example at
 * 16 GB/s, with 32x32 and 8x8 arrays, the cores in lockstep or, where faster, as a layer
 * pipeline over core groups ({@code schedule.cores: best}). Targets (one core): 5 ms and 50 ms.
 *
 * <p>Run: {@code mvn -q -B -Pbench test-compile exec:exec -Dbench.args="MemoryModelBench"}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class MemoryModelBench {
    @Param({"32", "8"})
    public int side;

    /** Cores: 1, or 32 with the partition search (splits, grids, K) and the on-chip network. */
    @Param({"1", "32"})
    public int cores;

    /** {@code schedule.cores}: lockstep (default), or best (the layer pipeline over core groups searched too). */
    @Param({"lockstep", "best"})
    public String schedule;

    private AcceleratorSpec acc;
    private Network net;

    @Setup
    public void setup() {
        acc = ArchReader.read(Path.of("arch-configs/scale-32x32.yaml"),
                List.of("array.rows=" + side, "array.cols=" + side, "dram.bandwidthGBps=16", "cores=" + cores,
                        "schedule.cores=" + schedule)).spec();
        net = TraceReader.read(Path.of("traces/resnet50-int8.csv"), null);
    }

    @Benchmark
    public SimulationResult resnet50WithMemory() {
        return Simulation.run(acc, net, TimingModel.PACTSIM);
    }
}
