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
import org.pactsim.io.format.ArchReader;
import org.pactsim.memory.TilingMemo;
import org.pactsim.spec.AcceleratorSpec;
import org.pactsim.study.Llm;
import org.pactsim.workload.LlmConfig;
import org.pactsim.workload.LlmPrecision;
import org.pactsim.workload.LlmStep;

/**
 * LLM steps through the whole native model on the default chip (pact-14nm, 64 GB/s), w4a16:
 * one decode step of Llama-3.2-1B (291 layers) and of Llama-3.1-8B (579 layers) at context 512,
 * batch 1, each with a fresh tiling memo (a cold step), and a 32-token serving scenario of
 * Llama-3.2-1B (a prefill and 31 decode steps sharing one memo, as {@code pactsim llm} runs them).
 *
 * <p>Run: {@code mvn -q -B -Pbench test-compile exec:exec -Dbench.args="LlmBench"}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class LlmBench {
    @Param({"llama-3.2-1b", "llama-3.1-8b"})
    public String model;

    private AcceleratorSpec acc;
    private LlmConfig config;
    private final LlmPrecision.Plan plan = LlmPrecision.Plan.of(LlmPrecision.W4A16);

    @Setup
    public void setup() {
        acc = ArchReader.read(Path.of("arch-configs/pact-14nm.yaml"), List.of()).spec();
        config = LlmConfig.find(model);
    }

    @Benchmark
    public Llm.Step decodeStep() {
        return Llm.step(acc, config, plan, LlmStep.decode(1, 512), TilingMemo.local());
    }

    @Benchmark
    public Llm.Serve serve32Tokens() {
        return Llm.serve(acc, config, plan, 1, 512, 32, TilingMemo.local());
    }
}
