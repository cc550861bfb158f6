package org.pactsim.io.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed MiniLM model is a weight-zeroed copy ({@link ZeroWeights}) that imports as the
 * original would: zeroing changes no byte pactsim reads.
 */
class ZeroWeightsTest {
    @TempDir
    Path tmp;

    /** On a real model whose file we have whole: same length, only weight bytes zeroed, the same import. */
    @Test
    void aZeroedModelImportsExactlyAsTheOriginal() throws IOException {
        Path original = OnnxRealModelsTest.V1;
        byte[] in = Files.readAllBytes(original);
        byte[] out = ZeroWeights.zeroed(in);
        assertThat(out).hasSameSizeAs(in).isNotEqualTo(in);
        long changed = 0;
        for (int i = 0; i < in.length; i++) {
            if (in[i] != out[i]) {
                assertThat(out[i]).as("byte %d", i).isZero();
                changed++;
            }
        }
        // MobileNet-V1 0.5 has about 1.3 M weight bytes: most of the file is zeroed
        assertThat(changed).isGreaterThan(in.length / 2);
        Path copy = Files.write(Files.createDirectories(tmp.resolve("z")).resolve(original.getFileName()), out);
        OnnxImport a = OnnxImporter.importFile(original, Map.of());
        OnnxImport b = OnnxImporter.importFile(copy, Map.of());
        assertThat(b.network()).isEqualTo(a.network());
        assertThat(b.report()).isEqualTo(a.report());
    }

    /** The committed MiniLM is what the tool makes of it: every initializer over 512 bytes is zeros already. */
    @Test
    void theCommittedMiniLmIsItsOwnZeroedCopy() throws IOException {
        byte[] committed = Files.readAllBytes(OnnxRealModelsTest.MINILM);
        assertThat(committed).hasSize(22_972_370);
        assertThat(ZeroWeights.zeroed(committed)).isEqualTo(committed);
    }
}
