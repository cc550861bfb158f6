package org.pactsim.io.out;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/** Writes files so a reader never sees half of one: a temporary sibling, then a rename. */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /** What writes a file's content into a stream (large or streamed content: a cycle trace). */
    @FunctionalInterface
    public interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    public static void write(Path target, String content) {
        write(target, content.getBytes(StandardCharsets.UTF_8));
    }

    public static void write(Path target, byte[] content) {
        write(target, out -> out.write(content));
    }

    /**
     * Writes {@code body} to a temporary sibling of {@code target}, then renames it over the
     * target; when {@code body} fails (an exception of any kind) the target is left as it was
     * and the temporary file is removed.
     */
    public static void write(Path target, Body body) {
        try {
            Path dir = target.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            // not Files.createTempFile: it makes the file owner-only (0600); this one gets the umask's mode
            Path tmp = dir.resolve("." + target.getFileName() + "." + Long.toUnsignedString(
                    java.util.concurrent.ThreadLocalRandom.current().nextLong(), 36) + ".tmp");
            try {
                try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE)) {
                    body.writeTo(out);
                }
                try {
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }
}
