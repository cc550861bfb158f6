package org.pactsim.robust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pactsim.cli.Cli;

/**
 * Found by fuzzing {@code io/TopologyReader}: a depthwise row (a name holding {@code DP})
 * expands into one layer per channel, so a row claiming 2^31-1 channels builds billions of
 * layers and never finishes (or runs out of memory). Expected: refused at once with exit 2 and
 * a message naming the file, the line and the Channels column (or the expansion kept bounded).
 * Fixed: DP expansion is bounded ({@code TopologyReader.MAX_DEPTHWISE_LAYERS}); the fuzzer
 * now damages a topology with a DP row too ({@link ReaderFuzzProperties}).
 */
class TopologyBugTest {
    @TempDir
    Path tmp;

    @Test
    void aDepthwiseRowWithAbsurdChannelsIsRefusedQuickly() throws Exception {
        Path f = Files.writeString(tmp.resolve("dp.csv"),
                "Layer name, IFMAP Height, IFMAP Width, Filter Height, Filter Width, Channels, Num Filter, Strides,\n"
                        + "Conv_DP1,16,16,3,3,2147483647,8,1,\n");
        Cli c = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> Cli.run("simulate", "--arch",
                "src/test/resources/bad-inputs/good/arch.yaml", "--trace", f.toString()));
        assertThat(c.code()).isEqualTo(2);
        assertThat(c.err()).startsWith("pactsim: " + f + ":2: ").contains("Channels");
    }
}
