package org.pactsim.study;

/**
 * How a point's design was chosen under {@link IsoAreaPlan.Scale#BEST}: how many designs that fit
 * the area budget there are ({@code designs}), how many of them ran at the point's bandwidth
 * ({@code run}: the others could not beat the runner-up even with unlimited bandwidth), how
 * many of them the model refused
 * ({@code infeasible}, e.g. a core's share of the SRAM too small for a tile), the runner-up and
 * the winner's margin over it in images per second ({@code margin = winner / runner-up - 1}).
 * Under the other scales a point is the one design sized for it: one design, no runner-up.
 */
public record IsoAreaSearch(int designs, int run, int infeasible, IsoAreaDesign runnerUp, double runnerUpImagesPerSecond,
                            double margin) {
    /** A point sized, not searched. */
    public static final IsoAreaSearch NONE = new IsoAreaSearch(1, 1, 0, null, Double.NaN, Double.NaN);

    public boolean searched() {
        return runnerUp != null || designs > 1;
    }
}
