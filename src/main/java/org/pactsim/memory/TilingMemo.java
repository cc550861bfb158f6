package org.pactsim.memory;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.pactsim.workload.Network;

/**
 * Remembers the tilings {@link TilingSearch} chose, by a key that holds everything the choice
 * depends on (one core's GEMM operands with the array, dataflow and MAC rate; the capacity
 * left; the resident bits; and whether the bandwidth is limited, since with a limit the choice
 * does not depend on how much). A run of the memory model keeps its own memo; a sweep may share
 * one across design points and threads ({@link #shared}), which changes no result, only time.
 *
 * <p>It also remembers the cycles of each tile pipeline by plan and bandwidth (a sweep meets the
 * same plan at every technology node and at clocks that leave bytes per cycle unchanged).
 *
 * <p>A shared memo is bounded: past {@code capacity} entries it is emptied, so a long sweep runs
 * in flat memory.
 */
public final class TilingMemo {
    private final Map<Object, Tiling> map;
    /** Searches that found no tiling, by key: the same refusal is thrown again without a search. */
    private final Map<Object, org.pactsim.spec.SpecException> refusals;
    /** Pipeline cycles by plan and bandwidth: a pure function of both, shared like the tilings. */
    private final Map<PipelineKey, Long> pipelines;
    private final int capacity;
    /** Per network (by identity) and fusion flag: its {@link Graph}. */
    private final Map<GraphKey, Graph> graphs;
    /** Whether runs write their residency notes (a sweep reports numbers only). */
    private final boolean notes;

    /** A network by identity: sweeps reuse one network object per precision over all their points. */
    private record GraphKey(Network net, boolean fuse) {
        @Override
        @SuppressWarnings("ReferenceEquality") // by identity on purpose: Network's value equality walks every layer
        public boolean equals(Object o) {
            return o instanceof GraphKey k && k.net == net && k.fuse == fuse;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(net) * 2 + (fuse ? 1 : 0);
        }
    }

    private record PipelineKey(TilePipeline.Plan plan, double bytesPerCycle) {
    }

    private TilingMemo(Map<Object, Tiling> map, Map<Object, org.pactsim.spec.SpecException> refusals,
                       Map<PipelineKey, Long> pipelines, Map<GraphKey, Graph> graphs, int capacity, boolean notes) {
        this.map = map;
        this.refusals = refusals;
        this.pipelines = pipelines;
        this.graphs = graphs;
        this.capacity = capacity;
        this.notes = notes;
    }

    /** A memo for one run on one thread; the run writes its residency notes. */
    public static TilingMemo local() {
        return new TilingMemo(new HashMap<>(), new HashMap<>(), new HashMap<>(), new HashMap<>(), Integer.MAX_VALUE,
                true);
    }

    /**
     * A thread-safe memo holding at most about {@code capacity} tilings, for runs that report
     * numbers only: their layers' residency notes are left empty (building them was a fifth of
     * a sweep point's time), every count and cycle is the same.
     */
    public static TilingMemo shared(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1, got " + capacity);
        }
        return new TilingMemo(new ConcurrentHashMap<>(), new ConcurrentHashMap<>(), new ConcurrentHashMap<>(),
                new ConcurrentHashMap<>(), capacity, false);
    }

    /** Whether runs with this memo write residency notes. */
    boolean notes() {
        return notes;
    }

    /** The network's graph, worked out once per network object and fusion flag. */
    Graph graph(Network net, boolean fuse) {
        GraphKey k = new GraphKey(net, fuse);
        Graph g = graphs.get(k);
        if (g != null) {
            return g;
        }
        if (graphs.size() >= 64) {
            graphs.clear();
        }
        g = Graph.of(net, fuse);
        graphs.putIfAbsent(k, g);
        return g;
    }

    /** Tilings held now. */
    public int size() {
        return map.size();
    }

    /** The cycles of {@code plan}'s tile pipeline at {@code bytesPerCycle}, run once per plan and bandwidth. */
    long pipeline(TilePipeline.Plan plan, double bytesPerCycle) {
        PipelineKey k = new PipelineKey(plan, bytesPerCycle);
        Long c = pipelines.get(k);
        if (c != null) {
            return c;
        }
        if (pipelines.size() >= capacity) {
            pipelines.clear();
        }
        long cycles = TilePipeline.run(plan, bytesPerCycle).cycles();
        pipelines.putIfAbsent(k, cycles);
        return cycles;
    }

    Tiling get(Object key, Function<Object, Tiling> search) {
        Tiling t = map.get(key);
        if (t != null) {
            return t;
        }
        org.pactsim.spec.SpecException no = refusals.get(key);
        if (no != null) {
            throw no;
        }
        if (map.size() >= capacity) {
            map.clear();
        }
        try {
            t = search.apply(key);
        } catch (org.pactsim.spec.SpecException e) {
            if (refusals.size() >= capacity) {
                refusals.clear();
            }
            refusals.putIfAbsent(key, e);
            throw e;
        }
        map.putIfAbsent(key, t);
        return t;
    }
}
