package org.pactsim.spark;

import java.io.PrintWriter;
import java.util.Locale;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/**
 * Progress of a Spark sweep on the driver's stderr, as the local engine's plain lines: at most
 * a line every 10 s or 10 % of the partitions, with the rate and the time left. Counts the
 * successful tasks of the sweep's stage, so a retried task counts once.
 */
final class TaskProgress extends SparkListener {
    private final PrintWriter err;
    private final int partitions;
    private final long points;
    private final long t0 = System.nanoTime();
    private int done;
    private long lastNanos = System.nanoTime();
    private int lastAt;

    TaskProgress(PrintWriter err, int partitions, long points) {
        this.err = err;
        this.partitions = partitions;
        this.points = points;
    }

    @Override
    public synchronized void onTaskEnd(SparkListenerTaskEnd e) {
        if (!"Success".equals(String.valueOf(e.reason())) || done >= partitions) {
            return;
        }
        done++;
        long now = System.nanoTime();
        if (done < partitions && now - lastNanos < 10_000_000_000L && (done - lastAt) * 10L < partitions) {
            return;
        }
        lastNanos = now;
        lastAt = done;
        double secs = (now - t0) / 1e9;
        double share = (double) done / partitions;
        long eta = Math.round(secs / share * (1 - share));
        err.printf(Locale.ROOT, "sweep: %d/%d partitions (%.0f%%), about %.0f points/s, ETA %dm%02ds%n", done,
                partitions, 100 * share, points * share / Math.max(secs, 1e-9), eta / 60, eta % 60);
        err.flush();
    }
}
