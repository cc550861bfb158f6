package org.pactsim.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a user's text file with the checks every reader needs, before any parsing. */
public final class InputFiles {
    /** Largest input file accepted (16 MiB): bounded memory on hostile inputs. */
    public static final int MAX_BYTES = 16 * 1024 * 1024;
    /**
     * Longest line, and longest YAML or JSON value, accepted (64 Ki characters): no name,
     * label or row of a pactsim input is near it, and a 15 MB scalar was accepted.
     */
    public static final int MAX_LINE = 65_536;

    private InputFiles() {
    }

    /** The file's text: UTF-8, without a byte-order mark; refuses what is not a text file. */
    public static String read(Path path) {
        String name = path.toString();
        if (!Files.exists(path)) {
            throw InputException.at(name, null, "an existing file", missing(path));
        }
        if (Files.isDirectory(path)) {
            throw InputException.at(name, null, "a file", "a directory");
        }
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw InputException.at(name, null, "a readable regular file", "something else");
        }
        byte[] bytes;
        try {
            long size = Files.size(path);
            if (size > MAX_BYTES) {
                throw InputException.at(name, null, "a file of at most " + MAX_BYTES + " bytes", size + " bytes");
            }
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            throw InputException.at(name, null, "a readable file", "an I/O error (" + e.getMessage() + ")");
        }
        String text = decode(bytes, name);
        checkLines(text, name);
        return text;
    }

    /** Refuses a line longer than {@link #MAX_LINE} characters, at its line. */
    public static void checkLines(String text, String name) {
        int n = text.length();
        if (n <= MAX_LINE) {
            return;
        }
        int line = 1;
        int start = 0;
        int nl = text.indexOf('\n');
        int cr = text.indexOf('\r');
        while (start <= n) {
            if (nl >= 0 && nl < start) {
                nl = text.indexOf('\n', start);
            }
            if (cr >= 0 && cr < start) {
                cr = text.indexOf('\r', start);
            }
            int end = nl < 0 ? (cr < 0 ? n : cr) : (cr < 0 ? nl : Math.min(nl, cr));
            if (end - start > MAX_LINE) {
                throw InputException.at(name + ":" + line, null, "lines of at most " + MAX_LINE + " characters",
                        "a line of " + (end - start) + " characters");
            }
            if (end < n && text.charAt(end) == '\r' && end + 1 < n && text.charAt(end + 1) == '\n') {
                end++;
            }
            line++;
            start = end + 1;
        }
    }

    /**
     * The text of a file that another file names at {@code at} (a sweep spec's accelerator or
     * trace): a problem opening it is reported at the naming line, with the name as written:
     * {@code spec.yaml:3: accelerator: expected an existing file, found no such file (../a.yaml)}.
     * Problems inside the file are reported by its own reader, at its own lines.
     */
    public static String readReferenced(Path path, YNode at, String key) {
        String name = path.toString();
        try {
            return read(path);
        } catch (InputException e) {
            String m = e.getMessage();
            String rest = m.startsWith(name + ": ") ? m.substring(name.length() + 2) : m;
            throw new InputException(InputException.oneLine(at.where() + ": " + key + ": " + rest + " ("
                    + (at.isScalar() ? at.text() : name) + ")"), e);
        }
    }

    /** Decodes UTF-8 text, dropping a leading byte-order mark; refuses NUL bytes and bad UTF-8. */
    public static String decode(byte[] bytes, String name) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                throw InputException.at(name, null, "a UTF-8 text file", "binary data (a NUL byte at offset " + i + ")");
            }
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw InputException.at(name, null, "a UTF-8 text file", "bytes that are not UTF-8");
        }
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        return text;
    }

    /**
     * Why an input path does not exist, in the user's terms: {@code no such file}, {@code an
     * empty path}, {@code a symbolic link loop} or {@code a dangling symbolic link (to X)}.
     */
    public static String missing(Path path) {
        if (path.toString().isEmpty()) {
            return "an empty path";
        }
        try {
            Path unused = path.toRealPath(); // called for the error it throws on a loop
            return "no such file";
        } catch (java.nio.file.FileSystemException e) {
            String reason = String.valueOf(e.getReason()).toLowerCase(java.util.Locale.ROOT);
            if (reason.contains("symbolic link") || reason.contains("symlink")) {
                return "a symbolic link loop";
            }
        } catch (IOException | SecurityException e) {
            return "no such file";
        }
        if (Files.isSymbolicLink(path)) {
            try {
                return "a dangling symbolic link (to " + Files.readSymbolicLink(path) + ")";
            } catch (IOException | SecurityException e) {
                return "a dangling symbolic link";
            }
        }
        return "no such file";
    }

    /** Lower-case file extension without the dot, or "" when there is none. */
    public static String extension(Path path) {
        String n = path.getFileName() == null ? "" : path.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot < 0 ? "" : n.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
    }
}
