package org.pactsim.spark;

import java.io.PrintWriter;
import org.pactsim.run.SweepEngine;

/**
 * Where {@code pactsim sweep --engine spark} enters the Spark engine: the {@link SweepEngine}
 * named {@code spark}, announced in {@code META-INF/services/org.pactsim.run.SweepEngine}
 * (src/spark/resources), because {@code org.pactsim.spark} is compiled only with the Maven
 * profile {@code spark}. Touching no Spark type itself, it checks that Spark is on the
 * classpath ({@link SparkCheck}) before any class that needs it is loaded.
 */
public final class SparkEntry implements SweepEngine {
    /** For {@link java.util.ServiceLoader}. */
    public SparkEntry() {
    }

    @Override
    public String name() {
        return "spark";
    }

    /**
     * Runs the sweep of {@code r} on Spark, embedded or in the running session.
     *
     * @throws org.pactsim.io.InputException when Spark is not on the classpath, or on any input error
     */
    @Override
    public void run(Request r, PrintWriter w, PrintWriter err) {
        SparkCheck.require();
        SparkSweep.runEmbedded(new SparkRequest(r.spec(), r.out(), r.master(), r.force(), r.partitionPoints(),
                r.parquet()), w, err);
    }
}
