package org.pactsim.memory;

import static java.lang.Math.addExact;

import java.util.ArrayList;
import java.util.List;
import org.pactsim.engine.OverflowException;
import org.pactsim.mapping.FoldGeometry;
import org.pactsim.spec.AcceleratorSpec;
import org.pactsim.spec.ScheduleSpec;
import org.pactsim.workload.Network;

/**
 * Runs a network through the native memory model, layer after layer:
 * <ol>
 * <li>each GEMM layer is split among the cores by output channels, output pixels, groups or a
 *     grid of both (compiler schedule),
 *     whichever finishes first, and each core's share is tiled by {@link TilingSearch};
 * <li>an output that fits in the activation space (with every other activation still waiting
 *     for a later consumer) stays on chip and feeds its consumers without a DRAM round trip;
 *     the network's input is read from and its final output written to DRAM;
 * <li>when all weights fit in the weight space of the cores they stay on chip: the first
 *     inference loads each weight once, later inferences ({@link MemoryOptions#steadyState})
 *     load none;
 * <li>layer cycles are those of the double-buffered tile pipeline ({@link TilePipeline}):
 *     each tile's operands are prefetched while the previous tile computes, outputs and
 *     spilled partial sums are written back after their tile, all on one DRAM channel.
 * </ol>
 * Vector-unit layers (pooling, adds, activations, norms) stream their operands under the same
 * residency rules.
 */
public final class MemoryModel {

    private MemoryModel() {
    }

    public static List<LayerMemory> run(AcceleratorSpec acc, Network net, MemoryOptions opt) {
        return run(acc, net, opt, TilingMemo.local());
    }

    /**
     * The schedule of {@code net} on {@code acc}: its first and a steady-state inference, with
     * every layer on all the cores in lockstep, or ({@code schedule.cores}) consecutive layers on
     * disjoint core groups ({@link LayerPipeline}), whichever is faster (then moves less).
     *
     * @param pipeline the layer pipeline when the schedule is one, else null
     */
    public record Schedule(List<LayerMemory> first, List<LayerMemory> steady, LayerPipeline pipeline) {
    }

    /** The chip's schedule, lockstep or a layer pipeline ({@code schedule.cores}). */
    public static Schedule schedule(AcceleratorSpec acc, Network net, TilingMemo memo) {
        ScheduleSpec.CoreMode mode = acc.schedule().cores();
        boolean pipelines = acc.cores() > 1 && !acc.schedule().legacy() && mode != ScheduleSpec.CoreMode.LOCKSTEP;
        Inference lock = mode == ScheduleSpec.CoreMode.PIPELINE && pipelines ? null : inference(acc, net, memo);
        if (!pipelines) {
            return lock.schedule();
        }
        // the stages are chosen on the steady state; the first inference is run on the stages kept.
        // Under a bandwidth limit the search also weighs groups that hold their own stage's weights
        // (a group holds nothing else): per group size, each layer as it runs with its weights on
        // chip, for the stages whose weights fit the group
        boolean weighHeld = !acc.dram().isUnlimited();
        java.util.Map<Integer, Inference> runs = new java.util.HashMap<>();
        java.util.Map<Integer, Inference> held = new java.util.HashMap<>();
        List<Integer> sizes = LayerPipeline.groupSizes(acc.cores());
        Inference one = on(acc, net, memo, 1, null, false);
        Inference oneHeld = weighHeld ? on(acc, net, memo, 1, null, true) : null;
        if (one != null) {
            runs.put(1, one);
            long work = totalCycles(one.steady());
            if (oneHeld != null) {
                held.put(1, oneHeld);
                work = Math.min(work, totalCycles(oneHeld.steady()));
            }
            if (lock != null && mode == ScheduleSpec.CoreMode.BEST
                    && FoldGeometry.ceilDiv(work, acc.cores()) >= totalCycles(lock.steady())) {
                // one core's cycles shared perfectly over all of them do not beat lockstep
                return lock.schedule();
            }
            sizes = LayerPipeline.groupSizes(acc.cores(), one.steady(), totalCycles(one.steady()));
        }
        for (int g : sizes) {
            if (!runs.containsKey(g)) {
                Inference r = on(acc, net, memo, g, null, false);
                if (r != null) {
                    runs.put(g, r);
                }
            }
            if (weighHeld && runs.containsKey(g) && !held.containsKey(g)) {
                Inference r = on(acc, net, memo, g, null, true);
                if (r != null) {
                    held.put(g, r);
                }
            }
        }
        try {
            Graph graph = memo.graph(net, acc.schedule().fuses());
            java.util.Map<Integer, List<List<LayerMemory>>> steady = steadyOf(runs);
            // each group's own whole-network plan
            List<int[]> cuts = LayerPipeline.cuts(acc, net, graph, steady, null, 0);
            LayerPipeline.Plan plan = cuts == null ? null
                    : LayerPipeline.plan(acc, net, graph, cuts, st -> steady.get(cuts.get(st)[2]));
            java.util.function.IntFunction<Inference> source = st -> runs.get(cuts.get(st)[2]);
            if (weighHeld && !held.isEmpty()) {
                // groups holding their own stages' weights: chosen on the held estimates, then each
                // stage run on its group with only its own layers' weights allowed on chip
                List<int[]> own = LayerPipeline.cuts(acc, net, graph, steady, steadyOf(held),
                        InferenceRun.weightRoom(Capacity.of(acc.sram()), false, 7));
                List<Inference> stageRuns = new ArrayList<>();
                if (own != null) {
                    for (int[] c : own) {
                        java.util.BitSet layers = new java.util.BitSet();
                        layers.set(c[0], c[1]);
                        Inference r = on(acc, net, memo, c[2], layers, false);
                        if (r == null) {
                            stageRuns = null;
                            break;
                        }
                        stageRuns.add(r);
                    }
                }
                if (own != null && stageRuns != null) {
                    List<Inference> byStage = stageRuns;
                    LayerPipeline.Plan kept = LayerPipeline.plan(acc, net, graph, own,
                            st -> List.of(byStage.get(st).steady(), byStage.get(st).steady()));
                    if (plan == null || SubBatch.better(kept.pipeline().period(), totalBytes(kept.steady()),
                            plan.pipeline().period(), totalBytes(plan.steady()), trafficFirst(acc))) {
                        plan = kept;
                        source = byStage::get;
                    }
                }
            }
            if (plan != null && (lock == null || SubBatch.better(plan.pipeline().period(), totalBytes(plan.steady()),
                    totalCycles(lock.steady()), totalBytes(lock.steady()), trafficFirst(acc)))) {
                java.util.function.IntFunction<Inference> from = source;
                List<List<List<LayerMemory>>> both = new ArrayList<>();
                java.util.IdentityHashMap<Inference, List<List<LayerMemory>>> done = new java.util.IdentityHashMap<>();
                for (int st = 0; st < plan.pipeline().stages().size(); st++) {
                    both.add(done.computeIfAbsent(from.apply(st), Inference::both));
                }
                List<int[]> chosen = new ArrayList<>();
                for (LayerPipeline.Stage st : plan.pipeline().stages()) {
                    chosen.add(new int[] {st.first(), st.last() + 1, st.cores()});
                }
                plan = LayerPipeline.plan(acc, net, graph, chosen, both::get);
                return new Schedule(plan.first(), plan.steady(), plan.pipeline());
            }
        } catch (ArithmeticException e) {
            throw new OverflowException("network " + net.name()
                    + ": a DRAM byte or cycle count exceeds 2^63-1; the network is too large to simulate");
        }
        return (lock != null ? lock : inference(acc, net, memo)).schedule();
    }

    /**
     * A steady-state inference, with the first inference of the same choices run only when
     * asked for: every choice (weight copies, the buffer's split, sub-batches) rests on the steady
     * state, so a schedule that is not kept never runs its first inference.
     */
    private record Inference(List<LayerMemory> steady, java.util.function.Supplier<List<LayerMemory>> first) {
        List<List<LayerMemory>> both() {
            return List.of(first.get(), steady);
        }

        Schedule schedule() {
            return new Schedule(first.get(), steady, null);
        }
    }

    /** Each run's steady state in the two slots {@link LayerPipeline} reads (first, steady). */
    private static java.util.Map<Integer, List<List<LayerMemory>>> steadyOf(java.util.Map<Integer, Inference> runs) {
        java.util.Map<Integer, List<List<LayerMemory>>> m = new java.util.HashMap<>();
        runs.forEach((g, r) -> m.put(g, List.of(r.steady(), r.steady())));
        return m;
    }

    /**
     * The network on {@code g} of the chip's cores with only {@code only}'s weights allowed on
     * chip (null: all), or every layer's held at no room ({@code held}, an estimate); null where a
     * group that small cannot run it.
     */
    private static Inference on(AcceleratorSpec acc, Network net, TilingMemo memo, int g, java.util.BitSet only,
                                boolean held) {
        try {
            return inference(acc.withCores(g), net, memo, only, held);
        } catch (org.pactsim.spec.SpecException | OverflowException e) {
            return null;
        }
    }

    /** The first and a steady-state inference, sharing one tiling memo (their searches mostly coincide). */
    public static List<List<LayerMemory>> firstAndSteady(AcceleratorSpec acc, Network net) {
        return firstAndSteady(acc, net, TilingMemo.local());
    }

    /**
     * As {@link #firstAndSteady(AcceleratorSpec, Network)} with a memo that may be shared with
     * other runs ({@link TilingMemo#shared}); the results are the same, only faster. The cores run
     * in lockstep ({@link #schedule} also tries a layer pipeline).
     */
    public static List<List<LayerMemory>> firstAndSteady(AcceleratorSpec acc, Network net, TilingMemo memo) {
        return inference(acc, net, memo).both();
    }

    /** The lockstep schedule: weight copies, the buffer's split and sub-batches chosen. */
    private static Inference inference(AcceleratorSpec acc, Network net, TilingMemo memo) {
        return inference(acc, net, memo, null, false);
    }

    /**
     * As {@link #inference(AcceleratorSpec, Network, TilingMemo)} with only {@code only}'s weights
     * kept (null: all), or every layer's held at no room ({@code held}).
     */
    private static Inference inference(AcceleratorSpec acc, Network net, TilingMemo memo, java.util.BitSet only,
                                       boolean held) {
        ScheduleSpec.WeightCopies copies = acc.schedule().weightCopies();
        if (acc.cores() == 1 || acc.schedule().legacy() || copies == ScheduleSpec.WeightCopies.SPREAD) {
            return planned(acc, net, memo, false, only, held);
        }
        if (copies == ScheduleSpec.WeightCopies.REPLICATE) {
            return planned(acc, net, memo, true, only, held);
        }
        // best: the compiler plans both and keeps the faster (then the one that moves less)
        Inference spread = planned(acc, net, memo, false, only, held);
        Inference copied;
        try {
            copied = planned(acc, net, memo, true, only, held);
        } catch (org.pactsim.spec.SpecException | OverflowException e) {
            return spread;
        }
        return SubBatch.better(totalCycles(copied.steady()), totalBytes(copied.steady()), totalCycles(spread.steady()),
                totalBytes(spread.steady()), trafficFirst(acc)) ? copied : spread;
    }

    /** The schedule with resident weights spread over the cores or replicated on each. */
    private static Inference planned(AcceleratorSpec acc, Network net, TilingMemo memo, boolean replicate,
                                     java.util.BitSet only, boolean held) {
        Inference half = inference(acc, net, memo, 4, replicate, only, held);
        if (acc.schedule().legacy() || !acc.sram().isUnified() || held) {
            return half;
        }
        // the unified buffer's split: resident weights may take more than half of it when that
        // holds all of them (activations keep the rest); the schedule that moves least (without a
        // bandwidth limit: the fastest) wins
        long perCore = 0;
        Graph g = memo.graph(net, acc.schedule().fuses());
        for (int i = 0; i < g.weightBits.length; i++) {
            long w = only == null || only.get(i) ? g.weightBits[i] : 0;
            perCore = addExact(perCore, replicate ? w : FoldGeometry.ceilDiv(w, acc.cores()));
        }
        long unified = Capacity.of(acc.sram()).unifiedBits();
        if (perCore <= unified / 2 || perCore == 0) {
            return half;
        }
        for (int e = 5; e <= 7; e++) {
            if (perCore <= unified / 8 * e) {
                Inference more;
                try {
                    more = inference(acc, net, memo, e, replicate, only, false);
                } catch (org.pactsim.spec.SpecException | OverflowException e2) {
                    return half;
                }
                return SubBatch.better(totalCycles(more.steady()), totalBytes(more.steady()), totalCycles(half.steady()),
                        totalBytes(half.steady()), trafficFirst(acc)) ? more : half;
            }
        }
        return half;
    }

    /** Whether the compiler's choices minimise DRAM bytes before cycles ({@code schedule.objective}). */
    static boolean trafficFirst(AcceleratorSpec acc) {
        return acc.schedule().objective() == org.pactsim.spec.ScheduleSpec.Objective.TRAFFIC && !acc.dram().isUnlimited();
    }

    private static long totalCycles(List<LayerMemory> ms) {
        long c = 0;
        for (LayerMemory m : ms) {
            c = addExact(c, m.cycles());
        }
        return c;
    }

    private static long totalBytes(List<LayerMemory> ms) {
        long c = 0;
        for (LayerMemory m : ms) {
            c = addExact(c, addExact(m.dramReadBytes(), m.dramWriteBytes()));
        }
        return c;
    }

    private static Inference inference(AcceleratorSpec acc, Network net, TilingMemo memo, int eighths,
                                       boolean replicate, java.util.BitSet only, boolean held) {
        MemoryOptions firstOpt = MemoryOptions.FIRST_INFERENCE.withWeightEighths(eighths).withReplicate(replicate)
                .withResidentOnly(only).withAllHeld(held);
        MemoryOptions steadyOpt = MemoryOptions.STEADY_STATE.withWeightEighths(eighths).withReplicate(replicate)
                .withResidentOnly(only).withAllHeld(held);
        long batch = acc.schedule().legacy() ? 1 : SubBatch.commonBatch(net);
        if (batch == 1) {
            return new Inference(run(acc, net, steadyOpt, memo), () -> run(acc, net, firstOpt, memo));
        }
        // the compiler's choice: a number of passes per stage (two stages at most, more passes in
        // the first, where activations are large and weights small), whose steady state is
        // fastest, then moves least; tensors that cross from one stage to the next go through DRAM
        List<Long> fs = new ArrayList<>();
        List<Network> subs = new ArrayList<>();
        List<List<LayerMemory>> ones = new ArrayList<>();
        List<List<LayerMemory>> steadies = new ArrayList<>();
        for (long f : SubBatch.passCounts(batch)) {
            Network sub = SubBatch.divide(net, f);
            try {
                List<LayerMemory> one = run(acc, sub, steadyOpt, memo);
                steadies.add(SubBatch.passes(one, one, f, batch));
                ones.add(one);
                fs.add(f);
                subs.add(sub);
            } catch (org.pactsim.spec.SpecException | OverflowException | ArithmeticException e) {
                if (fs.isEmpty() && f == batch) {
                    throw e;
                }
            }
        }
        if (fs.isEmpty()) {
            throw new OverflowException("network " + net.name()
                    + ": a DRAM byte or cycle count exceeds 2^63-1; the network is too large to simulate");
        }
        try {
            SubBatch.Stages best = SubBatch.choose(net, fs, steadies, bytesPerCycle(acc), trafficFirst(acc));
            List<LayerMemory> steady = best.join(steadies.get(best.hi()), steadies.get(best.lo()));
            return new Inference(steady, () -> {
                try {
                    List<LayerMemory> firstHi = firstPasses(acc, subs.get(best.hi()), fs.get(best.hi()), batch,
                            memo, firstOpt, ones.get(best.hi()));
                    List<LayerMemory> firstLo = best.lo() == best.hi() ? firstHi : firstPasses(acc,
                            subs.get(best.lo()), fs.get(best.lo()), batch, memo, firstOpt, ones.get(best.lo()));
                    return best.join(firstHi, firstLo);
                } catch (ArithmeticException e) {
                    throw new OverflowException("network " + net.name()
                            + ": a DRAM byte or cycle count exceeds 2^63-1; the network is too large to simulate");
                }
            });
        } catch (ArithmeticException e) {
            throw new OverflowException("network " + net.name()
                    + ": a DRAM byte or cycle count exceeds 2^63-1; the network is too large to simulate");
        }
    }

    /** A first inference in {@code f} passes: weights loaded in the first pass, the others as in steady state. */
    private static List<LayerMemory> firstPasses(AcceleratorSpec acc, Network sub, long f, long batch,
                                                 TilingMemo memo, MemoryOptions firstOpt, List<LayerMemory> one) {
        List<LayerMemory> first = run(acc, sub, firstOpt, memo);
        if (f == 1) {
            return first;
        }
        return SubBatch.passes(first, one, f, batch);
    }

    /**
     * Each layer's compulsory DRAM bytes ({@link Compulsory#perLayer}), worked out once per
     * network when {@code memo} is shared.
     */
    public static List<Long> compulsory(Network net, TilingMemo memo) {
        return memo.graph(net, false).compulsory;
    }

    /** One inference through the memory model; {@code memo} shares tilings and pipeline cycles. */
    private static List<LayerMemory> run(AcceleratorSpec acc, Network net, MemoryOptions opt, TilingMemo memo) {
        try {
            return new InferenceRun(acc, net, opt, memo).all();
        } catch (ArithmeticException e) {
            throw new OverflowException("network " + net.name()
                    + ": a DRAM byte or cycle count exceeds 2^63-1; the network is too large to simulate");
        }
    }

    /**
     * Per layer, the bits of the KV cache it reads (0 for most layers): a matmul whose second
     * operand is longer than its producer's output reads that operand from a cache that persists
     * between decode steps ({@code docs/llm.md}).
     */
    public static long[] kvCacheBits(Network net) {
        return Tensors.cacheBits(net);
    }

    /**
     * DRAM bytes per array cycle that a stream of requests sustains: {@code GB/s x efficiency x
     * 1000 / MHz}; infinite when unlimited.
     */
    public static double bytesPerCycle(AcceleratorSpec acc) {
        return acc.dram().isUnlimited() ? Double.POSITIVE_INFINITY : acc.dram().sustainedGBps() * 1000 / acc.clockMhz();
    }

    /** The DRAM's request latency in array cycles, rounded up. */
    public static long latencyCycles(AcceleratorSpec acc) {
        double c = Math.ceil(acc.dram().latencyNs() * acc.clockMhz() / 1000);
        if (c >= Long.MAX_VALUE) {
            throw new OverflowException("dram.latencyNs: " + acc.dram().latencyNs() + " ns at " + acc.clockMhz()
                    + " MHz exceeds 2^63-1 cycles");
        }
        return (long) c;
    }

    /** Cycles to move {@code bytes} at {@code bytesPerCycle}, rounded up. */
    public static long transferCycles(long bytes, double bytesPerCycle) {
        if (bytes == 0 || Double.isInfinite(bytesPerCycle)) {
            return 0;
        }
        double c = Math.ceil(bytes / bytesPerCycle);
        if (c >= Long.MAX_VALUE) {
            throw new ArithmeticException("transfer cycles");
        }
        return (long) c;
    }
}
