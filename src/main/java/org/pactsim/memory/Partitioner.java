package org.pactsim.memory;

import static java.lang.Math.addExact;
import static java.lang.Math.multiplyExact;
import static org.pactsim.memory.MemoryModel.transferCycles;
import static org.pactsim.memory.MemoryModel.trafficFirst;
import static org.pactsim.memory.Splits.gridBits;
import static org.pactsim.memory.Splits.grids;
import static org.pactsim.memory.Splits.sum;

import java.util.ArrayList;
import java.util.List;
import org.pactsim.spec.MacRate;
import org.pactsim.mapping.FoldGeometry;
import org.pactsim.mapping.Split;
import org.pactsim.spec.AcceleratorSpec;
import org.pactsim.workload.Gemm;

/**
 * The splits of one GEMM layer over the cores (issue 18): the candidates ({@link Split}), each
 * core's share tiled, what the split moves on the on-chip network ({@link Delivery}), and the one
 * the compiler runs ({@link #bestSplit}). One per {@link InferenceRun}, whose accelerator,
 * options and tiling memo it shares.
 */
final class Partitioner {
    private final AcceleratorSpec acc;
    private final MemoryOptions opt;
    private final Capacity cap;
    private final double bpc;
    private final int accBits;
    private final boolean legacy;
    private final boolean replicate;
    private final TilingMemo memo;
    private final long latency;
    private final long link;

    Partitioner(InferenceRun run) {
        this.acc = run.acc;
        this.opt = run.opt;
        this.cap = run.cap;
        this.bpc = run.bpc;
        this.accBits = run.accBits;
        this.legacy = run.legacy;
        this.replicate = run.replicate;
        this.memo = run.memo;
        this.latency = run.latency;
        this.link = acc.noc().effectiveLinkBits(acc.array(), acc.pe());
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
        Capacity c = reserve(addExact(addExact(reserved / Math.max(1, active), otherResidentPerCore),
                unusedReplica(split, g, bTensor, weightsOnChip)));
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

    /**
     * Bits of a replicated layer's weights ({@code schedule.weightCopies: replicate}) that a core
     * holds but does not use under {@code split}: they stay where they are, out of the tiles'
     * room. Zero when the weights are spread (a core that needs more than its part gathers it into
     * the tiles' room, {@link #delivery}).
     */
    private long unusedReplica(Split split, Gemm g, long bTensor, boolean weightsOnChip) {
        if (!replicate || !weightsOnChip) {
            return 0;
        }
        long all = multiplyExact(bTensor, g.repeat());
        return Math.max(0, all - bShare(split, g, all));
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
        Capacity c = reserve(addExact(addExact(reserved / Math.max(1, active), otherResidentPerCore),
                unusedReplica(split, g, bTensor, weightsOnChip)));
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
                     Delivery.Layout bLayout, long haloBits) {
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
                                weightsPerCore, haloBits));
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
        Capacity c = reserve(addExact(addExact(reserved / active, otherResidentPerCore),
                unusedReplica(Split.K, g, bTensor, weightsPerCore > 0)));
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
     * beyond its share of the residency plan gathered from the others; a convolution's halo
     * ({@code haloBits} per boundary between pixel groups) sent to the next group.
     */
    Delivery.Cost delivery(Gemm g, Choice.Candidate c, long bTensor, long aRes, long bRes, Delivery.Layout aLayout,
                           Delivery.Layout bLayout, boolean weightsOnChip, long weightsPerCore, long haloBits) {
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
        if (haloBits > 0 && (s.kind() == Split.Kind.M || grid)) {
            // each boundary between two pixel groups: the next group's first rows need the
            // previous group's last input rows, sent by the core that holds them (every core of
            // a grid's pixel group needs them)
            long boundaries = grid ? multiplyExact(pAct - 1, qAct) : active - 1L;
            cost = cost.plus(Delivery.halo(haloBits, boundaries, link));
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
