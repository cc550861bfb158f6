package org.pactsim.spark;

import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * Where {@code pactsim sweep --engine spark} enters the Spark engine. The command line finds
 * this class by name, because {@code org.pactsim.spark} is compiled only with the Maven
 * profile {@code spark} (src/spark/java); touching no Spark type itself, it checks that Spark
 * is on the classpath ({@link SparkCheck}) before any class that needs it is loaded.
 */
public final class SparkEntry {
    private SparkEntry() {
    }

    /**
     * Runs the sweep of {@code spec} into {@code out} on Spark, embedded or in the running
     * session; the arguments are {@link SparkRequest}'s.
     *
     * @throws org.pactsim.io.InputException when Spark is not on the classpath, or on any input error
     */
    public static void run(Path spec, String out, String master, boolean force, Long partitionPoints, boolean parquet,
                           PrintWriter w, PrintWriter err) {
        SparkCheck.require();
        SparkSweep.runEmbedded(new SparkRequest(spec, out, master, force, partitionPoints, parquet), w, err);
    }
}
