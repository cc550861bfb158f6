package org.pactsim.spark;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.TaskContext;
import org.pactsim.run.SweepJob;
import org.pactsim.report.SweepRows;
import org.pactsim.study.sweep.Partitioning;
import org.pactsim.study.sweep.PointRow;
import org.pactsim.study.sweep.SweepFronts;
import org.pactsim.study.sweep.SweepRun;

/**
 * One Spark task: runs partition {@code p} through {@link SweepRun#partition} (the local
 * engine's evaluator, on this task's thread) and commits it in two steps, each a file written
 * under a name of its own attempt and then renamed: first {@code part-NNNNN.csv} (the CSV
 * header and the partition's rows, byte for byte as the local engine writes them), then
 * {@code part-NNNNN.json} ({@link PartitionMarker}: counts and local Pareto fronts), which marks
 * the partition finished. A task killed before the marker leaves the partition unfinished; a
 * retried or speculative attempt writes the same bytes, so whichever rename lands last is right.
 */
final class PartitionTask {
    /**
     * A Spark local property for fault-injection tests: when the driver sets it to a partition
     * number, that partition's first attempt dies after writing its rows and before committing
     * them, as a task does when its executor is lost; Spark's retry must then produce the same
     * output ({@code SparkSweepTest}). Never set by pactsim itself.
     */
    static final String FAIL_FIRST_ATTEMPT = "pactsim.test.failFirstAttemptOfPartition";

    private PartitionTask() {
    }

    static String name(int p) {
        return String.format(java.util.Locale.ROOT, "part-%05d", p);
    }

    /** Runs partition {@code p} unless it is finished; returns the points run. */
    static long run(int p, SpecBundle bundle, HadoopConf conf, String partsDir, long points, long perPartition) {
        SweepJob job = ExecutorJobs.get(bundle);
        Partitioning parts = new Partitioning(points, perPartition);
        try {
            Path dir = new Path(partsDir);
            FileSystem fs = dir.getFileSystem(conf.get());
            fs.setWriteChecksum(false);
            Path marker = new Path(dir, name(p) + ".json");
            if (fs.exists(marker)) {
                return 0;
            }
            TaskContext tc = TaskContext.get();
            String attempt = tc != null ? Long.toString(tc.taskAttemptId())
                    : Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36);
            SweepRows rows = new SweepRows(job.manifest().valueColumns(), job.manifest().metricColumns());
            SweepFronts fronts = new SweepFronts(job.loaded().spec(), job.manifest().metricColumns());
            long[] counts = new long[PointRow.Status.values().length];
            Path tmp = new Path(dir, "." + name(p) + ".csv." + attempt + ".tmp");
            try (OutputStream o = new BufferedOutputStream(fs.create(tmp, true), 1 << 16)) {
                o.write(rows.csvHeader().getBytes(StandardCharsets.UTF_8));
                SweepRun.partition(job.evaluator(), parts, p, r -> {
                    try {
                        o.write(rows.csv(r).getBytes(StandardCharsets.UTF_8));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    counts[r.status().ordinal()]++;
                    fronts.offer(r);
                });
            }
            if (tc != null && tc.attemptNumber() == 0 && Integer.toString(p).equals(tc.getLocalProperty(FAIL_FIRST_ATTEMPT))) {
                throw new IllegalStateException("injected failure of partition " + p + ", attempt " + attempt);
            }
            commit(fs, tmp, new Path(dir, name(p) + ".csv"));
            PartitionMarker m = PartitionMarker.of(p, parts.from(p), parts.to(p), bundle.fingerprint(), counts, fronts);
            Path tmpMarker = new Path(dir, "." + name(p) + ".json." + attempt + ".tmp");
            try (OutputStream o = fs.create(tmpMarker, true)) {
                o.write(m.toJson().getBytes(StandardCharsets.UTF_8));
            }
            commit(fs, tmpMarker, marker);
            return parts.to(p) - parts.from(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write partition " + p + " in " + partsDir + ": " + e.getMessage(), e);
        }
    }

    /** Renames {@code tmp} to {@code to}, replacing it; another attempt's {@code to} is as good. */
    static void commit(FileSystem fs, Path tmp, Path to) throws IOException {
        if (fs.exists(to)) {
            fs.delete(to, false);
        }
        if (!fs.rename(tmp, to)) {
            if (!fs.exists(to)) {
                throw new IOException("cannot rename " + tmp + " to " + to);
            }
            fs.delete(tmp, false);
        }
    }
}
