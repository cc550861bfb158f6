package org.pactsim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.pactsim.io.InputException;
import org.pactsim.io.format.SweepSpecReader;
import org.pactsim.report.SweepFolder;
import org.pactsim.report.SweepManifest;
import org.pactsim.report.SweepReport;
import org.pactsim.run.SweepEngine;
import org.pactsim.run.SweepJob;
import org.pactsim.study.OrderedRunner;
import org.pactsim.study.sweep.PointEvaluator;
import org.pactsim.study.sweep.PointRow;
import org.pactsim.study.sweep.SweepRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code pactsim sweep}: a design-space sweep, resumable, with Pareto fronts and charts, on the
 * local thread pool or on Apache Spark ({@code --engine spark}: a {@link SweepEngine} in a build with the
 * Maven profile {@code spark}).
 */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"Run a design-space sweep (see docs/sweeps.md) on all cores, writing DIR/points.csv and"
                + " (with --jsonl) DIR/points.jsonl, then Pareto fronts, charts and the best points per objective.",
            "Killed or interrupted, the same command continues where it stopped.",
            "With --engine spark the points run as Spark tasks (embedded, or on --master), written as"
                + " DIR/parts/, DIR/points.csv and DIR/points.parquet; a rerun skips finished partitions."})
public final class SweepCommand implements Callable<Integer> {
    /**
     * Test-only crash point: with {@code -Dpactsim.test.haltAfterPoint=K} the local engine flushes
     * the rows through point {@code K} and halts the JVM there ({@link Runtime#halt}: no shutdown
     * hooks, no finally blocks, as a kill), so a resume test needs no timing.
     */
    static final String HALT_AFTER = "pactsim.test.haltAfterPoint";

    @Parameters(arity = "0..1", paramLabel = "SPEC", description = "The sweep spec (YAML or JSON).")
    Path specFile;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Folder of the sweep's files (created; resumed if it holds this sweep). With --engine spark"
                    + " also a URI such as hdfs://... or s3a://...")
    String out;

    @Option(names = "--engine", paramLabel = "ENGINE", defaultValue = "local", completionCandidates = Engines.class,
            description = "local (a thread pool; default) or spark (Spark on the classpath: see docs/sweeps.md).")
    String engine;

    /** The engine names: {@code local}, then the {@link SweepEngine}s found by name. */
    static final class Engines implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return List.of("local", "spark").iterator();
        }
    }

    /** {@code --progress}: how a local sweep shows where it is. */
    enum ProgressMode { auto, bar, lines, none }

    @Option(names = "--master", paramLabel = "URL",
            description = "With --engine spark: the Spark master, e.g. local[*] (default unless spark-submit set one).")
    String master;

    @Option(names = "--partition-points", paramLabel = "N",
            description = "With --engine spark: points per partition (default: about 256 partitions of 16 to 10,000"
                    + " points; a rerun keeps the folder's).")
    Long partitionPoints;

    @Option(names = "--parquet", negatable = true,
            description = "With --engine spark: also write DIR/points.parquet (default; --no-parquet to skip).")
    Boolean parquet;

    @Option(names = "--report", paramLabel = "DIR",
            description = "Only re-draw the fronts, charts and tables of the sweep in DIR from its files.")
    Path report;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all cores); the rows do not depend on it.")
    Integer threads;

    @Option(names = "--force", description = "Start over when DIR holds the sweep of a changed spec.")
    boolean force;

    @Option(names = "--jsonl", description = "Also write DIR/points.jsonl, the rows as JSON objects (about twice"
            + " points.csv; 178 MB for 100,800 points). A folder that has it keeps writing it.")
    boolean jsonl;

    @Option(names = "--progress", paramLabel = "MODE", defaultValue = "auto",
            description = "bar (progress bar), lines (a line now and then), none, or auto (bar on a terminal; default).")
    ProgressMode progress;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter w = spec.commandLine().getOut();
        if (report != null) {
            if (specFile != null || out != null) {
                throw InputException.at("--report", null, "no SPEC and no --out with --report", "them");
            }
            w.print(SweepReport.write(report));
            w.flush();
            return 0;
        }
        if (specFile == null || out == null) {
            throw InputException.at("sweep", null, "SPEC --out DIR (or --report DIR)",
                    specFile == null ? "no SPEC" : "no --out");
        }
        specFile = Home.find(specFile, "SPEC", Home.Kind.SWEEP);
        if (!engine.equals("local") && !engine.equals("spark")) {
            throw InputException.at("--engine", null, "local or spark", InputException.quote(engine));
        }
        if (engine.equals("spark")) {
            return spark(w);
        }
        if (master != null || partitionPoints != null || parquet != null) {
            throw InputException.at(master != null ? "--master" : partitionPoints != null ? "--partition-points"
                    : "--[no-]parquet", null, "it only with --engine spark", "--engine local");
        }
        Path outDir = Path.of(out);
        int n = threads == null ? OrderedRunner.defaultThreads() : threads;
        if (n < 1 || n > 1024) {
            throw InputException.at("--threads", null, "an integer from 1 to 1024", Integer.toString(n));
        }
        SweepJob job = SweepJob.load(specFile, java.util.function.UnaryOperator.identity());
        SweepSpecReader.Loaded loaded = job.loaded();
        PointEvaluator eval = job.evaluator();
        long total = loaded.space().size();
        SweepManifest m = job.manifest();
        PrintWriter err = spec.commandLine().getErr();
        long[] counts = new long[PointRow.Status.values().length];
        long startNanos = System.nanoTime();
        long done;
        long haltAfter = Long.getLong(HALT_AFTER, -1);
        try (SweepFolder folder = SweepFolder.open(outDir, m, force, jsonl)) {
            done = folder.done();
            if (done > 0) {
                err.println("pactsim: resuming " + out + " at point " + done + " of " + total);
            }
            try (Progress p = progress(done, total, err)) {
                SweepRun.run(eval, done, total, n, row -> {
                    folder.append(row);
                    counts[row.status().ordinal()]++;
                    p.step(row.index() + 1);
                    if (row.index() == haltAfter) {
                        halt(folder);
                    }
                });
            }
            folder.complete();
        }
        double secs = (System.nanoTime() - startNanos) / 1e9;
        long ran = total - done;
        String of = total == loaded.space().gridSize() ? "" : " sampled from a " + loaded.space().gridSize() + "-point grid";
        w.printf(Locale.ROOT, "%s: %d points%s in %s; ran %d now in %.1f s (%.0f points/s, %d threads):"
                        + " %d ok, %d infeasible, %d error%n", loaded.spec().name(), total, of, out, ran, secs,
                ran / Math.max(secs, 1e-9), n, counts[0], counts[1], counts[2]);
        w.print(SweepReport.write(outDir));
        w.flush();
        return 0;
    }

    private static void halt(SweepFolder folder) {
        try {
            folder.flush();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Runtime.getRuntime().halt(137);
    }

    /**
     * The Spark engine, found as a {@link SweepEngine} named {@code spark}: it is compiled only
     * with the Maven profile {@code spark} (src/spark/java), and needs Spark on the classpath;
     * either missing is one line.
     */
    private Integer spark(PrintWriter w) {
        if (threads != null) {
            throw InputException.at("--threads", null, "no --threads with --engine spark (Spark runs a task per core:"
                    + " --master local[N], or the cluster's executors)", "--threads " + threads);
        }
        if (progress != ProgressMode.auto) {
            throw InputException.at("--progress", null, "no --progress with --engine spark", progress.name());
        }
        SweepEngine engine = SweepEngine.find("spark").orElseThrow(() -> InputException.at("--engine spark", null,
                "a pactsim built with its Spark engine: mvn -q -B -Pspark clean package -DskipTests (docs/sweeps.md)",
                "a build without it (no sweep engine named spark)"));
        engine.run(new SweepEngine.Request(specFile, out, master, force, partitionPoints, parquet == null || parquet),
                w, spec.commandLine().getErr());
        return 0;
    }

    @SuppressWarnings("SystemConsoleNull") // on Java 17, console() is null exactly when not a terminal
    private Progress progress(long done, long total, PrintWriter err) {
        ProgressMode mode = progress == ProgressMode.auto
                ? (System.console() != null ? ProgressMode.bar : ProgressMode.lines) : progress;
        switch (mode) {
            case bar: {
                ProgressBar bar = new ProgressBarBuilder().setTaskName("sweep").setInitialMax(total)
                        .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250).showSpeed()
                        .startsFrom(done, Duration.ZERO).build();
                return new Progress() {
                    @Override
                    public void step(long to) {
                        bar.stepTo(to);
                    }

                    @Override
                    public void close() {
                        bar.close();
                    }
                };
            }
            case lines:
                return new Lines(done, total, err);
            default:
                return new Progress() {
                    @Override
                    public void step(long to) {
                    }

                    @Override
                    public void close() {
                    }
                };
        }
    }

    /** Where the sweep is, on the terminal. */
    private interface Progress extends AutoCloseable {
        void step(long to);

        @Override
        void close();
    }

    /** Plain progress lines (not a terminal): at most one every 10 s or 10% of the points. */
    private static final class Lines implements Progress {
        private final long start;
        private final long total;
        private final PrintWriter err;
        private final long t0 = System.nanoTime();
        private long lastNanos = System.nanoTime();
        private long lastAt;

        Lines(long start, long total, PrintWriter err) {
            this.start = start;
            this.total = total;
            this.err = err;
            this.lastAt = start;
        }

        @Override
        public void step(long to) {
            long now = System.nanoTime();
            if (to < total && now - lastNanos < 10_000_000_000L && (to - lastAt) * 10 < total) {
                return;
            }
            lastNanos = now;
            lastAt = to;
            double secs = (now - t0) / 1e9;
            double rate = (to - start) / Math.max(secs, 1e-9);
            long eta = rate > 0 ? Math.round((total - to) / rate) : -1;
            err.printf(Locale.ROOT, "sweep: %d/%d points (%.0f%%), %.0f points/s, ETA %s%n", to, total,
                    100.0 * to / Math.max(1, total), rate, eta < 0 ? "?" : eta / 60 + "m" + String.format(Locale.ROOT, "%02d", eta % 60) + "s");
            err.flush();
        }

        @Override
        public void close() {
        }
    }
}
