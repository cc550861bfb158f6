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
                loaded.spec().keys(), eval.metricColumns(), loaded.spec().objectives(), loaded.spec().pareto());
        return new SweepJob(loaded, eval, m);
    }
}
