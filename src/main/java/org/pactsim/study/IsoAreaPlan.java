package org.pactsim.study;

import java.util.List;
import org.pactsim.workload.PrecisionVariant;

/**
 * What the iso-area study compares. The first precision is the baseline the speedups are
 * measured against.
 *
 * @param precisions  the network's precision variants, baseline first (e.g. int16, int8,
 *                    int4-pact, int2-pact); each design's PEs have that variant's width
 * @param bandwidthsGBps DRAM bandwidths, {@link Double#POSITIVE_INFINITY} for unlimited
 * @param scaleArrays fill the area by growing each core's array (true) or by adding cores of
 *                    the base array size (false, as PACT does)
 * @param areaMm2     compute-area budget (all PE arrays), or NaN for the baseline's own
 * @param batch       images per inference of the network (the reports say per-image figures
 *                    with it; the study runs the network as given)
 */
public record IsoAreaPlan(List<PrecisionVariant> precisions, List<Double> bandwidthsGBps, boolean scaleArrays,
                          double areaMm2, int batch) {
    public IsoAreaPlan {
        precisions = List.copyOf(precisions);
        bandwidthsGBps = List.copyOf(bandwidthsGBps);
        if (precisions.isEmpty() || bandwidthsGBps.isEmpty()) {
            throw new IllegalArgumentException("at least one precision and one bandwidth");
        }
        if (batch < 1) {
            throw new IllegalArgumentException("batch " + batch);
        }
    }

    /** A plan for a network of one image per inference. */
    public IsoAreaPlan(List<PrecisionVariant> precisions, List<Double> bandwidthsGBps, boolean scaleArrays,
                       double areaMm2) {
        this(precisions, bandwidthsGBps, scaleArrays, areaMm2, 1);
    }
}
