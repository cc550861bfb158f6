package org.pactsim.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pactsim.cli.Main;
import org.pactsim.io.InputException;
import org.pactsim.study.sweep.PointRow;

/**
 * The Spark engine on {@code local[2,2]} (two threads, one retry) against the local engine, on the shipped example
 * ({@code bits-vs-array.yaml}, 384 points): the same rows byte for byte, the same Pareto fronts,
 * and a rerun that runs only the partitions without a marker. One session for the class.
 */
class SparkSweepTest {
    static final Path SPEC = Path.of("arch-configs/sweeps/bits-vs-array.yaml");

    @TempDir
    static Path shared;
    static SparkSession session;
    /** The local engine's folder of the example. */
    static Path local;

    @TempDir
    Path tmp;

    @BeforeAll
    static void start() {
        QuietLogs.install();
        // local[2, 2]: two threads, and a failed task is retried once (local[2] would fail the job at once)
        session = SparkSession.builder().master("local[2,2]").appName("pactsim-test")
                .config("spark.ui.enabled", "false").config("spark.ui.showConsoleProgress", "false")
                .config("spark.sql.shuffle.partitions", "2").getOrCreate();
        local = shared.resolve("local");
        Cli c = cli("sweep", SPEC.toString(), "--out", local.toString(), "--threads", "2", "--progress", "none");
        assertThat(c.code).as(c.err).isZero();
    }

    @AfterAll
    static void stop() {
        if (session != null) {
            session.stop();
        }
    }

    record Cli(int code, String out, String err) {
    }

    static Cli cli(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int code = Main.run(args, new PrintWriter(o), new PrintWriter(e));
        return new Cli(code, o.toString(), e.toString());
    }

    static SparkSweep.Result spark(Path out, Long perPartition, boolean parquet) {
        return SparkSweep.run(session, new SparkRequest(SPEC, out.toString(), null, false, perPartition, parquet),
                new PrintWriter(new StringWriter()));
    }

    static String read(Path p) throws IOException {
        return Files.readString(p);
    }

    /**
     * Fault tolerance is Spark's: a task that dies after writing a partition's rows and before
     * committing them (an executor lost mid-task, injected here) is run again by Spark, and the
     * output is the same as an undisturbed run's.
     */
    @Test
    void aTaskLostMidPartitionIsRecomputedWithTheSameRows() throws IOException {
        Path out = tmp.resolve("faulty");
        session.sparkContext().setLocalProperty(PartitionTask.FAIL_FIRST_ATTEMPT, "3");
        SparkSweep.Result r;
        try {
            r = spark(out, 50L, false);
        } finally {
            session.sparkContext().setLocalProperty(PartitionTask.FAIL_FIRST_ATTEMPT, null);
        }
        assertThat(r.partitionsRun()).isEqualTo(8);
        assertThat(r.pointsRun()).isEqualTo(384);
        assertThat(read(out.resolve("points.csv"))).isEqualTo(read(local.resolve("points.csv")));
        // the dead attempt's rows were written under its own name, never committed, and are left
        // (a speculative attempt may still be writing its own: no attempt deletes another's)
        try (var s = Files.list(out.resolve("parts"))) {
            assertThat(s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".part-00003.csv.")))
                    .hasSize(1);
        }
    }

    @Test
    void givesTheLocalEnginesRowsAndParetoFronts() throws IOException {
        Path out = tmp.resolve("spark");
        // 50 points per partition: 8 partitions, the last one of 34 points
        SparkSweep.Result r = spark(out, 50L, true);
        assertThat(r.partitions()).isEqualTo(8);
        assertThat(r.partitionsRun()).isEqualTo(8);
        assertThat(r.pointsRun()).isEqualTo(384);
        // the same rows, ids and values, byte for byte
        assertThat(read(out.resolve("points.csv"))).isEqualTo(read(local.resolve("points.csv")));
        // the same fronts: the merged local fronts equal the report's fronts of the local engine's rows
        List<String> fronts;
        try (var s = Files.list(local)) {
            fronts = s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("pareto-") && n.endsWith(".csv"))
                    .sorted().toList();
        }
        assertThat(fronts).hasSize(3);
        for (int k = 0; k < 3; k++) {
            String name = SparkFolder.frontFile(r.job().manifest(), k);
            assertThat(fronts).contains(name);
            assertThat(SparkFolder.frontCsv(r.job().manifest(), k, r.fronts().front(k)))
                    .isEqualTo(read(local.resolve(name)));
            assertThat(read(out.resolve(name))).isEqualTo(read(local.resolve(name)));
            assertThat(r.fronts().front(k)).isNotEmpty();
        }
        // and the counts of the local engine's rows
        long[] counts = new long[3];
        for (String line : Files.readAllLines(local.resolve("points.csv")).subList(1, 385)) {
            for (PointRow.Status s : PointRow.Status.values()) {
                if (line.contains("," + s.key() + ",")) {
                    counts[s.ordinal()]++;
                    break;
                }
            }
        }
        assertThat(r.counts()).containsExactly(counts);
        // Parquet: every point once, with the CSV's ids and typed metrics
        List<Row> rows = session.read().parquet(out.resolve("points.parquet").toString())
                .select("index", "pointId", "cycles").orderBy("index").collectAsList();
        assertThat(rows).hasSize(384);
        List<String> csv = Files.readAllLines(local.resolve("points.csv"));
        int cyclesCol = List.of(csv.get(0).split(",")).indexOf("cycles");
        for (int i = 0; i < 384; i += 37) {
            String[] f = csv.get(i + 1).split(",");
            assertThat(rows.get(i).getAs("pointId").toString()).isEqualTo(f[1]);
            assertThat(((Number) rows.get(i).getAs("cycles")).longValue()).isEqualTo(Long.parseLong(f[cyclesCol]));
        }
    }

    @Test
    void aRerunRunsOnlyThePartitionsWithoutAMarker() throws IOException {
        Path out = tmp.resolve("rerun");
        SparkSweep.Result first = spark(out, 64L, false);
        assertThat(first.partitions()).isEqualTo(6);
        Path parts = out.resolve("parts");
        // a task killed before its marker (partition 2), a lost partition (4), a torn temporary file
        Files.delete(parts.resolve("part-00002.json"));
        Files.delete(parts.resolve("part-00004.json"));
        Files.delete(parts.resolve("part-00004.csv"));
        Files.writeString(parts.resolve(".part-00002.csv.77.tmp"), "index,poi");
        Map<String, FileTime> kept = new TreeMap<>();
        for (int p : new int[] {0, 1, 3, 5}) {
            Path f = parts.resolve(PartitionTask.name(p) + ".csv");
            Files.setLastModifiedTime(f, FileTime.fromMillis(1_000_000_000L));
            kept.put(f.toString(), Files.getLastModifiedTime(f));
        }
        SparkSweep.Result again = spark(out, null, false);
        assertThat(again.partitionsRun()).isEqualTo(2);
        assertThat(again.pointsRun()).isEqualTo(128);
        for (Map.Entry<String, FileTime> e : kept.entrySet()) {
            assertThat(Files.getLastModifiedTime(Path.of(e.getKey()))).as(e.getKey()).isEqualTo(e.getValue());
        }
        assertThat(read(out.resolve("points.csv"))).isEqualTo(read(local.resolve("points.csv")));
        // a finished sweep runs nothing; a different partitioning of the folder is refused
        assertThat(spark(out, null, false).partitionsRun()).isZero();
        assertThatThrownBy(() -> spark(out, 100L, false)).isInstanceOf(InputException.class)
                .hasMessageContaining("--partition-points").hasMessageContaining("64");
        // a marker edited by hand is refused with its name, not taken for a finished partition
        Files.writeString(parts.resolve("part-00003.json"), "{\"schema\": 1");
        assertThatThrownBy(() -> spark(out, null, false)).isInstanceOf(InputException.class)
                .hasMessageContaining("part-00003.json").hasMessageContaining("remove it");
    }

    @Test
    void aChangedSpecIsRefusedUnlessForcedAndAForeignFolderAlways() throws IOException {
        Path out = tmp.resolve("changed");
        Files.createDirectories(out);
        Files.writeString(out.resolve("notes.txt"), "mine");
        assertThatThrownBy(() -> spark(out, 200L, false)).isInstanceOf(InputException.class)
                .hasMessageContaining("notes.txt");
        Files.delete(out.resolve("notes.txt"));
        spark(out, 200L, false);
        Path changed = tmp.resolve("changed.yaml");
        Files.writeString(changed, read(SPEC).replace("accelerator: edge-base.yaml",
                "accelerator: " + SPEC.toAbsolutePath().getParent().resolve("edge-base.yaml"))
                .replace("dataflow: [ws, os]", "dataflow: [ws]"));
        SparkRequest req = new SparkRequest(changed, out.toString(), null, false, null, false);
        PrintWriter quiet = new PrintWriter(new StringWriter());
        assertThatThrownBy(() -> SparkSweep.run(session, req, quiet)).isInstanceOf(InputException.class)
                .hasMessageContaining("--force");
        SparkSweep.Result forced = SparkSweep.run(session, new SparkRequest(changed, out.toString(), null, true,
                100L, false), quiet);
        assertThat(forced.points()).isEqualTo(192);
        assertThat(forced.partitionsRun()).isEqualTo(2);
    }

    @Test
    void theCommandLineRunsTheSparkEngineInTheRunningSession() throws IOException {
        Path out = tmp.resolve("cli");
        Cli c = cli("sweep", SPEC.toString(), "--out", out.toString(), "--engine", "spark", "--master", "local[2]",
                "--partition-points", "192", "--no-parquet");
        assertThat(c.code).as(c.err).isZero();
        assertThat(c.out).contains("384 points in").contains("ran 2 of 2 partitions now (384 points)")
                .contains("# Sweep bits-vs-array");
        assertThat(read(out.resolve("points.csv"))).isEqualTo(read(local.resolve("points.csv")));
        assertThat(read(out.resolve("best.csv"))).isEqualTo(read(local.resolve("best.csv")));
        assertThat(session.sparkContext().isStopped()).isFalse();
        Cli threads = cli("sweep", SPEC.toString(), "--out", tmp.resolve("x").toString(), "--engine", "spark",
                "--threads", "2");
        assertThat(threads.code).isEqualTo(2);
        assertThat(threads.err).contains("--threads");
        Cli master = cli("sweep", SPEC.toString(), "--out", tmp.resolve("y").toString(), "--master", "local[2]");
        assertThat(master.code).isEqualTo(2);
        assertThat(master.err).contains("--engine spark");
    }

    @Test
    void withoutSparkOnTheClasspathTheEngineSaysHowInOneLine() throws IOException, InterruptedException {
        List<String> cp = new ArrayList<>();
        for (String e : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            if (!e.contains("/org/apache/spark/")) {
                cp.add(e);
            }
        }
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", String.join(java.io.File.pathSeparator, cp), "org.pactsim.cli.Main", "sweep", SPEC.toString(),
                "--out", tmp.resolve("nospark").toString(), "--engine", "spark")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String err = new String(p.getErrorStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(err).isEqualTo(2);
        assertThat(err.lines()).hasSize(1);
        assertThat(err).startsWith("pactsim: --engine spark: expected Apache Spark 4 on the classpath")
                .contains("spark-submit target/pactsim.jar sweep SPEC --engine spark").contains("SPARK_HOME");
        assertThat(cp).anyMatch(e -> e.contains("classes"));
    }
}
