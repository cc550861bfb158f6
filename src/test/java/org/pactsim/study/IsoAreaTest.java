package org.pactsim.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pactsim.cost.CostTables;
import org.pactsim.io.ArchReader;
import org.pactsim.io.CostTableReader;
import org.pactsim.spec.AcceleratorSpec;
import org.pactsim.workload.PrecisionVariant;
import org.pactsim.workload.TracePrecision;

class IsoAreaTest {
    static final CostTables TABLES = CostTableReader.defaults();
    static final AcceleratorSpec BASE = ArchReader.read(Path.of("arch-configs/pact-14nm.yaml"), List.of()).spec();
    static final List<PrecisionVariant> PRECISIONS = List.of(new PrecisionVariant(TracePrecision.INT16, false),
            new PrecisionVariant(TracePrecision.INT8, false), new PrecisionVariant(TracePrecision.INT4, true),
            new PrecisionVariant(TracePrecision.INT2, true));

    @Test
    void everyDesignIsWithinOneCoreOfTheBudget() {
        IsoAreaPlan plan = new IsoAreaPlan(PRECISIONS, List.of(64.0), false, Double.NaN);
        List<IsoAreaDesign> d = IsoArea.size(BASE, plan, TABLES);
        double budget = d.get(0).budgetMm2();
        // The baseline is the base chip itself: 4 cores of 128x128 int16 PEs.
        assertThat(d.get(0).accelerator().cores()).isEqualTo(4);
        assertThat(d.get(0).arrayAreaMm2()).isCloseTo(budget, org.assertj.core.data.Offset.offset(1e-9));
        for (IsoAreaDesign x : d) {
            double core = x.accelerator().array().pes() * x.peAreaUm2() / 1e6;
            assertThat(x.arrayAreaMm2()).as(x.precision().key()).isLessThanOrEqualTo(budget + 1e-9);
            assertThat(x.arrayAreaMm2() + core).as(x.precision().key()).isGreaterThan(budget);
            // Total SRAM stays the same (16 MiB), divided among the cores.
            assertThat(x.accelerator().sram().unifiedKiB() * x.accelerator().cores())
                    .isBetween(16384L - x.accelerator().cores(), 16384L);
        }
    }

    @Test
    void growingArraysStaysWithinOneColumnPerCore() {
        IsoAreaPlan plan = new IsoAreaPlan(PRECISIONS, List.of(64.0), true, Double.NaN);
        for (IsoAreaDesign x : IsoArea.size(BASE, plan, TABLES)) {
            var a = x.accelerator();
            assertThat(a.cores()).isEqualTo(4);
            double column = a.cores() * a.array().rows() * x.peAreaUm2() / 1e6;
            assertThat(x.arrayAreaMm2()).isLessThanOrEqualTo(x.budgetMm2() + 1e-9);
            assertThat(x.arrayAreaMm2() + column).isGreaterThan(x.budgetMm2());
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
        // PACT's estimate: about 14x more MACs from 16 to 2 bits at 14 nm; the Bit Fusion-based
        // tables give the same order (not tuned to it).
        double density = d.get(0).peAreaUm2() / d.get(3).peAreaUm2();
        assertThat(density).isBetween(8.0, 25.0);
    }

    @Test
    void theStudyComparesEveryPointWithTheBaselineAtTheSameBandwidth() {
        IsoAreaPlan plan = new IsoAreaPlan(PRECISIONS, List.of(Double.POSITIVE_INFINITY, 32.0), false, Double.NaN);
        var net = org.pactsim.workload.zoo.Zoo.find("resnet20").build();
        IsoArea.Result r = IsoArea.run(BASE, p -> p.apply(net, true), plan, TABLES);
        assertThat(r.points()).hasSize(8);
        for (IsoAreaPoint p : r.points()) {
            if (p.design() == r.designs().get(0)) {
                assertThat(p.speedup()).isEqualTo(1.0);
                assertThat(p.peakRatio()).isEqualTo(1.0);
            }
            assertThat(p.superLinearity()).isCloseTo(p.speedup() / p.peakRatio(), org.assertj.core.data.Offset.offset(1e-12));
            assertThat(p.result().cost()).isNotNull();
        }
        // Peak throughput grows with every step down in precision.
        for (int i = 1; i < 4; i++) {
            assertThat(r.points().get(i).peakRatio()).isGreaterThan(r.points().get(i - 1).peakRatio());
        }
        // Unlimited bandwidth never stalls.
        assertThat(r.points().subList(0, 4)).allMatch(p -> p.result().stallCycles() == 0);
    }
}
