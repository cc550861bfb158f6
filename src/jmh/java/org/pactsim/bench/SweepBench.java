package org.pactsim.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.pactsim.cost.CostTables;
import org.pactsim.io.format.CostTableReader;
import org.pactsim.io.format.SweepSpecReader;
import org.pactsim.report.SweepMetrics;
import org.pactsim.report.SweepRows;
import org.pactsim.study.sweep.PointEvaluator;
import org.pactsim.study.sweep.SweepRun;

/**
 * Design points per second of a ResNet-50 sweep through the whole native model (fold engine,
 * memory model with tiling search, cost model, metrics, CSV and JSON rows), the way
 * {@code pactsim sweep} runs them: {@value #POINTS} distinct points of a 4 precisions x 6 x 6
 * array sides x 7 SRAM sizes x 3 dataflows grid, each invocation with a fresh evaluator (so no
 * tiling is reused from an earlier invocation), on 1 or 2 threads. The score is points/s.
 *
 * <p>Run: {@code mvn -q -B -Pbench test-compile exec:exec -Dbench.args="SweepBench"}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class SweepBench {
    static final int POINTS = 1008;

    @Param({"1", "2"})
    public int threads;

    private SweepSpecReader.Loaded loaded;
    private CostTables tables;
    private SweepRows rows;
    private int offset;

    @Setup
    public void setup() throws IOException {
        Path spec = Files.createTempFile("sweep-bench", ".yaml");
        Files.writeString(spec, "schema: pactsim/sweep/1\nname: bench\naccelerator: "
                + Path.of("arch-configs/sweeps/edge-base.yaml").toAbsolutePath() + "\n"
                + "networks:\n  - zoo: resnet50\naxes:\n  precision:\n"
                + "    - {pe.weightBits: 16, pe.activationBits: 16, network.precision: int16}\n"
                + "    - {pe.weightBits: 8, pe.activationBits: 8, network.precision: int8}\n"
                + "    - {pe.weightBits: 4, pe.activationBits: 4, network.precision: int4-pact}\n"
                + "    - {pe.weightBits: 2, pe.activationBits: 2, network.precision: int2-pact}\n"
                + "  array.rows: {from: 8, to: 256, times: 2}\n  array.cols: {from: 8, to: 256, times: 2}\n"
                + "  sram.unifiedKiB: {from: 64, to: 4096, times: 2}\n  dataflow: [ws, os, is]\n");
        loaded = SweepSpecReader.read(spec, SweepMetrics.TOTAL.keys());
        Files.delete(spec);
        tables = CostTableReader.defaults();
        PointEvaluator e = new PointEvaluator(loaded.space(), loaded.binder(), SweepMetrics.TOTAL, tables);
        rows = new SweepRows(loaded.spec().keys(), e.metricColumns());
    }

    /** The next {@value #POINTS} points of the grid (a different slice each time, wrapping round). */
    @Benchmark
    @OperationsPerInvocation(POINTS)
    public long points() {
        PointEvaluator e = new PointEvaluator(loaded.space(), loaded.binder(), SweepMetrics.TOTAL, tables);
        long from = offset;
        offset = (int) ((offset + POINTS) % (loaded.space().size() - POINTS));
        long[] bytes = new long[1];
        SweepRun.run(e, from, from + POINTS, threads, r -> bytes[0] += rows.csv(r).length() + rows.json(r).length());
        return bytes[0];
    }
}
