package org.pactsim.report;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.pactsim.io.out.AtomicFiles;
import org.pactsim.io.InputException;
import org.pactsim.io.InputFiles;
import org.pactsim.study.sweep.PointRow;

/**
 * A sweep's output folder, safe to kill at any moment and to run again:
 * <ul>
 * <li>{@code points.csv} (and {@code points.jsonl}, written when asked for: {@code --jsonl}, or
 *     when the folder already has it) only ever grow by whole rows, in point order; on opening, a
 *     partial last line (the process died while writing it) is cut off and the longer file is cut
 *     back to the shorter, so both hold rows {@code 0 .. done()-1} and the run continues at
 *     {@link #done()}: no point lost, none twice. A JSONL asked for on a folder with rows but
 *     without one is refused (its first rows could not be written);
 * <li>{@value SweepManifest#FILE} records the spec's fingerprint: a folder of another spec is
 *     refused unless {@code force}, which starts it over; a folder holding other files is
 *     refused, force or not;
 * <li>an OS lock on {@code .pactsim.lock} keeps a second run out (released when the process dies).
 * </ul>
 * Rows are buffered and reach the files at least every {@value #FLUSH_MILLIS} ms.
 */
public final class SweepFolder implements AutoCloseable {
    public static final String CSV = "points.csv";
    public static final String JSONL = "points.jsonl";
    static final String LOCK = ".pactsim.lock";
    static final String MARKER = ".pactsim-report";
    static final long FLUSH_MILLIS = 200;

    private final Path dir;
    private final SweepRows rows;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final long done;
    private OutputStream csv;
    private OutputStream jsonl;
    private long lastFlush = System.nanoTime();

    private SweepFolder(Path dir, SweepRows rows, FileChannel ch, FileLock lock, long done) {
        this.dir = dir;
        this.rows = rows;
        this.lockChannel = ch;
        this.lock = lock;
        this.done = done;
    }

    /** Claims {@code dir} for the sweep of {@code m}, without a JSONL unless the folder has one. */
    public static SweepFolder open(Path dir, SweepManifest m, boolean force) {
        return open(dir, m, force, false);
    }

    /** Claims {@code dir} for the sweep of {@code m}; see the class comment. */
    public static SweepFolder open(Path dir, SweepManifest m, boolean force, boolean jsonl) {
        String where = "--out " + dir;
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw InputException.at(where, null, "a folder for the sweep", "a file");
        }
        FileChannel ch = null;
        try {
            Files.createDirectories(dir);
            for (String own : new String[] {LOCK, CSV, JSONL}) {
                Path p = dir.resolve(own);
                if (Files.isSymbolicLink(p) || (Files.exists(p, LinkOption.NOFOLLOW_LINKS)
                        && !Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))) {
                    throw InputException.at(where, null, "a folder whose " + own + " is the regular file pactsim made",
                            "a symbolic link or another kind of entry there; remove it (pactsim never writes through one)");
                }
            }
            // never through a link: a planted one cannot make the sweep write elsewhere
            ch = FileChannel.open(dir.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    LinkOption.NOFOLLOW_LINKS);
            FileLock l;
            try {
                l = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                l = null;
            }
            if (l == null) {
                throw InputException.at(where, null, "a folder no other pactsim run is writing",
                        "another run writing to it (" + LOCK + " is locked)");
            }
            SweepRows rows = new SweepRows(m.valueColumns(), m.metricColumns());
            long done = prepare(dir, m, force, rows, where, jsonl);
            SweepFolder f = new SweepFolder(dir, rows, ch, l, done);
            f.csv = new BufferedOutputStream(Files.newOutputStream(dir.resolve(CSV), StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND, LinkOption.NOFOLLOW_LINKS), 1 << 16);
            if (Files.exists(dir.resolve(JSONL), LinkOption.NOFOLLOW_LINKS)) {
                f.jsonl = new BufferedOutputStream(Files.newOutputStream(dir.resolve(JSONL), StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND, LinkOption.NOFOLLOW_LINKS), 1 << 16);
            }
            return f;
        } catch (IOException | RuntimeException e) {
            if (ch != null) {
                try {
                    ch.close();
                } catch (IOException x) {
                    e.addSuppressed(x);
                }
            }
            if (e instanceof RuntimeException) {
                throw (RuntimeException) e;
            }
            throw InputException.at(where, null, "a folder pactsim can write", "an I/O error (" + e.getMessage() + ")");
        }
    }

    /** Checks the folder and repairs the row files; returns the rows already done. */
    private static long prepare(Path dir, SweepManifest m, boolean force, SweepRows rows, String where,
                                boolean wantJsonl) throws IOException {
        Path manifest = dir.resolve(SweepManifest.FILE);
        Path marker = dir.resolve(MARKER);
        if (Files.exists(marker) && !Files.readString(marker, StandardCharsets.UTF_8).contains("command=sweep\n")) {
            throw InputException.at(where, null, "a new or empty folder, or a sweep's folder",
                    "the report of another pactsim command");
        }
        boolean restart = false;
        if (Files.exists(manifest)) {
            SweepManifest old = SweepManifest.parse(InputFiles.read(manifest), manifest.toString());
            if (!old.fingerprint().equals(m.fingerprint()) || !old.metricColumns().equals(m.metricColumns())
                    || !old.valueColumns().equals(m.valueColumns())) {
                if (!force) {
                    throw InputException.at(where, null, "the folder of this sweep, or --force to start it over",
                            "the sweep of a changed spec or a changed file it reads (" + old.name() + ", "
                                    + Math.max(0, count(dir.resolve(CSV)) - 1) + " points written)");
                }
                restart = true;
            }
        } else {
            List<String> others = entries(dir);
            if (!others.isEmpty()) {
                throw InputException.at(where, null, "a new or empty folder (pactsim writes only there)",
                        others.size() + " entries it did not write, e.g. " + InputException.quote(others.get(0)));
            }
        }
        if (restart) {
            for (String n : entries(dir)) {
                if (ours(n)) {
                    Files.deleteIfExists(dir.resolve(n));
                }
            }
        }
        writeMarker(dir, "writing");
        AtomicFiles.write(manifest, m.toJson());
        Path csvFile = dir.resolve(CSV);
        String header = rows.csvHeader();
        long csvRows = Math.max(0, count(csvFile) - 1);
        if (csvRows > 0 || Files.exists(csvFile)) {
            String first = firstLine(csvFile);
            if (first != null && !first.equals(header)) {
                throw InputException.at(csvFile.toString(), null, "the header " + InputException.quote(header.strip()),
                        "other columns (remove the folder or run with --force)");
            }
            if (first == null) {
                csvRows = 0;
            }
        }
        Path jsonFile = dir.resolve(JSONL);
        boolean jsonl = Files.exists(jsonFile);
        if (wantJsonl && !jsonl && csvRows > 0) {
            throw InputException.at(where, null, "a folder whose sweep writes points.jsonl from its first point (or"
                    + " --force to start over with it)", csvRows + " points written without it");
        }
        jsonl = jsonl || wantJsonl;
        long k = jsonl ? Math.min(csvRows, count(jsonFile)) : csvRows;
        if (k == 0) {
            AtomicFiles.write(csvFile, header);
            if (jsonl) {
                AtomicFiles.write(jsonFile, "");
            }
        } else {
            truncate(csvFile, k + 1);
            String last = lastLine(csvFile);
            if (!last.startsWith((k - 1) + ",")) {
                throw InputException.at(csvFile.toString(), null, "row " + (k - 1) + " last",
                        InputException.quote(last) + " (remove the folder or run with --force)");
            }
            if (jsonl) {
                truncate(jsonFile, k);
                String lastJson = lastLine(jsonFile);
                if (!lastJson.startsWith("{\"index\":" + (k - 1) + ",")) {
                    throw InputException.at(jsonFile.toString(), null, "row " + (k - 1) + " last",
                            InputException.quote(lastJson) + " (remove the folder or run with --force)");
                }
            }
        }
        return k;
    }

    static boolean ours(String name) {
        return name.equals(CSV) || name.equals(JSONL) || name.equals(SweepManifest.FILE) || name.equals("best.csv")
                || name.equals("report.md") || name.startsWith("pareto-");
    }

    private static List<String> entries(Path dir) throws IOException {
        List<String> out = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                String n = p.getFileName().toString();
                if (!n.startsWith(".")) {
                    out.add(n);
                }
            }
        }
        out.sort(null);
        return out;
    }

    static void writeMarker(Path dir, String state) {
        AtomicFiles.write(dir.resolve(MARKER), "# written by pactsim: this folder holds its report; do not edit\n"
                + "command=sweep\nstate=" + state + "\n");
    }

    /** Complete lines ({@code \n}-terminated) of a file; 0 when it does not exist. */
    static long count(Path f) throws IOException {
        if (!Files.exists(f)) {
            return 0;
        }
        long n = 0;
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(f)) {
            int r;
            while ((r = in.read(buf)) > 0) {
                for (int i = 0; i < r; i++) {
                    if (buf[i] == '\n') {
                        n++;
                    }
                }
            }
        }
        return n;
    }

    /** Cuts {@code f} after its first {@code lines} complete lines. */
    private static void truncate(Path f, long lines) throws IOException {
        long offset = 0;
        long seen = 0;
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(f)) {
            int r;
            outer:
            while ((r = in.read(buf)) > 0) {
                for (int i = 0; i < r; i++) {
                    if (buf[i] == '\n' && ++seen == lines) {
                        offset += i + 1;
                        break outer;
                    }
                }
                offset += r;
            }
        }
        try (FileChannel c = FileChannel.open(f, StandardOpenOption.WRITE)) {
            c.truncate(offset);
        }
    }

    private static String firstLine(Path f) throws IOException {
        try (var r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
            String l = r.readLine();
            return l == null ? null : l + "\n";
        }
    }

    private static String lastLine(Path f) throws IOException {
        try (FileChannel c = FileChannel.open(f, StandardOpenOption.READ)) {
            long size = c.size();
            long start = Math.max(0, size - (1 << 20));
            java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate((int) (size - start));
            c.read(b, start);
            String s = new String(b.array(), StandardCharsets.UTF_8);
            int end = s.endsWith("\n") ? s.length() - 1 : s.length();
            return s.substring(s.lastIndexOf('\n', end - 1) + 1, end);
        }
    }

    public Path dir() {
        return dir;
    }

    /** Rows already in the files when the folder was opened: the next point to run. */
    public long done() {
        return done;
    }

    /** Appends a row to both files (buffered; see the class comment). */
    public void append(PointRow r) {
        try {
            csv.write(rows.csv(r).getBytes(StandardCharsets.UTF_8));
            if (jsonl != null) {
                jsonl.write(rows.json(r).getBytes(StandardCharsets.UTF_8));
            }
            long now = System.nanoTime();
            if (now - lastFlush > FLUSH_MILLIS * 1_000_000) {
                flush();
                lastFlush = now;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write in " + dir + ": " + e.getMessage(), e);
        }
    }

    public void flush() throws IOException {
        csv.flush();
        if (jsonl != null) {
            jsonl.flush();
        }
    }

    /** Flushes the rows and marks the sweep complete. */
    public void complete() {
        try {
            flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write in " + dir + ": " + e.getMessage(), e);
        }
        writeMarker(dir, "complete");
    }

    @Override
    public void close() {
        try {
            if (csv != null) {
                csv.close();
            }
            if (jsonl != null) {
                jsonl.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write in " + dir + ": " + e.getMessage(), e);
        } finally {
            try {
                lock.release();
                lockChannel.close();
            } catch (IOException e) {
                // the lock goes with the process anyway
            }
        }
    }
}
