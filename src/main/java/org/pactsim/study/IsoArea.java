package org.pactsim.study;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.pactsim.cost.CostTables;
import org.pactsim.engine.TimingModel;
import org.pactsim.sim.Costing;
import org.pactsim.sim.PricedResult;
import org.pactsim.sim.Simulation;
import org.pactsim.spec.AcceleratorSpec;
import org.pactsim.spec.ArraySpec;
import org.pactsim.spec.NumberType;
import org.pactsim.spec.PeSpec;
import org.pactsim.spec.Precision;
import org.pactsim.spec.SpecException;
import org.pactsim.spec.SramSpec;
import org.pactsim.workload.Network;
import org.pactsim.workload.PrecisionVariant;
import org.pactsim.workload.TracePrecision;

/**
 * The PACT iso-area study (Choi et al., arXiv 1805.06085, Sec. 6): for each precision, fill
 * the same compute area with PEs of that precision — more cores of the base array, or larger
 * arrays — keep the total on-chip SRAM and the DRAM bandwidth fixed, run the network at that
 * precision through the memory and cost models, and compare with the baseline precision at the
 * same bandwidth.
 *
 * <p>Sizing: a PE's area is the cost tables' at the base chip's node. The budget is the
 * baseline's array area unless given. Adding cores: {@code floor(budget / core area)} cores,
 * so a design is within one core of the budget. Growing arrays: the base number of cores, each
 * {@code s x c} with {@code s = floor(sqrt(budget / (cores x PE area)))} rows and as many
 * columns as then fit, so a design is within one column per core of the budget. SRAM per core
 * is the base chip's total divided among the cores.
 */
public final class IsoArea {
    private IsoArea() {
    }

    /**
     * The sized designs (under {@link IsoAreaPlan.Scale#BEST}: each point's winner, once) and
     * every (precision, bandwidth) point, baseline first at each bandwidth.
     */
    public record Result(IsoAreaPlan plan, AcceleratorSpec base, List<IsoAreaDesign> designs, List<IsoAreaPoint> points,
                         long boundRuns) {
        public Result {
            designs = List.copyOf(designs);
            points = List.copyOf(points);
        }

        /** A study whose runs are all its points' ({@code boundRuns} 0). */
        public Result(IsoAreaPlan plan, AcceleratorSpec base, List<IsoAreaDesign> designs, List<IsoAreaPoint> points) {
            this(plan, base, designs, points, 0);
        }

        /** The compute-area budget every design fits, in mm^2. */
        public double budgetMm2() {
            return designs.get(0).budgetMm2();
        }

        /** Whether {@code p} is the baseline precision's point. */
        public boolean isBaseline(IsoAreaPoint p) {
            return p.design().precision().equals(plan.baseline());
        }

        /**
         * Designs run in all: the search's at each point (or one per point), and the
         * unlimited-bandwidth runs that bounded the search when unlimited is not a point.
         */
        public long designsRun() {
            return Math.addExact(points.stream().mapToLong(p -> p.search().run()).sum(), boundRuns);
        }
    }

    /** Sides a searched array may have: powers of two from 8 to 512. */
    static final int[] SIDES = {8, 16, 32, 64, 128, 256, 512};
    /**
     * Longest side over shortest of a searched array: 4, as NVDLA's widest MAC array (64 input
     * channels x 16 kernels); TPU v1's, Eyeriss's and the iso-area chips' are square or nearly.
     */
    static final int MAX_ASPECT = 4;
    /** Most cores a searched design may have: beyond, a core's vector unit and SRAM share dominate. */
    static final int MAX_SEARCH_CORES = 1024;

    public static Result run(AcceleratorSpec base, Function<PrecisionVariant, Network> networks, IsoAreaPlan plan,
                             CostTables tables) {
        if (plan.scale() == IsoAreaPlan.Scale.BEST) {
            return best(base, networks, plan, tables);
        }
        List<IsoAreaDesign> designs = size(base, plan, tables);
        List<IsoAreaPoint> points = new ArrayList<>();
        for (double bw : plan.bandwidthsGBps()) {
            PricedResult baseline = null;
            for (IsoAreaDesign d : designs) {
                Network net = networks.apply(d.precision());
                PricedResult r = price(d, bw, net, tables);
                baseline = baseline == null ? r : baseline;
                points.add(point(d, bw, r, baseline, net, IsoAreaSearch.NONE));
            }
        }
        return new Result(plan, base, designs, points);
    }

    private static IsoAreaPoint point(IsoAreaDesign d, double bw, PricedResult r, PricedResult baseline, Network net,
                                      IsoAreaSearch search) {
        double speedup = r.run().inferencesPerSecond() / baseline.run().inferencesPerSecond();
        double peakRatio = r.cost().peakTops() / baseline.cost().peakTops();
        double[] shares = IsoAreaPoint.shares(net, r.run());
        return new IsoAreaPoint(d, bw, r, speedup, peakRatio, speedup / peakRatio,
                org.pactsim.memory.Compulsory.bytes(net), search, shares[0], shares[1]);
    }

    /** The design run at bandwidth {@code bw} and priced; a refusal names the design. */
    private static PricedResult price(IsoAreaDesign d, double bw, Network net, CostTables tables) {
        AcceleratorSpec acc = withBandwidth(d.accelerator(), bw);
        return Costing.price(run(d, acc, bw, net), net, tables);
    }

    private static org.pactsim.sim.SimulationResult run(IsoAreaDesign d, AcceleratorSpec acc, double bw, Network net) {
        try {
            return Simulation.run(acc, net, TimingModel.PACTSIM);
        } catch (SpecException e) {
            String at = "design " + describe(d, acc, bw) + ", ";
            throw new SpecException(e.violations().stream()
                    .map(v -> new org.pactsim.spec.Violations.Violation(at + v.path(), v.expected(), v.found()))
                    .toList());
        } catch (org.pactsim.engine.OverflowException e) {
            throw new org.pactsim.engine.OverflowException("design " + describe(d, acc, bw) + ": " + e.getMessage());
        }
    }

    /**
     * Best against best: for each bandwidth and precision, every candidate of
     * {@link #candidates} runs, and the one with the most images per second wins (ties: the
     * smaller compute area, then the fewer cores, then the order of the candidates). Candidates
     * the model refuses are counted and skipped; a precision with none left is an error.
     */
    static Result best(AcceleratorSpec base, Function<PrecisionVariant, Network> networks, IsoAreaPlan plan,
                       CostTables tables) {
        return best(base, networks, plan, tables, true);
    }

    /** {@link #best}, pruned by the bounds or (for a test) every candidate run at every bandwidth. */
    static Result best(AcceleratorSpec base, Function<PrecisionVariant, Network> networks, IsoAreaPlan plan,
                       CostTables tables, boolean prune) {
        java.util.Map<PrecisionVariant, List<IsoAreaDesign>> candidates = new java.util.LinkedHashMap<>();
        java.util.Map<PrecisionVariant, Network> nets = new java.util.LinkedHashMap<>();
        for (PrecisionVariant p : plan.precisions()) {
            candidates.put(p, candidates(base, plan, tables, p));
            nets.put(p, networks.apply(p));
        }
        // Bounds no run exceeds: each candidate's peak (its PEs at each layer's MAC rate), then its
        // throughput with unlimited bandwidth, which no finite bandwidth beats
        java.util.Map<PrecisionVariant, double[]> unlimited = new java.util.LinkedHashMap<>();
        java.util.Map<PrecisionVariant, double[]> bound = new java.util.LinkedHashMap<>();
        for (PrecisionVariant p : plan.precisions()) {
            List<IsoAreaDesign> cs = candidates.get(p);
            Network net = nets.get(p);
            double[] pk = cs.stream().mapToDouble(d -> prune ? peakImagesPerSecond(d.accelerator(), net)
                    : Double.POSITIVE_INFINITY).toArray();
            double[] unl = bounded(cs, Double.POSITIVE_INFINITY, net, pk);
            double[] b = new double[cs.size()];
            for (int i = 0; i < b.length; i++) {
                b[i] = !prune ? Double.POSITIVE_INFINITY : unl[i] == PRUNED ? pk[i] : unl[i];
            }
            unlimited.put(p, unl);
            bound.put(p, b);
        }
        List<IsoAreaDesign> winners = new ArrayList<>();
        List<IsoAreaPoint> points = new ArrayList<>();
        for (double bw : plan.bandwidthsGBps()) {
            PricedResult baseline = null;
            for (PrecisionVariant p : plan.precisions()) {
                Network net = nets.get(p);
                List<IsoAreaDesign> cs = candidates.get(p);
                double[] ips = Double.isInfinite(bw) ? unlimited.get(p) : bounded(cs, bw, net, bound.get(p));
                Integer[] order = ranked(cs.size(), java.util.Comparator.<Integer>comparingDouble(i -> -ips[i])
                        .thenComparingDouble(i -> cs.get(i).computeAreaMm2())
                        .thenComparingInt(i -> cs.get(i).accelerator().cores()));
                int infeasible = (int) java.util.Arrays.stream(ips).filter(x -> x == REFUSED).count();
                if (ips[order[0]] < 0) {
                    // every candidate refused: run the first again for its message
                    price(cs.get(0), bw, net, tables);
                }
                IsoAreaDesign win = cs.get(order[0]);
                boolean second = order.length > 1 && ips[order[1]] > 0;
                int ran = (int) java.util.Arrays.stream(ips).filter(x -> x != PRUNED).count();
                IsoAreaSearch search = new IsoAreaSearch(cs.size(), ran, infeasible, second ? cs.get(order[1]) : null,
                        second ? ips[order[1]] : Double.NaN, second ? ips[order[0]] / ips[order[1]] - 1 : Double.NaN);
                PricedResult r = price(win, bw, net, tables);
                baseline = baseline == null ? r : baseline;
                points.add(point(win, bw, r, baseline, net, search));
                if (!winners.contains(win)) {
                    winners.add(win);
                }
            }
        }
        long boundRuns = 0;
        if (plan.bandwidthsGBps().stream().noneMatch(b -> Double.isInfinite(b))) {
            for (double[] unl : unlimited.values()) {
                boundRuns += java.util.Arrays.stream(unl).filter(x -> x != PRUNED).count();
            }
        }
        return new Result(plan, base, winners, points, boundRuns);
    }

    /** The indices {@code 0..n-1} sorted by {@code by}, ties in index order. */
    private static Integer[] ranked(int n, java.util.Comparator<Integer> by) {
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, by.thenComparingInt(i -> i));
        return order;
    }

    /** A candidate the model refused (e.g. its SRAM share holds no tile of a layer). */
    static final double REFUSED = -1;
    /** A candidate not run at a bandwidth: its bound was below the runner-up's throughput. */
    static final double PRUNED = -2;

    /**
     * Inferences per second no run of {@code net} on {@code acc} can exceed: every GEMM layer's
     * MACs at its rate on all the PEs, nothing else (infinite when a layer's rate is refused:
     * the run then says why).
     */
    static double peakImagesPerSecond(AcceleratorSpec acc, Network net) {
        double cycles = 0;
        for (org.pactsim.workload.Layer l : net.layers()) {
            if (!l.isGemm()) {
                continue;
            }
            try {
                org.pactsim.spec.MacRate r = org.pactsim.engine.LayerRate.of(acc, l);
                cycles += (double) l.macs() * r.peCycles() / r.macs() / acc.totalPes();
            } catch (SpecException e) {
                return Double.POSITIVE_INFINITY;
            }
        }
        return cycles == 0 ? Double.POSITIVE_INFINITY : acc.clockMhz() * 1e6 / cycles;
    }

    private static double imagesPerSecond(IsoAreaDesign d, double bw, Network net) {
        try {
            // a count that overflows is an error of the study, named with the design
            return run(d, withBandwidth(d.accelerator(), bw), bw, net).inferencesPerSecond();
        } catch (SpecException e) {
            return REFUSED;
        }
    }

    /**
     * Throughput at bandwidth {@code bw} of the candidates that can still win or come second:
     * in order of an upper bound of their throughput at {@code bw} ({@code bound}: their peak, or
     * their throughput with unlimited bandwidth, which no finite bandwidth beats: {@code
     * IsoAreaTest} checks both over a search), a chunk at a time, until the next bound is below
     * the second-best throughput found. The others are {@link #PRUNED}; the winner and
     * runner-up are those of running them all.
     */
    static double[] bounded(List<IsoAreaDesign> cs, double bw, Network net, double[] bound) {
        double[] ips = new double[cs.size()];
        java.util.Arrays.fill(ips, PRUNED);
        Integer[] byBound = ranked(cs.size(), java.util.Comparator.comparingDouble(i -> -bound[i]));
        int chunk = 2 * Runtime.getRuntime().availableProcessors();
        double first = Double.NEGATIVE_INFINITY;
        double second = Double.NEGATIVE_INFINITY;
        for (int at = 0; at < byBound.length; at += chunk) {
            if (bound[byBound[at]] <= 0 || bound[byBound[at]] < second) {
                break;
            }
            List<Integer> run = java.util.Arrays.asList(byBound).subList(at, Math.min(at + chunk, byBound.length));
            double[] got = run.parallelStream().mapToDouble(i -> imagesPerSecond(cs.get(i), bw, net)).toArray();
            for (int j = 0; j < got.length; j++) {
                ips[run.get(j)] = got[j];
                if (got[j] > first) {
                    second = first;
                    first = got[j];
                } else if (got[j] > second) {
                    second = got[j];
                }
            }
        }
        return ips;
    }

    /**
     * The designs of precision {@code p} that fit the budget: for each array of
     * {@link #SIDES} x {@link #SIDES} no longer than {@link #MAX_ASPECT} times its width, and each dataflow of the plan (none listed: the base
     * chip's), as many cores as fit, from 1 to {@value #MAX_SEARCH_CORES}; the total SRAM
     * divided among them.
     */
    static List<IsoAreaDesign> candidates(AcceleratorSpec base, IsoAreaPlan plan, CostTables tables, PrecisionVariant p) {
        double budgetMm2 = budgetMm2(base, plan, tables);
        long totalSramKiB = base.totalSramKiB();
        double pe = peAreaUm2(p, base, tables);
        double vector = vectorUm2(p, base, tables);
        List<org.pactsim.spec.Dataflow> flows = plan.dataflows().isEmpty() ? List.of(base.dataflow()) : plan.dataflows();
        List<IsoAreaDesign> out = new ArrayList<>();
        for (org.pactsim.spec.Dataflow flow : flows) {
            for (int rows : SIDES) {
                for (int cols : SIDES) {
                    if (Math.max(rows, cols) > MAX_ASPECT * Math.min(rows, cols)) {
                        continue;
                    }
                    ArraySpec array = base.array().withSides(rows, cols);
                    double router = routerUm2(p, base, array, tables);
                    long cores = fit(budgetMm2 * 1e6, (double) rows * cols * pe + vector, router);
                    if (cores < 1 || cores > MAX_SEARCH_CORES) {
                        continue;
                    }
                    out.add(design(base, p, array, (int) cores, pe, vector, router, budgetMm2, totalSramKiB)
                            .withDataflow(flow));
                }
            }
        }
        if (out.isEmpty()) {
            throw new SpecException("areaMm2", "room for at least one core of " + SIDES[0] + "x" + SIDES[0] + " "
                    + p.key() + " PEs and at most " + MAX_SEARCH_CORES + " cores", budgetMm2 + " mm^2");
        }
        return out;
    }

    /** The compute-area budget: the plan's, or the base chip's cores (arrays, vector units, routers) at the baseline precision. */
    static double budgetMm2(AcceleratorSpec base, IsoAreaPlan plan, CostTables tables) {
        if (!Double.isNaN(plan.areaMm2())) {
            return plan.areaMm2();
        }
        PrecisionVariant b = plan.baseline();
        double router = base.cores() < 2 ? 0 : routerUm2(b, base, base.array(), tables);
        return (base.totalPes() * peAreaUm2(b, base, tables) + base.cores() * (vectorUm2(b, base, tables) + router)) / 1e6;
    }

    /**
     * How many cores of {@code coreUm2} (arrays and vector unit) fit in {@code budgetUm2} when each
     * of several also needs a router of {@code routerUm2}: one core needs none.
     */
    static long fit(double budgetUm2, double coreUm2, double routerUm2) {
        long cores = (long) Math.floor(budgetUm2 / (coreUm2 + routerUm2));
        return cores >= 2 ? cores : Math.min(1, (long) Math.floor(budgetUm2 / coreUm2));
    }

    /** One core's router at precision {@code p} with arrays {@code array}, placed, in um^2 (its links' width follows the array). */
    public static double routerUm2(PrecisionVariant p, AcceleratorSpec base, ArraySpec array, CostTables tables) {
        return org.pactsim.cost.AreaModel.routerUm2PerCore(base.withPe(peSpec(p, base.pe())).withArray(array), tables);
    }

    /** Every field of the base chip but the ones sized here (name, array sides, cores, PE, SRAM per core). */
    private static IsoAreaDesign design(AcceleratorSpec base, PrecisionVariant p, ArraySpec array, int cores, double pe,
                                        double vector, double router, double budgetMm2, long totalSramKiB) {
        AcceleratorSpec acc = base.withName(base.name() + "-" + p.key()).withArray(array).withCores(cores)
                .withPe(peSpec(p, base.pe())).withSram(sram(base.sram(), base.cores(), cores, totalSramKiB));
        return new IsoAreaDesign(p, acc, pe, acc.totalPes() * pe / 1e6, budgetMm2, acc.cores() * vector / 1e6,
                cores < 2 ? 0 : acc.cores() * router / 1e6);
    }

    /**
     * One design per precision, at the area budget. The budget is what the base chip's cores
     * cost in compute: their PE arrays, their vector units and routers (issue 20: 69 int2 cores no
     * longer get them for free); each design fills it with cores of the base array or with
     * larger arrays, every core paying for its own vector unit and (with several cores) router. Control and I/O are a share of the
     * whole die ({@code otherAreaFraction}), the same for every design, so they do not move the sizing.
     */
    public static List<IsoAreaDesign> size(AcceleratorSpec base, IsoAreaPlan plan, CostTables tables) {
        double budgetMm2 = budgetMm2(base, plan, tables);
        long totalSramKiB = base.totalSramKiB();
        List<IsoAreaDesign> out = new ArrayList<>();
        for (PrecisionVariant p : plan.precisions()) {
            double pe = peAreaUm2(p, base, tables);
            double vector = vectorUm2(p, base, tables);
            double budgetUm2 = budgetMm2 * 1e6;
            int cores;
            ArraySpec array;
            double router;
            if (plan.scale() == IsoAreaPlan.Scale.ARRAYS) {
                cores = base.cores();
                // the routers' links follow the arrays' width: sized with the base array's, then
                // again with the grown array's (which then fit: no wider than the first)
                array = base.array();
                for (int pass = 0; pass < 2; pass++) {
                    router = cores < 2 ? 0 : routerUm2(p, base, array, tables);
                    double arrays = budgetUm2 - cores * (vector + router); // what vector units and routers leave
                    long side = arrays <= 0 ? 0 : (long) Math.floor(Math.sqrt(arrays / (cores * pe)));
                    long cols = side < 1 ? 0 : (long) Math.floor(arrays / (cores * side * pe));
                    if (side < 1 || cols < 1) {
                        throw new SpecException("areaMm2", "room for at least one PE per core", budgetMm2 + " mm^2");
                    }
                    array = base.array().withSides((int) Math.min(side, ArraySpec.MAX_SIDE),
                            (int) Math.min(cols, ArraySpec.MAX_SIDE));
                }
                router = cores < 2 ? 0 : routerUm2(p, base, array, tables);
            } else {
                array = base.array();
                double core = array.pes() * pe + vector;
                router = routerUm2(p, base, array, tables);
                long c = fit(budgetUm2, core, router);
                if (c < 1) {
                    throw new SpecException("areaMm2", "room for at least one " + array.rows() + "x" + array.cols()
                            + " core of " + p.key() + " PEs (" + core / 1e6 + " mm^2)", budgetMm2 + " mm^2");
                }
                if (c > 1 << 16) {
                    throw new SpecException("areaMm2", "at most 65536 cores", c + " cores");
                }
                cores = (int) c;
            }
            out.add(design(base, p, array, cores, pe, vector, router, budgetMm2, totalSramKiB));
        }
        return out;
    }

    /** The PE of a precision: its width for weights and activations, the base PE's accumulator and mode. */
    static PeSpec peSpec(PrecisionVariant p, PeSpec base) {
        if (p.llm() != null) {
            // an LLM plan: weights x activations (dequantized weights: activations x activations); floats at their format
            org.pactsim.workload.LlmPrecision b = p.llm().body();
            if (b.type() == NumberType.FLOAT) {
                return PeSpec.floating(b.activationBits() == 8 ? org.pactsim.spec.Precision.Format.FP8_E4M3
                        : org.pactsim.spec.Precision.Format.FP16, Math.max(base.accumulatorBits(), 16),
                        org.pactsim.spec.PrecisionMode.FIXED);
            }
            return new PeSpec(p.llm().peWeightBits(), b.activationBits(), NumberType.INT,
                    Math.max(base.accumulatorBits(), b.activationBits()), base.mode());
        }
        TracePrecision t = p.precision();
        int bits = t.bits();
        NumberType type = t.type();
        return new PeSpec(bits, bits, type, Math.max(base.accumulatorBits(), bits), base.mode());
    }

    public static double peAreaUm2(PrecisionVariant p, AcceleratorSpec base, CostTables tables) {
        PeSpec pe = peSpec(p, base.pe());
        // the PE as priced (its parts, scratchpads included; the version 1 tables: its mac row)
        return tables.pe(base.withPe(pe), pe.mode()).areaUm2();
    }

    /** One core's vector unit at precision {@code p}, placed, in um^2 (0 with the version 1 tables). */
    public static double vectorUm2(PrecisionVariant p, AcceleratorSpec base, CostTables tables) {
        return org.pactsim.cost.AreaModel.vectorMm2(base.withPe(peSpec(p, base.pe())).withCores(1), tables) * 1e6;
    }

    /** The base chip's total SRAM divided among {@code cores} (each buffer in proportion). */
    static SramSpec sram(SramSpec s, int baseCores, int cores, long totalKiB) {
        if (s.isUnified()) {
            return SramSpec.unified(Math.max(1, totalKiB / cores));
        }
        return SramSpec.split(Math.max(1, s.ifmapKiB() * baseCores / cores), Math.max(1, s.filterKiB() * baseCores / cores),
                Math.max(1, s.ofmapKiB() * baseCores / cores));
    }

    /** A design point as a user names it: precision, bandwidth, cores, array and SRAM per core. */
    static String describe(IsoAreaDesign d, AcceleratorSpec acc, double bw) {
        return d.precision().key() + " at " + (Double.isInfinite(bw) ? "unlimited bandwidth" : bw + " GB/s") + " ("
                + acc.cores() + " cores of " + acc.array().rows() + "x" + acc.array().cols() + ", "
                + (acc.sram().isUnified() ? acc.sram().unifiedKiB() + " KiB unified" : "split SRAM") + " per core)";
    }

    /** {@code a} at another peak DRAM bandwidth, every other field kept (vector unit, schedule, DRAM realism). */
    static AcceleratorSpec withBandwidth(AcceleratorSpec a, double gbps) {
        return a.withDram(a.dram().withBandwidth(gbps));
    }
}
