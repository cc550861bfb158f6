package org.pactsim.memory;

import static java.lang.Math.addExact;
import static java.lang.Math.multiplyExact;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.pactsim.workload.ConvLayer;
import org.pactsim.workload.Gemm;
import org.pactsim.workload.OutputRounding;
import org.pactsim.workload.Layer;
import org.pactsim.workload.MatMulLayer;
import org.pactsim.workload.Network;
import org.pactsim.workload.VectorLayer;

/**
 * Sub-batches: a batch of {@code B} images run as {@code f} passes of {@code B/f} images each,
 * layer by layer within a pass, as a compiler does when a whole batch's activations do not fit
 * on chip. Each pass keeps its smaller activations on chip; weights that are not resident are
 * streamed again in every pass. Only networks whose every layer is batched the same way
 * (convolutions, fully connected layers, vector layers: images are independent) are split;
 * attention matmuls mix the tokens of a sequence, so transformer traces are never split.
 */
final class SubBatch {
    private SubBatch() {
    }

    /** The largest batch every layer shares (1 when the network cannot be split). */
    static long commonBatch(Network net) {
        long g = 0;
        for (Layer l : net.layers()) {
            long b;
            if (l instanceof ConvLayer c) {
                b = c.batch();
            } else if (l instanceof VectorLayer v) {
                b = v.batch();
            } else if (l instanceof MatMulLayer m && m.kind() == MatMulLayer.Kind.LINEAR && m.count() == 1) {
                b = m.m();
            } else {
                return 1;
            }
            g = gcd(g, b);
        }
        return Math.max(1, g);
    }

    /** The pass counts worth trying: 1 and the powers of two dividing {@code batch}. */
    static List<Long> passCounts(long batch) {
        List<Long> out = new ArrayList<>();
        for (long f = 1; f <= batch; f *= 2) {
            if (batch % f == 0) {
                out.add(f);
            }
        }
        return out;
    }

    /** One pass of {@code f}: every layer with {@code 1/f} of the images. */
    static Network divide(Network net, long f) {
        if (f == 1) {
            return net;
        }
        List<Layer> out = new ArrayList<>(net.layers().size());
        for (Layer l : net.layers()) {
            if (l instanceof ConvLayer c) {
                out.add(new ConvLayer(c.name(), c.batch() / f, c.inH(), c.inW(), c.inC(), c.outC(), c.kH(), c.kW(),
                        c.strideH(), c.strideW(), c.padH(), c.padW(), c.groups(), c.bits(), c.inputs(), c.bias()));
            } else if (l instanceof VectorLayer v) {
                out.add(new VectorLayer(v.name(), v.op(), v.batch() / f, v.inH(), v.inW(), v.inC(), v.kH(), v.kW(),
                        v.strideH(), v.strideW(), v.padH(), v.padW(), v.learned(), v.bits(), v.inputs()));
            } else {
                MatMulLayer m = (MatMulLayer) l;
                out.add(m.resized(m.count(), m.m() / f));
            }
        }
        return new Network(net.name(), out, net.notes());
    }

    /**
     * The layers of {@code f} passes: the first pass as given ({@code first}: weights loaded at
     * first use in a first inference), the other {@code f-1} as {@code later}.
     */
    static List<LayerMemory> passes(List<LayerMemory> first, List<LayerMemory> later, long f, long batch) {
        if (f == 1) {
            return first;
        }
        long more = f - 1;
        List<LayerMemory> out = new ArrayList<>(first.size());
        for (int i = 0; i < first.size(); i++) {
            LayerMemory a = first.get(i);
            LayerMemory b = later.get(i);
            List<String> notes = new ArrayList<>(a.residency());
            notes.add("sub-batches: " + f + " passes of " + batch / f + " images (the batch's activations do not"
                    + " fit; weights not resident are read in every pass)");
            out.add(new LayerMemory(a.name(), a.split(), a.activeCores(), a.tiling(),
                    plus(a.computeCycles(), b.computeCycles(), more), plus(a.cycles(), b.cycles(), more),
                    plus(a.stallCycles(), b.stallCycles(), more), plus(a.ifmapReadBytes(), b.ifmapReadBytes(), more),
                    plus(a.filterReadBytes(), b.filterReadBytes(), more), plus(a.psumReadBytes(), b.psumReadBytes(), more),
                    plus(a.ofmapWriteBytes(), b.ofmapWriteBytes(), more),
                    plus(a.psumWriteBytes(), b.psumWriteBytes(), more), a.weightLoadBytes(),
                    plus(a.nocBits(), b.nocBits(), more), a.inputOnChip(),
                    a.outputOnChip(), notes));
        }
        return out;
    }

    private static long plus(long a, long b, long times) {
        return addExact(a, multiplyExact(b, times));
    }

    static long total(List<LayerMemory> ls, boolean bytes) {
        long s = 0;
        for (LayerMemory l : ls) {
            s = addExact(s, bytes ? addExact(l.dramReadBytes(), l.dramWriteBytes()) : l.cycles());
        }
        return s;
    }

    /**
     * The chosen stages: layers before {@code k} run in {@code fs[hi]} passes, the rest in
     * {@code fs[lo]}; each tensor made before {@code k} and read from {@code k} on crosses
     * through DRAM, once written and once read, whole-batch.
     */
    record Stages(int hi, int lo, int k, long[] writeBits, long[] readBits, double bytesPerCycle, long f1, long f2) {
        List<LayerMemory> join(List<LayerMemory> a, List<LayerMemory> b) {
            if (k == 0) {
                return b;
            }
            List<LayerMemory> out = new ArrayList<>(a.size());
            for (int i = 0; i < a.size(); i++) {
                LayerMemory m = i < k ? a.get(i) : b.get(i);
                long w = writeBits[i] > 0 && m.outputOnChip() ? Tensors.bytes(writeBits[i]) : 0;
                long r = readBits[i] > 0 && m.inputOnChip() ? Tensors.bytes(readBits[i]) : 0;
                if (w == 0 && r == 0 && i != k) {
                    out.add(m);
                    continue;
                }
                List<String> notes = new ArrayList<>(m.residency());
                if (i == k) {
                    notes.add("stage boundary: layers before this one ran in " + f1 + " passes, the rest in " + f2);
                }
                if (w > 0) {
                    notes.add("output: to DRAM as well (" + w + " bytes: read by the next stage)");
                }
                if (r > 0) {
                    notes.add("input: from DRAM (" + r + " bytes: made by the previous stage)");
                }
                long t = MemoryModel.transferCycles(addExact(w, r), bytesPerCycle);
                out.add(new LayerMemory(m.name(), m.split(), m.activeCores(), m.tiling(), m.computeCycles(),
                        addExact(m.cycles(), t), addExact(m.stallCycles(), t), addExact(m.ifmapReadBytes(), r),
                        m.filterReadBytes(), m.psumReadBytes(), addExact(m.ofmapWriteBytes(), w), m.psumWriteBytes(),
                        m.weightLoadBytes(), m.nocBits(), m.inputOnChip() && r == 0, m.outputOnChip() && w == 0, notes));
            }
            return out;
        }
    }

    /**
     * The stages whose steady state is fastest, then moves least (or the other way round,
     * {@link #better}): one number of passes for
     * the whole network, or two, the larger first, split before any layer that is not fused.
     * {@code steadies.get(x)}: the network's steady state in {@code fs.get(x)} passes.
     */
    static Stages choose(Network net, List<Long> fs, List<List<LayerMemory>> steadies, double bytesPerCycle,
                         boolean trafficFirst) {
        int n = net.layers().size();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < n; i++) {
            index.put(net.layers().get(i).name(), i);
        }
        int[] last = new int[n];
        int[] firstUse = new int[n];
        java.util.Arrays.fill(last, -1);
        java.util.Arrays.fill(firstUse, -1);
        List<List<Integer>> consumers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            consumers.add(new ArrayList<>());
        }
        for (int i = 0; i < n; i++) {
            Layer l = net.layers().get(i);
            List<String> src = l.inputs().isEmpty() ? (i == 0 ? List.of() : List.of(net.layers().get(i - 1).name()))
                    : l.inputs();
            for (String in : src) {
                Integer j = index.get(in);
                if (j != null && j < i) {
                    last[j] = Math.max(last[j], i);
                    consumers.get(j).add(i);
                }
            }
        }
        long[] outBits = new long[n];
        for (int j = 0; j < n; j++) {
            outBits[j] = outputBits(net.layers().get(j));
        }
        long[][] cyc = new long[fs.size()][n + 1];
        long[][] byt = new long[fs.size()][n + 1];
        for (int x = 0; x < fs.size(); x++) {
            for (int i = 0; i < n; i++) {
                LayerMemory m = steadies.get(x).get(i);
                cyc[x][i + 1] = addExact(cyc[x][i], m.cycles());
                byt[x][i + 1] = addExact(byt[x][i], addExact(m.dramReadBytes(), m.dramWriteBytes()));
            }
        }
        int bestHi = 0;
        int bestLo = 0;
        int bestK = 0;
        long bestC = Long.MAX_VALUE;
        long bestB = Long.MAX_VALUE;
        for (int x = 0; x < fs.size(); x++) {
            if (better(cyc[x][n], byt[x][n], bestC, bestB, trafficFirst)) {
                bestHi = x;
                bestLo = x;
                bestK = 0;
                bestC = cyc[x][n];
                bestB = byt[x][n];
            }
        }
        // crossing bits at each split point k: tensors made before k, read at k or later
        long[] crossing = new long[n + 1];
        for (int j = 0; j < n; j++) {
            if (last[j] > j) {
                for (int k = j + 1; k <= last[j]; k++) {
                    crossing[k] = addExact(crossing[k], outBits[j]);
                }
            }
        }
        for (int hi = 0; hi < fs.size(); hi++) {
            for (int lo = 0; lo < fs.size(); lo++) {
                if (fs.get(hi) <= fs.get(lo)) {
                    continue;
                }
                for (int k = 1; k < n; k++) {
                    if (steadies.get(lo).get(k).split().equals("fused")) {
                        continue;
                    }
                    long boundary = MemoryModel.transferCycles(multiplyExact(Tensors.bytes(crossing[k]), 2),
                            bytesPerCycle);
                    long c = addExact(addExact(cyc[hi][k], cyc[lo][n] - cyc[lo][k]), boundary);
                    long b = addExact(addExact(byt[hi][k], byt[lo][n] - byt[lo][k]),
                            multiplyExact(Tensors.bytes(crossing[k]), 2));
                    if (better(c, b, bestC, bestB, trafficFirst)) {
                        bestHi = hi;
                        bestLo = lo;
                        bestK = k;
                        bestC = c;
                        bestB = b;
                    }
                }
            }
        }
        long[] write = new long[n];
        long[] read = new long[n];
        if (bestK > 0) {
            for (int j = 0; j < bestK; j++) {
                if (last[j] >= bestK) {
                    write[j] = outBits[j];
                    for (int c : consumers.get(j)) {
                        if (c >= bestK) {
                            read[c] = addExact(read[c], outBits[j]);
                            break;
                        }
                    }
                }
            }
        }
        return new Stages(bestHi, bestLo, bestK, write, read, bytesPerCycle, fs.get(bestHi), fs.get(bestLo));
    }

    /**
     * The compiler's order of choice: the faster, then the one that moves least; with {@code
     * trafficFirst} ({@code schedule.objective: traffic} under a bandwidth limit) the other way round.
     */
    static boolean better(long cycles, long bytes, long bestCycles, long bestBytes, boolean trafficFirst) {
        return trafficFirst ? bytes < bestBytes || (bytes == bestBytes && cycles < bestCycles)
                : cycles < bestCycles || (cycles == bestCycles && bytes < bestBytes);
    }

    /** The bits of a layer's whole-batch output. */
    static long outputBits(Layer l) {
        if (l instanceof VectorLayer v) {
            return Packing.bits(v.outputShape().elements(), v.bits().output());
        }
        Gemm g = l.lower(OutputRounding.FLOOR);
        return Packing.bits(multiplyExact(multiplyExact(g.m(), g.n()), g.repeat()), l.bits().output());
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }
}
