package org.pactsim.study.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pactsim.cost.CostTables;
import org.pactsim.engine.TimingModel;
import org.pactsim.io.format.ArchReader;
import org.pactsim.io.format.CostTableReader;
import org.pactsim.io.format.SweepSpecReader;
import org.pactsim.report.SweepMetrics;
import org.pactsim.sim.Costing;
import org.pactsim.sim.Simulation;
import org.pactsim.spec.AcceleratorSpec;
import org.pactsim.workload.Network;
import org.pactsim.workload.PrecisionVariant;
import org.pactsim.workload.zoo.Zoo;

/**
 * A point inside a sweep (shared tiling memo, several threads, any order) equals the same point
 * run alone the plain way: {@code ArchReader.read} with {@code --set}s, {@code Simulation.run},
 * {@code Costing.price}, {@code Metrics.TOTAL}. The axes include clock, bandwidth and node, which
 * the shared memo's key leaves out or reduces (tilings do not depend on them).
 */
class SweepEquivalenceTest {
    @TempDir
    static Path dir;

    static SweepSpecReader.Loaded loaded;
    static CostTables tables = CostTableReader.defaults();

    @BeforeAll
    static void read() throws IOException {
        Path p = dir.resolve("eq.yaml");
        Files.writeString(p, "schema: pactsim/sweep/1\nname: eq\naccelerator: "
                + Path.of("arch-configs/sweeps/edge-base.yaml").toAbsolutePath() + "\n"
                + "networks:\n  - zoo: resnet50\naxes:\n"
                + "  bits:\n    - {pe.weightBits: 8, pe.activationBits: 8, network.precision: int8}\n"
                + "    - {pe.weightBits: 4, pe.activationBits: 4, network.precision: int4-pact}\n"
                + "  array.rows: [16, 64]\n  clockMhz: [500, 1000]\n"
                + "  dram.bandwidthGBps: [6.4, 25.6, unlimited]\n  technologyNm: [45, 16]\n"
                + "  sram.unifiedKiB: [128, 2048]\n  cores: [1, 2]\n"
                + "strategy: {type: random, points: 24, seed: 11}\n");
        loaded = SweepSpecReader.read(p, SweepMetrics.TOTAL.keys());
    }

    static List<PointRow> sweep(int threads) {
        PointEvaluator e = new PointEvaluator(loaded.space(), loaded.binder(), SweepMetrics.TOTAL, tables);
        List<PointRow> rows = new ArrayList<>();
        SweepRun.run(e, 0, loaded.space().size(), threads, rows::add);
        return rows;
    }

    @Test
    void aPointAloneEqualsThePointInsideTheSweep() {
        List<PointRow> rows = sweep(2);
        assertThat(rows).hasSize(24);
        List<String> keys = loaded.spec().keys();
        for (PointRow r : rows) {
            List<String> sets = new ArrayList<>();
            String precision = null;
            for (int k = 0; k < keys.size(); k++) {
                if (keys.get(k).equals(SweepSpec.NETWORK_PRECISION)) {
                    precision = r.values().get(k);
                } else {
                    sets.add(keys.get(k) + "=" + r.values().get(k));
                }
            }
            AcceleratorSpec acc = ArchReader.read(Path.of("arch-configs/sweeps/edge-base.yaml"), sets).spec();
            Network net = PrecisionVariant.parse(precision).apply(Zoo.find("resnet50").build(), true);
            Object[] alone = SweepMetrics.TOTAL.values(
                    Costing.price(Simulation.run(acc, net, TimingModel.PACTSIM), net, tables));
            assertThat(r.status()).as(r.toString()).isNotEqualTo(PointRow.Status.ERROR);
            assertThat(r.metrics()).as(r.toString()).containsExactly(alone);
        }
    }

    @Test
    void theRowsDoNotDependOnTheThreadCount() {
        assertThat(sweep(3)).containsExactlyElementsOf(sweep(1));
    }
}
