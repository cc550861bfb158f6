package org.pactsim.run;

import java.nio.file.Path;
import java.util.function.UnaryOperator;
import org.pactsim.io.format.CostTableReader;
import org.pactsim.io.format.SweepSpecReader;
import org.pactsim.report.SweepManifest;
import org.pactsim.report.SweepMetrics;
import org.pactsim.study.sweep.PointEvaluator;

/**
 * A sweep spec read and ready to run: what every sweep engine (the local thread pool, Spark)
 * starts from.
 */
public record SweepJob(SweepSpecReader.Loaded loaded, PointEvaluator evaluator, SweepManifest manifest) {
    /** Reads {@code spec}; {@code origins} rewrites file names in reasons (see {@link PointEvaluator}). */
    public static SweepJob load(Path spec, UnaryOperator<String> origins) {
        SweepSpecReader.Loaded loaded = SweepSpecReader.read(spec, SweepMetrics.TOTAL.keys());
        PointEvaluator eval = new PointEvaluator(loaded.space(), loaded.binder(), SweepMetrics.TOTAL,
                CostTableReader.defaults(), origins);
        SweepManifest m = new SweepManifest(loaded.spec().name(), loaded.fingerprint(), loaded.space().size(),
                axisColumns(loaded.spec().keys(), eval.metricColumns()), eval.metricColumns(),
                loaded.spec().objectives(), loaded.spec().pareto());
        return new SweepJob(loaded, eval, m);
    }

    /**
     * The axis columns' names: each axis by its key, except an axis named like a metric (a swept
     * {@code clockMhz} beside the {@code clockMhz} metric), which is {@code axis.KEY}, so no two
     * columns of {@code points.csv} share a name. Objectives name metrics, never axes.
     */
    static java.util.List<String> axisColumns(java.util.List<String> keys, java.util.List<String> metrics) {
        return keys.stream().map(k -> metrics.contains(k) ? "axis." + k : k).toList();
    }
}
