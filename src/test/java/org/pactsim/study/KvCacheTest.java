package org.pactsim.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pactsim.io.format.ArchReader;
import org.pactsim.memory.LayerMemory;
import org.pactsim.memory.MemoryModel;
import org.pactsim.memory.TilingMemo;
import org.pactsim.spec.AcceleratorSpec;
import org.pactsim.workload.LlmConfig;
import org.pactsim.workload.LlmPrecision;
import org.pactsim.workload.LlmStep;

/**
 * Each layer's KV cache in a steady decode step is either on chip (no DRAM read) or streamed
 * whole, and then the new token's rows are written to DRAM too; on the default chip both
 * happen (the resident room holds some caches, not all).
 */
class KvCacheTest {
    static final AcceleratorSpec CHIP = ArchReader.read(Path.of("arch-configs/pact-14nm.yaml"), List.of()).spec();

    @Test
    void aCacheIsOnChipOrStreamedWithItsNewRowsWritten() {
        LlmConfig c = LlmConfig.QWEN_2_5_0_5B;
        Llm.Step s = Llm.step(CHIP, c, LlmPrecision.Plan.of(LlmPrecision.W4A16), LlmStep.decode(2, 512),
                TilingMemo.local());
        long[] kv = MemoryModel.kvCacheBits(s.net());
        long rowBytes = 2 * c.kvDim() * 16 / 8; // two sequences' new K (or V) row at 16 bits
        int onChip = 0;
        int streamed = 0;
        for (int i = 0; i < kv.length; i++) {
            if (kv[i] == 0) {
                continue;
            }
            LayerMemory m = s.sim().steady().get(i);
            if (m.filterReadBytes() == 0) {
                onChip++;
            } else {
                streamed++;
                assertThat(m.filterReadBytes()).as(m.name()).isGreaterThanOrEqualTo(kv[i] / 8);
                assertThat(m.dramWriteBytes()).as(m.name() + " appends its new rows").isGreaterThanOrEqualTo(rowBytes);
            }
        }
        assertThat(onChip).isPositive();
        assertThat(streamed).isPositive();
        assertThat(onChip + streamed).isEqualTo(2 * c.layers());
    }
}
