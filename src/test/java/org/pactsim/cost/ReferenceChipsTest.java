package org.pactsim.cost;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pactsim.engine.TimingModel;
import org.pactsim.golden.Golden;
import org.pactsim.io.format.ArchReader;
import org.pactsim.io.format.CostTableReader;
import org.pactsim.sim.Costing;
import org.pactsim.sim.Simulation;
import org.pactsim.sim.PricedResult;
import org.pactsim.spec.AcceleratorSpec;
import org.pactsim.workload.Bits;
import org.pactsim.workload.ConvLayer;
import org.pactsim.workload.Layer;
import org.pactsim.workload.MatMulLayer;
import org.pactsim.workload.Network;

/**
 * pactsim's estimates of published TPU v1 and Eyeriss figures, each checked against its
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

    /** AlexNet's five conv layers (Krizhevsky et al. 2012, two-group form, 227x227 input). */
    static List<Layer> alexNetConv(long batch, Bits bits) {
        return List.of(
                new ConvLayer("conv1", batch, 227, 227, 3, 96, 11, 11, 4, 4, 0, 0, 1, bits, List.of()),
                new ConvLayer("conv2", batch, 27, 27, 96, 256, 5, 5, 1, 1, 2, 2, 2, bits, List.of()),
                new ConvLayer("conv3", batch, 13, 13, 256, 384, 3, 3, 1, 1, 1, 1, 1, bits, List.of()),
                new ConvLayer("conv4", batch, 13, 13, 384, 384, 3, 3, 1, 1, 1, 1, 2, bits, List.of()),
                new ConvLayer("conv5", batch, 13, 13, 384, 256, 3, 3, 1, 1, 1, 1, 2, bits, List.of()));
    }

    static List<Layer> alexNet(long batch, Bits bits) {
        List<Layer> l = new ArrayList<>(alexNetConv(batch, bits));
        l.add(new MatMulLayer("fc6", MatMulLayer.Kind.LINEAR, 1, batch, 4096, 9216, bits, List.of()));
        l.add(new MatMulLayer("fc7", MatMulLayer.Kind.LINEAR, 1, batch, 4096, 4096, bits, List.of()));
        l.add(new MatMulLayer("fc8", MatMulLayer.Kind.LINEAR, 1, batch, 1000, 4096, bits, List.of()));
        return l;
    }

    /** An estimate: its value in the datum's unit, and how it breaks down (for the table). */
    record Estimate(double value, String detail) {
    }

    private static AcceleratorSpec arch(String file, String... overrides) {
        return ArchReader.read(Path.of("arch-configs", file), List.of(overrides)).spec();
    }

    private static PricedResult simulate(AcceleratorSpec acc, Network net) {
        return Costing.price(Simulation.run(acc, net, TimingModel.PACTSIM), net, T);
    }

    private static double watts(double pj, CostReport r) {
        return pj * 1e-12 / r.seconds();
    }

    /** Every estimate the reference data names, computed as {@code pactsim simulate} would. */
    static Map<String, Estimate> estimates() {
        Map<String, Estimate> e = new LinkedHashMap<>();
        // TPU v1 has DDR3 (Jouppi et al., Table 2); the config leaves the DRAM type at its default.
        AcceleratorSpec tpu = arch("tpu-v1.yaml", "dram.type=ddr3");
        CostModel tm = new CostModel(T, tpu, tpu.pe().mode(), tpu.dram().type());
        AreaBreakdown ta = tm.area();
        e.put("tpu-peak-tops", new Estimate(tm.peakTops(), ""));
        e.put("tpu-die-area", new Estimate(ta.totalMm2(), String.format(Locale.ROOT, "%.1f + %.1f + %.1f",
                ta.arrayMm2(), ta.sramMm2(), ta.otherMm2())));
        e.put("tpu-static-power", new Estimate(tm.leakageW(), ""));
        Bits int8 = new Bits(8, 8, 8);
        PricedResult gemm = simulate(tpu, new Network("gemm4096", List.of(
                new MatMulLayer("gemm", MatMulLayer.Kind.LINEAR, 1, 4096, 4096, 4096, int8, List.of())), List.of()));
        e.put("tpu-busy-power", new Estimate(gemm.steadyCost().onChipPowerW(), onChipDetail(gemm, 1, "W")));
        PricedResult alex = simulate(tpu, new Network("alexnet", alexNet(1, int8), List.of()));
        CostReport a = alex.steadyCost();
        e.put("tpu-alexnet-dram-bw", new Estimate(alex.run().steadyStateDramBytes() / a.seconds() / 1e9,
                String.format(Locale.ROOT, "%.1f MB in %.2f ms; DRAM %.1f W; %s", alex.run().steadyStateDramBytes() / 1e6,
                        a.seconds() * 1e3, watts(a.energy().dramPj(), a), onChipDetail(alex, 1, "W"))));

        AcceleratorSpec eye = arch("eyeriss.yaml");
        CostModel em = new CostModel(T, eye, eye.pe().mode(), eye.dram().type());
        AreaBreakdown ea = em.area();
        e.put("eyeriss-area", new Estimate(ea.totalMm2(), String.format(Locale.ROOT, "%.2f + %.2f + %.2f",
                ea.arrayMm2(), ea.sramMm2(), ea.otherMm2())));
        PricedResult conv = simulate(eye, new Network("alexnet-conv", alexNetConv(4, new Bits(16, 16, 16)), List.of()));
        CostReport c = conv.steadyCost();
        e.put("eyeriss-fps", new Estimate(4 * conv.run().inferencesPerSecond(), String.format(Locale.ROOT,
                "%.0f%% of the cycles stalled on DRAM", 100.0 * (conv.run().steadyStateCycles() - computeCycles(conv))
                        / conv.run().steadyStateCycles())));
        e.put("eyeriss-power", new Estimate(c.onChipPowerW() * 1e3, onChipDetail(conv, 1e3, "mW")));
        e.put("eyeriss-dram-per-mac", new Estimate(conv.run().steadyStateDramBytes() / 2.0 / c.macs(),
                String.format(Locale.ROOT, "%.1f MB per batch of 4", conv.run().steadyStateDramBytes() / 1e6)));
        return e;
    }

    private static long computeCycles(PricedResult r) {
        return r.run().steady().stream().mapToLong(m -> m.computeCycles()).sum();
    }

    /** "MAC + SRAM + leakage" of a steady-state inference, and the utilization. */
    private static String onChipDetail(PricedResult r, double scale, String unit) {
        CostReport c = r.steadyCost();
        return String.format(Locale.ROOT, "MAC %.1f + SRAM %.1f + leakage %.1f %s; utilization %.0f%%",
                watts(c.energy().macPj(), c) * scale, watts(c.energy().sramPj(), c) * scale,
                watts(c.energy().leakagePj(), c) * scale, unit,
                100.0 * c.macs() / ((double) r.run().steadyStateCycles() * r.run().accelerator().totalPes()));
    }

    static String fmt(double v) {
        double a = Math.abs(v);
        String f = a >= 100 ? "%.0f" : a >= 10 ? "%.1f" : a >= 1 ? "%.2f" : a >= 0.1 ? "%.3f" : "%.2e";
        return String.format(Locale.ROOT, f, v);
    }

    /** The generated table of docs/cost-model.md. */
    static String table(List<ReferenceDatum> data, Map<String, Estimate> est) {
        StringBuilder b = new StringBuilder("| chip | quantity | pactsim | published (source) | pactsim / published"
                + " | tolerance | status |\n|---|---|---|---|---|---|---|\n");
        for (ReferenceDatum d : data) {
            Estimate e = est.get(d.id());
            String tol = d.kind() == ReferenceDatum.Kind.MAX
                    ? (d.tolerance() == 0 ? "at most" : String.format(Locale.ROOT, "at most +%.0f%%", 100 * d.tolerance()))
                    : String.format(Locale.ROOT, "±%.0f%%", 100 * d.tolerance());
            String status = d.within(e.value()) ? "within" : "**known deviation**: " + d.deviation();
            b.append(String.format(Locale.ROOT, "| %s | %s, %s | %s%s | %s (%s, %s) | %.3f | %s | %s |%n", d.chip(),
                    d.quantity(), d.unit(), fmt(e.value()), e.detail().isEmpty() ? "" : " (" + e.detail() + ")",
                    fmt(d.published()), d.source(), d.location(), e.value() / d.published(), tol, status));
        }
        return b.toString();
    }

    /** The README's short form: the figures and the ratio, the reasons left to docs/cost-model.md. */
    static String readmeTable(List<ReferenceDatum> data, Map<String, Estimate> est) {
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
        List<ReferenceDatum> data = ReferenceDatum.load();
        Map<String, Estimate> est = estimates();
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
        ReferenceDatum v = new ReferenceDatum("v", "c", "q", "u", 100, ReferenceDatum.Kind.VALUE, 0.25, "s", "l", "");
        assertThat(v.within(75)).isTrue();
        assertThat(v.within(125)).isTrue();
        assertThat(v.within(74.9)).isFalse();
        assertThat(v.within(125.1)).isFalse();
        ReferenceDatum m = new ReferenceDatum("m", "c", "q", "u", 34, ReferenceDatum.Kind.MAX, 0, "s", "l", "");
        assertThat(m.within(1)).isTrue();
        assertThat(m.within(34)).isTrue();
        assertThat(m.within(34.01)).isFalse();
    }
}
