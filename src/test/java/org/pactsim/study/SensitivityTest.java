package org.pactsim.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pactsim.io.format.CostTableReader;
import org.pactsim.report.ChartFiles;
import org.pactsim.report.SensitivityReport;
import org.pactsim.spec.FoldOverlap;
import org.pactsim.workload.Network;
import org.pactsim.workload.TracePrecision;
import org.pactsim.workload.zoo.Zoo;

/**
 * The sensitivity study is made of iso-area runs and nothing else: its reference is the study at
 * the reference bandwidth, each variant is the study with that one change, and the regime map's
 * cell at the chip's own SRAM and the reference bandwidth is the reference. ResNet-20 at batch 4
 * on the default chip, cores scaling, so it runs in seconds.
 */
class SensitivityTest {
    static final List<TracePrecision> PRECISIONS = List.of(TracePrecision.INT16, TracePrecision.INT8, TracePrecision.INT4);
    static Sensitivity.Setup setup;
    static Sensitivity.Result result;

    @BeforeAll
    static void run() {
        Network image = Zoo.find("resnet20").build();
        setup = new Sensitivity.Setup(IsoAreaTest.BASE, image, 4, false, PRECISIONS, List.of(Double.POSITIVE_INFINITY, 8.0),
                IsoAreaPlan.Scale.CORES, List.of(), Double.NaN, IsoAreaTest.TABLES);
        result = Sensitivity.run(setup, 8.0, Map.of("bare MAC rows", CostTableReader.read(
                List.of(java.nio.file.Path.of("arch-configs/cost/v1-tables.csv")))), label -> { });
    }

    @Test
    void theReferenceIsTheStudyAtTheReferenceBandwidth() {
        IsoArea.Result direct = setup.withBandwidths(List.of(8.0)).run();
        assertThat(result.precisions()).containsExactly(TracePrecision.INT8, TracePrecision.INT4);
        for (IsoAreaPoint p : direct.points()) {
            if (!direct.isBaseline(p)) {
                assertThat(result.reference(p.design().precision().precision())).isEqualTo(p.superLinearity());
            }
        }
        // the regime map's cell at SRAM x1 and 8 GB/s is the same study
        int sram = Sensitivity.REGIME_SRAM.indexOf(1.0);
        int bw = Sensitivity.REGIME_GBPS.indexOf(8.0);
        for (TracePrecision p : result.precisions()) {
            assertThat(result.regime().get(p)[sram][bw]).isEqualTo(result.reference(p));
        }
    }

    @Test
    void eachVariantIsTheStudyWithThatOneChange() {
        Map<String, Sensitivity.Assumption> byName = new java.util.LinkedHashMap<>();
        result.assumptions().forEach(a -> byName.put(a.name(), a));
        assertThat(byName.keySet()).containsExactly("SRAM size", "DRAM bandwidth", "batch", "MAC-area table",
                "array shape", "clock", "first/last-layer rule", "dataflow", "fusion", "fold overlap", "cores");
        check(byName.get("SRAM size").variants().get(1), setup.withBandwidths(List.of(8.0))
                .with(setup.base().withSram(org.pactsim.spec.SramSpec.unified(setup.base().sram().unifiedKiB() * 2))));
        check(byName.get("first/last-layer rule").variants().get(0), setup.withBandwidths(List.of(8.0)).withQuantizeAll(true));
        check(byName.get("fold overlap").variants().get(0), setup.withBandwidths(List.of(8.0))
                .with(setup.base().withArray(setup.base().array().withFoldOverlap(FoldOverlap.NONE))));
        check(byName.get("DRAM bandwidth").variants().get(1), setup.withBandwidths(List.of(16.0)));
        check(byName.get("cores").variants().get(0), setup.withBandwidths(List.of(8.0)).with(setup.base()
                .withSchedule(setup.base().schedule().withCores(org.pactsim.spec.ScheduleSpec.CoreMode.BEST))));
        assertThat(byName.get("batch").variants()).extracting(Sensitivity.Variant::label).containsExactly("batch 1", "batch 8");
        assertThat(byName.get("dataflow").variants()).extracting(Sensitivity.Variant::label)
                .containsExactly("dataflow os", "dataflow is");
        // the tornado's order: widest swing first
        for (TracePrecision p : result.precisions()) {
            List<Sensitivity.Assumption> order = result.bySwing(p);
            for (int i = 1; i < order.size(); i++) {
                double[] a = order.get(i - 1).range(p, result.reference(p));
                double[] b = order.get(i).range(p, result.reference(p));
                assertThat(a[1] - a[0]).isGreaterThanOrEqualTo(b[1] - b[0]);
            }
        }
    }

    private static void check(Sensitivity.Variant v, Sensitivity.Setup changed) {
        IsoArea.Result r = changed.run();
        for (IsoAreaPoint p : r.points()) {
            if (!r.isBaseline(p)) {
                assertThat(v.superLinearity().get(p.design().precision().precision())).as(v.label())
                        .isEqualTo(p.superLinearity());
            }
        }
    }

    /** One sentence per precision, naming a flipping assumption when one exists, with the value it gives. */
    @Test
    void theSentenceNamesWhatTheVerdictHangsOn() {
        for (TracePrecision p : result.precisions()) {
            String s = result.sentence(p);
            double ref = result.reference(p);
            boolean sup = ref > 1.005;
            boolean anyFlip = result.assumptions().stream().flatMap(a -> a.variants().stream())
                    .anyMatch(v -> (v.superLinearity().get(p) > 1.005) != sup);
            assertThat(s).startsWith(result.keys().get(p) + " at 8 GB/s is ").doesNotContain("\n");
            assertThat(s).contains(anyFlip ? "it hangs on the " : "under every variation tried");
        }
    }

    @Test
    void theReportsCarryEveryValueAndTheChartsRender() {
        String csv = SensitivityReport.csv(result);
        long variants = result.assumptions().stream().mapToLong(a -> a.variants().size()).sum();
        long cells = (long) Sensitivity.REGIME_SRAM.size() * Sensitivity.REGIME_GBPS.size();
        assertThat(csv.lines().count()).isEqualTo(1 + result.precisions().size() * (1 + variants + cells));
        String text = SensitivityReport.text(result);
        result.precisions().forEach(p -> assertThat(text).contains(result.sentence(p)));
        assertThat(SensitivityReport.json(result)).contains("\"schema\" : \"" + SensitivityReport.SCHEMA + "\"");
        var charts = SensitivityReport.charts(result);
        assertThat(charts.keySet()).containsExactly("tornado-int8", "tornado-int4-pact", "regime-int8", "regime-int4-pact");
        charts.values().forEach(c -> {
            assertThat(ChartFiles.png(c)).hasSizeGreaterThan(1000);
            assertThat(new String(ChartFiles.svg(c), java.nio.charset.StandardCharsets.UTF_8)).contains("<svg");
        });
    }
}
