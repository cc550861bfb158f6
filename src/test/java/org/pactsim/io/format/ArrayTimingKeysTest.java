package org.pactsim.io.format;

import org.pactsim.io.InputException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pactsim.report.ResultJson;
import org.pactsim.spec.AcceleratorSpec;
import org.pactsim.spec.OsDrain;

/** {@code array.multiplierStages} and {@code array.osDrain}: defaults, values, errors with lines. */
class ArrayTimingKeysTest {
    @TempDir
    Path dir;

    private Path write(String arrayExtra) throws IOException {
        Path p = dir.resolve("a.yaml");
        Files.writeString(p, String.join("\n",
                "schema: pactsim/arch/1",
                "name: t",
                "array:",
                "  rows: 16",
                "  cols: 8",
                arrayExtra,
                "dataflow: os",
                "clockMhz: 500",
                "sram:",
                "  unifiedKiB: 64",
                "dram:",
                "  bandwidthGBps: unlimited",
                ""));
        return p;
    }

    @Test
    void defaultsAreACombinationalMultiplierAndTheOverlappedDrain() throws IOException {
        AcceleratorSpec a = ArchReader.read(write(""), List.of()).spec();
        assertThat(a.array().multiplierStages()).isZero();
        assertThat(a.array().osDrain()).isEqualTo(OsDrain.OVERLAPPED);
        // the resolved accelerator stays as it was when the keys are at their defaults
        assertThat(ResultJson.accelerator(a).get("array").has("osDrain")).isFalse();
    }

    @Test
    void readsBothKeysAndWritesThemBack() throws IOException {
        AcceleratorSpec a = ArchReader.read(write("  multiplierStages: 2\n  osDrain: wavefront"), List.of()).spec();
        assertThat(a.array().multiplierStages()).isEqualTo(2);
        assertThat(a.array().osDrain()).isEqualTo(OsDrain.WAVEFRONT);
        assertThat(ResultJson.accelerator(a).get("array").get("osDrain").asText()).isEqualTo("wavefront");
        assertThat(ResultJson.accelerator(a).get("array").get("multiplierStages").asInt()).isEqualTo(2);
        AcceleratorSpec s = ArchReader.read(write(""), List.of("array.osDrain=serial")).spec();
        assertThat(s.array().osDrain()).isEqualTo(OsDrain.SERIAL);
    }

    @Test
    void badValuesNameTheFileLineAndKey() throws IOException {
        Path p = write("  osDrain: sideways");
        assertThatThrownBy(() -> ArchReader.read(p, List.of())).isInstanceOf(InputException.class)
                .hasMessageContaining("a.yaml:6").hasMessageContaining("osDrain")
                .hasMessageContaining("overlapped, wavefront, serial").hasMessageContaining("sideways");
        Path q = write("  multiplierStages: 17");
        assertThatThrownBy(() -> ArchReader.read(q, List.of())).isInstanceOf(InputException.class)
                .hasMessageContaining("a.yaml:6").hasMessageContaining("multiplierStages");
    }
}
