package org.pactsim.study;

import java.util.List;
import org.pactsim.spec.Dataflow;
import org.pactsim.workload.PrecisionVariant;

/**
 * What the iso-area study compares. The first precision is the baseline the speedups are
 * measured against.
 *
 * @param precisions  the network's precision variants, baseline first (e.g. int16, int8,
 *                    int4-pact, int2-pact); each design's PEs have that variant's width
 * @param bandwidthsGBps DRAM bandwidths, {@link Double#POSITIVE_INFINITY} for unlimited
 * @param scale       how each precision fills the area budget
 * @param dataflows   under {@link Scale#BEST}, the dataflows searched (empty: the base chip's)
 * @param areaMm2     compute-area budget (all PE arrays and vector units), or NaN for the
 *                    baseline's own
 * @param batch       images per inference of the network (the reports say per-image figures
 *                    with it; the study runs the network as given)
 * @param unit        what one of the {@code batch} items is: {@code image}, or {@code token} for
 *                    an LLM step (the figures are then per token: tokens/s, DRAM bytes per token)
 */
public record IsoAreaPlan(List<PrecisionVariant> precisions, List<Double> bandwidthsGBps, Scale scale,
                          List<Dataflow> dataflows, double areaMm2, int batch, String unit) {
    /** A plan in images. */
    public IsoAreaPlan(List<PrecisionVariant> precisions, List<Double> bandwidthsGBps, Scale scale,
                       List<Dataflow> dataflows, double areaMm2, int batch) {
        this(precisions, bandwidthsGBps, scale, dataflows, areaMm2, batch, "image");
    }

    /** How a precision fills the area budget. */
    public enum Scale {
        /** Cores of the base array, as many as fit (as PACT does). */
        CORES,
        /** The base number of cores, each with as large a square-ish array as fits. */
        ARRAYS,
        /**
         * Every cores x rows x cols (sides powers of two, rectangular allowed; dataflows as
         * listed) that fits the budget, run at each bandwidth; the fastest wins.
         */
        BEST;

        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public IsoAreaPlan {
        precisions = List.copyOf(precisions);
        bandwidthsGBps = List.copyOf(bandwidthsGBps);
        dataflows = List.copyOf(dataflows);
        if (precisions.isEmpty() || bandwidthsGBps.isEmpty() || scale == null) {
            throw new IllegalArgumentException("at least one precision and one bandwidth, and a scale");
        }
        if (batch < 1 || unit == null || unit.isBlank()) {
            throw new IllegalArgumentException("batch " + batch + ", unit " + unit);
        }
    }

    /** A plan for a network of one image per inference, cores or arrays, the base chip's dataflow. */
    public IsoAreaPlan(List<PrecisionVariant> precisions, List<Double> bandwidthsGBps, boolean scaleArrays,
                       double areaMm2) {
        this(precisions, bandwidthsGBps, scaleArrays ? Scale.ARRAYS : Scale.CORES, List.of(), areaMm2, 1);
    }

    /** The baseline precision: the first. */
    public PrecisionVariant baseline() {
        return precisions.get(0);
    }
}
