package org.pactsim.spec;

/** A systolic array of {@code rows x cols} PEs (SCALE-Sim's ArrayHeight x ArrayWidth). */
public record ArraySpec(int rows, int cols) {
    /** Largest side accepted; 2^20 PEs a side keeps every product of counts inside a long. */
    public static final int MAX_SIDE = 1 << 20;

    public ArraySpec {
        new Violations()
                .between("rows", rows, 1, MAX_SIDE)
                .between("cols", cols, 1, MAX_SIDE)
                .throwIfAny();
    }

    public long pes() {
        return (long) rows * cols;
    }
}
