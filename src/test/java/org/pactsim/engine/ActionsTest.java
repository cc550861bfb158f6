package org.pactsim.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pactsim.cost.ActionCounts;
import org.pactsim.cost.CostModel;
import org.pactsim.cost.EnergyBreakdown;
import org.pactsim.spec.AcceleratorSpec;
import org.pactsim.spec.ArraySpec;
import org.pactsim.spec.Dataflow;
import org.pactsim.spec.DramSpec;
import org.pactsim.spec.NumberType;
import org.pactsim.spec.PeSpec;
import org.pactsim.spec.Precision;
import org.pactsim.spec.SramSpec;
import org.pactsim.workload.Bits;
import org.pactsim.workload.ConvLayer;
import org.pactsim.workload.Layer;
import org.pactsim.workload.MatMulLayer;
import org.pactsim.workload.Network;
import org.pactsim.workload.VectorLayer;
import org.pactsim.workload.VectorOp;

class ActionsTest {
    private static final AcceleratorSpec ACC = new AcceleratorSpec("t", new ArraySpec(8, 8), Dataflow.WS, 1, 500,
            PeSpec.INT8, SramSpec.split(2, 4, 8), DramSpec.UNLIMITED, 45);

    @Test
    void turnsElementCountsIntoBitsAtEachOperandsWidth() {
        // conv: 1x10x10x3 input, 4 filters of 3x3x3, stride 1, no padding -> 8x8x4 outputs;
        // weights 4 bits, activations 8 bits, outputs 6 bits.
        Layer conv = new ConvLayer("c", 1, 10, 10, 3, 4, 3, 3, 1, 1, 0, 0, 1, new Bits(4, 8, 6), List.of());
        Layer fc = new MatMulLayer("f", MatMulLayer.Kind.LINEAR, 1, 2, 5, 256, new Bits(8, 8, 8), List.of());
        Network net = new Network("n", List.of(conv, fc));
        NetworkResult res = Simulator.run(ACC, net, TimingModel.PACTSIM);
        List<ActionCounts> counts = Actions.perLayer(res, net);
        assertThat(counts).hasSize(2);

        LayerResult r = res.layers().get(0);
        ActionCounts c = counts.get(0);
        assertThat(c.macs()).containsExactly(java.util.Map.entry(Precision.integer(4, 8), r.macs()));
        assertThat(c.macCount()).isEqualTo(8L * 8 * 4 * 27);
        assertThat(c.cycles()).isEqualTo(r.cycles());
        assertThat(c.clockMhz()).isEqualTo(500);
        assertThat(c.idlePeCycles()).isEqualTo(r.cycles() * 64 - r.macs());
        ActionCounts.SramTraffic in = c.sram().get(0);
        ActionCounts.SramTraffic w = c.sram().get(1);
        ActionCounts.SramTraffic out = c.sram().get(2);
        assertThat(in.operand()).isEqualTo(ActionCounts.Operand.IFMAP);
        assertThat(in.capacityBytes()).isEqualTo(2048);
        assertThat(in.readBits()).isEqualTo(r.sramIfmapReads() * 8);
        assertThat(in.writeBits()).isEqualTo(300L * 8);                 // the input, filled once
        assertThat(w.capacityBytes()).isEqualTo(4096);
        assertThat(w.readBits()).isEqualTo(r.sramFilterReads() * 4);
        assertThat(w.writeBits()).isEqualTo(108L * 4);                  // 3x3x3x4 weights
        assertThat(out.capacityBytes()).isEqualTo(8192);
        long outputs = 8 * 8 * 4;
        long psums = r.sramOfmapWrites() - outputs;
        assertThat(out.writeBits()).isEqualTo(outputs * 6 + psums * 32);
        assertThat(out.readBits()).isEqualTo(r.sramOfmapReads() * 32 + outputs * 6);
        assertThat(c.dramReadBits()).isEqualTo(300L * 8 + 108L * 4);
        assertThat(c.dramWriteBits()).isEqualTo(outputs * 6);

        ActionCounts f = counts.get(1);
        assertThat(f.dramReadBits()).isEqualTo((2L * 256 + 256L * 5) * 8);
        assertThat(f.dramWriteBits()).isEqualTo(2L * 5 * 8);
        ActionCounts total = ActionCounts.sum(counts);
        assertThat(total.macCount()).isEqualTo(res.macs());
        assertThat(total.cycles()).isEqualTo(res.cycles());
        assertThat(total.macs()).containsOnlyKeys(Precision.integer(4, 8), Precision.INT8);
    }

    @Test
    void aLayerOffTheArrayHasNoMacsAndMovesItsTensorsOnce() {
        // relu on 1x4x4x8 int8 after an fc: no GEMM, its ifmap reads are its inputs.
        Layer fc = new MatMulLayer("f", MatMulLayer.Kind.LINEAR, 1, 16, 8, 32, new Bits(8, 8, 8), List.of());
        Layer relu = new VectorLayer("r", VectorOp.RELU, 1, 4, 4, 8, 1, 1, 1, 1, 0, 0, 0, new Bits(8, 8, 8), List.of());
        Network net = new Network("n", List.of(fc, relu));
        NetworkResult res = Simulator.run(ACC, net, TimingModel.PACTSIM);
        ActionCounts c = Actions.perLayer(res, net).get(1);
        LayerResult r = res.layers().get(1);
        assertThat(c.macs()).isEmpty();
        assertThat(c.dramReadBits()).isEqualTo((r.sramIfmapReads() + r.sramFilterReads()) * 8);
        assertThat(c.dramWriteBits()).isEqualTo(r.sramOfmapWrites() * 8);
        // priced, it costs SRAM, DRAM and leakage but no MAC energy
        EnergyBreakdown e = CostModel.of(org.pactsim.io.format.CostTableReader.defaults(), ACC).energy(c);
        assertThat(e.macPj()).isZero();
        assertThat(e.sramPj()).isPositive();
    }

    @Test
    void floatLayersCountAtTheirFormat() {
        assertThat(LayerRate.precision(new Bits(4, 8, 8))).isEqualTo(Precision.integer(4, 8));
        assertThat(LayerRate.precision(Bits.uniform(16, NumberType.FLOAT))).isEqualTo(Precision.FP16);
        assertThat(LayerRate.precision(Bits.uniform(32, NumberType.FLOAT))).isEqualTo(Precision.FP32);
        assertThat(LayerRate.precision(new Bits(8, 16, 16, NumberType.FLOAT))).isEqualTo(Precision.FP16);
        assertThat(LayerRate.precision(Bits.uniform(8, NumberType.FLOAT))).isEqualTo(Precision.FP8_E4M3);
    }
}
