package org.pactsim.study;

import org.pactsim.spec.AcceleratorSpec;
import org.pactsim.workload.PrecisionVariant;

/**
 * One precision's design at the area budget: its accelerator (before the bandwidth is set), the
 * area of one of its PEs, of all its arrays, of its cores' vector units and of their routers
 * (on-chip network; none with one core).
 */
public record IsoAreaDesign(PrecisionVariant precision, AcceleratorSpec accelerator, double peAreaUm2,
                            double arrayAreaMm2, double budgetMm2, double vectorAreaMm2, double routerAreaMm2) {
    /** A design whose cores have no priced vector unit or router (the version 1 tables). */
    public IsoAreaDesign(PrecisionVariant precision, AcceleratorSpec accelerator, double peAreaUm2,
                         double arrayAreaMm2, double budgetMm2) {
        this(precision, accelerator, peAreaUm2, arrayAreaMm2, budgetMm2, 0, 0);
    }

    /** The same design with dataflow {@code d} (a dataflow changes no area). */
    public IsoAreaDesign withDataflow(org.pactsim.spec.Dataflow d) {
        return new IsoAreaDesign(precision, accelerator.withDataflow(d), peAreaUm2, arrayAreaMm2, budgetMm2,
                vectorAreaMm2, routerAreaMm2);
    }

    /** The design's shape as a user names it: {@code cores x rows x cols dataflow}, e.g. {@code 12x128x128 ws}. */
    public String shape() {
        return accelerator.cores() + "x" + accelerator.array().rows() + "x" + accelerator.array().cols() + " "
                + accelerator.dataflow().key();
    }

    /** What the design spends of the budget: its PE arrays, its cores' vector units and routers. */
    public double computeAreaMm2() {
        return arrayAreaMm2 + vectorAreaMm2 + routerAreaMm2;
    }
}
