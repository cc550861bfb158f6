package org.pactsim.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pactsim.io.format.ArchReader;
import org.pactsim.report.Metrics;
import org.pactsim.report.TableRenderer;
import org.pactsim.sim.Simulation;
import org.pactsim.sim.SimulationResult;
import org.pactsim.spec.AcceleratorSpec;
import org.pactsim.spec.ArraySpec;
import org.pactsim.spec.Dataflow;
import org.pactsim.spec.DramSpec;
import org.pactsim.spec.PeSpec;
import org.pactsim.spec.ScheduleSpec;
import org.pactsim.spec.SramSpec;
import org.pactsim.spec.VectorSpec;
import org.pactsim.workload.Bits;
import org.pactsim.workload.ConvLayer;
import org.pactsim.workload.Network;
import org.pactsim.workload.Shape;
import org.pactsim.workload.VectorLayer;
import org.pactsim.workload.VectorOp;

/** The vector unit: cycles = ceil(work / (lanes * cores)), its SRAM traffic, its share of time. */
class VectorEngineTest {
    @TempDir
    Path dir;

    static AcceleratorSpec acc(int cores, int lanes) {
        return new AcceleratorSpec("a", new ArraySpec(8, 8), Dataflow.OS, cores, 1000, PeSpec.INT8,
                SramSpec.split(64, 64, 64), new DramSpec(Double.POSITIVE_INFINITY), 45, new VectorSpec(lanes));
    }

    @Test
    void cyclesAreWorkOverLanes() {
        // A ReLU on 8x8x4 = 256 elements: 256 / 16 lanes = 16 cycles; on 2 cores 8.
        VectorLayer relu = VectorLayer.of("r", VectorOp.RELU, new Shape(1, 8, 8, 4), 0, Bits.INT8, List.of());
        LayerResult r = VectorEngine.run(acc(1, 16), relu, TimingModel.PACTSIM);
        assertThat(r.cycles()).isEqualTo(16);
        assertThat(VectorEngine.run(acc(2, 16), relu, TimingModel.PACTSIM).cycles()).isEqualTo(8);
        assertThat(r.unit()).isEqualTo(LayerResult.VECTOR);
        assertThat(r.gemm()).isNull();
        assertThat(r.macs()).isZero();
        assertThat(List.of(r.sramIfmapReads(), r.sramFilterReads(), r.sramOfmapWrites())).containsExactly(256L, 0L, 256L);
        // Softmax: 3 passes over 100 elements on 64 lanes = ceil(300 / 64) = 5 cycles.
        VectorLayer sm = VectorLayer.of("s", VectorOp.SOFTMAX, new Shape(1, 1, 10, 10), 0, Bits.INT8, List.of());
        assertThat(VectorEngine.run(acc(1, 64), sm, TimingModel.SCALESIM).cycles()).isEqualTo(5);
        // Layer norm reads its 2 x 10 scale and shift once.
        VectorLayer ln = VectorLayer.of("n", VectorOp.LAYERNORM, new Shape(1, 1, 10, 10), 0, Bits.INT8, List.of());
        assertThat(VectorEngine.run(acc(1, 64), ln, TimingModel.PACTSIM).sramFilterReads()).isEqualTo(20);
    }

    @Test
    void simulatorSendsVectorLayersToTheVectorUnitAndReportsTheirShare() {
        ConvLayer c = new ConvLayer("c", 1, 8, 8, 4, 4, 1, 1, 1, 1, 0, 0, 1, Bits.INT8, List.of());
        VectorLayer relu = VectorLayer.of("r", VectorOp.RELU, new Shape(1, 8, 8, 4), 0, Bits.INT8, List.of());
        NetworkResult r = Simulator.run(acc(1, 16), new Network("n", List.of(c, relu)), TimingModel.PACTSIM);
        assertThat(r.layers()).extracting(LayerResult::unit).containsExactly(LayerResult.ARRAY, LayerResult.VECTOR);
        assertThat(r.cycles()).isEqualTo(r.layers().get(0).cycles() + 16);
        // unfused, the relu's 16 lane cycles follow the conv; fused, they hide under its cycles
        SimulationResult s = Simulation.run(acc(1, 16).withSchedule(new ScheduleSpec(ScheduleSpec.Policy.COMPILER, false)),
                new Network("n", List.of(c, relu)), TimingModel.PACTSIM);
        assertThat(Metrics.vectorCycles(s)).isEqualTo(16);
        assertThat(TableRenderer.render(org.pactsim.sim.Costing.price(s, new Network("n", List.of(c, relu)),
                org.pactsim.io.format.CostTableReader.defaults()))).contains("vector unit (16 lanes/core): 16 cycles");
        SimulationResult fused = Simulation.run(acc(1, 16), new Network("n", List.of(c, relu)), TimingModel.PACTSIM);
        assertThat(fused.memory(1).split()).isEqualTo("fused");
        assertThat(fused.memory(1).cycles()).isEqualTo(Math.max(0, 16 - fused.memory(0).cycles()));
        assertThat(fused.memory(1).dramReadBytes() + fused.memory(1).dramWriteBytes()).isZero();
    }

    @Test
    void nineArgumentConstructorDefaultsToOneLanePerColumn() {
        AcceleratorSpec a = new AcceleratorSpec("a", new ArraySpec(8, 32), Dataflow.WS, 1, 1000, PeSpec.INT8,
                SramSpec.unified(64), new DramSpec(10), 45);
        assertThat(a.vector().lanes()).isEqualTo(32);
        assertThat(a.withDataflow(Dataflow.OS).vector()).isEqualTo(a.vector());
        assertThat(acc(1, 7).withDataflow(Dataflow.IS).vector().lanes()).isEqualTo(7);
    }

    @Test
    void archFilesSetLanesOrDefaultToColumns() throws Exception {
        String base = "schema: pactsim/arch/1\nname: x\narray: {rows: 16, cols: 48}\ndataflow: ws\nclockMhz: 500\n"
                + "sram: {unifiedKiB: 256}\ndram: {bandwidthGBps: 10}\n";
        Path f = dir.resolve("a.yaml");
        Files.writeString(f, base);
        assertThat(ArchReader.read(f, List.of()).spec().vector().lanes()).isEqualTo(48);
        assertThat(ArchReader.read(f, List.of("vector.lanes=128")).spec().vector().lanes()).isEqualTo(128);
        Files.writeString(f, base + "vector: {lanes: 256}\n");
        assertThat(ArchReader.read(f, List.of()).spec().vector().lanes()).isEqualTo(256);
    }
}
