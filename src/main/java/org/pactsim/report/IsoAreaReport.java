package org.pactsim.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.pactsim.study.IsoArea;
import org.pactsim.study.IsoAreaPlan;
import org.pactsim.study.IsoAreaPoint;
import org.pactsim.study.IsoAreaSearch;

/**
 * The iso-area study as a terminal table, CSV and JSON. Each row is one (precision, bandwidth)
 * point; speedup and peak ratio are against the baseline precision at the same bandwidth.
 */
public final class IsoAreaReport {
    public static final String SCHEMA = "pactsim/iso-area/1";
    static final String[] CSV_HEADER = {"precision", "bandwidthGBps", "cores", "rows", "cols", "pes", "sramKiBPerCore",
        "peAreaUm2", "arrayAreaMm2", "peakTops", "cycles", "inferencesPerSecond", "speedup", "peakRatio",
        "superLinearity", "dramBytes", "weightsOnChip", "outputsOnChip", "layers", "energyPj", "energyMacPj",
        "energySramPj", "energyDramPj", "energyLeakagePj", "areaMm2", "areaArrayMm2", "areaSramMm2", "areaOtherMm2",
        "powerW", "compulsoryDramBytes", "dramToCompulsory", "energyVectorPj", "energyNocPj", "batch",
        "imagesPerSecond", "batchesPerSecond", "cyclesPerBatch", "dramBytesPerBatch", "dramBytesPerImage",
        "energyPjPerImage", "dataflow", "designsSearched", "designsRun", "designsInfeasible", "runnerUp", "runnerUpImagesPerSecond",
        "marginToRunnerUp", "unit", "weightsOnChipShare", "kvCacheOnChipShare"};

    private IsoAreaReport() {
    }

    static String bw(IsoAreaPoint p) {
        return p.unlimited() ? "unlimited" : Fmt.real(p.bandwidthGBps()) + " GB/s";
    }

    public static String table(IsoArea.Result r) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "PACT iso-area study: %s on %s, %d nm, %s MHz; compute area (arrays and vector units) %s mm^2 for every "
                + "precision, %s KiB SRAM in all, DRAM as listed; baseline %s; %s; %d %s%s per batch%n",
                r.points().get(0).result().compute().network(), r.base().name(), r.base().technologyNm(), Fmt.real(r.base().clockMhz()), Fmt.real(r.budgetMm2()),
                Fmt.count(r.base().totalSramKiB()), r.plan().baseline().key(),
                scaleText(r), r.plan().batch(), r.plan().unit(), r.plan().batch() == 1 ? "" : "s"));
        boolean best = r.plan().scale() == IsoAreaPlan.Scale.BEST;
        int batch = r.plan().batch();
        Fmt.EnergyUnit u = Fmt.energyUnit(r.points().stream().mapToDouble(p -> p.priced().steadyCost().energyPj())
                .max().orElse(0) / batch);
        // one inference is one batch of `batch` images: cycles per batch, the rest per image
        String unit = r.plan().unit();
        boolean tokens = unit.equals("token");
        String[] head = {"precision", "DRAM", "cores", "array", "PEs", "peak TOPS", "cycles/batch", unit + "s/s", "speedup",
            "peak ratio", "super-lin", "DRAM MB/" + unit, "x compulsory", tokens ? "weights/KV on chip" : "weights",
            "outputs on chip", u.name() + "/" + unit, "area mm^2", best ? "runner-up" : "", ""};
        List<String[]> rows = new ArrayList<>();
        rows.add(head);
        for (IsoAreaPoint p : r.points()) {
            var a = p.design().accelerator();
            var res = p.result();
            var cost = p.priced();
            rows.add(new String[] {p.design().precision().key(), bw(p), Integer.toString(a.cores()),
                a.array().rows() + "x" + a.array().cols() + (best ? " " + a.dataflow().key() : ""), Fmt.count(a.totalPes()), Fmt.real(cost.cost().peakTops()),
                Fmt.count(res.steadyStateCycles()), Fmt.real(res.inferencesPerSecond() * batch),
                String.format(Locale.ROOT, "%.2fx", p.speedup()), String.format(Locale.ROOT, "%.2fx", p.peakRatio()),
                String.format(Locale.ROOT, "%.2f", p.superLinearity()),
                String.format(Locale.ROOT, "%.2f", res.steadyStateDramBytes() / 1e6 / batch),
                String.format(Locale.ROOT, "%.2f", p.dramToCompulsory()),
                tokens ? p.residentShares() : p.weightsOnChip() ? "on chip" : "DRAM",
                p.outputsOnChip() + "/" + res.layers().size(),
                u.of(cost.steadyCost().energyPj() / batch), Fmt.real(cost.cost().areaMm2()), runnerUp(p),
                p.superLinearity() > 1.005 ? "SUPER-LINEAR" : ""});
        }
        int[] w = new int[head.length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                w[i] = Math.max(w[i], row[i].length());
            }
        }
        String prevBw = null;
        for (int n = 0; n < rows.size(); n++) {
            String[] row = rows.get(n);
            if (n > 0 && !row[1].equals(prevBw)) {
                sb.append("-".repeat(java.util.Arrays.stream(w).sum() + 2 * (w.length - 1))).append(System.lineSeparator());
            }
            prevBw = n > 0 ? row[1] : prevBw;
            for (int i = 0; i < row.length; i++) {
                boolean left = i <= 1 || i == 12 || i >= row.length - 2;
                String cell = row[i];
                String pad = " ".repeat(w[i] - cell.length());
                sb.append(left ? cell + pad : pad + cell).append(i == row.length - 1 ? "" : "  ");
            }
            sb.append(System.lineSeparator());
        }
        sb.append(findings(r));
        return sb.toString();
    }

    /** Plain sentences that say where the gain is super-linear and which tensors started fitting on chip. */
    static String findings(IsoArea.Result r) {
        StringBuilder sb = new StringBuilder(System.lineSeparator());
        for (IsoAreaPoint p : r.points()) {
            if (r.isBaseline(p)) {
                if (p.search().searched()) {
                    sb.append(p.design().precision().key()).append(" at ").append(bw(p)).append(" (baseline): ")
                            .append(searchText(p)).append(System.lineSeparator());
                }
                continue;
            }
            IsoAreaPoint base = r.points().stream()
                    .filter(q -> r.isBaseline(q) && q.bandwidthGBps() == p.bandwidthGBps())
                    .findFirst().orElseThrow();
            String verdict = p.superLinearity() > 1.005 ? "super-linear" : p.superLinearity() < 0.995 ? "sub-linear" : "linear";
            sb.append(String.format(Locale.ROOT, "%s at %s: %.2fx faster for %.2fx the peak -> %s (%.2f)",
                    p.design().precision().key(), bw(p), p.speedup(), p.peakRatio(), verdict, p.superLinearity()));
            List<String> why = new ArrayList<>();
            if (p.weightsOnChip() && !base.weightsOnChip()) {
                why.add("all weights now fit on chip");
            }
            long more = p.outputsOnChip() - base.outputsOnChip();
            if (more > 0) {
                why.add(more + " more layer outputs stay on chip");
            }
            double dram = base.result().steadyStateDramBytes() == 0 ? 1
                    : (double) p.result().steadyStateDramBytes() / base.result().steadyStateDramBytes();
            if (dram < 0.999) {
                why.add(String.format(Locale.ROOT, "%.0f%% of the baseline's DRAM bytes", dram * 100));
            }
            if (!why.isEmpty()) {
                sb.append("; ").append(String.join(", ", why));
            }
            if (p.search().searched()) {
                sb.append("; ").append(searchText(p));
            }
            sb.append(System.lineSeparator());
        }
        return sb.toString();
    }

    static String scaleText(IsoArea.Result r) {
        switch (r.plan().scale()) {
            case ARRAYS: return "larger arrays per precision";
            case BEST: return "the fastest design per precision and bandwidth, of " + Fmt.count(r.designsRun())
                    + " run (cores x rows x cols, sides 8 to 512" + (r.boundRuns() > 0 ? "; " + Fmt.count(r.boundRuns())
                    + " of them with unlimited bandwidth, to bound the search" : "") + ")";
            default: return "more cores per precision";
        }
    }

    /** {@code best of 42 designs: 12x128x128 ws, 3.1% ahead of 6x128x256 ws}. */
    static String searchText(IsoAreaPoint p) {
        IsoAreaSearch s = p.search();
        String of = "best of " + s.designs() + " designs (" + s.run() + " run" + (s.infeasible() > 0 ? ", " + s.infeasible()
                + " refused" : "") + "): " + p.design().shape();
        return s.runnerUp() == null ? of
                : of + String.format(Locale.ROOT, ", %.1f%% ahead of %s", s.margin() * 100, s.runnerUp().shape());
    }

    /** The runner-up column: {@code 6x128x256 ws (-3.1%)}, or empty when the design was not searched. */
    static String runnerUp(IsoAreaPoint p) {
        IsoAreaSearch s = p.search();
        return s.runnerUp() == null ? ""
                : String.format(Locale.ROOT, "%s (-%.1f%%)", s.runnerUp().shape(), s.margin() / (1 + s.margin()) * 100);
    }

    static Object[] values(IsoAreaPoint p, int batch, String unit) {
        var a = p.design().accelerator();
        var res = p.result();
        var c = p.priced().cost();
        var steady = p.priced().steadyCost();
        var e = steady.energy();
        return new Object[] {p.design().precision().key(), p.unlimited() ? null : p.bandwidthGBps(), a.cores(),
            a.array().rows(), a.array().cols(), a.totalPes(), a.sram().totalKiB(), p.design().peAreaUm2(),
            p.design().arrayAreaMm2(), c.peakTops(), res.steadyStateCycles(), res.inferencesPerSecond(), p.speedup(),
            p.peakRatio(), p.superLinearity(), res.steadyStateDramBytes(), p.weightsOnChip(), p.outputsOnChip(),
            (long) res.layers().size(), steady.energyPj(), e.macPj(), e.sramPj(), e.dramPj(), e.leakagePj(),
            c.areaMm2(), c.area().arrayMm2(), c.area().sramMm2(), c.area().otherMm2(), steady.powerW(),
            p.compulsoryDramBytes(), p.dramToCompulsory(), e.vectorPj(), e.nocPj(), (long) batch,
            res.inferencesPerSecond() * batch, res.inferencesPerSecond(), res.steadyStateCycles(),
            res.steadyStateDramBytes(), res.steadyStateDramBytes() / (double) batch, steady.energyPj() / batch,
            a.dataflow().key(), (long) p.search().designs(), (long) p.search().run(), (long) p.search().infeasible(),
            p.search().runnerUp() == null ? "" : p.search().runnerUp().shape(),
            p.search().runnerUp() == null ? null : p.search().runnerUpImagesPerSecond() * batch,
            p.search().runnerUp() == null ? null : p.search().margin(), unit,
            Double.isNaN(p.weightShare()) ? null : p.weightShare(), Double.isNaN(p.kvShare()) ? null : p.kvShare()};
    }

    public static String csv(IsoArea.Result r) {
        StringBuilder sb = new StringBuilder(String.join(",", CSV_HEADER)).append('\n');
        for (IsoAreaPoint p : r.points()) {
            Object[] v = values(p, r.plan().batch(), r.plan().unit());
            for (int i = 0; i < v.length; i++) {
                sb.append(i == 0 ? "" : ",").append(ResultCsv.csv(v[i] == null ? (i == 1 ? "unlimited" : "") : v[i]));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    public static ObjectNode json(IsoArea.Result r) {
        ObjectNode root = ResultJson.mapper().createObjectNode();
        root.put("schema", SCHEMA);
        root.put("network", r.points().get(0).result().compute().network());
        root.set("base", ResultJson.accelerator(r.base()));
        root.put("scale", r.plan().scale().key());
        root.put("computeAreaMm2", r.budgetMm2());
        root.put("designsRun", r.designsRun());
        ArrayNode pts = root.putArray("points");
        for (IsoAreaPoint p : r.points()) {
            ObjectNode o = pts.addObject();
            Object[] v = values(p, r.plan().batch(), r.plan().unit());
            for (int i = 0; i < v.length; i++) {
                ResultJson.put(o, CSV_HEADER[i], v[i]);
            }
        }
        return root;
    }

    public static String jsonText(IsoArea.Result r) {
        return json(r).toPrettyString() + System.lineSeparator();
    }
}
