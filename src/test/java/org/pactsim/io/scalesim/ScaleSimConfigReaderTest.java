package org.pactsim.io.scalesim;

import org.pactsim.io.InputException;
import org.pactsim.io.format.ArchReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pactsim.spec.AcceleratorSpec;
import org.pactsim.spec.Dataflow;

/** The .cfg side of {@link ArchReader}: SCALE-Sim's INI keys, with pactsim's errors. */
class ScaleSimConfigReaderTest {
    @TempDir
    Path dir;

    static final String SCALE = String.join("\n",
            "[general]",
            "run_name = scale_example_run_32x32_os",
            "",
            "[architecture_presets]",
            "ArrayHeight:    32",
            "ArrayWidth:     32",
            "IfmapSramSzkB:   64 ",
            "FilterSramSzkB:  64 ",
            "OfmapSramSzkB:   64 ",
            "IfmapOffset:    0",
            "FilterOffset:   10000000",
            "OfmapOffset:    20000000",
            "Bandwidth : 10",
            "Dataflow : os",
            "MemoryBanks:   1",
            "",
            "[run_presets]",
            "InterfaceBandwidth: CALC ",
            "");

    private Path write(String text) throws IOException {
        Path p = dir.resolve("x.cfg");
        Files.writeString(p, text);
        return p;
    }

    @Test
    void readsScaleSimsExampleConfig() throws IOException {
        ArchReader.Loaded l = ArchReader.read(write(SCALE), List.of());
        AcceleratorSpec a = l.spec();
        assertThat(a.name()).isEqualTo("scale_example_run_32x32_os");
        assertThat(a.array().rows()).isEqualTo(32);
        assertThat(a.dataflow()).isEqualTo(Dataflow.OS);
        assertThat(a.sram().ifmapKiB()).isEqualTo(64);
        assertThat(a.dram().isUnlimited()).isTrue();
        assertThat(l.notes()).anyMatch(n -> n.contains("1000 MHz"));
    }

    @Test
    void keysAreCaseInsensitiveAndSetStillApplies() throws IOException {
        AcceleratorSpec a = ArchReader.read(write(SCALE.replace("ArrayHeight", "arrayheight")),
                List.of("dataflow=ws", "array.cols=8")).spec();
        assertThat(a.array().rows()).isEqualTo(32);
        assertThat(a.array().cols()).isEqualTo(8);
        assertThat(a.dataflow()).isEqualTo(Dataflow.WS);
    }

    @Test
    void errorsNameTheCfgLineAndKey() throws IOException {
        Path p = write(SCALE.replace("ArrayWidth:     32", "ArrayWidth:     0"));
        assertThatThrownBy(() -> ArchReader.read(p, List.of())).isInstanceOf(InputException.class)
                .hasMessage(p + ":6: array.cols (ArrayWidth): expected an integer from 1 to 1048576, found 0");
        Path q = write(SCALE.replace("Dataflow : os", "Dataflow : rs"));
        assertThatThrownBy(() -> ArchReader.read(q, List.of()))
                .hasMessage(q + ":14: dataflow (Dataflow): expected one of os, ws, is, found the text \"rs\"");
        Path r = write(SCALE.replace("MemoryBanks", "MemoryBank"));
        assertThatThrownBy(() -> ArchReader.read(r, List.of()))
                .hasMessage(r + ":15: [architecture_presets] MemoryBank: expected a known key (did you mean memorybanks?), found an unknown key");
        Path s = write(SCALE.replace("ArrayHeight:    32\n", ""));
        assertThatThrownBy(() -> ArchReader.read(s, List.of()))
                .hasMessage(s + ": ArrayHeight: expected a value (the key is required), found no such key");
        Path t = write(SCALE.replace("InterfaceBandwidth: CALC", "InterfaceBandwidth: FAST"));
        assertThatThrownBy(() -> ArchReader.read(t, List.of())).hasMessageContaining(":18: InterfaceBandwidth: expected CALC or USER");
        Path u = write("ArrayHeight: 3\n");
        assertThatThrownBy(() -> ArchReader.read(u, List.of())).hasMessageContaining(":1: expected a [section] header");
    }

    @Test
    void userModeIsReadWithANote() throws IOException {
        ArchReader.Loaded l = ArchReader.read(write(SCALE.replace("CALC", "USER")), List.of());
        assertThat(l.spec().dram().bandwidthGBps()).isEqualTo(10.0);
        assertThat(l.notes()).anyMatch(n -> n.contains("USER-mode stall model is not imitated"));
    }
}
