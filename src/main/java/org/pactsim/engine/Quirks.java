package org.pactsim.engine;

import org.pactsim.workload.OutputRounding;

/**
 * Every place where SCALE-Sim v2 (CALC mode) departs from a plain count, as one switch each.
 * {@link #SCALESIM} turns all of them on, {@link #NONE} all off; the engine consults only
 * this record, so each quirk lives in exactly one place.
 *
 * @param reportLastIndex      layer cycles are the 0-based index of the last output write,
 *                             i.e. the cycle count minus one (SCALE-Sim issues #60, #125)
 * @param ceilOutputSize       conv output size {@code ceil((H - F + S) / S)} instead of
 *                             {@code floor((H - F) / S) + 1}
 * @param serialFolds          folds run strictly one after another: every WS/IS fold pays its
 *                             own {@code R}-cycle preload and every fold its full fill and
 *                             drain; partial folds cost a full fold
 * @param osDrainFree          OS results leave the array for free (no drain is charged)
 * @param osWriteCountQuirk    OS ofmap SRAM writes are {@code M*N + F*(R+C)}
 * @param computeUtilOvercount WS/IS compute utilisation divides by {@code 2R+2C+T-3} per fold
 *                             ({@code C-1} more than the fold's cycles)
 * @param noPartialSumReadBack partial sums of each row fold are written, never read back
 */
public record Quirks(boolean reportLastIndex, boolean ceilOutputSize, boolean serialFolds,
                     boolean osDrainFree, boolean osWriteCountQuirk, boolean computeUtilOvercount,
                     boolean noPartialSumReadBack) {

    public static final Quirks SCALESIM = new Quirks(true, true, true, true, true, true, true);
    public static final Quirks NONE = new Quirks(false, false, false, false, false, false, false);

    public OutputRounding outputRounding() {
        return ceilOutputSize ? OutputRounding.SCALESIM_CEIL : OutputRounding.FLOOR;
    }
}
