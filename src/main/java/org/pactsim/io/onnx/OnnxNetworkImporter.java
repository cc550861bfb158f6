package org.pactsim.io.onnx;

import java.nio.file.Path;
import java.util.Map;
import org.pactsim.io.NetworkImporter;
import org.pactsim.workload.Network;

/** ONNX files as a {@link NetworkImporter}: what lets {@code --trace model.onnx} work everywhere. */
public final class OnnxNetworkImporter implements NetworkImporter {
    /** For {@link java.util.ServiceLoader}. */
    public OnnxNetworkImporter() {
    }

    @Override
    public boolean accepts(Path file) {
        return OnnxImporter.isOnnx(file);
    }

    @Override
    public Network read(Path file) {
        return OnnxImporter.importFile(file, Map.of()).network();
    }

    @Override
    public Network read(Path file, Map<String, Long> dims) {
        return OnnxImporter.importFile(file, dims).network();
    }
}
