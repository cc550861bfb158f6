package org.pactsim.study;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.pactsim.cost.CostTables;
import org.pactsim.spec.AcceleratorSpec;
import org.pactsim.spec.Dataflow;
import org.pactsim.spec.FoldOverlap;
import org.pactsim.spec.ScheduleSpec;
import org.pactsim.spec.SramSpec;
import org.pactsim.workload.Network;
import org.pactsim.workload.PrecisionVariant;
import org.pactsim.workload.TracePrecision;

/**
 * What the iso-area answer depends on (issue 20): the study at the chosen chip, then again with
 * one assumption changed at a time (SRAM size, bandwidth, batch, MAC-area table, how the area is
 * filled, clock, the first/last-layer rule, dataflow, fusion, fold overlap, how the cores run
 * consecutive layers), each precision's
 * super-linearity at the reference bandwidth recorded; and a regime map, super-linearity over
 * SRAM size x bandwidth. Nothing here models anything: every number is an {@link IsoArea} run.
 */
public final class Sensitivity {
    /** SRAM multipliers of the regime map (total SRAM x these). */
    public static final List<Double> REGIME_SRAM = List.of(0.25, 0.5, 1.0, 2.0, 4.0);
    /** Bandwidths of the regime map, in GB/s (the last unlimited). */
    public static final List<Double> REGIME_GBPS = List.of(8.0, 16.0, 32.0, 64.0, 128.0, Double.POSITIVE_INFINITY);

    private Sensitivity() {
    }

    /**
     * One study's inputs: the chip, the network for one image, the batch, whether every layer
     * is quantized (else PACT's rule), the precisions (baseline first), the bandwidths, how the
     * area is filled and the cost tables.
     */
    public record Setup(AcceleratorSpec base, Network image, int batch, boolean quantizeAll,
                        List<TracePrecision> precisions, List<Double> bandwidthsGBps, IsoAreaPlan.Scale scale,
                        List<Dataflow> dataflows, double areaMm2, CostTables tables) {
        public Setup {
            precisions = List.copyOf(precisions);
            bandwidthsGBps = List.copyOf(bandwidthsGBps);
            dataflows = List.copyOf(dataflows);
        }

        public IsoAreaPlan plan() {
            List<PrecisionVariant> ps = precisions.stream()
                    .map(p -> new PrecisionVariant(p, !quantizeAll && p.bits() < 8)).toList();
            return new IsoAreaPlan(ps, bandwidthsGBps, scale, dataflows, areaMm2, batch);
        }

        public IsoArea.Result run() {
            Network source = Batching.of(image, batch);
            return IsoArea.run(base, p -> p.apply(source, true), plan(), tables);
        }

        Setup with(AcceleratorSpec b) {
            return new Setup(b, image, batch, quantizeAll, precisions, bandwidthsGBps, scale, dataflows, areaMm2, tables);
        }

        Setup withBandwidths(List<Double> bw) {
            return new Setup(base, image, batch, quantizeAll, precisions, bw, scale, dataflows, areaMm2, tables);
        }

        Setup withBatch(int b) {
            return new Setup(base, image, b, quantizeAll, precisions, bandwidthsGBps, scale, dataflows, areaMm2, tables);
        }

        Setup withQuantizeAll(boolean q) {
            return new Setup(base, image, batch, q, precisions, bandwidthsGBps, scale, dataflows, areaMm2, tables);
        }

        Setup withScale(IsoAreaPlan.Scale s, List<Dataflow> flows) {
            return new Setup(base, image, batch, quantizeAll, precisions, bandwidthsGBps, s, flows, areaMm2, tables);
        }

        Setup withTables(CostTables t) {
            return new Setup(base, image, batch, quantizeAll, precisions, bandwidthsGBps, scale, dataflows, areaMm2, t);
        }
    }

    /** One changed assumption's run: its label and each low-bit precision's super-linearity. */
    public record Variant(String label, Map<TracePrecision, Double> superLinearity) {
    }

    /** An assumption and its variants, in the order tried. */
    public record Assumption(String name, List<Variant> variants) {
        /** The lowest and highest super-linearity of {@code p} over the variants and the reference value. */
        public double[] range(TracePrecision p, double reference) {
            double lo = reference;
            double hi = reference;
            for (Variant v : variants) {
                double x = v.superLinearity().get(p);
                lo = Math.min(lo, x);
                hi = Math.max(hi, x);
            }
            return new double[] {lo, hi};
        }
    }

    /**
     * The answer: the reference study (at one bandwidth), each assumption's variants, the regime
     * map ({@code regime[sram][bandwidth]} by {@link #REGIME_SRAM} and {@link #REGIME_GBPS}, per
     * low-bit precision), and the names the precisions have in the reference.
     */
    public record Result(IsoArea.Result reference, double bandwidthGBps, List<Assumption> assumptions,
                         Map<TracePrecision, double[][]> regime, Map<TracePrecision, String> keys, long designsRun) {
        /** The low-bit precisions, in order. */
        public List<TracePrecision> precisions() {
            return List.copyOf(keys.keySet());
        }

        /** The reference super-linearity of {@code p}. */
        public double reference(TracePrecision p) {
            return superLinearity(this.reference).get(p);
        }

        /** Assumptions by how far they move {@code p}'s super-linearity, widest first (a tornado's order). */
        public List<Assumption> bySwing(TracePrecision p) {
            double ref = reference(p);
            List<Assumption> a = new ArrayList<>(assumptions);
            a.sort(java.util.Comparator.comparingDouble((Assumption x) -> {
                double[] r = x.range(p, ref);
                return -(r[1] - r[0]);
            }));
            return a;
        }

        /**
         * One sentence per precision naming the assumption its verdict hangs on: the variant
         * that flips it (super-linear to not, or back) and moves it most; else that it holds
         * under every variation, and which assumption moves it most.
         */
        public String sentence(TracePrecision p) {
            double ref = reference(p);
            boolean sup = ref > 1.005;
            String at = keys.get(p) + " at " + bw(bandwidthGBps);
            String verdict = String.format(Locale.ROOT, "%s is %s (%.2f)", at, sup ? "super-linear" : "not super-linear", ref);
            String flipName = null;
            Variant flip = null;
            String mostName = null;
            Variant most = null;
            for (Assumption a : assumptions) {
                for (Variant v : a.variants()) {
                    double x = v.superLinearity().get(p);
                    if ((x > 1.005) != sup && (flip == null || Math.abs(x - ref) > Math.abs(flip.superLinearity().get(p) - ref))) {
                        flip = v;
                        flipName = a.name();
                    }
                    if (most == null || Math.abs(x - ref) > Math.abs(most.superLinearity().get(p) - ref)) {
                        most = v;
                        mostName = a.name();
                    }
                }
            }
            if (flip != null) {
                long flips = assumptions.stream().filter(a -> a.variants().stream()
                        .anyMatch(v -> (v.superLinearity().get(p) > 1.005) != sup)).count();
                return String.format(Locale.ROOT, "%s; it hangs on the %s: with %s it is %.2f%s.", verdict, flipName,
                        flip.label(), flip.superLinearity().get(p),
                        flips > 1 ? " (" + (flips - 1) + " other assumption" + (flips > 2 ? "s" : "") + " can flip it too)" : "");
            }
            return most == null ? verdict + "." : String.format(Locale.ROOT,
                    "%s under every variation tried; the %s moves it most (%s: %.2f).", verdict, mostName, most.label(),
                    most.superLinearity().get(p));
        }
    }

    static String bw(double gbps) {
        return Double.isInfinite(gbps) ? "unlimited bandwidth" : String.format(Locale.ROOT, "%.0f GB/s", gbps);
    }

    /** Each low-bit precision's super-linearity in a one-bandwidth study. */
    static Map<TracePrecision, Double> superLinearity(IsoArea.Result r) {
        Map<TracePrecision, Double> m = new LinkedHashMap<>();
        for (IsoAreaPoint p : r.points()) {
            if (!r.isBaseline(p)) {
                m.put(p.design().precision().precision(), p.superLinearity());
            }
        }
        return m;
    }

    /**
     * Runs the reference study at {@code bandwidthGBps}, each variant, and the regime map.
     * {@code tables}: other MAC-area tables to try, by label. {@code progress} hears the label
     * of each run as it starts.
     */
    public static Result run(Setup chosen, double bandwidthGBps, Map<String, CostTables> tables,
                             Consumer<String> progress) {
        Setup ref = chosen.withBandwidths(List.of(bandwidthGBps));
        progress.accept("reference");
        IsoArea.Result reference = ref.run();
        long designs = reference.designsRun();
        Map<TracePrecision, String> keys = new LinkedHashMap<>();
        for (IsoAreaPoint p : reference.points()) {
            if (!reference.isBaseline(p)) {
                keys.put(p.design().precision().precision(), p.design().precision().key());
            }
        }
        List<Assumption> out = new ArrayList<>();
        for (Map.Entry<String, Map<String, Setup>> a : variants(ref, bandwidthGBps, tables).entrySet()) {
            List<Variant> vs = new ArrayList<>();
            for (Map.Entry<String, Setup> v : a.getValue().entrySet()) {
                progress.accept(a.getKey() + ": " + v.getKey());
                IsoArea.Result r = v.getValue().run();
                designs += r.designsRun();
                vs.add(new Variant(v.getKey(), superLinearity(r)));
            }
            out.add(new Assumption(a.getKey(), vs));
        }
        Map<TracePrecision, double[][]> regime = new LinkedHashMap<>();
        keys.keySet().forEach(p -> regime.put(p, new double[REGIME_SRAM.size()][REGIME_GBPS.size()]));
        List<Double> bws = REGIME_GBPS;
        for (int i = 0; i < REGIME_SRAM.size(); i++) {
            progress.accept("regime map: SRAM x" + fmt(REGIME_SRAM.get(i)));
            Setup s = ref.with(ref.base().withSram(scale(ref.base().sram(), REGIME_SRAM.get(i)))).withBandwidths(bws);
            IsoArea.Result r = s.run();
            designs += r.designsRun();
            for (IsoAreaPoint p : r.points()) {
                if (!r.isBaseline(p)) {
                    int j = bws.indexOf(p.bandwidthGBps());
                    regime.get(p.design().precision().precision())[i][j] = p.superLinearity();
                }
            }
        }
        return new Result(reference, bandwidthGBps, out, regime, keys, designs);
    }

    /** How many studies {@link #run} runs: the reference, each variant, each row of the regime map. */
    public static int runs(Setup chosen, double bandwidthGBps, Map<String, CostTables> tables) {
        return 1 + variants(chosen.withBandwidths(List.of(bandwidthGBps)), bandwidthGBps, tables).values().stream()
                .mapToInt(Map::size).sum() + REGIME_SRAM.size();
    }

    /** The variants of each assumption around {@code ref} (one bandwidth), by assumption and label. */
    static Map<String, Map<String, Setup>> variants(Setup ref, double bw, Map<String, CostTables> tables) {
        AcceleratorSpec b = ref.base();
        Map<String, Map<String, Setup>> v = new LinkedHashMap<>();
        v.put("SRAM size", pairs("SRAM x0.5", ref.with(b.withSram(scale(b.sram(), 0.5))),
                "SRAM x2", ref.with(b.withSram(scale(b.sram(), 2)))));
        if (!Double.isInfinite(bw)) {
            v.put("DRAM bandwidth", pairs(fmt(bw / 2) + " GB/s", ref.withBandwidths(List.of(bw / 2)),
                    fmt(bw * 2) + " GB/s", ref.withBandwidths(List.of(bw * 2))));
        }
        Map<String, Setup> batch = new LinkedHashMap<>();
        if (ref.batch() > 1) {
            batch.put("batch 1", ref.withBatch(1));
        }
        batch.put("batch " + ref.batch() * 2, ref.withBatch(ref.batch() * 2));
        v.put("batch", batch);
        if (!tables.isEmpty()) {
            Map<String, Setup> t = new LinkedHashMap<>();
            tables.forEach((label, ct) -> t.put(label, ref.withTables(ct)));
            v.put("MAC-area table", t);
        }
        Map<String, Setup> fill = new LinkedHashMap<>();
        for (IsoAreaPlan.Scale s : IsoAreaPlan.Scale.values()) {
            if (s != ref.scale()) {
                fill.put(fillLabel(s), ref.withScale(s, List.of()));
            }
        }
        v.put("array shape", fill);
        v.put("clock", pairs(fmt(b.clockMhz() / 2) + " MHz", ref.with(b.withClockMhz(b.clockMhz() / 2)),
                fmt(b.clockMhz() * 2) + " MHz", ref.with(b.withClockMhz(b.clockMhz() * 2))));
        v.put("first/last-layer rule", pairs(ref.quantizeAll() ? "PACT's rule (first and last layers at 8 bits)"
                : "every layer quantized", ref.withQuantizeAll(!ref.quantizeAll())));
        Map<String, Setup> flows = new LinkedHashMap<>();
        for (Dataflow d : Dataflow.values()) {
            if (d != b.dataflow()) {
                flows.put("dataflow " + d.key(), ref.scale() == IsoAreaPlan.Scale.BEST && !ref.dataflows().isEmpty()
                        ? ref.withScale(ref.scale(), List.of(d)) : ref.with(b.withDataflow(d)).withScale(ref.scale(), List.of()));
            }
        }
        v.put("dataflow", flows);
        ScheduleSpec sch = b.schedule();
        v.put("fusion", pairs(sch.fuse() ? "fusion off" : "fusion on",
                ref.with(b.withSchedule(sch.withFuse(!sch.fuse())))));
        FoldOverlap other = b.array().foldOverlap() == FoldOverlap.NONE ? FoldOverlap.PIPELINED : FoldOverlap.NONE;
        v.put("fold overlap", pairs("fold overlap " + other.name().toLowerCase(Locale.ROOT),
                ref.with(b.withArray(b.array().withFoldOverlap(other)))));
        // how the cores run consecutive layers: lockstep, or a layer pipeline over core groups where faster
        ScheduleSpec.CoreMode cores = sch.cores() == ScheduleSpec.CoreMode.LOCKSTEP ? ScheduleSpec.CoreMode.BEST
                : ScheduleSpec.CoreMode.LOCKSTEP;
        v.put("cores", pairs(cores == ScheduleSpec.CoreMode.BEST ? "layer pipeline where faster (schedule.cores best)"
                : "cores in lockstep", ref.with(b.withSchedule(sch.withCores(cores)))));
        return v;
    }

    /** The variants in the order given (low before high). */
    private static Map<String, Setup> pairs(String k1, Setup v1, String k2, Setup v2) {
        Map<String, Setup> m = pairs(k1, v1);
        m.put(k2, v2);
        return m;
    }

    private static Map<String, Setup> pairs(String k, Setup v) {
        Map<String, Setup> m = new LinkedHashMap<>();
        m.put(k, v);
        return m;
    }

    static String fillLabel(IsoAreaPlan.Scale s) {
        switch (s) {
            case CORES: return "base array, more cores (--scale cores)";
            case ARRAYS: return "base cores, larger arrays (--scale arrays)";
            default: return "best design searched (--scale best)";
        }
    }

    /** {@code s} with every buffer {@code m} times as large (at least 1 KiB). */
    static SramSpec scale(SramSpec s, double m) {
        if (s.isUnified()) {
            return SramSpec.unified(Math.max(1, Math.round(s.unifiedKiB() * m)));
        }
        return SramSpec.split(Math.max(1, Math.round(s.ifmapKiB() * m)), Math.max(1, Math.round(s.filterKiB() * m)),
                Math.max(1, Math.round(s.ofmapKiB() * m)));
    }

    static String fmt(double x) {
        return java.math.BigDecimal.valueOf(x).stripTrailingZeros().toPlainString();
    }
}
