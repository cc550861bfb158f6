package org.pactsim.run;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * A sweep engine other than the built-in thread pool, picked by name at run time, as Ramulator
 * picks its implementations: the command line knows only this interface, and an engine compiled
 * into the jar (the Spark engine, with the Maven profile {@code spark}) announces itself in
 * {@code META-INF/services/org.pactsim.run.SweepEngine}. No package depends on an engine, so
 * the package graph has no cycle through one.
 */
public interface SweepEngine {
    /** What a distributed run needs beyond the spec: the {@code pactsim sweep} options it takes. */
    record Request(Path spec, String out, String master, boolean force, Long partitionPoints, boolean parquet) {
    }

    /** The name {@code --engine} selects it by. */
    String name();

    /**
     * Runs the sweep of {@code request}, writing a summary on {@code out}.
     *
     * @throws org.pactsim.io.InputException on any input error, or when what the engine needs
     *         at run time (Spark's jars) is missing
     */
    void run(Request request, PrintWriter out, PrintWriter err);

    /** The engine called {@code name} in this build, if any. */
    static Optional<SweepEngine> find(String name) {
        try {
            for (SweepEngine e : ServiceLoader.load(SweepEngine.class, SweepEngine.class.getClassLoader())) {
                if (e.name().equals(name)) {
                    return Optional.of(e);
                }
            }
        } catch (java.util.ServiceConfigurationError e) {
            // listed but not loadable (a jar with the services file and without the engine's classes)
            return Optional.empty();
        }
        return Optional.empty();
    }
}
