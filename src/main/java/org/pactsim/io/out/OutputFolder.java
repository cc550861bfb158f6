package org.pactsim.io.out;

import org.pactsim.io.InputException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A report folder claimed by one pactsim run, so a report is never half-written, mixed with
 * another run's or written over someone's files:
 * <ul>
 * <li>a folder that does not exist is created; an empty one is used; one holding a previous
 *     report of the same command (its marker file {@value #MARKER} says so) is replaced only
 *     with {@code force}; anything else (someone's files, another command's report) is
 *     refused, force or not;
 * <li>a lock ({@value #LOCK}, an OS file lock, released even when the process dies) keeps a
 *     second run out while the first holds the folder: the second fails at once. The lock is
 *     taken on one descriptor that stays open for the whole run (a second descriptor on the
 *     same file, once closed, would drop a POSIX lock), and the lock file stays: a run never
 *     deletes it, so two runs can never hold locks on two different files of that name;
 * <li>pactsim's own entries ({@value #LOCK}, {@value #MARKER}) are opened without following
 *     links, and a folder where one is a link or not a regular file is refused: a planted link
 *     cannot make a run write through it;
 * <li>the marker records a SHA-256 digest of every file of the report, and {@code force}
 *     replaces only files whose content is still what pactsim wrote: a marker someone wrote or
 *     edited, or a file changed since, makes the run refuse rather than delete it;
 * <li>files are written to a staging folder inside it and moved into place by
 *     {@link #commit()}, after the run succeeded; the marker is rewritten last. A run that
 *     fails before {@link #commit()} leaves the folder as it found it (and removes it when it
 *     created it).
 * </ul>
 * Use with try-with-resources: {@link #close()} releases the lock and cleans up.
 */
public final class OutputFolder implements AutoCloseable {
    /** Marks a folder as a pactsim report: command, files and state. */
    public static final String MARKER = ".pactsim-report";
    /** The lock file; it stays empty of meaning once its run ends. */
    public static final String LOCK = ".pactsim.lock";
    private static final String STAGING = ".pactsim-staging-";

    private final Path dir;
    private final String command;
    /** The topmost folder this run created (up to {@link #dir}), or null when the folder existed. */
    private final Path created;
    private final Path lockFile;
    private final FileChannel channel;
    private final FileLock lock;
    private final List<String> previous;
    private Path staging;
    private boolean committed;

    private OutputFolder(Path dir, String command, Path created, Path lockFile, FileChannel channel, FileLock lock,
                         List<String> previous) {
        this.dir = dir;
        this.command = command;
        this.created = created;
        this.lockFile = lockFile;
        this.channel = channel;
        this.lock = lock;
        this.previous = previous;
    }

    /**
     * Claims {@code dir} for a report of {@code command}; {@code option} names the command-line
     * option that gave it (for messages). Refuses with an {@link InputException}.
     */
    public static OutputFolder claim(Path dir, String command, String option, boolean force) {
        String where = option + " " + dir;
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw InputException.at(where, null, "a folder for the reports", "a file");
        }
        inspect(dir, command, force, where, true);
        boolean created = !Files.exists(dir);
        Path top = dir.toAbsolutePath();
        while (top.getParent() != null && !Files.exists(top.getParent())) {
            top = top.getParent();
        }
        Path lockFile = dir.resolve(LOCK);
        FileChannel ch = null;
        FileLock l = null;
        boolean lockCreated = false;
        try {
            Files.createDirectories(dir);
            lockCreated = !Files.exists(lockFile, LinkOption.NOFOLLOW_LINKS);
            ch = openLock(lockFile, where);
            l = tryLock(ch);
            if (l == null) {
                throw InputException.at(where, null, "a folder no other pactsim run is writing",
                        "another run writing to it (" + LOCK + " is locked); wait for it or choose another folder");
            }
            byte[] line = ("pid " + ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8);
            ch.truncate(0);
            ch.write(ByteBuffer.wrap(line), 0);
            recover(dir);
            List<String> previous = inspect(dir, command, force, where, false);
            return new OutputFolder(dir, command, created ? top : null, lockFile, ch, l, previous);
        } catch (IOException | RuntimeException e) {
            if (l != null && lockCreated && created) {
                deleteQuietly(lockFile);
            }
            closeQuietly(ch);
            if (created) {
                deleteUpTo(dir, top);
            }
            if (e instanceof InputException) {
                throw (InputException) e;
            }
            throw InputException.at(where, null, "a folder pactsim can write", "an I/O error (" + e.getMessage() + ")");
        }
    }

    private static FileLock tryLock(FileChannel ch) throws IOException {
        try {
            return ch.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    /**
     * Opens the lock file without following a link: a planted link (to a file elsewhere, or
     * dangling) is refused, never written through; so is anything but a regular file.
     */
    private static FileChannel openLock(Path lockFile, String where) throws IOException {
        if (Files.isSymbolicLink(lockFile)
                || (Files.exists(lockFile, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(lockFile, LinkOption.NOFOLLOW_LINKS))) {
            throw notOurs(where, LOCK);
        }
        try {
            return FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
        } catch (FileSystemException e) {
            if (Files.isSymbolicLink(lockFile)) {
                throw notOurs(where, LOCK);
            }
            throw e;
        }
    }

    private static InputException notOurs(String where, String name) {
        return InputException.at(where, null, "a folder whose " + name + " is the regular file pactsim made",
                "a symbolic link or another kind of entry there; remove it (pactsim never writes through one)");
    }

    /** Refuses what may not be written over; returns the files of the report being replaced. */
    /**
     * {@code early}: a first look before the lock is taken, to refuse at once; a commit another
     * run left half done is judged only after the lock, once {@link #recover} has finished it.
     */
    private static List<String> inspect(Path dir, String command, boolean force, String where, boolean early) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<String> others = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                String n = p.getFileName().toString();
                if (!n.startsWith(".pactsim")) {
                    others.add(n);
                }
            }
        } catch (IOException e) {
            throw InputException.at(where, null, "a readable folder", "an I/O error (" + e.getMessage() + ")");
        }
        Path marker = dir.resolve(MARKER);
        if (Files.isSymbolicLink(marker)
                || (Files.exists(marker, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(marker, LinkOption.NOFOLLOW_LINKS))) {
            throw notOurs(where, MARKER);
        }
        if (!Files.exists(marker, LinkOption.NOFOLLOW_LINKS)) {
            if (!others.isEmpty()) {
                others.sort(null);
                throw InputException.at(where, null, "a new or empty folder (pactsim writes only there)",
                        others.size() + " entries it did not write, e.g. " + InputException.quote(others.get(0)));
            }
            return List.of();
        }
        Marker m = Marker.read(marker);
        if (early && "writing".equals(m.state) && command.equals(m.command) && force) {
            return List.of();
        }
        if (!command.equals(m.command)) {
            throw InputException.at(where, null, "a new or empty folder, or a previous " + command + " report",
                    "a report of pactsim " + m.command);
        }
        if (!force) {
            throw InputException.at(where, null, "a new or empty folder (or --force to replace the report in it)",
                    "a previous pactsim " + command + " report");
        }
        List<String> files = new ArrayList<>();
        for (Map.Entry<String, String> e : m.files.entrySet()) {
            String name = e.getKey();
            if (!ownName(name)) {
                throw InputException.at(where, null, "a report whose " + MARKER + " lists its own files",
                        "the entry " + InputException.quote(name) + " (not a plain file name)");
            }
            Path f = dir.resolve(name);
            if (!Files.exists(f, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            if (e.getValue() == null) {
                throw InputException.at(where, null, "a report whose " + MARKER + " records a digest of each file"
                        + " (--force replaces only files pactsim can recognise)", "a marker without digests"
                        + " (an older pactsim, or written by hand); delete the folder's files yourself");
            }
            if (Files.isSymbolicLink(f) || !Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)
                    || !e.getValue().equals(sha256(f))) {
                throw InputException.at(where, null, "a report whose files are as pactsim wrote them"
                        + " (--force replaces only those)", InputException.quote(name) + " changed since (or a link or"
                        + " folder in its place); move it away to keep it, or delete it");
            }
            files.add(name);
        }
        return files;
    }

    /** A name pactsim may have written in a report folder: one plain, visible file name. */
    static boolean ownName(String n) {
        return !n.isEmpty() && !n.contains("/") && !n.contains("\\") && !n.startsWith(".") && !n.equals("..");
    }

    /** The SHA-256 of a file's bytes, as hex. */
    static String sha256(Path f) {
        try (java.io.InputStream in = Files.newInputStream(f, LinkOption.NOFOLLOW_LINKS)) {
            java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
            return java.util.HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            return "(unreadable)";
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Test-only crash point: with {@code -Dpactsim.test.haltAt=moved} a commit halts the JVM
     * (as a kill) right after moving its first file into place.
     */
    static final String HALT_AT = "pactsim.test.haltAt";

    /**
     * Run with the lock held, before anything else: finishes a commit that a killed run left
     * half done (its marker says {@code state=writing}, names its staging folder and the files it
     * was moving: the rest are moved, the old report's other files removed when still as
     * pactsim wrote them, the marker completed), then removes every staging folder left by a
     * dead run (no live run can own one while this run holds the lock).
     */
    private static void recover(Path dir) throws IOException {
        Path marker = dir.resolve(MARKER);
        if (Files.isRegularFile(marker, LinkOption.NOFOLLOW_LINKS)) {
            Marker m = Marker.read(marker);
            if ("writing".equals(m.state) && m.staging != null && m.staging.startsWith(STAGING)
                    && !m.staging.contains("/") && !m.staging.contains("\\")) {
                Path st = dir.resolve(m.staging);
                Map<String, String> done = new java.util.LinkedHashMap<>();
                for (String n : m.keep) {
                    Path from = st.resolve(n);
                    Path to = dir.resolve(n);
                    if (ownName(n) && Files.isRegularFile(from, LinkOption.NOFOLLOW_LINKS)
                            && !Files.isSymbolicLink(to) && !Files.isDirectory(to, LinkOption.NOFOLLOW_LINKS)) {
                        Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                    }
                    if (m.files.get(n) != null && Files.isRegularFile(to, LinkOption.NOFOLLOW_LINKS)
                            && m.files.get(n).equals(sha256(to))) {
                        done.put(n, m.files.get(n));
                    }
                }
                for (Map.Entry<String, String> e : m.files.entrySet()) {
                    Path f = dir.resolve(e.getKey());
                    if (!m.keep.contains(e.getKey()) && ownName(e.getKey()) && e.getValue() != null
                            && Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS) && e.getValue().equals(sha256(f))) {
                        Files.delete(f);
                    }
                }
                Marker.write(marker, m.command, done, "complete", null, List.of());
            }
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, STAGING + "*")) {
            for (Path p : ds) {
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    deleteTree(p);
                } else {
                    deleteQuietly(p);
                }
            }
        }
    }

    /** The folder the run writes its files into; they appear in the report folder on {@link #commit()}. */
    public Path staging() {
        if (staging == null) {
            try {
                staging = Files.createTempDirectory(dir, STAGING);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write in " + dir + ": " + e.getMessage(), e);
            }
        }
        return staging;
    }

    /** The report folder. */
    public Path dir() {
        return dir;
    }

    /**
     * Moves the staged files into the report folder, removes those of the replaced report that
     * this run did not write, and writes the marker.
     */
    public void commit() {
        List<String> names = new ArrayList<>();
        try {
            if (staging != null) {
                try (Stream<Path> s = Files.list(staging)) {
                    s.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted().forEach(names::add);
                }
            }
            Map<String, String> digests = new java.util.LinkedHashMap<>();
            for (String n : names) {
                digests.put(n, sha256(staging.resolve(n)));
            }
            Map<String, String> both = new java.util.LinkedHashMap<>();
            for (String old : previous) {
                both.put(old, sha256(dir.resolve(old)));
            }
            both.putAll(digests);
            // while files move, the marker lists old and new ones with their digests, so a crash
            // here leaves a folder --force can still recognise
            Marker.write(dir.resolve(MARKER), command, both, "writing", staging.getFileName().toString(), names);
            boolean first = true;
            for (String n : names) {
                Path to = dir.resolve(n);
                if (Files.isSymbolicLink(to) || Files.isDirectory(to, LinkOption.NOFOLLOW_LINKS)) {
                    throw new IOException(n + " in the folder is a link or a folder now; it was left alone");
                }
                Files.move(staging.resolve(n), to, StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
                if (first && "moved".equals(System.getProperty(HALT_AT))) {
                    Runtime.getRuntime().halt(137);
                }
                first = false;
            }
            for (String old : previous) {
                if (!names.contains(old) && ownName(old)) {
                    Files.deleteIfExists(dir.resolve(old));
                }
            }
            Marker.write(dir.resolve(MARKER), command, digests, "complete", null, List.of());
            committed = true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Releases the lock; without a commit, removes the staged files (and the folder if it was new). */
    @Override
    public void close() {
        if (staging != null) {
            deleteTree(staging);
        }
        try {
            if (!committed && created != null) {
                // a folder this run made and leaves empty goes, lock file and all
                deleteQuietly(lockFile);
                lock.release();
                deleteUpTo(dir, created);
            } else {
                lock.release();
            }
        } catch (IOException e) {
            // the lock goes with the channel anyway
        } finally {
            closeQuietly(channel);
        }
    }

    private static void deleteTree(Path p) {
        try (Stream<Path> s = Files.walk(p)) {
            s.sorted(Comparator.reverseOrder()).forEach(OutputFolder::deleteQuietly);
        } catch (IOException | UncheckedIOException e) {
            // best effort: a hidden staging folder left behind is ignored by the next run
        }
    }

    /** Removes {@code dir} and its parents up to {@code top}, each only when empty. */
    private static void deleteUpTo(Path dir, Path top) {
        for (Path p = dir.toAbsolutePath(); p != null; p = p.getParent()) {
            deleteQuietly(p);
            if (p.equals(top)) {
                break;
            }
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // best effort
        }
    }

    private static void closeQuietly(FileChannel ch) {
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException e) {
                // nothing to do
            }
        }
    }

    /**
     * The marker's content: which command wrote the folder, its state, and its files, each with
     * the SHA-256 of its content ({@code file=NAME sha256=HEX}; null for a marker without
     * digests). While a commit moves files ({@code state=writing}) it also names the staging
     * folder and the files being moved in ({@code staging=}, {@code new=}): the journal a later
     * run completes if this one is killed.
     */
    private record Marker(String command, String state, Map<String, String> files, String staging, List<String> keep) {
        static Marker read(Path p) {
            String command = "";
            String state = "";
            String staging = null;
            List<String> keep = new ArrayList<>();
            Map<String, String> files = new java.util.LinkedHashMap<>();
            try {
                for (String l : Files.readAllLines(p, StandardCharsets.UTF_8)) {
                    if (l.startsWith("command=")) {
                        command = l.substring("command=".length()).strip();
                    } else if (l.startsWith("state=")) {
                        state = l.substring("state=".length()).strip();
                    } else if (l.startsWith("staging=")) {
                        staging = l.substring("staging=".length()).strip();
                    } else if (l.startsWith("new=")) {
                        keep.add(l.substring("new=".length()).strip());
                    } else if (l.startsWith("file=")) {
                        String rest = l.substring("file=".length()).strip();
                        int at = rest.lastIndexOf(" sha256=");
                        if (at >= 0) {
                            files.put(rest.substring(0, at), rest.substring(at + " sha256=".length()).strip());
                        } else {
                            files.put(rest, null);
                        }
                    }
                }
            } catch (IOException | UncheckedIOException e) {
                command = "(unreadable " + MARKER + ")";
            }
            return new Marker(command, state, files, staging, keep);
        }

        static void write(Path p, String command, Map<String, String> files, String state, String staging,
                          List<String> keep) {
            StringBuilder sb = new StringBuilder("# written by pactsim: this folder holds its report; do not edit\n")
                    .append("command=").append(command).append('\n')
                    .append("state=").append(state).append('\n');
            if (staging != null) {
                sb.append("staging=").append(staging).append('\n');
                for (String k : keep) {
                    sb.append("new=").append(k).append('\n');
                }
            }
            for (Map.Entry<String, String> f : files.entrySet()) {
                sb.append("file=").append(f.getKey()).append(" sha256=").append(f.getValue()).append('\n');
            }
            AtomicFiles.write(p, sb.toString());
        }
    }
}
