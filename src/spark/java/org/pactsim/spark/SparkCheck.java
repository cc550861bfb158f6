package org.pactsim.spark;

import org.pactsim.io.InputException;

/**
 * Whether Apache Spark is on the classpath. Spark is a {@code provided} dependency, absent
 * from {@code target/pactsim.jar}: this class touches no Spark type, so it can say so in one
 * line instead of a {@link NoClassDefFoundError}.
 */
public final class SparkCheck {
    static final String PROBE = "org.apache.spark.sql.SparkSession";

    private SparkCheck() {
    }

    /** Whether Spark's classes can be loaded. */
    public static boolean available() {
        try {
            Class.forName(PROBE, false, SparkCheck.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** @throws InputException saying how to put Spark on the classpath, when it is not there */
    public static void require() {
        if (!available()) {
            throw InputException.at("--engine spark", null, "Apache Spark 4 on the classpath: run"
                    + " spark-submit target/pactsim.jar sweep SPEC --engine spark --out URI,"
                    + " or set SPARK_HOME (or PACTSIM_CLASSPATH to Spark's jars) for bin/pactsim (docs/sweeps.md)",
                    "no Spark classes (target/pactsim.jar does not bundle Spark)");
        }
    }
}
