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
import org.pactsim.engine.NetworkResult;
import org.pactsim.engine.Simulator;
import org.pactsim.engine.TimingModel;
import org.pactsim.io.format.ArchReader;
import org.pactsim.io.format.TraceReader;
import org.pactsim.spec.AcceleratorSpec;
import org.pactsim.spec.Dataflow;
import org.pactsim.workload.Network;

/**
 * Time to simulate a whole network on the fast fold engine, in-process: SCALE-Sim's ResNet-18
 * topology on its google.cfg (256x256), per dataflow and timing model. SCALE-Sim v2 takes
 * 58-68 s for each of these runs on this machine kind.
 *
 * <p>Run: {@code mvn -q -B -Pbench test-compile exec:exec -Dbench.args="FoldEngineBench"}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FoldEngineBench {
    @Param({"os", "ws", "is"})
    public String dataflow;

    @Param({"scalesim", "pactsim"})
    public String model;

    @Param({"Resnet18", "Resnet50"})
    public String network;

    private AcceleratorSpec acc;
    private Network net;
    private TimingModel tm;

    @Setup
    public void setup() {
        Path res = Path.of("src/test/resources/bench");
        acc = ArchReader.read(res.resolve("google.cfg"), List.of()).spec().withDataflow(Dataflow.parse(dataflow));
        net = TraceReader.read(res.resolve(network + ".csv"), null);
        tm = TimingModel.parse(model);
    }

    @Benchmark
    public NetworkResult simulateNetwork() {
        return Simulator.run(acc, net, tm);
    }
}
