package org.pactsim.io.scalesim;

import org.pactsim.io.InputException;
import org.pactsim.io.format.ArchReader;
import org.pactsim.io.format.TraceReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.pactsim.workload.ConvLayer;
import org.pactsim.workload.Network;

/**
 * Every config and topology bundled with SCALE-Sim v2 (copied into
 * src/test/resources/scalesim/inputs, provenance in src/test/resources/scalesim/README.md) is
 * read, or rejected with a one-line {@code FILE:LINE: ...} error where SCALE-Sim itself cannot
 * run it.
 */
class ScaleSimInputsTest {
    static final Path V2 = Path.of("src", "test", "resources", "scalesim", "inputs", "v2");

    /**
     * Bundled topologies SCALE-Sim v2 cannot run either, with the line pactsim names. Why:
     * symbolic sizes ("B", "H" in LSTM templates); section-title rows of one field; rows of
     * empty fields (SCALE-Sim's int('') fails); extra columns with empty fields (Resnet50.csv);
     * tab-separated fields (UNet_maestro.csv).
     */
    static final Map<String, Integer> REJECTED = new TreeMap<>(Map.ofEntries(
            Map.entry("topologies/CSV/LSTM.csv", 2),
            Map.entry("topologies/CSV/MLPERF.csv", 3),
            Map.entry("topologies/conv_nets/Resnet50.csv", 2),
            Map.entry("topologies/conv_nets/UNet_maestro.csv", 2),
            Map.entry("topologies/mlperf/MLPERF.csv", 3),
            Map.entry("topologies/mlperf/NCF_recommendation.csv", 3),
            Map.entry("topologies/mlperf/NCF_recommendation_short.csv", 2),
            Map.entry("topologies/mlperf/Sentimental_seqCNN.csv", 2),
            Map.entry("topologies/mlperf/Sentimental_seqLSTM.csv", 3),
            Map.entry("topologies/mlperf/Transformer.csv", 3),
            Map.entry("topologies/mlperf/Transformer_short.csv", 2),
            Map.entry("topologies/mlperf/div256q/AlphaGoZero.csv", 2),
            Map.entry("topologies/mlperf/div256q/NCF_recommendation_short.csv", 2),
            Map.entry("topologies/mlperf/div256q/Resnet50.csv", 2),
            Map.entry("topologies/mlperf/div256q/Sentimental_seqCNN.csv", 2),
            Map.entry("topologies/mlperf/div256q/Sentimental_seqLSTM_short.csv", 2),
            Map.entry("topologies/mlperf/div256q/Transformer_short.csv", 2),
            Map.entry("topologies/mlperf/div64q/AlphaGoZero.csv", 2),
            Map.entry("topologies/mlperf/div64q/NCF_recommendation_short.csv", 2),
            Map.entry("topologies/mlperf/div64q/Resnet50.csv", 2),
            Map.entry("topologies/mlperf/div64q/Sentimental_seqCNN.csv", 2),
            Map.entry("topologies/mlperf/div64q/Sentimental_seqLSTM_short.csv", 2),
            Map.entry("topologies/mlperf/div64q/Transformer_short.csv", 2),
            Map.entry("topologies/rnn_eval/LSTM_template.csv", 2)));

    @Test
    void everyBundledConfigIsRead() throws IOException {
        List<Path> cfgs = files(V2.resolve("configs"), ".cfg");
        assertThat(cfgs).hasSize(3);
        for (Path p : cfgs) {
            assertThat(ArchReader.read(p, List.of()).spec().array().rows()).as(p.toString()).isPositive();
        }
    }

    /** SCALE-Sim v3's bank keys are read and ignored, like v2's MemoryBanks (CALC mode has no bank model). */
    @Test
    void v3ConfigsWithBankKeysAreRead() throws IOException {
        Path v3 = V2.resolveSibling("v3").resolve("configs");
        assertThat(ArchReader.read(v3.resolve("eyeriss.cfg"), List.of()).spec().array().cols()).isEqualTo(14);
    }

    @Test
    void everyBundledTopologyIsReadOrRejectedOnTheLineScaleSimFailsOn() throws IOException {
        List<Path> topologies = files(V2.resolve("topologies"), ".csv");
        assertThat(topologies).hasSizeGreaterThan(100);
        Map<String, Integer> rejected = new TreeMap<>();
        for (Path p : topologies) {
            String rel = V2.relativize(p).toString().replace('\\', '/');
            try {
                Network n = TraceReader.read(p, null);
                assertThat(n.layers()).as(rel).isNotEmpty();
            } catch (InputException e) {
                String prefix = p + ":";
                assertThat(e.getMessage()).as(rel).startsWith(prefix).doesNotContain("\n");
                String line = e.getMessage().substring(prefix.length()).split(":")[0];
                rejected.put(rel, Integer.parseInt(line));
            }
        }
        assertThat(rejected).isEqualTo(REJECTED);
    }

    /** SCALE-Sim drops the field after a row's last comma: "#dw" marks in MobileNet files are comments. */
    @Test
    void textAfterTheLastCommaIsAComment() throws IOException {
        Network n = TraceReader.read(V2.resolve("topologies/conv_nets/mobilnet_4k.csv"), null);
        ConvLayer dw = (ConvLayer) n.layers().get(1);
        assertThat(dw.name()).isEqualTo("Conv2_dw");
        assertThat(dw.strideW()).isEqualTo(dw.strideH()).isEqualTo(1);
    }

    @Test
    void rowsAreReadAsScaleSimReadsThem() {
        // trailing comma dropped; a comment after it dropped; no field to spare: kept whole
        assertThat(TopologyReader.rowFields("c, 1, 2, 3, 4, 5, 6, 7,", 8)).hasSize(8);
        assertThat(TopologyReader.rowFields("c, 1, 2, 3, 4, 5, 6, 7, #dw", 8)).hasSize(8);
        assertThat(TopologyReader.rowFields("c, 1, 2, 3, 4, 5, 6, 7", 8)).hasSize(8);
        // a ninth number without the trailing comma is dropped, as SCALE-Sim does (stride W = stride H)
        assertThat(TopologyReader.rowFields("c, 1, 2, 3, 4, 5, 6, 7, 8", 8)).hasSize(8);
        assertThat(TopologyReader.rowFields("c, 1, 2, 3, 4, 5, 6, 7, 8,", 8)).hasSize(9);
        assertThat(TopologyReader.rowFields("g, 1, 2, 3", 4)).hasSize(4);
    }

    @Test
    void errorsSayWhatIsWrongWithTheRow() {
        assertThatThrownBy(() -> TopologyReader.read("h\n,,,,,,,,\n", "t.csv", "t", TopologyReader.Form.CONV))
                .isInstanceOf(InputException.class)
                .hasMessage("t.csv:2: expected a layer row, found a row of empty fields");
        assertThatThrownBy(() -> TopologyReader.read("h\nc\t1\t2\n", "t.csv", "t", TopologyReader.Form.CONV))
                .hasMessageEndingWith("found 1 field (fields are separated by commas; this row has tabs or semicolons)");
        assertThatThrownBy(() -> TopologyReader.read("h\nc, 1, B, 1, 1, 1, 1, 1,\n", "t.csv", "t", TopologyReader.Form.CONV))
                .hasMessage("t.csv:2: IFMAP Width: expected a whole number >= 1, found \"B\"");
    }

    private static List<Path> files(Path dir, String suffix) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        }
    }
}
