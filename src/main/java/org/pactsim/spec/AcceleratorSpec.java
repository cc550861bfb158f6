package org.pactsim.spec;

/**
 * A whole accelerator: {@code cores} identical cores, each an array with its SRAM and a vector
 * unit for the non-GEMM layers, sharing one DRAM interface, all at {@code clockMhz}; the
 * network runs on it under {@code schedule}.
 */
public record AcceleratorSpec(
        String name,
        ArraySpec array,
        Dataflow dataflow,
        int cores,
        double clockMhz,
        PeSpec pe,
        SramSpec sram,
        DramSpec dram,
        int technologyNm,
        VectorSpec vector,
        ScheduleSpec schedule,
        NocSpec noc,
        SiliconSpec silicon) {
    /** Slowest clock accepted (1 kHz). */
    public static final double MIN_CLOCK_MHZ = 1e-3;
    /** Fastest clock accepted (1 THz). */
    public static final double MAX_CLOCK_MHZ = 1e6;

    public AcceleratorSpec {
        Violations v = Names.check(new Violations(), "name", name)
                .check(array != null, "array", "an array", "nothing")
                .check(dataflow != null, "dataflow", "os, ws or is", "nothing")
                .between("cores", cores, 1, 1 << 16)
                .finitePositive("clockMhz", clockMhz)
                // 1 kHz to 1 THz: a clock outside is a typo, and one of 1e-320 MHz would make
                // seconds and leakage energy infinite
                .check(!(clockMhz > 0) || Double.isInfinite(clockMhz)
                                || (clockMhz >= MIN_CLOCK_MHZ && clockMhz <= MAX_CLOCK_MHZ),
                        "clockMhz", "a clock from 0.001 to 1000000 MHz", Double.toString(clockMhz))
                .check(pe != null, "pe", "a PE spec", "nothing")
                .check(sram != null, "sram", "an SRAM spec", "nothing")
                .check(dram != null, "dram", "a DRAM spec", "nothing")
                .between("technologyNm", technologyNm, 1, 1000)
                .check(vector != null, "vector", "a vector unit spec", "nothing")
                .check(schedule != null, "schedule", "a schedule", "nothing")
                .check(noc != null, "noc", "an on-chip network", "nothing")
                .check(silicon != null, "silicon", "a silicon spec", "nothing");
        v.throwIfAny();
    }

    /** An accelerator with the default silicon ({@link SiliconSpec#DEFAULT}: LP, no accumulator SRAM or scratchpads). */
    public AcceleratorSpec(String name, ArraySpec array, Dataflow dataflow, int cores, double clockMhz, PeSpec pe,
                           SramSpec sram, DramSpec dram, int technologyNm, VectorSpec vector, ScheduleSpec schedule,
                           NocSpec noc) {
        this(name, array, dataflow, cores, clockMhz, pe, sram, dram, technologyNm, vector, schedule, noc,
                SiliconSpec.DEFAULT);
    }

    /** An accelerator with the default on-chip network ({@link NocSpec#DEFAULT}). */
    public AcceleratorSpec(String name, ArraySpec array, Dataflow dataflow, int cores, double clockMhz, PeSpec pe,
                           SramSpec sram, DramSpec dram, int technologyNm, VectorSpec vector, ScheduleSpec schedule) {
        this(name, array, dataflow, cores, clockMhz, pe, sram, dram, technologyNm, vector, schedule, NocSpec.DEFAULT);
    }

    /** An accelerator with the default schedule ({@link ScheduleSpec#DEFAULT}). */
    public AcceleratorSpec(String name, ArraySpec array, Dataflow dataflow, int cores, double clockMhz, PeSpec pe,
                           SramSpec sram, DramSpec dram, int technologyNm, VectorSpec vector) {
        this(name, array, dataflow, cores, clockMhz, pe, sram, dram, technologyNm, vector, ScheduleSpec.DEFAULT);
    }

    /** An accelerator with the default vector unit, {@link VectorSpec#defaultFor} its array. */
    public AcceleratorSpec(String name, ArraySpec array, Dataflow dataflow, int cores, double clockMhz, PeSpec pe,
                           SramSpec sram, DramSpec dram, int technologyNm) {
        this(name, array, dataflow, cores, clockMhz, pe, sram, dram, technologyNm, VectorSpec.defaultFor(array));
    }

    public long totalPes() {
        return array.pes() * cores;
    }

    /** On-chip SRAM of all cores, in KiB. */
    public long totalSramKiB() {
        return Math.multiplyExact(sram.totalKiB(), cores);
    }

    public AcceleratorSpec withDataflow(Dataflow d) {
        return new AcceleratorSpec(name, array, d, cores, clockMhz, pe, sram, dram, technologyNm, vector, schedule, noc, silicon);
    }

    public AcceleratorSpec withSchedule(ScheduleSpec s) {
        return new AcceleratorSpec(name, array, dataflow, cores, clockMhz, pe, sram, dram, technologyNm, vector, s, noc, silicon);
    }

    // Withers copy every other field: code outside the readers derives accelerators with these,
    // never with the shorter constructors, which fill in defaults (issue 20: a base chip's vector
    // lanes, multiplier stages and fold overlap were lost when iso-area sized its designs).

    public AcceleratorSpec withName(String n) {
        return new AcceleratorSpec(n, array, dataflow, cores, clockMhz, pe, sram, dram, technologyNm, vector, schedule, noc, silicon);
    }

    public AcceleratorSpec withArray(ArraySpec a) {
        return new AcceleratorSpec(name, a, dataflow, cores, clockMhz, pe, sram, dram, technologyNm, vector, schedule, noc, silicon);
    }

    public AcceleratorSpec withCores(int c) {
        return new AcceleratorSpec(name, array, dataflow, c, clockMhz, pe, sram, dram, technologyNm, vector, schedule, noc, silicon);
    }

    public AcceleratorSpec withPe(PeSpec p) {
        return new AcceleratorSpec(name, array, dataflow, cores, clockMhz, p, sram, dram, technologyNm, vector, schedule, noc, silicon);
    }

    public AcceleratorSpec withSram(SramSpec s) {
        return new AcceleratorSpec(name, array, dataflow, cores, clockMhz, pe, s, dram, technologyNm, vector, schedule, noc, silicon);
    }

    public AcceleratorSpec withDram(DramSpec d) {
        return new AcceleratorSpec(name, array, dataflow, cores, clockMhz, pe, sram, d, technologyNm, vector, schedule, noc, silicon);
    }

    public AcceleratorSpec withClockMhz(double mhz) {
        return new AcceleratorSpec(name, array, dataflow, cores, mhz, pe, sram, dram, technologyNm, vector, schedule, noc, silicon);
    }

    public AcceleratorSpec withTechnologyNm(int nm) {
        return new AcceleratorSpec(name, array, dataflow, cores, clockMhz, pe, sram, dram, nm, vector, schedule, noc, silicon);
    }

    public AcceleratorSpec withNoc(NocSpec n) {
        return new AcceleratorSpec(name, array, dataflow, cores, clockMhz, pe, sram, dram, technologyNm, vector, schedule, n, silicon);
    }

    public AcceleratorSpec withSilicon(SiliconSpec s) {
        return new AcceleratorSpec(name, array, dataflow, cores, clockMhz, pe, sram, dram, technologyNm, vector, schedule,
                noc, s);
    }
}
