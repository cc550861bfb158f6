package org.pactsim.io;

import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import org.pactsim.workload.Network;

/**
 * A reader of a binary network format (ONNX), plugged into {@code io.format.TraceReader}: the trace
 * reader asks each importer announced in {@code META-INF/services/org.pactsim.io.NetworkImporter}
 * whether it takes a file before reading it as a text trace. So {@code io} does not name the
 * importers, and an importer's package ({@code io.onnx}) may use {@code io}'s errors and files
 * without a cycle between the two.
 */
public interface NetworkImporter {
    /** Whether {@code file} is in this importer's format (by its first bytes or its name). */
    boolean accepts(Path file);

    /** The network of {@code file}, with no symbolic dimension given. */
    Network read(Path file);

    /**
     * The network of {@code file} with its symbolic dimensions set ({@code --dim}, a sweep's
     * {@code dims}); an importer of a format without them refuses any.
     */
    default Network read(Path file, java.util.Map<String, Long> dims) {
        if (!dims.isEmpty()) {
            throw InputException.at(file.toString(), "dims", "none (the format has no symbolic dimensions)",
                    String.join(", ", dims.keySet()));
        }
        return read(file);
    }

    /** The importers in this build, loaded once. */
    static List<NetworkImporter> all() {
        return Loaded.ALL;
    }

    /** Holder: the service lookup runs on first use. */
    final class Loaded {
        private static final List<NetworkImporter> ALL = ServiceLoader
                .load(NetworkImporter.class, NetworkImporter.class.getClassLoader()).stream()
                .map(ServiceLoader.Provider::get).toList();

        private Loaded() {
        }
    }
}
