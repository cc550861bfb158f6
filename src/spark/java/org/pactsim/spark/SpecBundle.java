package org.pactsim.spark;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.pactsim.io.InputException;
import org.pactsim.io.InputFiles;
import org.pactsim.io.YNode;
import org.pactsim.io.YamlLoader;

/**
 * A sweep spec as the driver read it, to be read again on executors that do not see the
 * driver's files: the bytes of the spec, its base accelerator and its trace networks, each
 * under the path the spec reader opens it by (the absolute path of the spec's folder resolved
 * with the name in the spec, not normalised), and the fingerprint of what the driver read.
 *
 * <p>An executor writes the files under a fresh folder, at the same paths below it, reads the
 * spec from there and checks that the fingerprint is the driver's: a file the reader opens but
 * the bundle missed fails the task with the reader's one-line error, never a silently different
 * sweep. File names in reasons are rewritten back to the driver's ({@link #origins}).
 */
public final class SpecBundle implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String given;
    private final String absolute;
    private final Map<String, byte[]> files;
    private final String fingerprint;

    private SpecBundle(String given, String absolute, Map<String, byte[]> files, String fingerprint) {
        this.given = given;
        this.absolute = absolute;
        this.files = files;
        this.fingerprint = fingerprint;
    }

    /** The files of {@code spec}, already read and checked by the driver with this {@code fingerprint}. */
    public static SpecBundle of(Path spec, String fingerprint) {
        Path abs = spec.toAbsolutePath();
        Path dir = abs.getParent();
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(abs.toString(), bytes(abs));
        String ext = InputFiles.extension(spec);
        YNode root = YamlLoader.parse(InputFiles.read(spec), spec.toString(), ext.equals("json"));
        YNode acc = root.get("accelerator");
        if (acc != null && acc.isScalar()) {
            Path p = dir.resolve(acc.text());
            files.put(p.toString(), bytes(p));
        }
        YNode nets = root.get("networks");
        if (nets != null && nets.kind() == YNode.Kind.LIST) {
            for (YNode n : nets.items()) {
                YNode t = n.isMap() ? n.get("trace") : null;
                if (t != null && t.isScalar()) {
                    Path p = dir.resolve(t.text());
                    files.put(p.toString(), bytes(p));
                }
            }
        }
        return new SpecBundle(spec.toString(), abs.toString(), Collections.unmodifiableMap(files), fingerprint);
    }

    private static byte[] bytes(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw InputException.at(p.toString(), null, "a file to ship to the executors", "an I/O error ("
                    + InputException.oneLine(String.valueOf(e.getMessage())) + ")");
        }
    }

    /** The fingerprint of the files, as the driver's spec reader computed it. */
    public String fingerprint() {
        return fingerprint;
    }

    /** The paths the bundle holds, as the reader opens them. */
    public java.util.Set<String> paths() {
        return files.keySet();
    }

    /** Writes the files under {@code root} and returns the spec's path there. */
    public Path materialize(Path root) {
        try {
            for (Map.Entry<String, byte[]> e : files.entrySet()) {
                // the reader opens root + the driver's name, ".." and all: every folder the OS walks
                // through on the way must exist, also those a ".." leaves again
                Path key = Path.of(e.getKey());
                Path walk = root;
                for (int i = 0; i < key.getNameCount() - 1; i++) {
                    walk = walk.resolve(key.getName(i));
                    Path dir = walk.normalize();
                    if (!dir.startsWith(root)) {
                        throw new UncheckedIOException(new IOException(e.getKey() + " climbs above its root"));
                    }
                    Files.createDirectories(dir);
                }
                Files.write(Path.of(root.toString() + e.getKey()).normalize(), e.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the sweep's files under " + root + ": " + e.getMessage(), e);
        }
        return Path.of(root.toString() + absolute);
    }

    /** Rewrites the names of files under {@code root} in a message to the driver's names. */
    public java.util.function.UnaryOperator<String> origins(Path root) {
        String r = root.toString();
        String spec = r + absolute;
        return m -> m.indexOf(r) < 0 ? m : m.replace(spec, given).replace(r, "");
    }
}
