package org.pactsim.spec;

/**
 * A systolic array of {@code rows x cols} PEs (SCALE-Sim's ArrayHeight x ArrayWidth), and the
 * two microarchitecture choices that change its fold timing in pactsim's native model.
 *
 * @param multiplierStages pipeline registers in each PE's multiplier ({@code LM}, default 0):
 *                         every fold's last result comes {@code LM} cycles later
 * @param osDrain          how an output-stationary fold's results leave the array
 * @param foldOverlap      whether the next fold enters before the previous one has left
 */
public record ArraySpec(int rows, int cols, int multiplierStages, OsDrain osDrain, FoldOverlap foldOverlap) {
    /** Largest side accepted; 2^20 PEs a side keeps every product of counts inside a long. */
    public static final int MAX_SIDE = 1 << 20;
    /** Most multiplier pipeline stages accepted. */
    public static final int MAX_MULTIPLIER_STAGES = 16;

    /** An array with a combinational multiplier and the overlapped OS drain. */
    public ArraySpec(int rows, int cols) {
        this(rows, cols, 0, OsDrain.OVERLAPPED);
    }

    /** An array whose folds do not overlap ({@link FoldOverlap#NONE}). */
    public ArraySpec(int rows, int cols, int multiplierStages, OsDrain osDrain) {
        this(rows, cols, multiplierStages, osDrain, FoldOverlap.NONE);
    }

    /** The same array (multiplier stages, drain, fold overlap) with other sides. */
    public ArraySpec withSides(int r, int c) {
        return new ArraySpec(r, c, multiplierStages, osDrain, foldOverlap);
    }

    /** The same array with another fold overlap. */
    public ArraySpec withFoldOverlap(FoldOverlap overlap) {
        return new ArraySpec(rows, cols, multiplierStages, osDrain, overlap);
    }

    public ArraySpec {
        new Violations()
                .between("rows", rows, 1, MAX_SIDE)
                .between("cols", cols, 1, MAX_SIDE)
                .between("multiplierStages", multiplierStages, 0, MAX_MULTIPLIER_STAGES)
                .check(osDrain != null, "osDrain", "overlapped, wavefront or serial", "nothing")
                .check(foldOverlap != null, "foldOverlap", "none or pipelined", "nothing")
                .throwIfAny();
    }

    public long pes() {
        return (long) rows * cols;
    }
}
