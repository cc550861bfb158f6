package org.pactsim.memory;

import static java.lang.Math.addExact;
import static java.lang.Math.multiplyExact;
import static org.pactsim.memory.MemoryModel.bytesPerCycle;
import static org.pactsim.memory.MemoryModel.latencyCycles;
import static org.pactsim.memory.MemoryModel.transferCycles;
import static org.pactsim.memory.MemoryModel.trafficFirst;
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
    /** Resident weights are held whole by every core ({@code schedule.weightCopies: replicate}). */
    final boolean replicate;
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
    /** Each layer's candidate splits over the cores, and the one the compiler runs. */
    final Partitioner parts;

    InferenceRun(AcceleratorSpec acc, Network net, MemoryOptions opt, TilingMemo memo) {
        this.memo = memo;
        this.acc = acc;
        this.net = net;
        this.opt = opt;
        this.cap = Capacity.of(acc.sram());
        this.bpc = bytesPerCycle(acc);
        this.latency = addExact(opt.latencyCycles(), latencyCycles(acc));
        this.accBits = Packing.containerBits(acc.pe().accumulatorBits());
        this.legacy = acc.schedule().legacy();
        this.explain = memo.notes();
        this.graph = memo.graph(net, !legacy && acc.schedule().fuses());
        this.lastUse = graph.lastUse;
        this.fusedRoot = graph.fusedRoot;
        this.chainEnd = graph.chainEnd;
        long weights = graph.totalWeightBits;
        this.weightBitsPerCore = FoldGeometry.ceilDiv(weights, acc.cores());
        this.replicate = !legacy && opt.replicate() && acc.cores() > 1;
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
        this.parts = new Partitioner(this); // after every field it copies
    }

    /** Adds a note when this run writes them; the text is built only then. */
    void note(List<String> notes, java.util.function.Supplier<String> text) {
        if (explain) {
            notes.add(text.get());
        }
    }

    /**
     * Which layers keep their weights (or KV cache) on chip: the largest first while they fit in
     * the weight space of a core (each layer's weights are spread over the cores, or held whole
     * by each when replicated; a KV cache is always spread), the rest streamed. Returns the
     * resident bits per core.
     */
    long chooseResident() {
        int n = net.layers().size();
        long[] bits = new long[n];
        for (int i = 0; i < n; i++) {
            bits[i] = replicate ? addExact(graph.weightBits[i], FoldGeometry.ceilDiv(graph.cacheBits[i], acc.cores()))
                    : FoldGeometry.ceilDiv(addExact(graph.weightBits[i], graph.cacheBits[i]), acc.cores());
        }
        if (opt.allHeld()) {
            for (int i = 0; i < n; i++) {
                resident[i] = bits[i] > 0;
            }
            return 0;
        }
        long used = 0;
        long room = weightRoom();
        for (int i : graph.byWeightPerCore(bits)) {
            if (bits[i] > 0 && opt.mayKeep(i) && addExact(used, bits[i]) <= room) {
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
        // a convolution's halo: the input rows a window overlaps across a boundary of output rows
        long halo = l instanceof org.pactsim.workload.ConvLayer c && c.kH() > c.strideH()
                ? Packing.bits(multiplyExact(multiplyExact(c.kH() - c.strideH(), c.inW()), c.inC()), aBits) : 0;
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
                    + (replicate ? Tensors.kib(Tensors.weightBits(l)) + " per core, replicated on every core"
                    : Tensors.kib(FoldGeometry.ceilDiv(Tensors.weightBits(l), acc.cores())) + " per core") + "; resident"
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
        long layerWeightsPerCore = replicate && !cache ? Math.max(1, multiplyExact(bTensor, gemm.repeat()))
                : Math.max(1, FoldGeometry.ceilDiv(multiplyExact(bTensor, gemm.repeat()), acc.cores()));
        // the compiler's schedule keeps other layers' resident weights where they are: tiles get what they leave
        long otherResident = legacy || opt.allHeld() ? 0
                : residentBitsPerCore - (weightsOnChip ? layerWeightsPerCore : 0);
        long evicted = 0;
        Choice best = null;
        while (best == null) {
            // resident weights are loaded by the first inference; a resident cache was written by earlier steps
            long weightLoadBits = weightsOnChip && !opt.steadyState() && !cache
                    ? multiplyExact(bTensor, gemm.repeat()) : 0;
            long weightLoad = Tensors.bytes(weightLoadBits);
            RuntimeException[] refused = new RuntimeException[1];
            best = parts.bestSplit(gemm, rate, aTensor, bTensor, outBits, aRes, bRes,
                    weightsOnChip ? layerWeightsPerCore : 0, reserved, otherResident, weightsOnChip, keep,
                    weightLoad, weightLoadBits, refused, aLayout, bLayout, halo);
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
                    Choice roomy = parts.bestSplit(gemm, rate, aTensor, bTensor, outBits, aLeft, bRes,
                            weightsOnChip ? layerWeightsPerCore : 0, 0, otherResident, weightsOnChip, keep,
                            weightLoad, weightLoadBits, new RuntimeException[1], aLayout, bLayout, halo);
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


    /**
     * Bits per core that resident weights may take: legacy (and split buffers), the weight
     * space; the compiler's schedule, {@code weightEighths} of a unified buffer.
     */
    long weightRoom() {
        return weightRoom(cap, legacy, opt.weightEighths());
    }

    /** Bits per core resident weights may take: a split buffer's weight buffer, else {@code eighths} of the unified one. */
    static long weightRoom(Capacity cap, boolean legacy, int eighths) {
        if (legacy || !cap.unified()) {
            return cap.weightBits();
        }
        return multiplyExact(cap.unifiedBits() / 8, eighths) + cap.unifiedBits() % 8 * eighths / 8;
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

}
