package org.pactsim.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pactsim.io.format.ArchReader;
import org.pactsim.memory.TilingMemo;
import org.pactsim.spec.AcceleratorSpec;
import org.pactsim.spec.SramSpec;
import org.pactsim.workload.LlmConfig;
import org.pactsim.workload.LlmPrecision;
import org.pactsim.workload.LlmStep;

/** The serving scenario: its sums, and the sampled form the iso-area study uses against the full one. */
class LlmServeTest {
    static final AcceleratorSpec CHIP = ArchReader.read(Path.of("arch-configs/pact-14nm.yaml"), List.of()).spec();

    @Test
    void aServeIsItsPrefillAndEveryDecodeStep() {
        TilingMemo memo = TilingMemo.local();
        LlmPrecision.Plan plan = LlmPrecision.Plan.of(LlmPrecision.W4A8);
        Llm.Serve s = Llm.serve(CHIP, LlmConfig.QWEN_2_5_0_5B, plan, 2, 100, 6, memo);
        assertThat(s.decode()).hasSize(5);
        double sum = 0;
        for (int j = 0; j < 5; j++) {
            Llm.Step d = s.decode().get(j);
            assertThat(d.step()).isEqualTo(LlmStep.decode(2, 100 + j));
            sum += d.seconds();
        }
        assertThat(s.decodeSeconds()).isCloseTo(sum, within(1e-12));
        assertThat(s.tokensPerSecond()).isCloseTo(2 * 6 / (s.ttftSeconds() + sum), within(1e-9));
        assertThat(s.sampled()).isFalse();
    }

    @Test
    void sampledDecodeStepsAgreeWithEveryStepSimulated() {
        TilingMemo memo = TilingMemo.local();
        // the default chip and one with 2 MiB of SRAM in all (less of the weights and caches on chip)
        for (AcceleratorSpec acc : List.of(CHIP, CHIP.withSram(SramSpec.unified(512)))) {
            LlmPrecision.Plan plan = LlmPrecision.Plan.of(LlmPrecision.W4A16);
            Llm.Serve full = Llm.serve(acc, LlmConfig.QWEN_2_5_0_5B, plan, 1, 64, 96, memo);
            Llm.Serve sampled = Llm.serve(acc, LlmConfig.QWEN_2_5_0_5B, plan, 1, 64, 96, LlmServeStudy.SAMPLES, memo);
            assertThat(sampled.sampled()).isTrue();
            assertThat(sampled.decode()).hasSize(LlmServeStudy.SAMPLES);
            assertThat(sampled.decodeSeconds() / full.decodeSeconds()).as(acc.sram().toString())
                    .isCloseTo(1.0, within(0.01));
            assertThat(sampled.ttftSeconds()).isEqualTo(full.ttftSeconds());
        }
    }
}
