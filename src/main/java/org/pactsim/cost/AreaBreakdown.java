package org.pactsim.cost;

/**
 * Die area estimate by part, in mm^2.
 *
 * @param arrayMm2 the PEs of every core
 * @param sramMm2  the on-chip buffers of every core
 * @param otherMm2 control, interconnect and I/O: {@code otherAreaFraction * (array + SRAM)}
 */
public record AreaBreakdown(double arrayMm2, double sramMm2, double otherMm2) {
    public AreaBreakdown {
        for (double d : new double[] {arrayMm2, sramMm2, otherMm2}) {
            if (!(d >= 0) || Double.isInfinite(d)) {
                throw new IllegalArgumentException("area must be finite and >= 0: " + d);
            }
        }
    }

    public double totalMm2() {
        return arrayMm2 + sramMm2 + otherMm2;
    }

    /** Logic area (array and other), which leaks at the logic density. */
    public double logicMm2() {
        return arrayMm2 + otherMm2;
    }
}
