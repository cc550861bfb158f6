package org.pactsim.engine;

import static java.lang.Math.addExact;
import static java.lang.Math.multiplyExact;

import org.pactsim.mapping.FoldGeometry;
import org.pactsim.spec.AcceleratorSpec;
import org.pactsim.spec.Dataflow;
import org.pactsim.spec.SramSpec;
import org.pactsim.workload.ConvLayer;
import org.pactsim.workload.Layer;

/**
 * The figures of SCALE-Sim's {@code DETAILED_ACCESS_REPORT.csv} for one layer: first and last
 * cycle and count of SRAM reads/writes per operand, and the same for DRAM.
 *
 * <p>For every layer SCALE-Sim can describe (a convolution without padding, groups or batch,
 * or a GEMM row) run under SCALE-Sim's timing, all 18 figures reproduce SCALE-Sim v2 in CALC
 * mode ({@code exact}): SRAM counts are the engine's; SRAM start/stop cycles are the first and
 * last request rows of its demand layout ({@link ScaleSimFolds}), out-of-range windows
 * included; DRAM figures follow its read-buffer groups ({@link ScaleSimReadBuffer},
 * {@link ScaleSimIfmapDram}, {@link ScaleSimBlockDram}) and write-buffer drains
 * ({@link ScaleSimWriteBuffer}), computed fold by fold rather than request by request.
 *
 * <p>Where the ifmap stream would take more than {@link ScaleSimIfmapDram#WALK_BUDGET}
 * requests to walk, only the ifmap DRAM reads are estimated ({@code exact == false}; start and
 * stop are then the SRAM ones). For other layers ({@code exact == false}) all DRAM figures
 * are pactsim's estimate: each operand
 * is fetched once when it fits in half of its buffer, otherwise once per pass that streams
 * it; ofmap DRAM writes are the SRAM writes without SCALE-Sim's OS counting quirk, and DRAM
 * start/stop cycles are the SRAM ones.
 */
public record ScaleSimAccess(
        long ifmapSramStart, long ifmapSramStop, long ifmapSramReads,
        long filterSramStart, long filterSramStop, long filterSramReads,
        long ofmapSramStart, long ofmapSramStop, long ofmapSramWrites,
        long ifmapDramStart, long ifmapDramStop, long ifmapDramReads,
        long filterDramStart, long filterDramStop, long filterDramReads,
        long ofmapDramStart, long ofmapDramStop, long ofmapDramWrites,
        boolean exact) {

    public static ScaleSimAccess of(AcceleratorSpec acc, Layer layer, LayerResult r) {
        ScaleSimAccess a = null;
        try {
            a = exact(acc, layer, r);
        } catch (ArithmeticException | IllegalArgumentException e) {
            a = null;
        }
        return a != null ? a : estimate(acc, layer, r);
    }

    /** SCALE-Sim's own figures, or null where its model does not apply. */
    private static ScaleSimAccess exact(AcceleratorSpec acc, Layer layer, LayerResult r) {
        if (acc.cores() != 1) {
            return null;
        }
        long[] words = bufferWords(acc.sram());
        return exact(layer, r, words[0], words[1], words[2]);
    }

    /**
     * SCALE-Sim's figures for buffers of the given sizes in words, or null where its model
     * does not apply (a layer it cannot describe, a timing other than its own, an input too
     * large to keep as a bit set).
     */
    static ScaleSimAccess exact(Layer layer, LayerResult r, long ifmapWords, long filterWords, long ofmapWords) {
        ScaleSimFolds layout = new ScaleSimFolds(r.geometry(), r.gemm());
        ScaleSimIm2col x = ScaleSimIm2col.of(layer, r.gemm());
        if (x == null || layout.reportedCycles() != r.cycles()) {
            return null;
        }
        ScaleSimIfmapDram ifmap = new ScaleSimIfmapDram(layout, x);
        long ifFirst = ifmap.firstRow();
        long ifLast = ifmap.lastRow();
        if (ifFirst < 0) {
            return null;
        }
        long lastFold = layout.folds - 1;
        long lastStart = layout.start(lastFold);
        ScaleSimFolds.Pattern f0 = layout.pattern(ScaleSimFolds.Operand.FILTER, 0);
        ScaleSimFolds.Pattern fn = layout.pattern(ScaleSimFolds.Operand.FILTER, lastFold);
        ScaleSimFolds.Pattern o0 = layout.pattern(ScaleSimFolds.Operand.OFMAP, 0);
        ScaleSimFolds.Pattern on = layout.pattern(ScaleSimFolds.Operand.OFMAP, lastFold);

        DramWindow ifDram = ifmap.dram(new ScaleSimReadBuffer(ifmapWords), ifFirst);
        boolean exact = ifDram != null;
        if (!exact) {
            ifDram = new DramWindow(ifFirst + 1, ifLast + 1,
                estimatedIfmapReads(layer, r, ifmapWords / 2, r.geometry()));
        }
        DramWindow fDram = ScaleSimBlockDram.run(layout, ScaleSimFolds.Operand.FILTER, new ScaleSimReadBuffer(filterWords),
                f0.firstRow());
        DramWindow oDram = ScaleSimWriteBuffer.run(layout, ofmapWords);
        return new ScaleSimAccess(ifFirst + 1, ifLast + 1, r.sramIfmapReads(),
                f0.firstRow() + 1, lastStart + fn.lastRow() + 1, r.sramFilterReads(),
                o0.firstRow(), lastStart + on.lastRow(), r.sramOfmapWrites(),
                ifDram.start(), ifDram.stop(), ifDram.words(), fDram.start(), fDram.stop(), fDram.words(),
                oDram.start(), oDram.stop(), oDram.words(),
                exact);
    }

    /** Words of the ifmap, filter and ofmap buffers (one-byte words; a unified buffer split in three). */
    private static long[] bufferWords(SramSpec s) {
        if (s.isUnified()) {
            long third = multiplyExact(s.unifiedKiB(), 1024) / 3;
            return new long[] {third, third, third};
        }
        return new long[] {multiplyExact(s.ifmapKiB(), 1024), multiplyExact(s.filterKiB(), 1024),
            multiplyExact(s.ofmapKiB(), 1024)};
    }

    /** pactsim's estimate, for layers outside SCALE-Sim's model. */
    static ScaleSimAccess estimate(AcceleratorSpec acc, Layer layer, LayerResult r) {
        FoldGeometry g = r.geometry();
        long rows = g.rows();
        long cols = g.cols();
        long t = g.t();
        long perFold = g.dataflow() == Dataflow.OS ? FoldTiming.span(g) : addExact(FoldTiming.span(g), rows);
        long lastStart = multiplyExact(r.folds() - 1, perFold);
        long total = r.cycles();

        long streamStart;
        long rowStreamStop;
        if (g.dataflow() == Dataflow.OS) {
            streamStart = 1;
            rowStreamStop = lastStart + g.lastRows() + t - 1;
        } else {
            streamStart = rows + 1;
            rowStreamStop = lastStart + rows + g.lastRows() + t - 1;
        }
        long stationaryStop = lastStart + rows;
        long ofStart = g.dataflow() == Dataflow.OS
                ? t + rows - (g.rowFolds() > 1 ? rows : g.lastRows()) - 1
                : 2 * rows - 1;
        long ofStop = total - (cols - g.lastCols());

        long ifStart;
        long ifStop;
        long fStart;
        long fStop;
        switch (g.dataflow()) {
            case OS:
                ifStart = 1;
                ifStop = rowStreamStop;
                fStart = 1;
                fStop = lastStart + g.lastCols() + t - 1;
                break;
            case WS:
                ifStart = streamStart;
                ifStop = rowStreamStop;
                fStart = 1;
                fStop = stationaryStop;
                break;
            default:
                ifStart = 1;
                ifStop = stationaryStop;
                fStart = streamStart;
                fStop = rowStreamStop;
                break;
        }

        SramSpec s = acc.sram();
        long halfIfmapWords = s.isUnified() ? s.unifiedKiB() * 1024 / 6 : s.ifmapKiB() * 1024 / 2;
        long halfFilterWords = s.isUnified() ? s.unifiedKiB() * 1024 / 6 : s.filterKiB() * 1024 / 2;
        long filterTensor = multiplyExact(r.gemm().k(), r.gemm().n());
        long ifDram = estimatedIfmapReads(layer, r, halfIfmapWords, g);
        long fDram = filterTensor <= halfFilterWords ? filterTensor
                : Math.min(r.sramFilterReads(), multiplyExact(filterTensor, filterPasses(g)));
        long outputs = multiplyExact(r.gemm().m(), r.gemm().n());
        long ofDram = g.dataflow() == Dataflow.OS ? outputs : r.sramOfmapWrites();

        return new ScaleSimAccess(ifStart, ifStop, r.sramIfmapReads(), fStart, fStop, r.sramFilterReads(),
                ofStart, ofStop, r.sramOfmapWrites(),
                ifStart, ifStop, ifDram, fStart, fStop, fDram, ofStart, ofStop, ofDram, false);
    }

    /** The estimate's ifmap DRAM reads with a half buffer of {@code halfWords}. */
    private static long estimatedIfmapReads(Layer layer, LayerResult r, long halfWords, FoldGeometry g) {
        long tensor = ifmapElements(layer, r);
        return tensor <= halfWords ? tensor : Math.min(r.sramIfmapReads(), multiplyExact(tensor, ifmapPasses(g)));
    }

    private static long ifmapElements(Layer layer, LayerResult r) {
        if (layer instanceof ConvLayer) {
            ConvLayer c = (ConvLayer) layer;
            return multiplyExact(multiplyExact(c.batch(), multiplyExact(c.inH(), c.inW())), c.inC());
        }
        return multiplyExact(r.gemm().m(), r.gemm().k());
    }

    /** How many times the ifmap is streamed when it does not fit: once per column fold (OS, WS). */
    private static long ifmapPasses(FoldGeometry g) {
        return g.dataflow() == Dataflow.IS ? 1 : g.colFolds();
    }

    private static long filterPasses(FoldGeometry g) {
        switch (g.dataflow()) {
            case OS: return g.rowFolds();
            case IS: return g.colFolds();
            default: return 1;
        }
    }
}
