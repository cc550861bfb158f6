package org.pactsim.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.pactsim.io.InputException;
import org.pactsim.report.SweepManifest;
import org.pactsim.report.SweepRows;
import org.pactsim.study.sweep.FrontPoint;
import org.pactsim.study.sweep.Partitioning;
import org.pactsim.study.sweep.SweepFronts;

/**
 * A Spark sweep's output folder on any Hadoop file system (a local path, {@code file:},
 * {@code hdfs:}, {@code s3a:}, ...):
 * <ul>
 * <li>{@code sweep.json}: the local engine's manifest; a folder of another spec is refused
 *     unless {@code force}, which deletes what pactsim wrote there; a folder holding other
 *     files is refused, force or not;
 * <li>{@code spark.json}: the partitioning, kept for every rerun, so finished partitions stay
 *     finished;
 * <li>{@code parts/part-NNNNN.csv} and {@code .json}: each partition's rows and its marker
 *     ({@link PartitionTask});
 * <li>{@code points.csv}: the header and every partition's rows in point order, the local
 *     engine's file byte for byte; {@code pareto-X-vs-Y.csv}: the merged fronts, in the
 *     report's format; {@code points.parquet}: the rows as typed columns (Spark SQL).
 * </ul>
 * One run at a time per folder: unlike the local engine, there is no lock (not every file
 * system has one).
 */
final class SparkFolder {
    static final String LAYOUT = "spark.json";
    static final String LAYOUT_SCHEMA = "pactsim/sweep-spark/1";
    static final String PARTS = "parts";
    static final String CSV = "points.csv";
    static final String PARQUET = "points.parquet";
    private static final Pattern MARKER = Pattern.compile("part-(\\d+)\\.json");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final FileSystem fs;
    private final Path dir;
    private final SweepManifest manifest;
    private final Partitioning parts;

    private SparkFolder(FileSystem fs, Path dir, SweepManifest manifest, Partitioning parts) {
        this.fs = fs;
        this.dir = dir;
        this.manifest = manifest;
        this.parts = parts;
    }

    /** Claims {@code out} for the sweep of {@code m}; see the class comment. */
    static SparkFolder open(String out, Configuration conf, SweepManifest m, boolean force, Long perPartition) {
        String where = "--out " + out;
        try {
            Path p = new Path(out);
            FileSystem fs = p.getFileSystem(conf);
            fs.setWriteChecksum(false);
            Path dir = fs.makeQualified(p);
            if (fs.exists(dir) && !fs.getFileStatus(dir).isDirectory()) {
                throw InputException.at(where, null, "a folder for the sweep", "a file");
            }
            Path mf = new Path(dir, SweepManifest.FILE);
            Path layout = new Path(dir, LAYOUT);
            if (fs.exists(mf)) {
                SweepManifest old = SweepManifest.parse(read(fs, mf), mf.toString());
                if (!old.fingerprint().equals(m.fingerprint()) || !old.valueColumns().equals(m.valueColumns())
                        || !old.metricColumns().equals(m.metricColumns())) {
                    if (!force) {
                        throw InputException.at(where, null, "the folder of this sweep, or --force to start it over",
                                "the sweep of a changed spec or a changed file it reads (" + old.name() + ")");
                    }
                    for (FileStatus s : fs.listStatus(dir)) {
                        if (ours(s.getPath().getName())) {
                            fs.delete(s.getPath(), true);
                        }
                    }
                }
            } else if (fs.exists(dir)) {
                List<String> others = new ArrayList<>();
                for (FileStatus s : fs.listStatus(dir)) {
                    if (!s.getPath().getName().startsWith(".")) {
                        others.add(s.getPath().getName());
                    }
                }
                if (!others.isEmpty()) {
                    others.sort(null);
                    throw InputException.at(where, null, "a new or empty folder (pactsim writes only there)",
                            others.size() + " entries it did not write, e.g. " + InputException.quote(others.get(0)));
                }
            }
            Partitioning parts;
            if (fs.exists(layout)) {
                JsonNode o = JSON.readTree(read(fs, layout));
                if (!LAYOUT_SCHEMA.equals(o.path("schema").asText()) || o.path("points").asLong(-1) != m.points()) {
                    throw InputException.at(layout.toString(), null, "the partitioning of " + m.points() + " points ("
                            + LAYOUT_SCHEMA + ")", "another (remove the folder or run with --force)");
                }
                parts = new Partitioning(m.points(), o.path("perPartition").asLong());
                if (perPartition != null && perPartition != parts.perPartition()) {
                    throw InputException.at("--partition-points", null, "the folder's " + parts.perPartition()
                            + " (or --force on a new folder)", Long.toString(perPartition));
                }
            } else {
                if (perPartition != null && (perPartition < 1 || perPartition > 100_000_000L)) {
                    throw InputException.at("--partition-points", null, "an integer from 1 to 100000000",
                            Long.toString(perPartition));
                }
                parts = perPartition == null ? Partitioning.auto(m.points()) : new Partitioning(m.points(), perPartition);
            }
            fs.mkdirs(new Path(dir, PARTS));
            write(fs, mf, m.toJson());
            write(fs, layout, JSON.createObjectNode().put("schema", LAYOUT_SCHEMA).put("points", m.points())
                    .put("perPartition", parts.perPartition()).put("partitions", parts.count()).toPrettyString() + "\n");
            return new SparkFolder(fs, dir, m, parts);
        } catch (IOException e) {
            throw InputException.at(where, null, "a folder pactsim can write",
                    "an I/O error (" + InputException.oneLine(String.valueOf(e.getMessage())) + ")");
        }
    }

    static boolean ours(String name) {
        return name.equals(SweepManifest.FILE) || name.equals(LAYOUT) || name.equals(PARTS) || name.equals(CSV)
                || name.equals(PARQUET) || name.equals("points.jsonl") || name.equals("best.csv")
                || name.equals("report.md") || name.startsWith("pareto-");
    }

    Path dir() {
        return dir;
    }

    Path partsDir() {
        return new Path(dir, PARTS);
    }

    Partitioning partitioning() {
        return parts;
    }

    /** Whether the folder is on the local file system (then it gets the charts and report.md). */
    java.nio.file.Path local() {
        return "file".equals(fs.getUri().getScheme()) ? java.nio.file.Path.of(dir.toUri()) : null;
    }

    /** The markers of the finished partitions of this sweep, by partition; others are ignored. */
    Map<Integer, PartitionMarker> finished() {
        Map<Integer, PartitionMarker> out = new TreeMap<>();
        try {
            for (FileStatus s : fs.listStatus(partsDir())) {
                Matcher mt = MARKER.matcher(s.getPath().getName());
                if (!mt.matches()) {
                    continue;
                }
                int p = Integer.parseInt(mt.group(1));
                if (p >= parts.count() || !fs.exists(new Path(partsDir(), PartitionTask.name(p) + ".csv"))) {
                    continue;
                }
                PartitionMarker m = PartitionMarker.parse(read(fs, s.getPath()), s.getPath().toString());
                if (m.partition() == p && m.from() == parts.from(p) && m.to() == parts.to(p)
                        && m.fingerprint().equals(manifest.fingerprint())) {
                    out.put(p, m);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + partsDir() + ": " + e.getMessage(), e);
        }
        return out;
    }

    /** Writes {@code points.csv}: the header, then each partition's rows without its header. */
    void mergeCsv() {
        Path tmp = new Path(dir, "." + CSV + ".tmp");
        byte[] buf = new byte[1 << 16];
        try {
            try (OutputStream o = new BufferedOutputStream(fs.create(tmp, true), 1 << 16)) {
                for (int p = 0; p < parts.count(); p++) {
                    try (InputStream in = fs.open(new Path(partsDir(), PartitionTask.name(p) + ".csv"))) {
                        boolean header = p > 0;
                        int r;
                        while ((r = in.read(buf)) > 0) {
                            int from = 0;
                            if (header) {
                                while (from < r && buf[from] != '\n') {
                                    from++;
                                }
                                if (from < r) {
                                    header = false;
                                    from++;
                                }
                            }
                            o.write(buf, from, r - from);
                        }
                    }
                }
            }
            PartitionTask.commit(fs, tmp, new Path(dir, CSV));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + new Path(dir, CSV) + ": " + e.getMessage(), e);
        }
    }

    /**
     * Front {@code k} as {@code pareto-X-vs-Y.csv}: index, pointId, the swept values, x, y; sorted
     * by x then y. The text of index, id and values is {@link SweepRows}'s (a row with no metrics).
     */
    static String frontCsv(SweepManifest m, int k, List<FrontPoint> front) {
        StringBuilder sb = SweepRows.frontHeader(m.valueColumns(), m.pareto().get(k));
        for (FrontPoint p : front) {
            List<String> lead = new ArrayList<>(p.values().size() + 2);
            lead.add(Long.toString(p.index()));
            lead.add(p.pointId());
            lead.addAll(p.values());
            SweepRows.frontLine(sb, lead, p.x(), p.y());
        }
        return sb.toString();
    }

    static String frontFile(SweepManifest m, int k) {
        return "pareto-" + m.pareto().get(k).get(0) + "-vs-" + m.pareto().get(k).get(1) + ".csv";
    }

    /** Writes every merged front. */
    void writeFronts(SweepFronts fronts) {
        for (int k = 0; k < fronts.size(); k++) {
            try {
                write(fs, new Path(dir, frontFile(manifest, k)), frontCsv(manifest, k, fronts.front(k)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write in " + dir + ": " + e.getMessage(), e);
            }
        }
    }

    boolean exists(String name) {
        try {
            return fs.exists(new Path(dir, name));
        } catch (IOException e) {
            return false;
        }
    }

    static String read(FileSystem fs, Path p) throws IOException {
        try (InputStream in = fs.open(p)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Writes a small file whole: a temporary sibling, then a rename. */
    static void write(FileSystem fs, Path p, String text) throws IOException {
        Path tmp = new Path(p.getParent(), "." + p.getName() + "." + Long.toUnsignedString(
                java.util.concurrent.ThreadLocalRandom.current().nextLong(), 36) + ".tmp");
        try (OutputStream o = fs.create(tmp, true)) {
            o.write(text.getBytes(StandardCharsets.UTF_8));
        }
        PartitionTask.commit(fs, tmp, p);
    }
}
