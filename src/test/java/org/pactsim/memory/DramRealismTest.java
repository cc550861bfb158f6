package org.pactsim.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pactsim.cli.Cli;
import org.pactsim.spec.AcceleratorSpec;
import org.pactsim.spec.ArraySpec;
import org.pactsim.spec.Dataflow;
import org.pactsim.spec.DramSpec;
import org.pactsim.spec.PeSpec;
import org.pactsim.spec.SramSpec;
import org.pactsim.workload.Bits;
import org.pactsim.workload.MatMulLayer;
import org.pactsim.workload.Network;
import org.pactsim.workload.zoo.Zoo;

/** dram.efficiency scales the bandwidth a stream sustains; dram.latencyNs is paid where the channel idles. */
class DramRealismTest {
    @TempDir
    Path tmp;

    static AcceleratorSpec chip(double gbps, double efficiency, double latencyNs, long kib) {
        return new AcceleratorSpec("d", new ArraySpec(16, 16), Dataflow.WS, 1, 1000, PeSpec.INT8, SramSpec.unified(kib),
                new DramSpec(gbps, null, efficiency, latencyNs), 28);
    }

    static long cycles(List<LayerMemory> ms) {
        long c = 0;
        for (LayerMemory m : ms) {
            c += m.cycles();
        }
        return c;
    }

    @Test
    void halfTheEfficiencyIsHalfThePeak() {
        Network net = Zoo.find("resnet18").build();
        List<List<LayerMemory>> a = MemoryModel.firstAndSteady(chip(32, 0.5, 0, 512), net);
        List<List<LayerMemory>> b = MemoryModel.firstAndSteady(chip(16, 1, 0, 512), net);
        assertThat(a).isEqualTo(b);
        assertThat(cycles(a.get(1))).isGreaterThan(cycles(MemoryModel.firstAndSteady(chip(32, 1, 0, 512), net).get(1)));
    }

    /**
     * One fc layer that fits whole in the buffer: one tile, whose load finds the channel idle, so
     * the whole latency shows: 100 ns at 1000 MHz is 100 cycles more; the write-back after the
     * compute finds the channel idle again and pays it too.
     */
    @Test
    void aSingleTileLayerPaysTheLatencyOfEachIdleRequest() {
        Network net = new Network("fc", List.of(new MatMulLayer("f", MatMulLayer.Kind.LINEAR, 1, 16, 16, 16, Bits.INT8,
                List.of())));
        long without = cycles(MemoryModel.run(chip(8, 1, 0, 64), net, MemoryOptions.FIRST_INFERENCE));
        long with = cycles(MemoryModel.run(chip(8, 1, 100, 64), net, MemoryOptions.FIRST_INFERENCE));
        assertThat(with - without).isEqualTo(200);
    }

    /** A stream of double-buffered tiles hides the latency of every request queued behind another. */
    @Test
    void aStreamOfTilesHidesMostOfIt() {
        Network net = new Network("fc", List.of(new MatMulLayer("f", MatMulLayer.Kind.LINEAR, 1, 4096, 1024, 1024,
                Bits.INT8, List.of())));
        List<LayerMemory> without = MemoryModel.run(chip(8, 1, 0, 16), net, MemoryOptions.FIRST_INFERENCE);
        List<LayerMemory> with = MemoryModel.run(chip(8, 1, 100, 16), net, MemoryOptions.FIRST_INFERENCE);
        Tiling t = with.get(0).tiling();
        long tiles = ceil(4096, t.mt()) * ceil(1024, t.nt()) * ceil(1024, t.kt());
        assertThat(tiles).isGreaterThan(10);
        long extra = cycles(with) - cycles(without);
        assertThat(extra).isPositive().isLessThan(100L * tiles / 2);
    }

    private static long ceil(long a, long b) {
        return (a + b - 1) / b;
    }

    @Test
    void theResolvedAcceleratorShowsBothAndBadValuesAreNamed() throws Exception {
        Path arch = tmp.resolve("a.yaml");
        Files.writeString(arch, String.join("\n", "schema: pactsim/arch/1", "name: d", "array: {rows: 8, cols: 8}",
                "dataflow: ws", "clockMhz: 500", "sram: {unifiedKiB: 64}", "dram: {bandwidthGBps: 16, efficiency: 0.8, latencyNs: 60}", ""));
        Cli c = Cli.run("simulate", "--arch", arch.toString(), "--trace", "traces/resnet18-int8.csv", "--out",
                tmp.resolve("out").toString());
        assertThat(c.code()).as(c.err()).isZero();
        String resolved = Files.readString(tmp.resolve("out").resolve("accelerator.resolved.json"));
        assertThat(resolved).contains("\"efficiency\" : 0.8").contains("\"latencyNs\" : 60.0");

        Cli bad = Cli.run("simulate", "--arch", arch.toString(), "--trace", "traces/resnet18-int8.csv", "--set",
                "dram.efficiency=1.5");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err().strip()).doesNotContain("\n").contains("dram.efficiency")
                .contains("expected a number from 0.01 to 1.0").contains("found 1.5");
    }
}
