package org.pactsim.rtl;

import org.pactsim.engine.Quirks;
import org.pactsim.spec.AcceleratorSpec;
import org.pactsim.spec.Dataflow;
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
 */
public record RtlDesign(int rows, int cols, int lw, int tw, int accw, int lm, Dataflow dataflow, OsDrain drain,
                        boolean serial) {
    /** Largest array side the generator accepts (the testbench's column field is 16 bits). */
    public static final int MAX_SIDE = 1 << 12;

    public RtlDesign {
        if (rows < 1 || cols < 1 || rows > MAX_SIDE || cols > MAX_SIDE) {
            throw new IllegalArgumentException("array sides must be 1.." + MAX_SIDE + ", found " + rows + "x" + cols);
        }
        if (lw < 1 || tw < 1 || lw > 32 || tw > 32 || accw < Math.max(lw, tw) || accw > 64 || lm < 0) {
            throw new IllegalArgumentException("widths " + lw + "/" + tw + "/" + accw + ", " + lm + " stages");
        }
    }

    /** The array of {@code acc} under the timing model's quirks ({@code serialFolds}). */
    public static RtlDesign of(AcceleratorSpec acc, Quirks q) {
        PeSpec pe = acc.pe();
        Dataflow df = acc.dataflow();
        int lw = df == Dataflow.IS ? pe.weightBits() : pe.activationBits();
        int tw = df == Dataflow.IS ? pe.activationBits() : pe.weightBits();
        // the serial array has no shadow registers, in OS neither
        OsDrain drain = q.serialFolds() ? OsDrain.SERIAL : acc.array().osDrain();
        return new RtlDesign(acc.array().rows(), acc.array().cols(), lw, tw, pe.accumulatorBits(),
                acc.array().multiplierStages(), df, drain, q.serialFolds());
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
