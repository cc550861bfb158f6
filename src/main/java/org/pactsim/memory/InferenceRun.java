package org.pactsim.memory;

import static java.lang.Math.addExact;
import static java.lang.Math.multiplyExact;
import static org.pactsim.memory.MemoryModel.bytesPerCycle;
import static org.pactsim.memory.MemoryModel.latencyCycles;
import static org.pactsim.memory.MemoryModel.transferCycles;
import static org.pactsim.memory.MemoryModel.trafficFirst;
import static org.pactsim.memory.Splits.gridBits;
import static org.pactsim.memory.Splits.grids;
import static org.pactsim.memory.Splits.proportion;
import static org.pactsim.memory.Splits.rereads;
import static org.pactsim.memory.Splits.sum;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.pactsim.engine.LayerRate;
import org.pactsim.spec.MacRate;
import org.pactsim.engine.TimingModel;
import org.pactsim.engine.VectorEngine;
import org.pactsim.mapping.FoldGeometry;
import org.pactsim.mapping.Split;
import org.pactsim.spec.AcceleratorSpec;
import org.pactsim.workload.Gemm;
import org.pactsim.workload.Layer;
import org.pactsim.workload.MatMulLayer;
import org.pactsim.workload.Network;
import org.pactsim.workload.OutputRounding;
import org.pactsim.workload.VectorLayer;

/**
 * One inference of a network through the memory model ({@link MemoryModel}), layer after layer:
 * what stays on chip, how each layer is split over the cores and tiled, what crosses the DRAM
 * interface, and the cycles; its residency notes when the memo asks for them.
 */
final class InferenceRun {
    private static final String NETWORK_INPUT = Graph.NETWORK_INPUT;

    final AcceleratorSpec acc;
    final Network net;
    final MemoryOptions opt;
    final Capacity cap;
    final double bpc;
    final int accBits;
    final Map<String, Long> onChip = new HashMap<>();
    /** The network's reads, last uses, fusion chains and weights, shared by every run of it. */
    final Graph graph;
    final Map<String, Integer> lastUse;
    /** Layers of the same shape in the same situation share a tiling (ResNets repeat shapes). */
    final TilingMemo memo;
    final boolean weightsResident;
    final long weightBitsPerCore;
    /** The schedule: legacy reproduces pactsim 0.x byte for byte. */
    final boolean legacy;
    /** Whether to write the residency notes (not for runs that report numbers only). */
    final boolean explain;
    /** Per layer: the GEMM whose output path runs it (fused), else -1. */
    final int[] fusedRoot;
    /** Per GEMM layer: the last layer fused into its output path (itself when none). */
    final int[] chainEnd;
    /** Per layer: whether its weights stay on chip (compiler schedule: as many as fit). */
    final boolean[] resident;
    /** Per layer: cycles as reported, for the fused layers' overlap. */
    final long[] layerCycles;
    /** Per GEMM root: whether the output of its chain stayed on chip. */
    final boolean[] chainKept;
    /** Bits per core of the weights that stay on chip. */
    final long residentBitsPerCore;
    /** Cycles from a request to its first data on an idle interface (the options' and the DRAM's). */
    final long latency;
    /** How each kept activation is spread over the cores (the split of the layer that wrote it). */
    final Map<String, Delivery.Layout> layouts = new HashMap<>();
    /** Bits per cycle of one link of the on-chip network. */
    final long link;

    InferenceRun(AcceleratorSpec acc, Network net, MemoryOptions opt, TilingMemo memo) {
        this.memo = memo;
        this.acc = acc;
        this.net = net;
        this.opt = opt;
        this.cap = Capacity.of(acc.sram());
        this.bpc = bytesPerCycle(acc);
        this.latency = addExact(opt.latencyCycles(), latencyCycles(acc));
        this.accBits = Packing.containerBits(acc.pe().accumulatorBits());
        this.link = acc.noc().effectiveLinkBits(acc.array(), acc.pe());
        this.legacy = acc.schedule().legacy();
        this.explain = memo.notes();
        this.graph = memo.graph(net, !legacy && acc.schedule().fuses());
        this.lastUse = graph.lastUse;
        this.fusedRoot = graph.fusedRoot;
        this.chainEnd = graph.chainEnd;
        long weights = graph.totalWeightBits;
        this.weightBitsPerCore = FoldGeometry.ceilDiv(weights, acc.cores());
        int n = net.layers().size();
        this.resident = new boolean[n];
        this.layerCycles = new long[n];
        this.chainKept = new boolean[n];
        if (legacy) {
            this.weightsResident = weights > 0 && weightBitsPerCore <= cap.weightBits();
            java.util.Arrays.fill(resident, weightsResident);
            this.residentBitsPerCore = weightsResident ? weightBitsPerCore : 0;
        } else {
            this.residentBitsPerCore = chooseResident();
            this.weightsResident = false;
        }
    }

    /** Adds a note when this run writes them; the text is built only then. */
    void note(List<String> notes, java.util.function.Supplier<String> text) {
        if (explain) {
            notes.add(text.get());
        }
    }

    /**
     * Which layers keep their weights (or KV cache) on chip: the largest first while they fit in
     * the weight space of a core (each layer's weights are spread over the cores), the rest
     * streamed. Returns the resident bits per core.
     */
    long chooseResident() {
        int n = net.layers().size();
        long[] bits = new long[n];
        for (int i = 0; i < n; i++) {
            bits[i] = FoldGeometry.ceilDiv(addExact(graph.weightBits[i], graph.cacheBits[i]), acc.cores());
        }
        long used = 0;
        long room = weightRoom();
        for (int i : graph.byWeightPerCore(bits)) {
            if (bits[i] > 0 && addExact(used, bits[i]) <= room) {
                resident[i] = true;
                used = addExact(used, bits[i]);
            }
        }
        return used;
    }

    List<LayerMemory> all() {
        List<LayerMemory> out = new ArrayList<>();
        for (int i = 0; i < net.layers().size(); i++) {
            out.add(layer(i));
        }
        return out;
    }

    /** The tensors a layer reads: its named inputs, else the previous layer's output. */
    List<String> sources(int i) {
        return graph.sources.get(i);
    }

    LayerMemory layer(int i) {
        Layer l = net.layers().get(i);
        List<String> src = sources(i);
        List<String> notes = new ArrayList<>();
        if (l instanceof VectorLayer) {
            return vector(i, (VectorLayer) l, src);
        }
        Gemm gemm = l.lower(OutputRounding.FLOOR);
        MacRate rate = LayerRate.of(acc, l);
        int aBits = l.bits().activation();
        int outBits = Packing.containerBits(l.bits().output());
        // a decode step's KV cache persists between steps and is placed like weights (compiler schedule)
        final boolean cache = !legacy && graph.cacheBits[i] > 0;
        boolean bIsWeight = !(l instanceof MatMulLayer) || ((MatMulLayer) l).kind() == MatMulLayer.Kind.LINEAR || cache;
        int bBits = bIsWeight ? l.bits().weight() : l.bits().activation();
        long aTensor = Packing.bits(Tensors.inputElements(l, gemm), aBits) / gemm.repeat();
        long bTensor = Packing.bits(multiplyExact(gemm.k(), gemm.n()), bBits);
        if (l instanceof MatMulLayer mm) {
            bTensor = addExact(bTensor, mm.quant().scaleBits(gemm.k(), gemm.n())); // group scales move with them
        }

        String aName = src.get(0);
        final long aKept = onChip.getOrDefault(aName, 0L);
        String bName = !bIsWeight && src.size() > 1 ? src.get(1) : null;
        String rowsName = cache ? src.get(1) : null;
        // the new tokens' rows as their producer kept them (read now: they are released before the output is placed)
        final long rowsKept = cache ? onChip.getOrDefault(rowsName, 0L) : 0;
        final long bKept = bName != null ? onChip.getOrDefault(bName, 0L) : 0;
        Delivery.Layout aLayout = layouts.get(aName);
        Delivery.Layout bLayout = bName != null ? layouts.get(bName) : null;
        final boolean ownResident = bIsWeight && resident[i];
        note(notes, () -> aKept > 0 ? "input " + aName + ": on chip (kept from its producer)"
                : "input " + aName + ": from DRAM" + (aName.equals(NETWORK_INPUT) ? " (new data every inference)"
                : " (its producer could not keep it on chip)"));
        if (bIsWeight && legacy) {
            note(notes, () -> (ownResident ? "weights: on chip (all weights, " : "weights: from DRAM (all weights, ")
                    + Tensors.kib(weightBitsPerCore) + " per core, " + (ownResident ? "fit in " : "exceed ")
                    + Tensors.kib(cap.weightBits()) + ")");
        } else if (cache) {
            note(notes, () -> (ownResident ? "KV cache: on chip (" : "KV cache: from DRAM (") + "this layer's "
                    + Tensors.kib(FoldGeometry.ceilDiv(graph.cacheBits[i], acc.cores())) + " per core, the new rows"
                    + " from " + rowsName + " appended; resident weights and caches take "
                    + Tensors.kib(residentBitsPerCore) + " of " + Tensors.kib(weightRoom()) + " per core)");
        } else if (bIsWeight) {
            note(notes, () -> (ownResident ? "weights: on chip (" : "weights: from DRAM (") + "this layer's "
                    + Tensors.kib(FoldGeometry.ceilDiv(Tensors.weightBits(l), acc.cores())) + " per core; resident"
                    + " weights take " + Tensors.kib(residentBitsPerCore) + " of " + Tensors.kib(weightRoom())
                    + " per core, largest layers first)");
        } else if (bName != null) {
            note(notes, () -> "second operand " + bName + (bKept > 0 ? ": on chip" : ": from DRAM"));
        }

        long aRes = aKept;
        long bRes = bKept;
        boolean weightsOnChip = ownResident;
        // tensors whose last reader ran before this layer (a fused layer releases nothing itself)
        release(i - 1);
        long reserved = 0;
        for (Map.Entry<String, Long> e : onChip.entrySet()) {
            if (!e.getKey().equals(aName) && !e.getKey().equals(bName)) {
                reserved = addExact(reserved, e.getValue());
            }
        }
        long outTensor = Packing.bits(multiplyExact(multiplyExact(gemm.m(), gemm.n()), gemm.repeat()), l.bits().output());
        boolean keep;
        String outName;
        if (chainEnd[i] != i) {
            Layer end = net.layers().get(chainEnd[i]);
            long endTensor = Packing.bits(((VectorLayer) end).outputShape().elements(), end.bits().output());
            note(notes, () -> "output path: " + fusedNames(i) + " fused (applied as results leave the array)");
            outName = end.name();
            keep = keepOutput(i, outName, endTensor, notes);
        } else {
            outName = l.name();
            keep = keepOutput(i, outName, outTensor, notes);
        }
        chainKept[i] = keep;
        long layerWeightsPerCore = Math.max(1, FoldGeometry.ceilDiv(multiplyExact(bTensor, gemm.repeat()),
                acc.cores()));
        // the compiler's schedule keeps other layers' resident weights where they are: tiles get what they leave
        long otherResident = legacy ? 0 : residentBitsPerCore - (weightsOnChip ? layerWeightsPerCore : 0);
        long evicted = 0;
        Choice best = null;
        while (best == null) {
            // resident weights are loaded by the first inference; a resident cache was written by earlier steps
            long weightLoadBits = weightsOnChip && !opt.steadyState() && !cache
                    ? multiplyExact(bTensor, gemm.repeat()) : 0;
            long weightLoad = Tensors.bytes(weightLoadBits);
            RuntimeException[] refused = new RuntimeException[1];
            best = bestSplit(gemm, rate, aTensor, bTensor, outBits, aRes, bRes,
                    weightsOnChip ? layerWeightsPerCore : 0, reserved, otherResident, weightsOnChip, keep,
                    weightLoad, weightLoadBits, refused, aLayout, bLayout);
            if (best != null && !legacy && (reserved > 0 || aRes > 0) && (Double.isInfinite(bpc) || rereads(best))) {
                // kept activations shrink this layer's tiles: a compiler writes them out when
                // the tiles then move less (written once now, read back once by their readers)
                int pick = 0;
                Choice chosen = best;
                long chosenCost = best.traffic();
                long chosenCycles = best.cycles();
                for (int option = 1; option <= 2; option++) {
                    if ((option == 1 && reserved == 0) || (option == 2 && aRes == 0)) {
                        continue;
                    }
                    long freed = option == 1 ? reserved : addExact(reserved, aRes);
                    long aLeft = option == 2 ? 0 : aRes;
                    Choice roomy = bestSplit(gemm, rate, aTensor, bTensor, outBits, aLeft, bRes,
                            weightsOnChip ? layerWeightsPerCore : 0, 0, otherResident, weightsOnChip, keep,
                            weightLoad, weightLoadBits, new RuntimeException[1], aLayout, bLayout);
                    long out = Tensors.bytes(freed);
                    long readBack = option == 2 && lastUse.getOrDefault(aName, -1) <= i ? Tensors.bytes(reserved)
                            : out;
                    if (roomy != null) {
                        long cyc = addExact(roomy.cycles(), transferCycles(out, bpc));
                        long cost = addExact(addExact(roomy.traffic(), out), readBack);
                        if (SubBatch.better(cyc, cost, chosenCycles, chosenCost, trafficFirst(acc))) {
                            pick = option;
                            chosen = roomy;
                            chosenCost = cost;
                            chosenCycles = cyc;
                        }
                    }
                }
                if (pick > 0) {
                    for (String victim : new ArrayList<>(onChip.keySet())) {
                        if ((pick == 2 || !victim.equals(aName)) && !victim.equals(bName) && !victim.equals(outName)) {
                            long bits = onChip.remove(victim);
                            note(notes, () -> "evicted " + victim + " (" + Tensors.kib(bits) + ") to DRAM: this"
                                    + " layer's tiles move less with its room; its readers read it back");
                        }
                    }
                    if (pick == 2 && !onChip.containsKey(aName)) {
                        long bits = aRes; // released already: this layer is its last reader
                        note(notes, () -> "evicted " + aName + " (" + Tensors.kib(bits) + ", this layer's own input) to"
                                + " DRAM: its tiles move less, or start sooner, when they stream it back");
                    }
                    long freed = pick == 1 ? reserved : addExact(reserved, aRes);
                    evicted = addExact(evicted, freed);
                    reserved = 0;
                    if (pick == 2) {
                        aRes = 0;
                    }
                    best = chosen;
                }
            }
            if (best != null) {
                break;
            }
            // no tile fits: make room, the cheapest first; refuse only when the buffer holds nothing else
            String victim = largestKept(aName, bName, outName);
            if (victim != null) {
                long bits = onChip.remove(victim);
                reserved -= bits;
                evicted = addExact(evicted, bits);
                note(notes, () -> "evicted " + victim + " (" + Tensors.kib(bits) + ") to DRAM: its room was needed"
                        + " for this layer's tiles; its consumers read it back");
            } else if (aRes > 0 || bRes > 0) {
                String own = aRes > 0 ? aName : bName;
                long bits = aRes > 0 ? aRes : bRes;
                onChip.remove(own); // gone already when this is its last reader
                evicted = addExact(evicted, bits);
                if (aRes > 0) {
                    aRes = 0;
                } else {
                    bRes = 0;
                }
                note(notes, () -> "evicted " + own + " (" + Tensors.kib(bits) + ", this layer's own input) to DRAM:"
                        + " its room was needed for this layer's tiles; they stream it back");
            } else if (weightsOnChip || otherResident > 0) {
                boolean own = weightsOnChip;
                weightsOnChip = false;
                otherResident = 0;
                note(notes, () -> own ? "weights: streamed after all (their room was needed for this layer's tiles)"
                        : "resident weights of other layers moved aside for this layer's tiles");
            } else {
                throw new org.pactsim.spec.SpecException("sram", "room in an empty buffer for the smallest tile of"
                        + " layer " + l.name() + " (one element of each operand, double-buffered)",
                        refused[0] == null ? "no tiling" : refused[0].getMessage());
            }
        }
        if (evicted > 0) {
            best = best.plusCycles(transferCycles(Tensors.bytes(evicted), bpc));
        }
        long weightLoad = best.weightLoad();
        Choice.Candidate run = best.split();
        long outWrite = addExact(keep ? 0 : run.outWrite(), evicted);
        if (cache && !weightsOnChip && rowsKept > 0) {
            // the new tokens' rows, kept on chip by their producer, are appended to the cache in DRAM
            outWrite = addExact(outWrite, rowsKept);
            best = best.plusCycles(transferCycles(Tensors.bytes(rowsKept), bpc));
            note(notes, () -> "KV cache: the new rows of " + rowsName + " (" + Tensors.kib(rowsKept) + ") written to DRAM");
        }
        long cycles = best.cycles();
        layerCycles[i] = cycles;
        if (keep) {
            layouts.put(outName, Delivery.Layout.of(run.how(), run.cores()));
        }
        if (run.tiling().spills()) {
            long kTiles = FoldGeometry.ceilDiv(gemm.k(), run.tiling().kt());
            note(notes, () -> "partial sums: spilled to DRAM and read back (K split into " + kTiles + " tiles)");
        }
        return new LayerMemory(l.name(), run.how().name(), run.cores(), run.tiling(), run.compute(), cycles,
                cycles - run.compute(), Tensors.bytes(run.aRead()), addExact(Tensors.bytes(run.bRead()), weightLoad),
                Tensors.bytes(run.psumRead()), Tensors.bytes(outWrite), Tensors.bytes(run.psumWrite()), weightLoad,
                run.nocBits(), aRes > 0, keep, notes);
    }

    /**
     * A vector-unit layer streams its operands through the lanes: each input comes from SRAM
     * when its producer kept it on chip, else from DRAM; learned operands (embeddings, norm
     * scales) are read like weights; the output stays on chip under the same rule as a GEMM
     * layer's. Cycles: {@code max(lane cycles, transfer)}.
     */
    LayerMemory vector(int i, VectorLayer l, List<String> src) {
        if (fusedRoot[i] >= 0) {
            return fused(i, l, src);
        }
        List<String> notes = new ArrayList<>();
        long read = 0;
        boolean allOnChip = true;
        boolean firstKept = false;
        for (int s = 0; s < l.namedOperands(); s++) {
            String name = src.get(Math.min(s, src.size() - 1));
            long inBits = Packing.bits(l.operandReads(s), l.bits().activation());
            boolean on = onChip.containsKey(name);
            firstKept |= s == 0 && on;
            allOnChip &= on;
            read = addExact(read, on ? 0 : inBits);
            note(notes, () -> "input " + name + (on ? ": on chip (kept from its producer)" : ": from DRAM"));
        }
        long learnedBits = Packing.bits(l.learnedReads(), l.bits().weight());
        boolean learnedOnChip = resident[i];
        long learnedRead = learnedBits == 0 ? 0 : learnedOnChip ? (opt.steadyState() ? 0 : learnedBits) : learnedBits;
        long outTensor = Packing.bits(l.outputShape().elements(), l.bits().output());
        boolean keep = keepOutput(i, l.name(), outTensor, notes);
        if (keep) {
            // element-wise work keeps its input's spread over the cores (pixels when it came from DRAM)
            Delivery.Layout in = layouts.get(src.get(0));
            layouts.put(l.name(), in != null && firstKept ? in
                    : Delivery.Layout.of(Split.M, acc.cores()));
        }
        long compute = VectorEngine.run(acc, l, TimingModel.PACTSIM).cycles();
        long readBytes = Tensors.bytes(read);
        long learnedBytes = Tensors.bytes(learnedRead);
        long writeBytes = keep ? 0 : Tensors.bytes(outTensor);
        long transfer = transferCycles(addExact(addExact(readBytes, learnedBytes), writeBytes), bpc);
        long cycles = Math.max(compute, addExact(transfer, transfer > 0 ? latency : 0));
        return new LayerMemory(l.name(), "none", acc.cores(), null, compute, cycles, cycles - compute,
                readBytes, learnedBytes, 0, writeBytes, 0, learnedOnChip ? learnedBytes : 0, 0,
                allOnChip, keep, notes);
    }

    /** The names of the layers fused into GEMM {@code root}'s output path. */
    String fusedNames(int root) {
        List<String> names = new ArrayList<>();
        for (int j = root + 1; j <= chainEnd[root]; j++) {
            names.add(net.layers().get(j).name());
        }
        return String.join(", ", names);
    }

    /** The largest kept activation other than {@code a}, {@code b} and {@code out}, or null. */
    String largestKept(String a, String b, String out) {
        String best = null;
        for (Map.Entry<String, Long> e : onChip.entrySet()) {
            if (!e.getKey().equals(a) && !e.getKey().equals(b) && !e.getKey().equals(out)
                    && (best == null || e.getValue() > onChip.get(best))) {
                best = e.getKey();
            }
        }
        return best;
    }

    /**
     * An element-wise layer in a GEMM's output path: its input never leaves the chip, a
     * second operand (a residual) is read from SRAM when kept, else streamed once from DRAM;
     * its output is the chain's, kept or written by the GEMM. Its lane cycles overlap the
     * GEMM's; only what exceeds them, or the residual's transfer, is exposed.
     */
    LayerMemory fused(int i, VectorLayer l, List<String> src) {
        int root = fusedRoot[i];
        String prev = net.layers().get(i - 1).name();
        List<String> notes = new ArrayList<>();
        note(notes, () -> "fused into " + net.layers().get(root).name() + "'s output path");
        long read = 0;
        boolean allOnChip = true;
        for (int s = 0; s < l.namedOperands(); s++) {
            String name = src.get(Math.min(s, src.size() - 1));
            if (name.equals(prev)) {
                continue;
            }
            long inBits = Packing.bits(l.operandReads(s), l.bits().activation());
            boolean on = onChip.containsKey(name);
            allOnChip &= on;
            read = addExact(read, on ? 0 : inBits);
            note(notes, () -> "input " + name + (on ? ": on chip (kept from its producer)" : ": from DRAM, streamed once"));
        }
        long vec = VectorEngine.run(acc, l, TimingModel.PACTSIM).cycles();
        long exposed = Math.max(0, vec - layerCycles[root]);
        long readBytes = Tensors.bytes(read);
        long transfer = transferCycles(readBytes, bpc);
        long cycles = Math.max(exposed, transfer);
        layerCycles[i] = cycles;
        note(notes, () -> "lanes: " + vec + " cycles under the GEMM's " + layerCycles[root] + " (" + exposed + " exposed)");
        boolean kept = chainKept[root];
        note(notes, () -> i == chainEnd[root] ? (kept ? "output: on chip (the chain's output, kept by the GEMM)"
                : "output: to DRAM (the chain's output, written by the GEMM)") : "output: to the next fused layer");
        return new LayerMemory(l.name(), "fused", acc.cores(), null, exposed, cycles, cycles - exposed,
                readBytes, 0, 0, 0, 0, 0, 0, allOnChip, kept, notes);
    }

    /** Decides whether layer {@code i}'s output stays on chip, records it, and says why. */
    boolean keepOutput(int i, String name, long outTensor, List<String> notes) {
        release(i);
        boolean consumed = lastUse.containsKey(name);
        long sum = 0;
        int through = chainEnd[i];
        for (Map.Entry<String, Long> e : onChip.entrySet()) {
            // a residual read last by this layer's fused chain is replaced by its output, in place
            if (through == i || lastUse.getOrDefault(e.getKey(), -1) > through) {
                sum = addExact(sum, e.getValue());
            }
        }
        long live = sum;
        long space = multiplyExact(activationBits(), acc.cores());
        boolean keep = consumed && addExact(live, outTensor) <= space;
        if (keep) {
            onChip.put(name, outTensor);
            note(notes, () -> "output: on chip (" + Tensors.kib(outTensor) + ", with " + Tensors.kib(live)
                    + " of live activations, fits in " + Tensors.kib(space) + ")");
        } else {
            note(notes, () -> consumed ? "output: to DRAM (" + Tensors.kib(outTensor) + ", with " + Tensors.kib(live)
                    + " of live activations, exceeds " + Tensors.kib(space) + ")" : "output: to DRAM (the network's output)");
        }
        return keep;
    }

    /** Drops on-chip tensors whose last consumer is layer {@code i}. */
    void release(int i) {
        onChip.entrySet().removeIf(e -> lastUse.getOrDefault(e.getKey(), -1) <= i);
    }

    List<Split> splits(Gemm g) {
        if (acc.cores() == 1) {
            return List.of(Split.NONE);
        }
        List<Split> s = new ArrayList<>(List.of(Split.N, Split.M));
        if (g.repeat() > 1) {
            s.add(Split.GROUPS);
        }
        if (!legacy) {
            if (g.k() >= 2L * acc.cores()) {
                s.add(Split.K);
            }
            s.addAll(grids(acc.cores(), g.m(), g.n()));
        }
        return s;
    }

    /**
     * A grid split ({@link Splits#grids}): each core computes its pixels by its channels; a group of
     * pixels' inputs is read once and broadcast along its row of cores, a group of channels'
     * weights once along its column; each core writes its own outputs. Cores at the edges of
     * the grid take the remainders (their own tilings); all are timed at the largest share.
     */
    Choice.Candidate grid(Gemm g, MacRate rate, Split split, long aTensor, long bTensor, int outBits, long aRes,
                long bRes, long reserved, long otherResidentPerCore, boolean weightsOnChip, boolean share) {
        long p = split.p();
        long q = split.q();
        long m = g.m();
        long n = g.n();
        Splits.Share sm = Splits.Share.of(m, p);
        Splits.Share sn = Splits.Share.of(n, q);
        long shareM = sm.each();
        long pAct = sm.count();
        long remM = sm.last();
        long shareN = sn.each();
        long qAct = sn.count();
        long remN = sn.last();
        int active = Math.toIntExact(multiplyExact(pAct, qAct));
        long aT = sm.part(aTensor);
        long aTRem = sm.lastPart(aTensor);
        long bT = sn.part(bTensor);
        long bTRem = sn.lastPart(bTensor);
        Capacity c = reserve(addExact(reserved / Math.max(1, active), otherResidentPerCore));
        long aResCore = aRes > 0 ? aShare(split, g, aRes) : 0;
        // a core holds its channel group's weights (gathered, Delivery), or its share of a kept operand
        long bResCore = weightsOnChip ? bShare(split, g, multiplyExact(bTensor, g.repeat()))
                : bRes > 0 ? bShare(split, g, bRes) : 0;
        double coreBpc = bpc / active;
        Tiling t = tiling(new GemmOperands(shareM, shareN, g.k(), g.repeat(), aT, bT, outBits, accBits,
                acc.array(), acc.dataflow(), rate), c, aResCore, bResCore, coreBpc);
        Tiling tm = remM == shareM ? t : tiling(new GemmOperands(remM, shareN, g.k(), g.repeat(), aTRem, bT, outBits,
                accBits, acc.array(), acc.dataflow(), rate), c, aResCore, bResCore, coreBpc);
        Tiling tn = remN == shareN ? t : tiling(new GemmOperands(shareM, remN, g.k(), g.repeat(), aT, bTRem, outBits,
                accBits, acc.array(), acc.dataflow(), rate), c, aResCore, bResCore, coreBpc);
        Tiling tmn = remM == shareM ? tn : remN == shareN ? tm : tiling(new GemmOperands(remM, remN, g.k(), g.repeat(),
                aTRem, bTRem, outBits, accBits, acc.array(), acc.dataflow(), rate), c, aResCore, bResCore, coreBpc);
        long rowCopies = share ? 1 : qAct;
        long colCopies = share ? 1 : pAct;
        return new Choice.Candidate(split, active, t, t.computeCycles(),
                multiplyExact(sum(t.aReadBits(), tm.aReadBits(), pAct), rowCopies),
                multiplyExact(sum(t.bReadBits(), tn.bReadBits(), qAct), colCopies),
                gridBits(t.psumReadBits(), tm.psumReadBits(), tn.psumReadBits(), tmn.psumReadBits(), pAct, qAct),
                gridBits(t.psumWriteBits(), tm.psumWriteBits(), tn.psumWriteBits(), tmn.psumWriteBits(), pAct, qAct),
                gridBits(t.outWriteBits(), tm.outWriteBits(), tn.outWriteBits(), tmn.outWriteBits(), pAct, qAct),
                new GemmOperands(shareM, shareN, g.k(), g.repeat(), aT, bT, outBits, accBits, acc.array(),
                        acc.dataflow(), rate),
                pAct * rowCopies, qAct * colCopies, 0, 0);
    }

    /**
     * One core's tiling, memoised. With a bandwidth limit the choice does not depend on how much
     * (TilingSearch), so the key only says whether there is one: runs at other clocks or
     * bandwidths share it.
     */
    private Tiling tiling(GemmOperands ops, Capacity c, long aResCore, long bResCore, double coreBpc) {
        return memo.get(new TilingKey(ops, c, aResCore, bResCore, Double.isInfinite(coreBpc)),
                k -> TilingSearch.best(ops, c, aResCore, bResCore, coreBpc));
    }

    /** One core's share under a split, tiled, and the layer's totals over all cores. */
    Choice.Candidate evaluate(Gemm g, MacRate rate, Split split, long aTensor, long bTensor, int outBits, long aRes,
                    long bRes, long weightsPerCore, long reserved, long otherResidentPerCore, boolean weightsOnChip,
                    boolean share) {
        int cores = acc.cores();
        long m = g.m();
        long n = g.n();
        long reps = g.repeat();
        int active;
        long aT = aTensor;
        long bT = bTensor;
        // the last core's share when the split is uneven, and its operands (compiler schedule:
        // the bytes are each core's own; legacy counted every core at the largest share)
        long mRem = m;
        long nRem = n;
        long repsRem = reps;
        long aTRem = aTensor;
        long bTRem = bTensor;
        switch (split.kind()) {
            case N: {
                Splits.Share sn = Splits.Share.of(n, cores);
                active = (int) sn.count();
                if (legacy) {
                    bT = Math.max(1, bTensor / n * sn.each());
                } else {
                    bT = sn.part(bTensor);
                    bTRem = sn.lastPart(bTensor);
                    nRem = sn.last();
                }
                n = sn.each();
                break;
            }
            case M: {
                Splits.Share sm = Splits.Share.of(m, cores);
                active = (int) sm.count();
                if (legacy) {
                    aT = Math.max(1, aTensor / m * sm.each());
                } else {
                    aT = sm.part(aTensor);
                    aTRem = sm.lastPart(aTensor);
                    mRem = sm.last();
                }
                m = sm.each();
                break;
            }
            case GROUPS: {
                Splits.Share sg = Splits.Share.of(reps, cores);
                active = (int) sg.count();
                repsRem = sg.last();
                reps = sg.each();
                break;
            }
            default:
                active = 1;
                break;
        }
        GemmOperands ops = new GemmOperands(m, n, g.k(), reps, aT, bT, outBits, accBits,
                acc.array(), acc.dataflow(), rate);
        Capacity c = reserve(addExact(reserved / Math.max(1, active), otherResidentPerCore));
        long aResCore;
        long bResCore;
        if (legacy) {
            aResCore = aRes > 0 ? Math.max(1, aRes / active) : 0;
            bResCore = weightsOnChip ? weightsPerCore : bRes > 0 ? Math.max(1, bRes / active) : 0;
        } else {
            // what one core holds of a kept or resident operand under this split: all of an input
            // split by channels, all weights split by pixels (the network brings the rest, Delivery)
            aResCore = aRes > 0 ? aShare(split, g, aRes) : 0;
            bResCore = weightsOnChip ? bShare(split, g, multiplyExact(bTensor, g.repeat()))
                    : bRes > 0 ? bShare(split, g, bRes) : 0;
        }
        double coreBpc = bpc / active;
        Tiling t = tiling(ops, c, aResCore, bResCore, coreBpc);
        Tiling last = t;
        if (!legacy && active > 1 && (mRem != m || nRem != n || repsRem != reps)) {
            GemmOperands rest = new GemmOperands(mRem, nRem, g.k(), repsRem, aTRem, bTRem, outBits, accBits,
                    acc.array(), acc.dataflow(), rate);
            last = tiling(rest, c, aResCore, bResCore, coreBpc);
        }
        long sharedA = split.kind() == Split.Kind.N && share ? 1 : active;
        long sharedB = split.kind() == Split.Kind.M && share ? 1 : active;
        return new Choice.Candidate(split, active, t, t.computeCycles(),
                sum(t.aReadBits(), last.aReadBits(), sharedA),
                sum(t.bReadBits(), last.bReadBits(), sharedB),
                sum(t.psumReadBits(), last.psumReadBits(), active),
                sum(t.psumWriteBits(), last.psumWriteBits(), active),
                sum(t.outWriteBits(), last.outWriteBits(), active),
                ops, sharedA, sharedB, 0, 0);
    }

    /**
     * The split the compiler prefers ({@link SubBatch#better}: the fastest, then the one that
     * moves least, or the other way round for {@code schedule.objective: traffic}), with {@code reserved} bits of kept
     * activations; null when no tile fits (the reason in {@code refused[0]}).
     */
    Choice bestSplit(Gemm gemm, MacRate rate, long aTensor, long bTensor, int outBits, long aRes, long bRes,
                     long weightsPerCore, long reserved, long otherResident, boolean weightsOnChip, boolean keep,
                     long weightLoad, long weightLoadBits, RuntimeException[] refused, Delivery.Layout aLayout,
                     Delivery.Layout bLayout) {
        Choice best = null;
        for (Split split : splits(gemm)) {
            boolean grid = split.isGrid();
            boolean reduce = split.kind() == Split.Kind.K;
            if (grid && best != null && !trafficFirst(acc)
                    && gridBound(gemm, rate, split, bTensor, weightsOnChip ? weightsPerCore : -1) > best.cycles()) {
                continue; // cannot beat the best so far even at full use of its PEs
            }
            // an operand several cores need is read once and multicast; when the network is then
            // slower than the pipeline, each core reading its own copy is tried too
            for (boolean share = opt.broadcast(); ; share = false) {
                Choice.Candidate c;
                try {
                    c = reduce ? reduction(gemm, rate, aTensor, bTensor, outBits, aRes, bRes, reserved, otherResident,
                            weightsOnChip ? weightsPerCore : 0)
                            : grid ? grid(gemm, rate, split, aTensor, bTensor, outBits, aRes, bRes, reserved,
                            otherResident, weightsOnChip, share)
                            : evaluate(gemm, rate, split, aTensor, bTensor, outBits, aRes, bRes, weightsPerCore,
                            reserved, otherResident, weightsOnChip, share);
                    if (!legacy) {
                        // what the cores' shares need from DRAM reads and from each other, on the network
                        c = c.with(delivery(gemm, c, bTensor, aRes, bRes, aLayout, bLayout, weightsOnChip,
                                weightsPerCore));
                    }
                } catch (org.pactsim.spec.SpecException e) {
                    if (legacy) {
                        throw e;
                    }
                    refused[0] = e;
                    break;
                }
                Choice run = finish(c, keep, weightLoad, weightLoadBits);
                if (best == null || (legacy ? run.cycles() < best.cycles()
                        || (run.cycles() == best.cycles() && run.traffic() < best.traffic())
                        : SubBatch.better(run.cycles(), run.traffic(), best.cycles(), best.traffic(),
                        trafficFirst(acc)))) {
                    best = run;
                }
                if (!share || legacy || reduce || c.noc().during() == 0 || run.cycles() > c.noc().during()) {
                    break;
                }
            }
        }
        return best;
    }

    /**
     * The layer's cycles under a candidate split, exactly as reported: the cores' tiles run
     * in lockstep through the double-buffered pipeline ({@link TilePipeline}), the output
     * written unless kept on chip, weights that will stay on chip loaded at first use in
     * the first inference.
     */
    Choice finish(Choice.Candidate c, boolean keep, long weightLoad, long weightLoadBits) {
        long outWrite = keep ? 0 : c.outWrite();
        long readBytes = Tensors.bytes(addExact(addExact(c.aRead(), c.bRead()), c.psumRead()));
        long writeBytes = Tensors.bytes(addExact(outWrite, c.psumWrite()));
        // a reduction split's cores keep their partial sums for the reduction: the pipeline
        // writes none; the reduction and the reduced outputs' write follow it
        boolean reduces = c.reductionCycles() > 0;
        boolean pipelineKeeps = keep || reduces;
        TilePipeline.Plan plan = new TilePipeline.Plan(c.ops(), c.tiling(), c.sharedA(), c.sharedB(), c.cores(),
                weightLoadBits, pipelineKeeps, latency);
        long trafficBytes = addExact(addExact(readBytes, writeBytes), weightLoad);
        long cycles;
        if (TilePipeline.tiles(plan) > TilePipeline.MAX_EXACT_TILES) {
            // the bound's compute includes a reduction split's reduction (c.compute)
            cycles = bound(c, pipelineKeeps, reduces ? addExact(Tensors.bytes(addExact(addExact(
                    c.aRead(), c.bRead()), addExact(c.psumRead(), c.psumWrite()))), weightLoad) : trafficBytes,
                    weightLoadBits);
        } else {
            // the pipeline, and the network's gathers before it and reduction after it
            cycles = addExact(memo.pipeline(plan, bpc), addExact(c.reductionCycles(), c.noc().before()));
        }
        // multicasts of DRAM reads run under the pipeline: only a slower network shows
        cycles = Math.max(cycles, c.noc().during());
        if (reduces) {
            cycles = addExact(cycles, transferCycles(Tensors.bytes(outWrite), bpc));
        }
        return new Choice(c, cycles, trafficBytes, weightLoad);
    }

    /**
     * A reduction split ({@code k}): each core multiplies its slice of the reduction (K) for
     * all outputs; the partial sums are then reduced over the cores (reduce-scatter on a ring
     * whose links carry {@code noc.linkBits} per cycle, by default one array edge of
     * accumulators; the additions on the vector lanes, overlapped with the transfers) and the reduced
     * outputs written once. Each core reads its own slices of the inputs and weights.
     */
    Choice.Candidate reduction(Gemm g, MacRate rate, long aTensor, long bTensor, int outBits, long aRes, long bRes,
                     long reserved, long otherResidentPerCore, long weightsPerCore) {
        long k = g.k();
        Splits.Share sk = Splits.Share.of(k, acc.cores());
        long share = sk.each();
        int active = (int) sk.count();
        long rem = sk.last();
        long aT = sk.part(aTensor);
        long bT = sk.part(bTensor);
        long aTRem = sk.lastPart(aTensor);
        long bTRem = sk.lastPart(bTensor);
        GemmOperands ops = new GemmOperands(g.m(), g.n(), share, g.repeat(), aT, bT, accBits, accBits, acc.array(),
                acc.dataflow(), rate);
        Capacity c = reserve(addExact(reserved / active, otherResidentPerCore));
        double coreBpc = bpc / active;
        // each core holds its K slice of a kept input, of resident weights or of a kept second operand
        long aResCore = aRes > 0 ? aShare(Split.K, g, aRes) : 0;
        long bResCore = weightsPerCore > 0 ? bShare(Split.K, g, multiplyExact(bTensor, g.repeat()))
                : bRes > 0 ? bShare(Split.K, g, bRes) : 0;
        Tiling t = tiling(ops, c, aResCore, bResCore, coreBpc);
        Tiling last = rem == share ? t : tiling(new GemmOperands(g.m(), g.n(), rem, g.repeat(), aTRem, bTRem, accBits,
                accBits, acc.array(), acc.dataflow(), rate), c, aResCore, bResCore, coreBpc);
        long outputs = multiplyExact(multiplyExact(g.m(), g.n()), g.repeat());
        long sent = LayerMemory.reductionBits(active, outputs, accBits);
        long link = acc.noc().effectiveLinkBits(acc.array(), acc.pe());
        long adds = FoldGeometry.ceilDiv(multiplyExact(outputs, active - 1L), multiplyExact(active,
                (long) acc.vector().lanes()));
        long reductionCycles = Math.max(1, Math.max(FoldGeometry.ceilDiv(sent, link), adds));
        // the reduction is on-chip work, not a wait for DRAM: reported with the compute
        return new Choice.Candidate(Split.K, active, t, addExact(t.computeCycles(), reductionCycles),
                sum(t.aReadBits(), last.aReadBits(), active),
                sum(t.bReadBits(), last.bReadBits(), active),
                sum(t.psumReadBits(), last.psumReadBits(), active),
                sum(t.psumWriteBits(), last.psumWriteBits(), active),
                Packing.bits(outputs, outBits),
                ops, active, active, reductionCycles, sent);
    }

    /**
     * What a split's operands cost on the on-chip network ({@link Delivery}): an input read once
     * and multicast to the cores of a channel split (a grid's row), weights read once and
     * multicast to the cores of a pixel split (a grid's column); a kept input or second operand
     * gathered or redistributed from the cores that hold it; resident weights a core needs
     * beyond its share of the residency plan gathered from the others.
     */
    Delivery.Cost delivery(Gemm g, Choice.Candidate c, long bTensor, long aRes, long bRes, Delivery.Layout aLayout,
                           Delivery.Layout bLayout, boolean weightsOnChip, long weightsPerCore) {
        int active = c.cores();
        if (active < 2) {
            return Delivery.Cost.NONE;
        }
        Split s = c.how();
        boolean grid = s.isGrid();
        long pAct = grid ? Splits.Share.of(g.m(), s.p()).count() : 0;
        long qAct = grid ? Splits.Share.of(g.n(), s.q()).count() : 0;
        int cores = acc.cores();
        Delivery.Cost cost = Delivery.Cost.NONE;
        if (aRes > 0) {
            boolean pixels = s.kind() == Split.Kind.M || grid;
            cost = cost.plus(Delivery.kept(aLayout, aRes, aShare(s, g, aRes),
                    pixels ? Delivery.Dim.PIXELS : Delivery.Dim.CHANNELS, grid ? pAct : active, active, cores,
                    acc.noc(), link));
        } else if (s.kind() == Split.Kind.N && c.sharedA() == 1) {
            cost = cost.plus(Delivery.multicast(c.aRead(), active - 1L, c.aRead(), link));
        } else if (grid && c.sharedA() == pAct) {
            cost = cost.plus(Delivery.multicast(c.aRead(), qAct - 1, FoldGeometry.ceilDiv(c.aRead(), pAct), link));
        }
        if (weightsOnChip) {
            cost = cost.plus(Delivery.gather(bShare(s, g, multiplyExact(bTensor, g.repeat())), weightsPerCore, active,
                    link));
        } else if (bRes > 0) {
            // a second operand's producer is spread along its own output, not along this GEMM's K or N
            cost = cost.plus(Delivery.kept(bLayout, bRes, bShare(s, g, bRes), null, active, active, cores, acc.noc(),
                    link));
        } else if (s.kind() == Split.Kind.M && c.sharedB() == 1) {
            cost = cost.plus(Delivery.multicast(c.bRead(), active - 1L, c.bRead(), link));
        } else if (grid && c.sharedB() == qAct) {
            cost = cost.plus(Delivery.multicast(c.bRead(), pAct - 1, FoldGeometry.ceilDiv(c.bRead(), qAct), link));
        }
        return cost;
    }

    /**
     * A lower bound on a grid split's cycles: its largest share's folds as one tile (tiling only
     * adds folds and fold spans, {@link ComputeTime}), after the gather of its resident weights
     * ({@code owned} bits per core of them in the residency plan; -1: not resident).
     */
    long gridBound(Gemm g, MacRate rate, Split split, long bTensor, long owned) {
        long m = Splits.Share.of(g.m(), split.p()).each();
        long n = Splits.Share.of(g.n(), split.q()).each();
        long ideal = ComputeTime.cycles(new GemmOperands(m, n, g.k(), g.repeat(), 1, 1, accBits, accBits, acc.array(),
                acc.dataflow(), rate), m, n, g.k());
        if (owned < 0) {
            return ideal;
        }
        long held = bShare(split, g, multiplyExact(bTensor, g.repeat()));
        return addExact(ideal, org.pactsim.spec.NocSpec.multicastCycles(Math.max(0, held - owned), link));
    }

    /** Bits of the input one core of split {@code s} needs, of {@code bits} in all: its pixels, groups or K slice, or all. */
    long aShare(Split s, Gemm g, long bits) {
        return switch (s.kind()) {
            case M -> Splits.Share.of(g.m(), acc.cores()).part(bits);
            case GROUPS -> Splits.Share.of(g.repeat(), acc.cores()).part(bits);
            case K -> Splits.Share.of(g.k(), acc.cores()).part(bits);
            case GRID -> Splits.Share.of(g.m(), s.p()).part(bits);
            case N, NONE -> bits;
        };
    }

    /** Bits of the second operand one core of split {@code s} needs: its channels, groups or K slice, or all. */
    long bShare(Split s, Gemm g, long bits) {
        return switch (s.kind()) {
            case N -> Splits.Share.of(g.n(), acc.cores()).part(bits);
            case GROUPS -> Splits.Share.of(g.repeat(), acc.cores()).part(bits);
            case K -> Splits.Share.of(g.k(), acc.cores()).part(bits);
            case GRID -> Splits.Share.of(g.n(), s.q()).part(bits);
            case M, NONE -> bits;
        };
    }

    /**
     * For layers of more than {@link TilePipeline#MAX_EXACT_TILES} tiles, the pipeline's
     * approximation: {@code max(fill + compute + drain, transfer)} with the first A and B
     * tiles exposed before compute and the last output tile after it.
     */
    long bound(Choice.Candidate c, boolean keep, long trafficBytes, long weightLoadBits) {
        Tiling t = c.tiling();
        long fillBits = multiplyExact(t.fillBits(), c.cores());
        if (weightLoadBits > 0) {
            long bTile = FoldGeometry.ceilDiv(multiplyExact(weightLoadBits, multiplyExact(
                    Math.min(t.kt(), c.ops().k()), Math.min(t.nt(), c.ops().n()))),
                    multiplyExact(multiplyExact(c.ops().k(), c.ops().n()), c.ops().reps()));
            fillBits = addExact(fillBits, bTile);
        }
        long fill = addExact(transferCycles(Tensors.bytes(fillBits), bpc), latency);
        long drain = keep ? 0 : transferCycles(Tensors.bytes(multiplyExact(t.drainBits(), c.cores())), bpc);
        return Math.max(addExact(addExact(fill, c.compute()), drain), transferCycles(trafficBytes, bpc));
    }

    /**
     * Bits per core that resident weights may take: legacy (and split buffers), the weight
     * space; the compiler's schedule, {@code weightEighths} of a unified buffer.
     */
    long weightRoom() {
        if (legacy || !cap.unified()) {
            return cap.weightBits();
        }
        return multiplyExact(cap.unifiedBits() / 8, opt.weightEighths()) + cap.unifiedBits() % 8 * opt.weightEighths() / 8;
    }

    /**
     * Bits per core for activations kept between layers: legacy, half the unified buffer; the
     * compiler's schedule gives activations what the resident weights leave.
     */
    long activationBits() {
        if (legacy || !cap.unified()) {
            return cap.activationBits();
        }
        return cap.unifiedBits() - residentBitsPerCore;
    }

    Capacity reserve(long bits) {
        if (bits == 0) {
            return cap;
        }
        if (cap.unified()) {
            return new Capacity(true, 0, 0, 0, Math.max(0, cap.unifiedBits() - bits));
        }
        return new Capacity(false, cap.aBits(), cap.bBits(), Math.max(0, cap.cBits() - bits), 0);
    }
}
