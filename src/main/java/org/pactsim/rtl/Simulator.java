package org.pactsim.rtl;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A Verilog simulator that {@code run.sh} can drive, found on the {@code PATH}. */
public enum Simulator {
    IVERILOG("iverilog"), VERILATOR("verilator");

    /** System property that, when set, replaces the {@code PATH} searched (tests). */
    public static final String PATH_PROPERTY = "pactsim.rtl.path";
    /** Longest a simulation may take. */
    public static final long TIMEOUT_SECONDS = 900;
    private static final Pattern DONE = Pattern.compile(
            "PACTSIM-RTL done expected=(\\d+) outputs=(\\d+) ok=(\\d+) mismatches=(\\d+) last_cycle=(-?\\d+)");
    private static final Pattern FIRST = Pattern.compile(
            "PACTSIM-RTL first cycle=(\\d+) col=(\\d+) got=(\\S+) expected=(\\S+)");

    private final String program;

    Simulator(String program) {
        this.program = program;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Simulator parse(String s) {
        for (Simulator x : values()) {
            if (x.key().equalsIgnoreCase(s == null ? "" : s.trim())) {
                return x;
            }
        }
        return null;
    }

    /** True when the simulator's program is on the {@code PATH}. */
    public boolean installed() {
        return onPath(program);
    }

    /** True when {@code program} is an executable on the {@code PATH} (or {@link #PATH_PROPERTY}). */
    static boolean onPath(String program) {
        String path = System.getProperty(PATH_PROPERTY, System.getenv("PATH"));
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    /**
     * What one simulation reported. {@code firstCycle} is -1 when nothing mismatched.
     *
     * @param completed the testbench printed its summary
     */
    public record Outcome(boolean completed, long expected, long outputs, long ok, long mismatches, long lastCycle,
                          long firstCycle, int firstColumn, String firstGot, String firstExpected, String log,
                          double seconds) {
        public boolean exact() {
            return completed && mismatches == 0 && ok == expected && outputs == expected;
        }
    }

    /** Runs {@code run.sh} in {@code dir} with this simulator. */
    public Outcome run(Path dir) {
        long t0 = System.nanoTime();
        try {
            return parse(runLogged(dir, "sim.log", "sh", "run.sh", key()), (System.nanoTime() - t0) / 1e9);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + dir.resolve("run.sh") + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while simulating", e);
        }
    }

    /**
     * Runs {@code command} in {@code dir}, its output (and errors) into {@code dir/logName}, for at
     * most {@link #TIMEOUT_SECONDS}; returns the output.
     */
    static String runLogged(Path dir, String logName, String... command) throws IOException, InterruptedException {
        Path log = dir.resolve(logName);
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.waitFor();
            Files.writeString(log, System.lineSeparator() + "pactsim: stopped after " + TIMEOUT_SECONDS + " s"
                    + System.lineSeparator(), StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        }
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    static Outcome parse(String log, double seconds) {
        Matcher d = DONE.matcher(log);
        if (!d.find()) {
            return new Outcome(false, 0, 0, 0, 0, -1, -1, -1, null, null, log, seconds);
        }
        Matcher f = FIRST.matcher(log);
        boolean first = f.find();
        return new Outcome(true, Long.parseLong(d.group(1)), Long.parseLong(d.group(2)), Long.parseLong(d.group(3)),
                Long.parseLong(d.group(4)), Long.parseLong(d.group(5)), first ? Long.parseLong(f.group(1)) : -1,
                first ? Integer.parseInt(f.group(2)) : -1, first ? f.group(3) : null, first ? f.group(4) : null, log,
                seconds);
    }
}
