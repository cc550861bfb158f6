package org.pactsim.io;

/** The {@code schema} values of pactsim's file formats, in one place for their readers and writers. */
public final class Schemas {
    /** An accelerator (YAML or JSON; a SCALE-Sim .cfg is read as one). */
    public static final String ARCH = "pactsim/arch/1";
    /** A network trace in YAML. */
    public static final String TRACE = "pactsim/trace/1";
    /** A cost-table file (its first line). */
    public static final String COST = "pactsim/cost/1";
    /** A sweep spec. */
    public static final String SWEEP = "pactsim/sweep/1";
    /** A result of {@code pactsim simulate}. */
    public static final String RESULT = "pactsim/result/1";

    private Schemas() {
    }
}
