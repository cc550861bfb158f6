package org.pactsim.memory;

import static java.lang.Math.addExact;
import static java.lang.Math.multiplyExact;
import static org.pactsim.mapping.FoldGeometry.ceilDiv;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.pactsim.spec.AcceleratorSpec;
import org.pactsim.spec.NocSpec;
import org.pactsim.workload.Network;

/**
 * Consecutive layers on disjoint groups of cores ({@code schedule.cores: pipeline}, issue 18):
 * the network is cut into stages of consecutive layers, stage {@code s} runs on its own group of
 * {@code cores(s)} cores (in lockstep within the group, split over them as a chip of that many
 * cores would split them), and the groups work on successive inferences at once, each passing
 * its outputs to the groups after it over the on-chip network. In steady state an inference
 * leaves the chip every {@link #period} cycles: the slowest of
 * <ul>
 * <li>each stage's cycles, the sum of its layers' cycles on a chip of its group's cores;
 * <li>each cut's network time: every tensor made before the cut and read after it crosses the
 *     cut's links (two directed links of a ring, the side {@code k} of a {@code k x k} mesh);
 * <li>the DRAM: all stages share the one interface, so a period moves at least every stage's
 *     DRAM bytes at the sustained bandwidth.
 * </ul>
 * A first inference runs the stages one after the other: its cycles are the layers' sum.
 *
 * @param stages  the stages in network order
 * @param period  cycles between two inferences leaving the chip in steady state
 * @param bound   what sets the period: {@code stage N}, {@code cut before LAYER} or {@code dram}
 * @param cutBits bits that cross a cut per inference, each counted once per cut it crosses
 */
public record LayerPipeline(List<Stage> stages, long period, String bound, long cutBits) {

    public LayerPipeline {
        stages = List.copyOf(stages);
    }

    /**
     * One stage: layers {@code first..last} (inclusive, network indices) on {@code cores} cores
     * starting at core {@code firstCore}, taking {@code cycles} per inference in steady state.
     */
    public record Stage(int first, int last, int firstCore, int cores, long cycles) {
    }

    /** Cores the stages use (the rest idle). */
    public int activeCores() {
        int c = 0;
        for (Stage s : stages) {
            c += s.cores();
        }
        return c;
    }

    /** The stage that runs layer {@code i}. */
    public Stage stageOf(int i) {
        for (Stage s : stages) {
            if (i >= s.first() && i <= s.last()) {
                return s;
            }
        }
        throw new IllegalArgumentException("layer " + i + " is in no stage");
    }

    /**
     * Per layer, the cycles of the period it holds the whole chip for, in steady state: a layer
     * of a stage on {@code g} of the chip's {@code totalCores} cores holds {@code g / totalCores}
     * of the chip for its cycles, a stage's last layer also for the stage's wait for the period
     * to end, and the network's last layer for the idle cores' period; the shares sum to the
     * period (rounding goes to the last layer). What leaks and idles per layer is priced on it.
     */
    public long[] chipCycles(List<LayerMemory> steady, int totalCores) {
        long[] out = new long[steady.size()];
        long sum = 0;
        for (Stage s : stages) {
            for (int i = s.first(); i <= s.last(); i++) {
                long held = steady.get(i).cycles();
                if (i == s.last()) {
                    held = addExact(held, period - s.cycles());
                }
                out[i] = multiplyExact(held, (long) s.cores()) / totalCores;
                sum = addExact(sum, out[i]);
            }
        }
        int last = steady.size() - 1;
        out[last] = addExact(out[last], period - sum);
        return out;
    }

    /**
     * Group sizes a stage may have on a chip of {@code cores} cores: the powers of two below
     * {@code cores} (a whole-chip stage is the lockstep schedule).
     */
    static List<Integer> groupSizes(int cores) {
        List<Integer> s = new ArrayList<>();
        for (int g = 1; g < cores; g *= 2) {
            s.add(g);
        }
        return s;
    }

    /**
     * The group sizes worth trying, given each layer's steady-state cycles on one core ({@code
     * one}, {@code work} in all): a balanced pipeline's period is about {@code work / cores}, so
     * a layer needs a group of about its one-core cycles over that; the powers of two up to twice
     * the largest such need (below {@code cores}).
     */
    static List<Integer> groupSizes(int cores, List<LayerMemory> one, long work) {
        long target = Math.max(1, work / cores);
        long need = 1;
        for (LayerMemory m : one) {
            need = Math.max(need, ceilDiv(m.cycles(), target));
        }
        List<Integer> s = new ArrayList<>();
        for (int g = 1; g < cores && g <= 2 * need; g *= 2) {
            s.add(g);
        }
        return s;
    }

    /** A pipeline with the layers' first and steady-state views on their groups. */
    record Plan(LayerPipeline pipeline, List<LayerMemory> first, List<LayerMemory> steady) {
    }

    /**
     * The fastest pipeline of {@code net} on {@code acc}'s cores, or null when none is possible
     * (one layer, one core): stages cut only where no element-wise layer is fused into the GEMM
     * before it, each on a group whose size is a key of {@code runs}; {@code runs} holds, per group
     * size, the network's first and steady-state inference on a chip of that many cores (the same
     * cores, SRAM per core, network and DRAM). The period is minimised exactly over every cut and
     * group size (dynamic programming over layers and cores used).
     */
    static Plan plan(AcceleratorSpec acc, Network net, Graph graph, Map<Integer, List<List<LayerMemory>>> runs) {
        List<int[]> cuts = cuts(acc, net, graph, runs, null, 0);
        return cuts == null ? null : build(acc, net, graph, s -> runs.get(cuts.get(s)[2]), cuts);
    }

    /**
     * The stages (first layer, end layer exclusive, group size each) of the smallest period, or
     * null. Where {@code held} is given, a stage whose layers' weights fit in its group ({@code
     * room} bits per core: each layer's weights spread over the group) takes its layers' cycles
     * from {@code held} (runs whose weights are all on chip), else from {@code runs}: a group
     * that holds its own weights streams none.
     */
    static List<int[]> cuts(AcceleratorSpec acc, Network net, Graph graph, Map<Integer, List<List<LayerMemory>>> runs,
                            Map<Integer, List<List<LayerMemory>>> held, long room) {
        int n = net.layers().size();
        int total = acc.cores();
        List<Integer> sizes = new ArrayList<>(runs.keySet());
        sizes.sort(null);
        if (sizes.isEmpty()) {
            return null;
        }
        // prefix sums of steady-state cycles per group size
        long[][] prefix = new long[sizes.size()][n + 1];
        long[][] heldPrefix = new long[sizes.size()][n + 1];
        long[][] weightPrefix = new long[sizes.size()][n + 1];
        for (int gi = 0; gi < sizes.size(); gi++) {
            int g = sizes.get(gi);
            List<LayerMemory> steady = runs.get(g).get(1);
            List<LayerMemory> h = held == null || held.get(g) == null ? null : held.get(g).get(1);
            for (int i = 0; i < n; i++) {
                prefix[gi][i + 1] = addExact(prefix[gi][i], steady.get(i).cycles());
                heldPrefix[gi][i + 1] = addExact(heldPrefix[gi][i], h == null ? steady.get(i).cycles() : h.get(i).cycles());
                long w = h == null ? room + 1 : ceilDiv(
                        addExact(graph.weightBits[i], graph.cacheBits[i]), g);
                weightPrefix[gi][i + 1] = addExact(weightPrefix[gi][i], w);
            }
        }
        long[] cutCycles = cutCycles(acc, net, graph);
        // best[j][c]: the smallest period of layers 0..j-1 on at most c cores, each stage ending
        // at an allowed cut; from[j][c] the last stage's first layer and group index
        long inf = Long.MAX_VALUE;
        long[][] best = new long[n + 1][total + 1];
        int[][] fromLayer = new int[n + 1][total + 1];
        int[][] fromGroup = new int[n + 1][total + 1];
        for (int j = 1; j <= n; j++) {
            java.util.Arrays.fill(best[j], inf);
        }
        for (int j = 1; j <= n; j++) {
            if (j < n && !cuttable(graph, j)) {
                continue;
            }
            long cut = j < n ? cutCycles[j] : 0;
            for (int c = 1; c <= total; c++) {
                long b = inf;
                int bi = -1;
                int bg = -1;
                for (int gi = 0; gi < sizes.size(); gi++) {
                    int g = sizes.get(gi);
                    if (g > c) {
                        break;
                    }
                    for (int i = j - 1; i >= 0; i--) {
                        if (i > 0 && !cuttable(graph, i)) {
                            continue;
                        }
                        boolean fits = held != null && weightPrefix[gi][j] - weightPrefix[gi][i] <= room;
                        long stage = Math.max(fits ? heldPrefix[gi][j] - heldPrefix[gi][i]
                                : prefix[gi][j] - prefix[gi][i], cut);
                        if (stage >= b && !fits) {
                            break; // earlier starts only make this stage longer (and hold more weights)
                        }
                        if (stage >= b) {
                            continue; // an earlier start may fit where this one does not
                        }
                        long before = i == 0 ? 0 : best[i][c - g];
                        long p = Math.max(before, stage);
                        if (p < b) {
                            b = p;
                            bi = i;
                            bg = gi;
                        }
                    }
                }
                best[j][c] = b;
                fromLayer[j][c] = bi;
                fromGroup[j][c] = bg;
            }
        }
        if (best[n][total] == inf) {
            return null;
        }
        // the stages, last first
        List<int[]> cuts = new ArrayList<>();
        int j = n;
        int c = total;
        while (j > 0) {
            int i = fromLayer[j][c];
            int gi = fromGroup[j][c];
            cuts.add(0, new int[] {i, j, sizes.get(gi)});
            c -= sizes.get(gi);
            j = i;
        }
        return cuts;
    }

    /** The plan of {@code cuts} with each stage's layer views from {@code runOf} (its stage index). */
    static Plan plan(AcceleratorSpec acc, Network net, Graph graph, List<int[]> cuts,
                     java.util.function.IntFunction<List<List<LayerMemory>>> runOf) {
        return build(acc, net, graph, runOf, cuts);
    }

    /** Per cut {@code b} (before layer b): the cycles its links take to carry what crosses it. */
    private static long[] cutCycles(AcceleratorSpec acc, Network net, Graph graph) {
        int n = net.layers().size();
        long[] crossing = crossingBits(net, graph);
        long link = acc.noc().effectiveLinkBits(acc.array(), acc.pe());
        long cutLinks = acc.noc().topology() == NocSpec.Topology.RING ? 2 : NocSpec.meshSide(acc.cores());
        long[] cycles = new long[n + 1];
        for (int b = 1; b < n; b++) {
            cycles[b] = ceilDiv(crossing[b], multiplyExact(cutLinks, link));
        }
        return cycles;
    }

    /** The plan of the stages {@code cuts} (first layer, end layer exclusive, group size each). */
    private static Plan build(AcceleratorSpec acc, Network net, Graph graph,
                              java.util.function.IntFunction<List<List<LayerMemory>>> runOf, List<int[]> cuts) {
        int n = net.layers().size();
        int total = acc.cores();
        long[] cutCycles = cutCycles(acc, net, graph);
        List<Stage> stages = new ArrayList<>();
        int[] stageOf = new int[n];
        int core = 0;
        List<List<List<LayerMemory>>> stageRuns = new ArrayList<>();
        for (int[] s : cuts) {
            int g = s[2];
            List<List<LayerMemory>> run = runOf.apply(stages.size());
            stageRuns.add(run);
            List<LayerMemory> steady = run.get(1);
            long cycles = 0;
            for (int i = s[0]; i < s[1]; i++) {
                cycles = addExact(cycles, steady.get(i).cycles());
                stageOf[i] = stages.size();
            }
            stages.add(new Stage(s[0], s[1] - 1, core, g, cycles));
            core += g;
        }
        // each tensor crossing to a later stage travels from its group's centre to the reader's
        long[] extra = new long[n];
        long cutBits = 0;
        List<List<String>> sources = graph.sources;
        for (int p = 0; p < n; p++) {
            int farthest = -1;
            for (int r = p + 1; r < n; r++) {
                if (stageOf[r] != stageOf[p] && sources.get(r).contains(net.layers().get(p).name())) {
                    farthest = Math.max(farthest, stageOf[r]);
                }
            }
            if (farthest < 0) {
                continue;
            }
            long bits = SubBatch.outputBits(net.layers().get(p));
            Stage from = stages.get(stageOf[p]);
            Stage to = stages.get(farthest);
            // doubled distance between the two groups' centres along the cores' order
            long twice = 2L * to.firstCore() + to.cores() - 2L * from.firstCore() - from.cores();
            long hopsTwice = Math.max(2, Math.min(twice, 2L * total - twice));
            extra[p] = ceilDiv(multiplyExact(bits, hopsTwice), 2);
            cutBits = addExact(cutBits, multiplyExact(bits, (long) farthest - stageOf[p]));
        }
        List<LayerMemory> first = new ArrayList<>(n);
        List<LayerMemory> steady = new ArrayList<>(n);
        long dramBytes = 0;
        for (int i = 0; i < n; i++) {
            List<List<LayerMemory>> run = stageRuns.get(stageOf[i]);
            first.add(withNoc(run.get(0).get(i), extra[i]));
            LayerMemory s = withNoc(run.get(1).get(i), extra[i]);
            steady.add(s);
            dramBytes = addExact(dramBytes, addExact(s.dramReadBytes(), s.dramWriteBytes()));
        }
        long period = 0;
        String bound = "";
        for (int s = 0; s < stages.size(); s++) {
            if (stages.get(s).cycles() > period) {
                period = stages.get(s).cycles();
                bound = "stage " + (s + 1);
            }
        }
        for (int s = 1; s < stages.size(); s++) {
            int b = stages.get(s).first();
            if (cutCycles[b] > period) {
                period = cutCycles[b];
                bound = "cut before " + net.layers().get(b).name();
            }
        }
        long dram = MemoryModel.transferCycles(dramBytes, MemoryModel.bytesPerCycle(acc));
        if (dram > period) {
            period = dram;
            bound = "dram";
        }
        return new Plan(new LayerPipeline(stages, period, bound, cutBits), first, steady);
    }

    /** Per cut {@code b} (before layer b): the bits of every tensor made before it and read at or after it. */
    static long[] crossingBits(Network net, Graph graph) {
        int n = net.layers().size();
        long[] d = new long[n + 1];
        for (int p = 0; p < n; p++) {
            Integer last = graph.lastUse.get(net.layers().get(p).name());
            if (last == null || last <= p) {
                continue;
            }
            long bits = SubBatch.outputBits(net.layers().get(p));
            // crosses every cut b with p < b <= last
            d[p + 1] = addExact(d[p + 1], bits);
            d[last + 1] -= bits;
        }
        long[] out = new long[n + 1];
        long run = 0;
        for (int b = 0; b <= n; b++) {
            run = addExact(run, d[b]);
            out[b] = run;
        }
        return out;
    }

    /** Whether a stage may start at layer {@code b}: no element-wise layer fused into the GEMM before it. */
    private static boolean cuttable(Graph graph, int b) {
        return graph.fusedRoot[b] < 0;
    }

    private static LayerMemory withNoc(LayerMemory m, long extraBits) {
        if (extraBits == 0) {
            return m;
        }
        return new LayerMemory(m.name(), m.split(), m.activeCores(), m.tiling(), m.computeCycles(), m.cycles(),
                m.stallCycles(), m.ifmapReadBytes(), m.filterReadBytes(), m.psumReadBytes(), m.ofmapWriteBytes(),
                m.psumWriteBytes(), m.weightLoadBytes(), addExact(m.nocBits(), extraBits), m.inputOnChip(),
                m.outputOnChip(), m.residency());
    }
}
