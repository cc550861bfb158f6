package org.pactsim.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pactsim.cost.CostTables;
import org.pactsim.io.format.ArchReader;
import org.pactsim.io.format.CostTableReader;
import org.pactsim.spec.AcceleratorSpec;
import org.pactsim.spec.ArraySpec;
import org.pactsim.spec.Dataflow;
import org.pactsim.spec.DramSpec;
import org.pactsim.spec.NumberType;
import org.pactsim.spec.PeSpec;
import org.pactsim.spec.PrecisionMode;
import org.pactsim.spec.SramSpec;
import org.pactsim.workload.Bits;
import org.pactsim.workload.MatMulLayer;
import org.pactsim.workload.Network;
import org.pactsim.workload.PrecisionVariant;
import org.pactsim.workload.TracePrecision;

class IsoAreaTest {
    static final CostTables TABLES = CostTableReader.defaults();
    static final AcceleratorSpec BASE = ArchReader.read(Path.of("arch-configs/pact-14nm.yaml"), List.of()).spec();
    static final List<PrecisionVariant> PRECISIONS = List.of(new PrecisionVariant(TracePrecision.INT16, false),
            new PrecisionVariant(TracePrecision.INT8, false), new PrecisionVariant(TracePrecision.INT4, true),
            new PrecisionVariant(TracePrecision.INT2, true));

    /**
     * Sizing keeps the base chip: every key but the ones iso-area sizes (array sides or cores, the
     * PE's widths, SRAM per core, the name) and the bandwidth it sets survives into every design
     * and point, under both scalings.
     */
    @Test
    void sizingKeepsEveryOtherKeyOfTheBaseChip() {
        AcceleratorSpec base = ArchReader.read(Path.of("arch-configs/pact-14nm.yaml"), List.of(
                "array.multiplierStages=2", "array.foldOverlap=pipelined", "vector.lanes=7", "clockMhz=900",
                "dram.efficiency=0.8", "dram.latencyNs=50", "dram.type=hbm2", "schedule.objective=traffic",
                "schedule.fuse=false", "pe.accumulatorBits=24", "dataflow=os", "array.osDrain=wavefront"))
                .spec();
        for (boolean arrays : new boolean[] {false, true}) {
            IsoAreaPlan plan = new IsoAreaPlan(PRECISIONS, List.of(32.0), arrays, Double.NaN);
            for (IsoAreaDesign d : IsoArea.size(base, plan, TABLES)) {
                AcceleratorSpec a = IsoArea.withBandwidth(d.accelerator(), 32);
                assertThat(a.array().multiplierStages()).isEqualTo(2);
                assertThat(a.array().foldOverlap()).isEqualTo(base.array().foldOverlap());
                assertThat(a.array().osDrain()).isEqualTo(base.array().osDrain());
                assertThat(a.vector()).isEqualTo(base.vector());
                assertThat(a.clockMhz()).isEqualTo(900);
                assertThat(a.technologyNm()).isEqualTo(base.technologyNm());
                assertThat(a.dataflow()).isEqualTo(Dataflow.OS);
                assertThat(a.schedule()).isEqualTo(base.schedule());
                assertThat(a.dram()).isEqualTo(base.dram().withBandwidth(32));
                assertThat(a.pe().accumulatorBits()).isEqualTo(24);
                assertThat(a.pe().mode()).isEqualTo(base.pe().mode());
                if (!arrays) {
                    assertThat(a.array().rows()).isEqualTo(base.array().rows());
                }
            }
        }
    }

    @Test
    void everyDesignIsWithinOneCoreOfTheBudget() {
        IsoAreaPlan plan = new IsoAreaPlan(PRECISIONS, List.of(64.0), false, Double.NaN);
        List<IsoAreaDesign> d = IsoArea.size(BASE, plan, TABLES);
        double budget = d.get(0).budgetMm2();
        // The baseline is the base chip itself: 4 cores of 128x128 int16 PEs.
        assertThat(d.get(0).accelerator().cores()).isEqualTo(4);
        // the budget is the base chip's compute: its arrays and its cores' vector units
        assertThat(d.get(0).computeAreaMm2()).isCloseTo(budget, org.assertj.core.data.Offset.offset(1e-9));
        for (IsoAreaDesign x : d) {
            double vectorPerCore = IsoArea.vectorUm2(x.precision(), BASE, TABLES) / 1e6;
            assertThat(vectorPerCore).isPositive();
            assertThat(x.vectorAreaMm2()).isCloseTo(x.accelerator().cores() * vectorPerCore,
                    org.assertj.core.data.Offset.offset(1e-12));
            double routerPerCore = IsoArea.routerUm2(x.precision(), BASE, x.accelerator().array(), TABLES) / 1e6;
            assertThat(routerPerCore).isPositive();
            assertThat(x.routerAreaMm2()).isCloseTo(x.accelerator().cores() > 1 ? x.accelerator().cores() * routerPerCore
                    : 0, org.assertj.core.data.Offset.offset(1e-12));
            double core = x.accelerator().array().pes() * x.peAreaUm2() / 1e6 + vectorPerCore + routerPerCore;
            assertThat(x.computeAreaMm2()).as(x.precision().key()).isLessThanOrEqualTo(budget + 1e-9);
            assertThat(x.computeAreaMm2() + core).as(x.precision().key()).isGreaterThan(budget);
            // Total SRAM stays the same (16 MiB), divided among the cores.
            assertThat(x.accelerator().sram().unifiedKiB() * x.accelerator().cores())
                    .isBetween(16384L - x.accelerator().cores(), 16384L);
        }
    }

    /** ResNet-20 at batch 8 on the default chip, every layer at the precision: a search small enough to run in full. */
    static java.util.function.Function<PrecisionVariant, Network> resnet20() {
        Network net = Batching.of(org.pactsim.workload.zoo.Zoo.find("resnet20").build(), 8);
        return p -> p.apply(net, true);
    }

    /**
     * The best design is the best of all: pruning by the peak bound and by the unlimited-bandwidth
     * run chooses the same winner and runner-up, at the same throughput, as running every
     * candidate at every bandwidth; and every candidate's run obeys the bounds the pruning uses
     * (its throughput at a finite bandwidth is at most its unlimited one, which is at most its peak).
     */
    @Test
    void theSearchFindsTheFastestDesignThatFitsAndPruningChangesNothing() {
        IsoAreaPlan plan = new IsoAreaPlan(PRECISIONS, List.of(Double.POSITIVE_INFINITY, 8.0, 32.0),
                IsoAreaPlan.Scale.BEST, List.of(), Double.NaN, 8);
        IsoArea.Result pruned = IsoArea.best(BASE, resnet20(), plan, TABLES, true);
        IsoArea.Result all = IsoArea.best(BASE, resnet20(), plan, TABLES, false);
        assertThat(pruned.points()).hasSameSizeAs(all.points());
        for (int i = 0; i < all.points().size(); i++) {
            IsoAreaPoint a = all.points().get(i);
            IsoAreaPoint p = pruned.points().get(i);
            assertThat(p.design().shape()).as(a.design().precision().key() + "@" + a.bandwidthGBps())
                    .isEqualTo(a.design().shape());
            assertThat(p.search().runnerUp().shape()).isEqualTo(a.search().runnerUp().shape());
            assertThat(p.result().inferencesPerSecond()).isEqualTo(a.result().inferencesPerSecond());
            assertThat(a.search().run()).isEqualTo(a.search().designs());
            assertThat(p.search().run()).isLessThanOrEqualTo(a.search().run());
            // every design fits the budget, and the winner is the fastest of them
            assertThat(a.design().computeAreaMm2()).isLessThanOrEqualTo(a.design().budgetMm2() + 1e-9);
            assertThat(a.search().margin()).isGreaterThanOrEqualTo(0);
        }
        assertThat(pruned.designsRun()).isLessThan(all.designsRun());
        Network net = resnet20().apply(PRECISIONS.get(2));
        for (IsoAreaDesign d : IsoArea.candidates(BASE, plan, TABLES, PRECISIONS.get(2))) {
            double peak = IsoArea.peakImagesPerSecond(d.accelerator(), net);
            double unl = org.pactsim.sim.Simulation.run(IsoArea.withBandwidth(d.accelerator(), Double.POSITIVE_INFINITY),
                    net, org.pactsim.engine.TimingModel.PACTSIM).inferencesPerSecond();
            double at8 = org.pactsim.sim.Simulation.run(IsoArea.withBandwidth(d.accelerator(), 8), net,
                    org.pactsim.engine.TimingModel.PACTSIM).inferencesPerSecond();
            assertThat(unl).as(d.shape()).isLessThanOrEqualTo(peak * (1 + 1e-12));
            assertThat(at8).as(d.shape()).isLessThanOrEqualTo(unl * (1 + 1e-12));
        }
    }

    @Test
    void theSearchCoversEveryShapeThatFitsWithinTheAspectAndCoreLimits() {
        IsoAreaPlan plan = new IsoAreaPlan(PRECISIONS, List.of(32.0), IsoAreaPlan.Scale.BEST,
                List.of(Dataflow.WS, Dataflow.OS), Double.NaN, 8);
        for (PrecisionVariant p : PRECISIONS) {
            List<IsoAreaDesign> cs = IsoArea.candidates(BASE, plan, TABLES, p);
            double budget = cs.get(0).budgetMm2();
            java.util.Set<String> shapes = new java.util.HashSet<>();
            for (IsoAreaDesign d : cs) {
                var a = d.accelerator();
                assertThat(shapes.add(d.shape())).as("no duplicates").isTrue();
                double core = a.array().pes() * d.peAreaUm2() / 1e6 + d.vectorAreaMm2() / a.cores()
                        + IsoArea.routerUm2(p, BASE, a.array(), TABLES) / 1e6;
                assertThat(d.computeAreaMm2()).isLessThanOrEqualTo(budget + 1e-9);
                assertThat(d.computeAreaMm2() + core).as("as many cores as fit").isGreaterThan(budget);
                assertThat(Math.max(a.array().rows(), a.array().cols()))
                        .isLessThanOrEqualTo(IsoArea.MAX_ASPECT * Math.min(a.array().rows(), a.array().cols()));
                assertThat(a.sram().unifiedKiB() * a.cores()).isBetween(16384L - a.cores(), 16384L);
            }
            // both dataflows of every shape; the base's 128x128 among them
            assertThat(cs.stream().filter(d -> d.accelerator().dataflow() == Dataflow.OS).count() * 2).isEqualTo(cs.size());
            assertThat(shapes).anyMatch(x -> x.endsWith("x128x128 ws"));
        }
    }

    @Test
    void growingArraysStaysWithinOneColumnPerCore() {
        IsoAreaPlan plan = new IsoAreaPlan(PRECISIONS, List.of(64.0), true, Double.NaN);
        for (IsoAreaDesign x : IsoArea.size(BASE, plan, TABLES)) {
            var a = x.accelerator();
            assertThat(a.cores()).isEqualTo(4);
            double column = a.cores() * a.array().rows() * x.peAreaUm2() / 1e6;
            assertThat(x.computeAreaMm2()).isLessThanOrEqualTo(x.budgetMm2() + 1e-9);
            assertThat(x.computeAreaMm2() + column).isGreaterThan(x.budgetMm2());
        }
    }

    @Test
    void peAreaAndPeakThroughputAreMonotoneInPrecision() {
        IsoAreaPlan plan = new IsoAreaPlan(PRECISIONS, List.of(64.0), false, Double.NaN);
        List<IsoAreaDesign> d = IsoArea.size(BASE, plan, TABLES);
        for (int i = 1; i < d.size(); i++) {
            assertThat(d.get(i).peAreaUm2()).isLessThan(d.get(i - 1).peAreaUm2());
            assertThat(d.get(i).accelerator().totalPes()).isGreaterThan(d.get(i - 1).accelerator().totalPes());
        }
        // A PE as its parts (issue 19): the 32-bit accumulator, its adder and the partial-sum and
        // double-buffered weight registers do not shrink, so int2 fits 3.7x the int16 PEs (by
        // hand, 45 nm cells: 1720.5 / 467.1 um^2); PACT's "about 14x more MACs" counts bare MACs,
        // as the version 1 tables (Bit Fusion's measured PEs) do: 17.3x.
        double density = d.get(0).peAreaUm2() / d.get(3).peAreaUm2();
        assertThat(density).isCloseTo(3.683, org.assertj.core.data.Offset.offset(0.001));
        List<IsoAreaDesign> v1 = IsoArea.size(BASE, plan, org.pactsim.cost.V1Tables.T);
        assertThat(v1.get(0).peAreaUm2() / v1.get(3).peAreaUm2()).isBetween(8.0, 25.0);
    }

    /**
     * A tiny chip worked by hand: one 4x4 output-stationary core of int16 PEs at 45 nm, 1000 MHz,
     * a 64 KiB unified SRAM; two fully connected layers, every operand at the design's width b:
     * fc1 {@code 12x8 * 8x12} (M = 12 rows, K = 8, N = 12) and fc2 {@code 12x12 * 12x4}.
     */
    static final AcceleratorSpec TINY = new AcceleratorSpec("tiny", new ArraySpec(4, 4), Dataflow.OS, 1, 1000,
            new PeSpec(16, 16, NumberType.INT, 32, PrecisionMode.FIXED), SramSpec.unified(64), DramSpec.UNLIMITED, 45);

    static Network twoLayers(PrecisionVariant p) {
        Bits b = new Bits(p.precision().bits(), p.precision().bits(), p.precision().bits());
        return new Network("two-fc", List.of(
                new MatMulLayer("fc1", MatMulLayer.Kind.LINEAR, 1, 12, 12, 8, b, List.of()),
                new MatMulLayer("fc2", MatMulLayer.Kind.LINEAR, 1, 12, 4, 12, b, List.of())), List.of());
    }

    /**
     * Cores, cycles, DRAM bytes and the verdicts of {@link #TINY} at int16 and int8, worked by hand.
     *
     * <p><b>Cores.</b> PE areas at 45 nm (Bit Fusion's measured rows, the version 1 tables): int16 1362.7782 um^2, int8
     * 443.4586 um^2. Budget: the base's 16 int16 PEs, 21804.4512 um^2. An int8 core is 16 x 443.4586 =
     * 7095.3376 um^2: floor(21804.4512 / 7095.3376) = floor(3.07) = 3 cores, each with 64 / 3 = 21 KiB.
     *
     * <p><b>Compute.</b> OS on 4x4: folds = ceil(M/4) ceil(N/4), fold span P = K + 4 + 4 - 2, one
     * exposed drain of R = 4: cycles = folds x P + 4. A layer is split over the cores by N or by M
     * (ceil(extent / cores) per core), whichever finishes first. Everything fits on chip, so the
     * tiling is the whole GEMM in one tile.
     * <ul>
     * <li>int16, 1 core: fc1 9 folds x 14 + 4 = 130; fc2 3 x 18 + 4 = 58.
     * <li>int8, 3 cores: fc1 by N (4 columns each) 3 folds x 14 + 4 = 46 (by M the same, and it
     *     moves no more); fc2 by M (4 rows each) 1 x 18 + 4 = 22 (by N: 2 columns on 2 cores,
     *     3 x 18 + 4 = 58). Split by rows, each core needs all 384 bits of fc2's weights, of
     *     which the residency plan gave it 128: it receives the other 256 over its 4 x 32-bit port
     *     in 2 cycles before it starts. fc1's output stays on chip spread by channels, and fc2
     *     would first redistribute it by rows (2 more cycles); without a bandwidth limit the
     *     compiler writes it to DRAM and streams it back instead, at no cost in time: fc2 takes 24.
     * </ul>
     * Unlimited bandwidth: no stalls; 188 cycles against 70: speedup 188/70, peak ratio 3 (48 PEs
     * against 16, one MAC per PE-cycle each), super-linearity (188/70)/3 = 0.90: sub-linear.
     *
     * <p><b>2 GB/s</b> (2 bytes = 16 bits per cycle), steady state: all weights fit (2304 bits at
     * int16, in half the buffer) and are on chip; fc1's output (12 x 12 x b bits) stays on chip
     * for fc2. DRAM carries only the network's input (12 x 8 x b bits) and output (12 x 4 x b).
     * One tile per layer: its load, then its compute, then its write-back.
     * <ul>
     * <li>int16: fc1 1536 bits in 96 cycles + 130 = 226; fc2 58 + 768 bits out in 48 = 106;
     *     332 cycles, 192 + 96 = 288 bytes.
     * <li>int8: fc1 768 bits (broadcast to the 3 cores) in 48 + 46 = 94; fc2 by M: 22 + 2 (its
     *     weights gathered) + 2 (fc1's output redistributed: each core receives the two thirds of
     *     its 4 rows x 12 channels x 8 bits it does not hold, 256 bits, over its port; the ring's
     *     6 links carry the 576 bit-hops in 1) + 384 bits (3 cores x 4 x 4 x 8) out in 24 = 50;
     *     144 cycles, 96 + 48 = 144 bytes.
     * </ul>
     * Speedup 332/144 = 2.31, super-linearity 0.77: halving the bits halves the transfer time,
     * not enough here to beat the tripled peak.
     */
    @Test
    void aTwoLayerNetworkOnATinyChipGivesTheHandWorkedFigures() {
        List<PrecisionVariant> precisions = PRECISIONS.subList(0, 2);
        IsoAreaPlan plan = new IsoAreaPlan(precisions, List.of(Double.POSITIVE_INFINITY, 2.0), false, Double.NaN);
        // the measured Bit Fusion PEs of the version 1 tables, as the figures above are worked
        IsoArea.Result r = IsoArea.run(TINY, IsoAreaTest::twoLayers, plan, org.pactsim.cost.V1Tables.T);

        assertThat(r.designs()).extracting(d -> d.accelerator().cores()).containsExactly(1, 3);
        assertThat(r.designs().get(0).budgetMm2()).isCloseTo(16 * 1362.7782e-6, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(r.designs().get(1).accelerator().sram().unifiedKiB()).isEqualTo(21);
        assertThat(r.points()).hasSize(4);
        IsoAreaPoint u16 = r.points().get(0);
        IsoAreaPoint u8 = r.points().get(1);
        IsoAreaPoint b16 = r.points().get(2);
        IsoAreaPoint b8 = r.points().get(3);

        assertThat(layerCycles(u16)).containsExactly(130L, 58L);
        assertThat(layerCycles(u8)).containsExactly(46L, 24L);
        assertThat(u16.result().stallCycles()).isZero();
        assertThat(u8.result().stallCycles()).isZero();
        assertThat(u8.speedup()).isCloseTo(188.0 / 70, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(u8.peakRatio()).isCloseTo(3.0, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(u8.superLinearity()).isCloseTo(188.0 / 70 / 3, org.assertj.core.data.Offset.offset(1e-12));

        assertThat(steadyLayerCycles(b16)).containsExactly(226L, 106L);
        assertThat(steadyLayerCycles(b8)).containsExactly(94L, 50L);
        assertThat(b16.result().steadyStateDramBytes()).isEqualTo(288);
        assertThat(b8.result().steadyStateDramBytes()).isEqualTo(144);
        assertThat(b8.speedup()).isCloseTo(332.0 / 144, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(b8.superLinearity()).isCloseTo(332.0 / 144 / 3, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(b16.speedup()).isEqualTo(1.0);
    }

    private static List<Long> layerCycles(IsoAreaPoint p) {
        return java.util.stream.IntStream.range(0, p.result().layers().size())
                .mapToObj(i -> p.result().layerCycles(i)).toList();
    }

    private static List<Long> steadyLayerCycles(IsoAreaPoint p) {
        return p.result().steady().stream().map(m -> m.cycles()).toList();
    }
}
