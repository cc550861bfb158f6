package org.pactsim.study;

import org.pactsim.spec.AcceleratorSpec;
import org.pactsim.workload.PrecisionVariant;

/**
 * One precision's design at the area budget: its accelerator (before the bandwidth is set), the
 * area of one of its PEs and of all its arrays.
 */
public record IsoAreaDesign(PrecisionVariant precision, AcceleratorSpec accelerator, double peAreaUm2,
                            double arrayAreaMm2, double budgetMm2) {
}
