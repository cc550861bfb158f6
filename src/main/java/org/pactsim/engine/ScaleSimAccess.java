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
 * <p>SRAM counts equal SCALE-Sim's exactly (they are the engine's counts). SRAM start and stop
 * cycles follow SCALE-Sim's fold schedule in closed form; they match its reports whenever
 * every convolution window lies inside the input (SCALE-Sim's rounded-up output size can put
 * the last windows past the edge, where its last read comes a few cycles earlier).
 *
 * <p>DRAM figures are pactsim's estimate, not SCALE-Sim's address-window bookkeeping: each
 * operand is fetched once when it fits in half of its buffer, otherwise once per pass that
 * streams it; ofmap DRAM writes are the SRAM writes without SCALE-Sim's OS counting quirk.
 * DRAM start/stop cycles are the SRAM ones. The README states the error against SCALE-Sim.
 */
public record ScaleSimAccess(
        long ifmapSramStart, long ifmapSramStop, long ifmapSramReads,
        long filterSramStart, long filterSramStop, long filterSramReads,
        long ofmapSramStart, long ofmapSramStop, long ofmapSramWrites,
        long ifmapDramStart, long ifmapDramStop, long ifmapDramReads,
        long filterDramStart, long filterDramStop, long filterDramReads,
        long ofmapDramStart, long ofmapDramStop, long ofmapDramWrites) {

    public static ScaleSimAccess of(AcceleratorSpec acc, Layer layer, LayerResult r) {
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
        long ifmapTensor = ifmapElements(layer, r);
        long filterTensor = multiplyExact(r.gemm().k(), r.gemm().n());
        long ifDram = ifmapTensor <= halfIfmapWords ? ifmapTensor
                : Math.min(r.sramIfmapReads(), multiplyExact(ifmapTensor, ifmapPasses(g)));
        long fDram = filterTensor <= halfFilterWords ? filterTensor
                : Math.min(r.sramFilterReads(), multiplyExact(filterTensor, filterPasses(g)));
        long outputs = multiplyExact(r.gemm().m(), r.gemm().n());
        long ofDram = g.dataflow() == Dataflow.OS ? outputs : r.sramOfmapWrites();

        return new ScaleSimAccess(ifStart, ifStop, r.sramIfmapReads(), fStart, fStop, r.sramFilterReads(),
                ofStart, ofStop, r.sramOfmapWrites(),
                ifStart, ifStop, ifDram, fStart, fStop, fDram, ofStart, ofStop, ofDram);
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
