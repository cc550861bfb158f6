package org.pactsim.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pactsim.golden.Golden;
import org.pactsim.io.format.ArchReader;
import org.pactsim.cost.CostTables;
import org.pactsim.io.format.CostTableReader;
import org.pactsim.io.format.ReferenceDataReader;
import org.pactsim.spec.AcceleratorSpec;

/**
 * pactsim's estimates of published TPU v1, Eyeriss and DianNao figures ({@link Calibration}), each checked against its
 * reference datum ({@code reference-chips.csv}: the figure, its source and its tolerance). A
 * datum outside its tolerance fails the test unless the file marks it a known deviation with
 * the reason; a marked datum that comes within tolerance fails too (unmark it). The table of
 * docs/cost-model.md ("Reference chips") is generated here and must equal the committed one
 * ({@code -Dpactsim.updateGolden=true} rewrites it), as must the README's short form of it.
 *
 * <p>Every estimate is what {@code pactsim simulate} reports: {@link Simulation} (fold engine
 * and memory model, DRAM stalls included) priced by {@link Costing} with the shipped tables, in
 * the steady state (weights that fit on chip already loaded).
 */
class ReferenceChipsTest {
    static final Path DOC = Path.of("docs", "cost-model.md");
    private static final CostTables T = CostTableReader.defaults();

    private static AcceleratorSpec arch(String file, String... overrides) {
        return ArchReader.read(Path.of("arch-configs", file), List.of(overrides)).spec();
    }

    /** Every estimate the reference data names, for the shipped configs and tables. */
    static Map<String, Calibration.Estimate> estimates() {
        // TPU v1 has DDR3 (Jouppi et al., Table 2); the config leaves the DRAM type at its default.
        return Calibration.estimates(new Calibration.Chips(arch("tpu-v1.yaml", "dram.type=ddr3"), arch("eyeriss.yaml"),
                arch("diannao.yaml")), T);
    }

    static String fmt(double v) {
        return Calibration.fmt(v);
    }

    /** The generated table of docs/cost-model.md. */
    static String table(List<ReferenceDatum> data, Map<String, Calibration.Estimate> est) {
        StringBuilder b = new StringBuilder("| chip | quantity | pactsim | published (source) | pactsim / published"
                + " | tolerance | status |\n|---|---|---|---|---|---|---|\n");
        for (ReferenceDatum d : data) {
            Calibration.Estimate e = est.get(d.id());
            String tol = d.toleranceText();
            String status = d.within(e.value()) ? "within" : "**known deviation**: " + d.deviation();
            b.append(String.format(Locale.ROOT, "| %s | %s, %s | %s%s | %s (%s, %s) | %.3f | %s | %s |%n", d.chip(),
                    d.quantity(), d.unit(), fmt(e.value()), e.detail().isEmpty() ? "" : " (" + e.detail() + ")",
                    fmt(d.published()), d.source(), d.location(), e.value() / d.published(), tol, status));
        }
        return b.toString();
    }

    /** The README's short form: the figures and the ratio, the reasons left to docs/cost-model.md. */
    static String readmeTable(List<ReferenceDatum> data, Map<String, Calibration.Estimate> est) {
        StringBuilder b = new StringBuilder("| chip | quantity | pactsim | published | ratio | |\n|---|---|---|---|---|---|\n");
        for (ReferenceDatum d : data) {
            double v = est.get(d.id()).value();
            b.append(String.format(Locale.ROOT, "| %s | %s, %s | %s | %s%s | %.2f | %s |%n", d.chip(), d.quantity(), d.unit(),
                    fmt(v), d.kind() == ReferenceDatum.Kind.MAX ? "at most " : "", fmt(d.published()), v / d.published(),
                    d.within(v) ? "within tolerance" : "known deviation"));
        }
        return b.toString();
    }

    @Test
    void everyPublishedFigureIsWithinItsToleranceOrAKnownDeviation() throws IOException {
        List<ReferenceDatum> data = ReferenceDataReader.load();
        Map<String, Calibration.Estimate> est = estimates();
        assertThat(data).extracting(ReferenceDatum::id).containsExactlyInAnyOrderElementsOf(est.keySet());
        String table = table(data, est);
        System.out.print(table);
        List<String> outside = new ArrayList<>();
        List<String> cured = new ArrayList<>();
        for (ReferenceDatum d : data) {
            double v = est.get(d.id()).value();
            assertThat(v).as(d.id()).isFinite().isPositive();
            if (!d.within(v) && !d.knownDeviation()) {
                outside.add(String.format(Locale.ROOT, "%s: pactsim %s, published %s (ratio %.3f, tolerance %s %.0f%%)",
                        d.id(), fmt(v), fmt(d.published()), v / d.published(), d.kind(), 100 * d.tolerance()));
            }
            if (d.within(v) && d.knownDeviation()) {
                cured.add(d.id() + ": within tolerance now (" + fmt(v) + " against " + fmt(d.published())
                        + "); remove its deviation in " + ReferenceDatum.RESOURCE);
            }
        }
        assertThat(outside).as("estimates outside their tolerance, not marked as known deviations").isEmpty();
        assertThat(cured).isEmpty();
        Golden.checkRegion(DOC, "reference-chips", table);
        Golden.checkRegion(Path.of("README.md"), "reference-chips", readmeTable(data, est));
    }

    /** A datum is met or not by its kind: value within a relative band, max as a bound. */
    @Test
    void theComparisonOfADatumIsItsKinds() {
        // value: within a factor 1 + t either way (1/3: the 0.75x-1.33x)
        ReferenceDatum v = new ReferenceDatum("v", "c", "q", "u", 100, ReferenceDatum.Kind.VALUE, 1.0 / 3, "s", "l", "");
        assertThat(v.within(75.001)).isTrue();
        assertThat(v.within(133.33)).isTrue();
        assertThat(v.within(74.9)).isFalse();
        assertThat(v.within(133.4)).isFalse();
        ReferenceDatum p = new ReferenceDatum("p", "c", "q", "%", 30, ReferenceDatum.Kind.POINTS, 10, "s", "l", "");
        assertThat(p.within(40)).isTrue();
        assertThat(p.within(20)).isTrue();
        assertThat(p.within(40.1)).isFalse();
        assertThat(p.within(19.9)).isFalse();
        ReferenceDatum m = new ReferenceDatum("m", "c", "q", "u", 34, ReferenceDatum.Kind.MAX, 0, "s", "l", "");
        assertThat(m.within(1)).isTrue();
        assertThat(m.within(34)).isTrue();
        assertThat(m.within(34.01)).isFalse();
    }
}
