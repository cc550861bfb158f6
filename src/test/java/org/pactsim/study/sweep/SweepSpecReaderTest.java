package org.pactsim.study.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pactsim.io.InputException;
import org.pactsim.io.format.SweepSpecReader;
import org.pactsim.report.SweepMetrics;

class SweepSpecReaderTest {
    static final String BASE = Path.of("arch-configs/sweeps/edge-base.yaml").toAbsolutePath().toString();

    @TempDir
    Path dir;

    static String spec(String axes, String extra) {
        return "schema: pactsim/sweep/1\nname: t\naccelerator: " + BASE + "\nnetworks:\n  - zoo: resnet20\naxes:\n"
                + axes + extra;
    }

    Path write(String text) throws IOException {
        Path p = dir.resolve("s.yaml");
        Files.writeString(p, text);
        return p;
    }

    SweepSpecReader.Loaded read(String text) throws IOException {
        return SweepSpecReader.read(write(text), SweepMetrics.TOTAL.keys());
    }

    @Test
    void readsListsRangesAndLinkedAxes() throws IOException {
        SweepSpecReader.Loaded l = read(spec("""
                  array.rows: {from: 8, to: 64, times: 2}
                  clockMhz: {from: 500, to: 1000, step: 250}
                  dram.bandwidthGBps: [12.8, unlimited]
                  bits:
                    - {pe.weightBits: 8, network.precision: int8}
                    - {pe.weightBits: 4, network.precision: int4-pact}
                """, """
                strategy: {type: random, points: 10, seed: 5}
                constraints:
                  areaMm2: {max: 10}
                objectives:
                  inferencesPerSecond: max
                  areaMm2: min
                """));
        SweepSpec s = l.spec();
        assertThat(s.axes()).hasSize(4);
        assertThat(s.axes().get(0).values()).containsExactly(List.of("8"), List.of("16"), List.of("32"), List.of("64"));
        assertThat(s.axes().get(1).values()).containsExactly(List.of("500"), List.of("750"), List.of("1000"));
        assertThat(s.axes().get(2).values()).containsExactly(List.of("12.8"), List.of("unlimited"));
        assertThat(s.keys()).containsExactly("array.rows", "clockMhz", "dram.bandwidthGBps", "pe.weightBits",
                "network.precision");
        assertThat(l.space().gridSize()).isEqualTo(4 * 3 * 2 * 2);
        assertThat(l.space().size()).isEqualTo(10);
        assertThat(s.constraints()).containsExactly(new Constraint("areaMm2", Double.NEGATIVE_INFINITY, 10));
        assertThat(s.pareto()).containsExactly(List.of("inferencesPerSecond", "areaMm2"));
        // The binder sets the values on the base accelerator and the networks' precision.
        var b = l.binder().bind(new int[] {3, 1, 1, 1});
        assertThat(b.accelerator().array().rows()).isEqualTo(64);
        assertThat(b.accelerator().clockMhz()).isEqualTo(750.0);
        assertThat(b.accelerator().dram().isUnlimited()).isTrue();
        assertThat(b.accelerator().pe().weightBits()).isEqualTo(4);
        assertThat(b.networks().get(0).name()).isEqualTo("resnet20-int4-pact");
    }

    @Test
    void anUnknownKeyIsRejectedWhenReadWithItsLine() throws IOException {
        assertThatThrownBy(() -> read(spec("  array.rowz: [8, 16]\n", "")))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("s.yaml:7")
                .hasMessageContaining("array.rowz")
                .hasMessageContaining("did you mean array.rows");
        assertThatThrownBy(() -> read(spec("  arry.rows: [8, 16]\n", "")))
                .isInstanceOf(InputException.class).hasMessageContaining("s.yaml:7").hasMessageContaining("arry");
    }

    @Test
    void aValueTheKeyRefusesIsRejectedWhenRead() throws IOException {
        assertThatThrownBy(() -> read(spec("  array.rows:\n    - 8\n    - 0\n", "")))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("s.yaml:9").hasMessageContaining("array.rows").hasMessageContaining("found 0");
        assertThatThrownBy(() -> read(spec("  dataflow: [os, xs]\n", "")))
                .isInstanceOf(InputException.class).hasMessageContaining("s.yaml:7").hasMessageContaining("xs");
        assertThatThrownBy(() -> read(spec("  network.precision: [int8, int3]\n", "")))
                .isInstanceOf(InputException.class).hasMessageContaining("s.yaml:7").hasMessageContaining("int3");
    }

    @Test
    void strictAboutTheRestOfTheSpec() throws IOException {
        assertThatThrownBy(() -> read(spec("  cores: [1, 2]\n", "objectives:\n  areaMM2: min\n")))
                .isInstanceOf(InputException.class).hasMessageContaining("did you mean areaMm2");
        assertThatThrownBy(() -> read(spec("  cores: [1, 2]\n", "stratgy: grid\n")))
                .isInstanceOf(InputException.class).hasMessageContaining("stratgy").hasMessageContaining("strategy");
        assertThatThrownBy(() -> read(spec("  cores: [1, 1]\n", "")))
                .isInstanceOf(InputException.class).hasMessageContaining("distinct values");
        assertThatThrownBy(() -> read(spec("  cores: {from: 1, to: 4}\n", "")))
                .isInstanceOf(InputException.class).hasMessageContaining("step (added) or times");
        assertThatThrownBy(() -> read(spec("  cores: [1, 2]\n",
                "objectives:\n  areaMm2: min\n  powerW: min\npareto:\n  - [areaMm2, energyPj]\n")))
                .isInstanceOf(InputException.class).hasMessageContaining("pareto");
        assertThatThrownBy(() -> read(spec("  cores: [1, 2]\n", "").replace("zoo: resnet20", "zoo: resnet5")))
                .isInstanceOf(InputException.class).hasMessageContaining("resnet50");
    }

    @Test
    void theShippedSpecsRead() {
        // bits-vs-array: 4 precisions x 8 shapes x 6 SRAM sizes (128..4096 KiB) x 2 dataflows.
        assertThat(SweepSpecReader.read(Path.of("arch-configs/sweeps/bits-vs-array.yaml"), SweepMetrics.TOTAL.keys())
                .space().size()).isEqualTo(4 * 8 * 6 * 2);
        SweepSpecReader.Loaded mix = SweepSpecReader.read(Path.of("arch-configs/sweeps/large-mix.yaml"),
                SweepMetrics.TOTAL.keys());
        // 4 x 3 modes x 6 x 6 sides x 4 core counts x 5 SRAM sizes x 5 bandwidths x 5 clocks x 4 nodes
        assertThat(mix.space().gridSize()).isEqualTo(4L * 3 * 6 * 6 * 4 * 5 * 5 * 5 * 4);
        assertThat(mix.space().size()).isEqualTo(12_000);
        assertThat(mix.spec().networks()).hasSize(3);
        assertThat(SweepSpecReader.read(Path.of("arch-configs/sweeps/resnet50-100k.yaml"), SweepMetrics.TOTAL.keys())
                .space().size()).isEqualTo(4 * 6 * 6 * 7 * 5 * 4 * 5);
    }

    @Test
    void theFingerprintFollowsTheSpecAndTheFilesItReads() throws IOException {
        String a = read(spec("  cores: [1, 2]\n", "")).fingerprint();
        assertThat(read(spec("  cores: [1, 2]\n", "")).fingerprint()).isEqualTo(a);
        assertThat(read(spec("  cores: [1, 4]\n", "")).fingerprint()).isNotEqualTo(a);
    }
}
