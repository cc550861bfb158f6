package org.pactsim.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.integers;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pactsim.io.format.ArchReader;
import org.pactsim.memory.TilingMemo;
import org.pactsim.spec.AcceleratorSpec;
import org.pactsim.spec.DramSpec;
import org.pactsim.spec.SramSpec;
import org.pactsim.testing.Seeds;
import org.pactsim.workload.LlmConfig;
import org.pactsim.workload.LlmPrecision;
import org.pactsim.workload.LlmStep;

/**
 * A decode step can never beat the DRAM interface: its first run (nothing on chip yet) takes at
 * least all its weight bytes over the bandwidth, and a steady-state step at least the weight and
 * KV-cache bytes it still streams. Drawn over the four models, the integer precisions, KV
 * widths, batch, context, bandwidth and SRAM.
 */
class LlmBoundsProperties {
    static final AcceleratorSpec BASE = ArchReader.read(Path.of("arch-configs/pact-14nm.yaml"), List.of()).spec();
    static final List<LlmConfig> SMALL = List.of(LlmConfig.QWEN_2_5_0_5B, LlmConfig.LLAMA_3_2_1B,
            LlmConfig.TINYLLAMA_1_1B);
    static final LlmPrecision[] INT = {LlmPrecision.W4A16, LlmPrecision.W8A16, LlmPrecision.W4A8, LlmPrecision.W8A8,
        LlmPrecision.W4A4};

    @Test
    void decodeNeverBeatsTheWeightBytesOverBandwidth() {
        TilingMemo memo = TilingMemo.local();
        Seeds.qt(24).forAll(integers().between(0, Integer.MAX_VALUE), integers().between(0, Integer.MAX_VALUE))
                .checkAssert((x, y) -> {
                    LlmConfig c = SMALL.get(x % SMALL.size());
                    LlmPrecision p = INT[(x / 3) % INT.length];
                    int kv = new int[] {16, 8, 4}[(x / 15) % 3];
                    long batch = 1L << ((y % 5) * 2); // 1..256
                    long context = 1L + (y / 5) % 4000;
                    double gbps = new double[] {8, 25.6, 64, 400, 3350}[(y / 20000) % 5];
                    long kib = new long[] {256, 4096, 65_536}[(x / 45) % 3];
                    AcceleratorSpec acc = BASE.withDram(new DramSpec(gbps)).withSram(SramSpec.unified(kib));
                    LlmPrecision.Plan plan = new LlmPrecision.Plan(p, p, kv, 128, true);
                    Llm.Step s = Llm.step(acc, c, plan, LlmStep.decode(batch, context), memo);
                    double bps = gbps * 1e9;
                    double first = s.sim().cycles() / (acc.clockMhz() * 1e6);
                    assertThat(first).as("%s %s kv%d b%d L%d %.1f GB/s %d KiB: first step vs all weights",
                            c.name(), p.key(), kv, batch, context, gbps, kib)
                            .isGreaterThanOrEqualTo(s.weightBytes() / bps * (1 - 1e-9));
                    assertThat(s.seconds()).as("steady step vs the weight and cache bytes it streams")
                            .isGreaterThanOrEqualTo((s.weightBytesStreamed() + s.cacheBytesStreamed()) / bps * (1 - 1e-9));
                    assertThat(s.sim().steadyStateDramBytes()).as("streamed bytes are DRAM bytes")
                            .isGreaterThanOrEqualTo(s.weightBytesStreamed() + s.cacheBytesStreamed());
                    // what stays on chip fits in the SRAM
                    double resident = s.weightBytes() * s.weightsOnChip() + s.cacheBytes() * s.cacheOnChip();
                    assertThat(resident).isLessThanOrEqualTo(acc.totalSramKiB() * 1024.0);
                });
    }
}
