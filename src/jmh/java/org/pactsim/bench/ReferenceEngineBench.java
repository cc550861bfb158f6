package org.pactsim.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.pactsim.engine.TimingModel;
import org.pactsim.engine.reference.ReferenceEngine;
import org.pactsim.engine.reference.ReferenceResult;
import org.pactsim.spec.AcceleratorSpec;
import org.pactsim.spec.ArraySpec;
import org.pactsim.spec.Dataflow;
import org.pactsim.spec.DramSpec;
import org.pactsim.spec.PeSpec;
import org.pactsim.spec.SramSpec;
import org.pactsim.workload.Bits;
import org.pactsim.workload.MatMulLayer;

/**
 * Speed of the register-level reference engine: one 128 x 128 x 128 int8 GEMM (32-bit
 * accumulators) on a {@code side x side} array, per dataflow and timing model, random operands
 * and the GEMM check included. The secondary metric {@code peCycles} is simulated PE-cycles
 * per second (every PE of the array, every cycle, busy or not); the primary is layers per
 * second.
 *
 * <p>Run: {@code mvn -q -B -Pbench test-compile exec:exec
 * -Dbench.args="ReferenceEngineBench -f 1 -wi 2 -i 3"}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class ReferenceEngineBench {
    @Param({"os", "ws", "is"})
    public String dataflow;

    @Param({"pactsim", "scalesim"})
    public String model;

    @Param({"8", "32"})
    public int side;

    private AcceleratorSpec acc;
    private MatMulLayer layer;
    private TimingModel tm;
    private long seed;

    /** Simulated PE-cycles, reported by JMH per second. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class PeCycles {
        public long peCycles;

        @Setup(Level.Iteration)
        public void clear() {
            peCycles = 0;
        }
    }

    @Setup
    public void setup() {
        acc = new AcceleratorSpec("bench", new ArraySpec(side, side), Dataflow.parse(dataflow), 1, 1000,
                PeSpec.INT8, SramSpec.split(64, 64, 64), DramSpec.UNLIMITED, 45);
        layer = new MatMulLayer("g", MatMulLayer.Kind.LINEAR, 1, 128, 128, 128, Bits.INT8, List.of());
        tm = TimingModel.parse(model);
    }

    @Benchmark
    public ReferenceResult gemm128(PeCycles counter) {
        ReferenceResult r = ReferenceEngine.run(acc, layer, tm, seed++);
        if (!r.gemm().matches()) {
            throw new IllegalStateException("GEMM mismatch: " + r.gemm().first());
        }
        counter.peCycles += r.hardware().peCycles();
        return r;
    }
}
