package org.pactsim.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pactsim.spec.AcceleratorSpec;
import org.pactsim.spec.ArraySpec;
import org.pactsim.spec.Dataflow;
import org.pactsim.spec.DramSpec;
import org.pactsim.spec.PeSpec;
import org.pactsim.spec.SramSpec;
import org.pactsim.workload.Bits;
import org.pactsim.workload.ConvLayer;
import org.pactsim.workload.Layer;
import org.pactsim.workload.MatMulLayer;
import org.pactsim.workload.Network;

/** Hand-worked cases of the memory model. */
class MemoryModelTest {

    static AcceleratorSpec acc(Dataflow d, SramSpec s, double gbps, int cores) {
        return new AcceleratorSpec("m", new ArraySpec(32, 32), d, cores, 1000, PeSpec.INT8, s,
                Double.isInfinite(gbps) ? DramSpec.UNLIMITED : new DramSpec(gbps), 45);
    }

    static MatMulLayer fc(String name, long m, long n, long k, int bits) {
        return new MatMulLayer(name, MatMulLayer.Kind.LINEAR, 1, m, n, k, new Bits(bits, bits, bits), List.of());
    }

    static LayerMemory one(AcceleratorSpec a, Layer l) {
        return MemoryModel.run(a, new Network("n", List.of(l)), MemoryOptions.FIRST_INFERENCE).get(0);
    }

    @Test
    void packingIsExplicit() {
        assertThat(Packing.bytes(8, 2)).isEqualTo(2);   // four 2-bit values to a byte
        assertThat(Packing.bytes(8, 4)).isEqualTo(4);
        assertThat(Packing.bytes(8, 3)).isEqualTo(4);   // a 3-bit value takes a 4-bit container
        assertThat(Packing.bytes(3, 12)).isEqualTo(6);  // 12 bits in 16
        assertThat(Packing.bytes(1, 1)).isEqualTo(1);   // whole bytes cross the interface
    }

    @Test
    void everythingFitsGivesCompulsoryTrafficAndTheExposedFillAndDrain() {
        // 32x32x32 int8 on a 32x32 os array, 64 KiB each, 1 GB/s at 1000 MHz = 1 byte/cycle.
        // A, B and the output are 1024 bytes each. Compute: one fold, P = 32 + 62 = 94, plus the
        // last fold's drain of 32: 126. Fill (A and B tiles) 2048 cycles, drain 1024, traffic
        // 3072: cycles = max(2048 + 126 + 1024, 3072) = 3198.
        AcceleratorSpec a = acc(Dataflow.OS, SramSpec.split(64, 64, 64), 1, 1);
        LayerMemory m = one(a, fc("g", 32, 32, 32, 8));
        assertThat(m.ifmapReadBytes()).isEqualTo(1024);
        assertThat(m.filterReadBytes()).isEqualTo(1024);
        assertThat(m.ofmapWriteBytes()).isEqualTo(1024);
        assertThat(m.psumReadBytes() + m.psumWriteBytes()).isZero();
        assertThat(m.computeCycles()).isEqualTo(126);
        assertThat(m.cycles()).isEqualTo(3198);
        assertThat(m.stallCycles()).isEqualTo(3198 - 126);
        // Unlimited bandwidth: no stall at all.
        LayerMemory u = one(acc(Dataflow.OS, SramSpec.split(64, 64, 64), Double.POSITIVE_INFINITY, 1), fc("g", 32, 32, 32, 8));
        assertThat(u.stallCycles()).isZero();
        assertThat(u.cycles()).isEqualTo(126);
    }

    @Test
    void tooSmallBuffersForceRefetchesWorkedByHand() {
        // 256x256x256 int8 (A, B, output 64 KiB each), 32-bit partial sums, os on 32x32.
        // ifmap 16 KiB (half: Mt*Kt <= 8192), filter 16 KiB (Kt*Nt <= 8192), ofmap 64 KiB
        // (half: Mt*Nt*32 bits <= 262144, so Mt*Nt <= 8192). With K innermost nothing spills and
        // A is read once per N tile, B once per M tile: the best such tiles (e.g. Mt=128, Kt=64,
        // Nt=64: 2 M tiles, 4 N tiles) move A 4x + B 2x + out 1x = 7 x 64 KiB = 458752 bytes;
        // other orders spill partial sums (4 bytes each) and cost more.
        AcceleratorSpec a = acc(Dataflow.OS, SramSpec.split(16, 16, 64), Double.POSITIVE_INFINITY, 1);
        LayerMemory m = one(a, fc("g", 256, 256, 256, 8));
        long traffic = m.dramReadBytes() + m.dramWriteBytes();
        assertThat(traffic).isEqualTo(458_752);
        Tiling t = m.tiling();
        assertThat(t.mt() * t.kt()).isLessThanOrEqualTo(8192);
        assertThat(t.kt() * t.nt()).isLessThanOrEqualTo(8192);
        assertThat(t.mt() * t.nt()).isLessThanOrEqualTo(8192);
        assertThat(t.spills()).isFalse();
    }

    @Test
    void eachDataflowReachesCompulsoryTrafficWhenItFits() {
        for (Dataflow d : Dataflow.values()) {
            AcceleratorSpec a = acc(d, SramSpec.split(256, 256, 256), Double.POSITIVE_INFINITY, 1);
            // A conv: 16x16x32 input (8 KiB), 3x3x32x64 weights (18 KiB), 14x14x64 output (12.25 KiB).
            ConvLayer c = new ConvLayer("c", 1, 16, 16, 32, 64, 3, 3, 1, 1, 0, 0, 1, Bits.INT8, List.of());
            LayerMemory m = one(a, c);
            assertThat(m.ifmapReadBytes()).as(d.key()).isEqualTo(16 * 16 * 32);
            assertThat(m.filterReadBytes()).as(d.key()).isEqualTo(3 * 3 * 32 * 64);
            assertThat(m.ofmapWriteBytes()).as(d.key()).isEqualTo(14 * 14 * 64);
            assertThat(m.psumReadBytes()).as(d.key()).isZero();
        }
    }

    @Test
    void activationsStayOnChipBetweenLayersWhenTheyFit() {
        // Two fc layers: the 64x256 output of the first (16 KiB at 8 bits) fits in the 64 KiB
        // ifmap/ofmap ping-pong: the second reads it from SRAM, the first never writes it out.
        MatMulLayer f1 = fc("f1", 64, 256, 128, 8);
        MatMulLayer f2 = fc("f2", 64, 10, 256, 8);
        AcceleratorSpec a = acc(Dataflow.WS, SramSpec.split(64, 64, 64), 10, 1);
        List<LayerMemory> r = MemoryModel.run(a, new Network("n", List.of(f1, f2)), MemoryOptions.FIRST_INFERENCE);
        assertThat(r.get(0).outputOnChip()).isTrue();
        assertThat(r.get(0).ofmapWriteBytes()).isZero();
        assertThat(r.get(1).inputOnChip()).isTrue();
        assertThat(r.get(1).ifmapReadBytes()).isZero();
        assertThat(r.get(1).ofmapWriteBytes()).isEqualTo(640);
        assertThat(r.get(0).residency()).anyMatch(s -> s.startsWith("output: on chip"));
        // All weights (32 KiB + 2.5 KiB) fit in the 64 KiB filter SRAM: loaded once in the first
        // inference, not at all in steady state.
        assertThat(r.get(0).weightLoadBytes()).isEqualTo(128 * 256);
        assertThat(r.get(0).filterReadBytes()).isEqualTo(128 * 256);
        List<LayerMemory> s = MemoryModel.run(a, new Network("n", List.of(f1, f2)), MemoryOptions.STEADY_STATE);
        assertThat(s.get(0).weightLoadBytes()).isZero();
        assertThat(s.get(0).filterReadBytes()).isZero();
        assertThat(s.get(0).cycles()).isLessThanOrEqualTo(r.get(0).cycles());
    }

    @Test
    void residualInputsStayLiveUntilTheirLastConsumer() {
        MatMulLayer f1 = fc("f1", 64, 64, 64, 8);
        MatMulLayer f2 = new MatMulLayer("f2", MatMulLayer.Kind.LINEAR, 1, 64, 64, 64, Bits.INT8, List.of("f1"));
        MatMulLayer f3 = new MatMulLayer("f3", MatMulLayer.Kind.LINEAR, 1, 64, 64, 64, Bits.INT8, List.of("f1"));
        AcceleratorSpec a = acc(Dataflow.OS, SramSpec.split(64, 64, 64), 10, 1);
        List<LayerMemory> r = MemoryModel.run(a, new Network("n", List.of(f1, f2, f3)), MemoryOptions.STEADY_STATE);
        assertThat(r.get(1).inputOnChip()).isTrue();
        assertThat(r.get(2).inputOnChip()).isTrue();
        // f2's output has no consumer: the network's output goes to DRAM.
        assertThat(r.get(1).ofmapWriteBytes()).isEqualTo(4096);
    }

    @Test
    void coresShareTheWorkAndTheInterface() {
        MatMulLayer big = fc("g", 512, 512, 512, 8);
        AcceleratorSpec one = acc(Dataflow.OS, SramSpec.split(64, 64, 64), Double.POSITIVE_INFINITY, 1);
        AcceleratorSpec four = acc(Dataflow.OS, SramSpec.split(64, 64, 64), Double.POSITIVE_INFINITY, 4);
        LayerMemory m1 = one(one, big);
        LayerMemory m4 = one(four, big);
        assertThat(m4.activeCores()).isEqualTo(4);
        assertThat(m4.split()).isIn("n", "m");
        assertThat(m4.cycles()).isLessThan(m1.cycles());
        assertThat(m4.cycles()).isGreaterThanOrEqualTo(m1.cycles() / 4);
    }
}
