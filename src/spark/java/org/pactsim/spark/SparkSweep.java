package org.pactsim.spark;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.spark.SparkException;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.pactsim.run.SweepJob;
import org.pactsim.io.InputException;
import org.pactsim.report.SweepReport;
import org.pactsim.study.sweep.FrontPoint;
import org.pactsim.study.sweep.Partitioning;
import org.pactsim.study.sweep.PointRow;
import org.pactsim.study.sweep.SweepFronts;

/**
 * A sweep on Apache Spark. {@link #runEmbedded} serves {@code pactsim sweep --engine spark}, in
 * its own session or under {@code spark-submit} in the running one; {@link #run} does the work in a given session:
 * <ol>
 * <li>reads the spec on the driver (errors with file and line before anything runs) and claims
 *     the output folder ({@link SparkFolder});
 * <li>runs one task per unfinished partition (a list of partition numbers, no points: each
 *     task makes its own from their numbers), {@link PartitionTask};
 * <li>merges the partitions' rows into {@code points.csv}, their local Pareto fronts into the
 *     sweep's ({@link SweepFronts#merge}), writes Parquet through Spark SQL, and, for a local
 *     folder, the local engine's report (charts, {@code best.csv}, {@code report.md}).
 * </ol>
 * Fault tolerance is Spark's: a lost task or executor is run again (task retries), and
 * a partition is committed only whole.
 */
public final class SparkSweep {
    /** What a run did. */
    /** What a run did; {@code local} is the folder when it is on the local file system, else null. */
    public record Result(long points, int partitions, int partitionsRun, long pointsRun, double seconds,
                         long[] counts, SweepFronts fronts, SweepJob job, String dir, java.nio.file.Path local) {
    }

    private SparkSweep() {
    }

    /** {@code pactsim sweep --engine spark}: a session of its own unless one is running, then the summary. */
    public static void runEmbedded(SparkRequest req, PrintWriter out, PrintWriter err) {
        SweepJob job = SweepJob.load(req.spec(), UnaryOperator.identity());
        boolean running = SparkSession.getActiveSession().isDefined() || SparkSession.getDefaultSession().isDefined();
        SparkSession session = running ? SparkSession.active() : session(req, job.manifest().name());
        try {
            Result r = run(session, req, job, err);
            out.printf(Locale.ROOT, "%s: %d points in %s; ran %d of %d partitions now (%d points) in %.1f s"
                            + " (%.0f points/s, Spark %s, %d cores): %d ok, %d infeasible, %d error%n",
                    job.manifest().name(), r.points(), req.out(), r.partitionsRun(), r.partitions(), r.pointsRun(),
                    r.seconds(), r.pointsRun() / Math.max(r.seconds(), 1e-9), session.sparkContext().master(),
                    session.sparkContext().defaultParallelism(), r.counts()[0], r.counts()[1], r.counts()[2]);
            if (r.local() != null) {
                out.print(SweepReport.write(r.local()));
            } else {
                out.println("Pareto fronts in " + r.dir() + "/pareto-*.csv; for charts and report.md copy the"
                        + " folder here and run: pactsim sweep --report DIR");
            }
            out.flush();
        } finally {
            if (!running) {
                session.stop();
            }
        }
    }

    private static SparkSession session(SparkRequest req, String name) {
        SparkSession.Builder b = SparkSession.builder().appName("pactsim sweep " + name);
        // spark-submit passes its master as this system property (SparkConf would read it, but
        // making one starts Spark's logging before QuietLogs can)
        String master = req.master() != null ? req.master() : System.getProperty("spark.master", "local[*]");
        b.master(master);
        if (master.startsWith("local")) {
            // an embedded run: Spark's log lines and its web UI are noise on a terminal
            QuietLogs.install();
            b.config("spark.ui.enabled", "false").config("spark.ui.showConsoleProgress", "false");
        }
        return b.getOrCreate();
    }

    /** Runs the sweep of {@code req} in {@code session}; see the class comment. */
    public static Result run(SparkSession session, SparkRequest req, PrintWriter err) {
        return run(session, req, SweepJob.load(req.spec(), UnaryOperator.identity()), err);
    }

    static Result run(SparkSession session, SparkRequest req, SweepJob job, PrintWriter err) {
        SparkFolder folder = SparkFolder.open(req.out(), session.sparkContext().hadoopConfiguration(),
                job.manifest(), req.force(), req.partitionPoints());
        Partitioning parts = folder.partitioning();
        Map<Integer, PartitionMarker> done = folder.finished();
        List<Integer> todo = new ArrayList<>();
        for (int p = 0; p < parts.count(); p++) {
            if (!done.containsKey(p)) {
                todo.add(p);
            }
        }
        if (!done.isEmpty()) {
            err.println("pactsim: " + done.size() + " of " + parts.count() + " partitions already in "
                    + folder.dir() + "; running the other " + todo.size());
            err.flush();
        }
        long t0 = System.nanoTime();
        long ran = 0;
        if (!todo.isEmpty()) {
            JavaSparkContext jsc = JavaSparkContext.fromSparkContext(session.sparkContext());
            Broadcast<SpecBundle> bundle = jsc.broadcast(SpecBundle.of(req.spec(), job.loaded().fingerprint()));
            HadoopConf conf = new HadoopConf(session.sparkContext().hadoopConfiguration());
            String dir = folder.partsDir().toString();
            long points = parts.points();
            long per = parts.perPartition();
            jsc.setJobDescription("pactsim sweep " + job.manifest().name() + ": " + todo.size() + " partitions");
            long todoPoints = 0;
            for (int p : todo) {
                todoPoints += parts.to(p) - parts.from(p);
            }
            TaskProgress progress = new TaskProgress(err, todo.size(), todoPoints);
            session.sparkContext().addSparkListener(progress);
            try {
                ran = jsc.parallelize(todo, todo.size())
                        .map(p -> PartitionTask.run(p, bundle.value(), conf, dir, points, per))
                        .reduce(Long::sum);
            } catch (Exception e) { // Spark throws its checked SparkException unannounced
                throw unwrap(e);
            } finally {
                session.sparkContext().removeSparkListener(progress);
                bundle.destroy();
            }
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        done = folder.finished();
        if (done.size() != parts.count()) {
            throw new IllegalStateException((parts.count() - done.size()) + " partitions of " + folder.dir()
                    + " have no marker after the run");
        }
        long[] counts = new long[PointRow.Status.values().length];
        List<List<List<FrontPoint>>> pieces = new ArrayList<>();
        for (PartitionMarker m : done.values()) {
            for (int s = 0; s < counts.length; s++) {
                counts[s] += m.counts()[s];
            }
            pieces.add(m.fronts());
        }
        SweepFronts fronts = new SweepFronts(job.loaded().spec(), job.manifest().metricColumns());
        fronts.merge(pieces);
        if (!todo.isEmpty() || !folder.exists(SparkFolder.CSV)) {
            folder.mergeCsv();
        }
        folder.writeFronts(fronts);
        if (req.parquet() && (!todo.isEmpty() || !folder.exists(SparkFolder.PARQUET + "/_SUCCESS"))) {
            session.read().option("header", "true").option("inferSchema", "true")
                    .option("pathGlobFilter", "part-*.csv").csv(folder.partsDir().toString())
                    .write().mode(SaveMode.Overwrite).parquet(folder.dir() + "/" + SparkFolder.PARQUET);
        }
        return new Result(parts.points(), parts.count(), todo.size(), ran, secs, counts, fronts,
                job, folder.dir().toString(), folder.local());
    }

    /** A task's own error (an input error, an I/O error) rather than Spark's report of the stage. */
    private static RuntimeException unwrap(Exception e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof InputException || c instanceof UncheckedIOException) {
                return (RuntimeException) c;
            }
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String first = String.valueOf(root.getMessage()).lines().findFirst().orElse("");
        return new IllegalStateException((e instanceof SparkException ? "the Spark job failed: " : "")
                + root.getClass().getSimpleName() + ": " + first, e);
    }
}
