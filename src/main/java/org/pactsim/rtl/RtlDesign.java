package org.pactsim.rtl;

import org.pactsim.engine.FoldTiming;
import org.pactsim.engine.Quirks;
import org.pactsim.mapping.FoldGeometry;
import org.pactsim.spec.AcceleratorSpec;
import org.pactsim.spec.Dataflow;
import org.pactsim.spec.FoldOverlap;
import org.pactsim.spec.OsDrain;
import org.pactsim.spec.PeSpec;

/**
 * The parameters of one generated array core and its schedule.
 *
 * @param lw     width of the operand streamed in from the left (OS, WS: activations; IS: weights)
 * @param tw     width of the other operand (OS: weights streamed from the top; WS: stationary
 *               weights; IS: stationary inputs)
 * @param accw   accumulator and partial-sum width
 * @param lm     multiplier pipeline stages
 * @param serial WS/IS: one fold at a time (each fold pays its preload, SCALE-Sim's array);
 *               otherwise the next fold's operands are preloaded into shadow registers
 * @param pipelined the folds overlap ({@code array.foldOverlap: pipelined}): WS/IS, the fold
 *               switch travelling with the data ({@code pactsim_pe_pl}); OS, the wavefront
 *               capture issued every {@code max(T, 2R - 1)} cycles
 */
public record RtlDesign(int rows, int cols, int lw, int tw, int accw, int lm, Dataflow dataflow, OsDrain drain,
                        boolean serial, boolean pipelined) {
    /** Largest array side the generator accepts (the testbench's column field is 16 bits). */
    public static final int MAX_SIDE = 1 << 12;

    public RtlDesign {
        if (rows < 1 || cols < 1 || rows > MAX_SIDE || cols > MAX_SIDE) {
            throw new IllegalArgumentException("array sides must be 1.." + MAX_SIDE + ", found " + rows + "x" + cols);
        }
        if (lw < 1 || tw < 1 || lw > 32 || tw > 32 || accw < Math.max(lw, tw) || accw > 64 || lm < 0) {
            throw new IllegalArgumentException("widths " + lw + "/" + tw + "/" + accw + ", " + lm + " stages");
        }
        if (pipelined && (serial || (dataflow == Dataflow.OS && drain != OsDrain.WAVEFRONT))) {
            throw new IllegalArgumentException("pipelined folds need a double-buffered WS/IS array or an OS array"
                    + " with the wavefront capture");
        }
    }

    /**
     * The array of {@code acc} under the timing model's quirks ({@code serialFolds}) for folds of
     * {@code g}. A pipelined OS array is the wavefront-capture array with a sequencer that issues
     * a fold every {@code max(T, 2R - 1)} cycles; where the array's own drain style is faster for
     * this GEMM ({@code engine.FoldTiming} takes the smaller period), that array is generated.
     */
    public static RtlDesign of(AcceleratorSpec acc, Quirks q, FoldGeometry g) {
        PeSpec pe = acc.pe();
        Dataflow df = acc.dataflow();
        int lw = df == Dataflow.IS ? pe.weightBits() : pe.activationBits();
        int tw = df == Dataflow.IS ? pe.activationBits() : pe.weightBits();
        int lm = acc.array().multiplierStages();
        // the serial array has no shadow registers, in OS neither
        OsDrain drain = q.serialFolds() ? OsDrain.SERIAL : acc.array().osDrain();
        boolean pipelined = FoldTiming.pipelines(g, q, lm, drain, acc.array().foldOverlap());
        if (pipelined && df == Dataflow.OS) {
            drain = OsDrain.WAVEFRONT;
        }
        return new RtlDesign(acc.array().rows(), acc.array().cols(), lw, tw, pe.accumulatorBits(), lm, df, drain,
                q.serialFolds(), pipelined);
    }

    /** How the folds overlap, as {@code engine.FoldTiming} takes it. */
    public FoldOverlap overlap() {
        return pipelined ? FoldOverlap.PIPELINED : FoldOverlap.NONE;
    }

    /** The {@code PIPE} parameter of the core: the pipelined WS/IS PE. */
    public boolean pipelinedStationary() {
        return pipelined && dataflow != Dataflow.OS;
    }

    public boolean os() {
        return dataflow == Dataflow.OS;
    }

    /** Data field width of a stimulus word. */
    public int dataBits() {
        return Math.max(accw, Math.max(lw, tw));
    }

    /** Stimulus words per cycle: left lanes, top lanes, partial-sum lanes, one control word. */
    public int wordsPerCycle() {
        return rows + 2 * cols + 1;
    }
}
