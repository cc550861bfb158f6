package org.pactsim.engine.reference;

import static java.lang.Math.addExact;
import static java.lang.Math.multiplyExact;

import java.util.ArrayList;
import java.util.List;
import org.pactsim.engine.LayerResult;
import org.pactsim.engine.Quirks;
import org.pactsim.mapping.FoldGeometry;
import org.pactsim.spec.AcceleratorSpec;
import org.pactsim.spec.Dataflow;
import org.pactsim.workload.Gemm;
import org.pactsim.workload.Layer;

/**
 * Turns the array's measured fold events and counts into a timing model's figures, one
 * convention at a time, and records each place where a quirk makes them differ from hardware.
 *
 * <p>A fold ends when its last slot has left the array: its last output written, or in a
 * partial fold the padding slot that crosses the unused columns ({@code max(computeEnd,
 * lastWrite) + 1}); or, with
 * {@code osDrainFree} on an OS array, when its last slot reaches the bottom-right PE
 * ({@code computeEnd + 1}). A fold's cycles: on the serial array, from its start to its end
 * (folds do not overlap); on the double-buffered array, from the previous fold's end to its
 * end (so the first fold carries the exposed preload, the last the exposed drain). The
 * layer's count is their sum; {@code reportLastIndex} reports it minus one.
 */
final class ModelView {
    private ModelView() {
    }

    static ReferenceResult of(AcceleratorSpec acc, Layer layer, Quirks q, Gemm gemm, FoldGeometry g,
                              List<List<FoldEvents>> perCore, HardwareCounts hw, GemmCheck check) {
        boolean os = g.dataflow() == Dataflow.OS;
        boolean drainFree = os && q.osDrainFree();
        long count = -1;
        List<Long> busiest = List.of();
        List<FoldEvents> busiestEvents = List.of();
        long usedPes = 0;
        double computeSum = 0;
        long spanSeen = 0;
        long allFolds = 0;
        long pes = acc.array().pes();
        for (List<FoldEvents> events : perCore) {
            List<Long> figures = new ArrayList<>(events.size());
            long prevEnd = 0;
            long sum = 0;
            for (FoldEvents e : events) {
                long end = (drainFree ? e.computeEnd() : Math.max(e.computeEnd(), e.lastWrite())) + 1;
                long fig = q.serialFolds() ? end - e.start() : end - prevEnd;
                prevEnd = end;
                figures.add(fig);
                sum = addExact(sum, fig);
                usedPes += e.usedPes();
                // The fold's compute span (P), plus its exposed preload on the serial WS/IS array;
                // SCALE-Sim's overcount divides WS/IS folds by P + R + C - 1 whatever the array.
                long span = e.computeEnd() + 1 - e.streamStart();
                if (!os && q.computeUtilOvercount()) {
                    span += g.rows() + g.cols() - 1;
                } else if (!os && q.serialFolds()) {
                    span += e.streamStart() - e.start();
                }
                computeSum += (double) e.macs() / ((double) pes * span);
                spanSeen = spanSeen == 0 || spanSeen == span ? span : -1;
                allFolds++;
            }
            if (sum > count) {
                count = sum;
                busiest = figures;
                busiestEvents = events;
            }
        }
        long cycles = q.reportLastIndex() ? count - 1 : count;

        List<Deviation> dev = new ArrayList<>();
        Gemm exact = ReferenceEngine.exact(layer);
        if (!exact.equals(gemm)) {
            dev.add(new Deviation("ceilOutputSize", "outputs", multiplyExact(multiplyExact(exact.m(), exact.n()),
                    exact.repeat()), multiplyExact(multiplyExact(gemm.m(), gemm.n()), gemm.repeat())));
        }
        if (drainFree) {
            dev.add(new Deviation("osDrainFree", "cycles", hw.cycles(), count));
        }
        if (q.reportLastIndex()) {
            dev.add(new Deviation("reportLastIndex", "cycles", count, cycles));
        }
        long ofmapWrites = hw.ofmapWrites();
        if (os && q.osWriteCountQuirk()) {
            ofmapWrites = addExact(ofmapWrites, multiplyExact(allFolds, (long) g.rows() + g.cols()));
            dev.add(new Deviation("osWriteCountQuirk", "ofmapWrites", hw.ofmapWrites(), ofmapWrites));
        }
        long ofmapReads = hw.ofmapReads();
        if (q.noPartialSumReadBack() && ofmapReads != 0) {
            dev.add(new Deviation("noPartialSumReadBack", "ofmapReads", ofmapReads, 0));
            ofmapReads = 0;
        }

        double utilization = (double) hw.macs() / ((double) cycles * pes * acc.cores());
        double mapping = (double) usedPes / ((double) allFolds * pes);
        // With one span for all folds (always, as the sequencer runs the full-array schedule)
        // the mean is one correctly rounded quotient of exact integers, as in the fast engine.
        double compute = spanSeen > 0 ? (double) hw.macs() / ((double) allFolds * pes * spanSeen)
                : computeSum / allFolds;
        LayerResult lr = new LayerResult(layer.name(), layer.type(), gemm, g, busiest.size(), cycles,
                hw.stallCycles(), hw.macs(), utilization, mapping, compute, hw.ifmapReads(), hw.filterReads(),
                ofmapReads, ofmapWrites);
        return new ReferenceResult(lr, busiest, busiestEvents, hw, dev, check);
    }
}
