package org.pactsim.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.pactsim.run.SweepJob;

/**
 * The sweeps an executor JVM runs, one {@link SweepJob} per spec fingerprint, built
 * once from the {@link SpecBundle} and shared by every task of that JVM (the evaluator is
 * thread-safe; its tiling cache then serves all of them). The bundle's files are written under
 * a temporary folder removed when the JVM exits.
 */
final class ExecutorJobs {
    private static final Map<String, SweepJob> JOBS = new ConcurrentHashMap<>();

    private ExecutorJobs() {
    }

    static SweepJob get(SpecBundle b) {
        return JOBS.computeIfAbsent(b.fingerprint(), f -> load(b));
    }

    private static SweepJob load(SpecBundle b) {
        Path root;
        try {
            root = Files.createTempDirectory("pactsim-spec-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a folder for the sweep's files: " + e.getMessage(), e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(root)));
        Path spec = b.materialize(root);
        SweepJob job = SweepJob.load(spec, b.origins(root));
        if (!job.loaded().fingerprint().equals(b.fingerprint())) {
            throw new IllegalStateException("the executor read the sweep's files with fingerprint "
                    + job.loaded().fingerprint() + ", the driver " + b.fingerprint() + ": a file the spec reads was"
                    + " not shipped (" + b.paths() + ")");
        }
        return job;
    }

    private static void delete(Path root) {
        try (Stream<Path> s = Files.walk(root)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | RuntimeException e) {
            // a temporary folder; the OS cleans it in the end
        }
    }
}
