package org.pactsim.engine.reference;

import java.util.List;
import org.pactsim.engine.LayerResult;

/**
 * A layer run on the register-level array.
 *
 * @param layer      the timing model's figures, in the fast engine's shape (same JSON)
 * @param foldCycles the timing model's cycles of each fold of the busiest core, in order: their
 *                   sum is the layer's count ({@code layer.cycles()} plus one under SCALE-Sim's
 *                   report-the-last-index convention)
 * @param folds      the measured events of each fold of the busiest core
 * @param hardware   what the array did, before the model's conventions
 * @param deviations every place where the model's figure differs from {@code hardware}, with
 *                   the quirk responsible (empty for the native model)
 * @param gemm       the output matrices compared with the plain triple-loop GEMM
 */
public record ReferenceResult(LayerResult layer, List<Long> foldCycles, List<FoldEvents> folds,
                              HardwareCounts hardware, List<Deviation> deviations, GemmCheck gemm) {
    public ReferenceResult {
        foldCycles = List.copyOf(foldCycles);
        folds = List.copyOf(folds);
        deviations = List.copyOf(deviations);
    }
}
