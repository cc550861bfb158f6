package org.pactsim.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
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
 *     second run out while the first holds the folder: the second fails at once;
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
        inspect(dir, command, force, where);
        boolean created = !Files.exists(dir);
        Path top = dir.toAbsolutePath();
        while (top.getParent() != null && !Files.exists(top.getParent())) {
            top = top.getParent();
        }
        Path lockFile = dir.resolve(LOCK);
        FileChannel ch = null;
        FileLock l = null;
        try {
            Files.createDirectories(dir);
            for (int attempt = 0; l == null && attempt < 3; attempt++) {
                ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        StandardOpenOption.READ);
                l = tryLock(ch);
                if (l == null) {
                    throw InputException.at(where, null, "a folder no other pactsim run is writing",
                            "another run writing to it (" + LOCK + " is locked); wait for it or choose another folder");
                }
                if (!stillOurs(ch, lockFile)) {
                    l.release();
                    l = null;
                    closeQuietly(ch);
                }
            }
            if (l == null) {
                throw InputException.at(where, null, "a folder no other pactsim run is writing",
                        "other runs starting and ending in it");
            }
            List<String> previous = inspect(dir, command, force, where);
            return new OutputFolder(dir, command, created ? top : null, lockFile, ch, l, previous);
        } catch (IOException | RuntimeException e) {
            if (l != null) {
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
     * Whether the locked file is still the one at {@code LOCK}: a run that ends deletes it, and a
     * run that opened it just before would otherwise lock a file no longer there.
     */
    private static boolean stillOurs(FileChannel ch, Path lockFile) throws IOException {
        byte[] token = (UUID.randomUUID() + " pid " + ProcessHandle.current().pid() + "\n")
                .getBytes(StandardCharsets.UTF_8);
        ch.truncate(0);
        ch.write(ByteBuffer.wrap(token), 0);
        ch.force(false);
        try {
            return java.util.Arrays.equals(Files.readAllBytes(lockFile), token);
        } catch (NoSuchFileException e) {
            return false;
        }
    }

    /** Refuses what may not be written over; returns the files of the report being replaced. */
    private static List<String> inspect(Path dir, String command, boolean force, String where) {
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
        if (!Files.exists(marker)) {
            if (!others.isEmpty()) {
                others.sort(null);
                throw InputException.at(where, null, "a new or empty folder (pactsim writes only there)",
                        others.size() + " entries it did not write, e.g. " + InputException.quote(others.get(0)));
            }
            return List.of();
        }
        Marker m = Marker.read(marker);
        if (!command.equals(m.command)) {
            throw InputException.at(where, null, "a new or empty folder, or a previous " + command + " report",
                    "a report of pactsim " + m.command);
        }
        if (!force) {
            throw InputException.at(where, null, "a new or empty folder (or --force to replace the report in it)",
                    "a previous pactsim " + command + " report");
        }
        return m.files;
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
            Marker.write(dir.resolve(MARKER), command, previous, "writing");
            for (String n : names) {
                Files.move(staging.resolve(n), dir.resolve(n), StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            }
            for (String old : previous) {
                if (!names.contains(old) && !old.contains("/") && !old.contains("\\") && !old.startsWith(".")) {
                    Files.deleteIfExists(dir.resolve(old));
                }
            }
            Marker.write(dir.resolve(MARKER), command, names, "complete");
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
            deleteQuietly(lockFile);
            lock.release();
            if (!committed && created != null) {
                deleteUpTo(dir, created);
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

    /** The marker's content: which command wrote the folder, its files, and whether it finished. */
    private record Marker(String command, List<String> files) {
        static Marker read(Path p) {
            String command = "";
            List<String> files = new ArrayList<>();
            try {
                for (String l : Files.readAllLines(p, StandardCharsets.UTF_8)) {
                    if (l.startsWith("command=")) {
                        command = l.substring("command=".length()).strip();
                    } else if (l.startsWith("file=")) {
                        files.add(l.substring("file=".length()).strip());
                    }
                }
            } catch (IOException | UncheckedIOException e) {
                command = "(unreadable " + MARKER + ")";
            }
            return new Marker(command, files);
        }

        static void write(Path p, String command, List<String> files, String state) {
            Set<String> unique = new LinkedHashSet<>(files);
            StringBuilder sb = new StringBuilder("# written by pactsim: this folder holds its report; do not edit\n")
                    .append("command=").append(command).append('\n')
                    .append("state=").append(state).append('\n');
            for (String f : unique) {
                sb.append("file=").append(f).append('\n');
            }
            AtomicFiles.write(p, sb.toString());
        }
    }
}
