package org.pactsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pactsim.golden.Golden;

/**
 * Golden results of the main job, {@code pactsim iso-area} on the shipped defaults: per precision
 * and bandwidth the cores, PEs, cycles, DRAM bytes, what stays on chip, speedup, peak ratio,
 * super-linearity and the verdict sentences, in {@code src/test/resources/golden/}. Any change of
 * the model that moves them fails here; if it is intended, rerun with
 * {@code -Dpactsim.updateGolden=true} and review the diff with the change. The command runs
 * in-process, as a user runs it (about a second each for ResNet-50).
 */
class IsoAreaGoldenTest {
    static final Path DIR = Path.of("src", "test", "resources", "golden");

    @TempDir
    Path tmp;

    static Stream<Arguments> runs() {
        return Stream.of(Arguments.of("iso-area-resnet20.csv", List.of("--network", "resnet20")),
                Arguments.of("iso-area-resnet50.csv", List.<String>of()),
                Arguments.of("iso-area-resnet50-batch1.csv", List.of("--batch", "1")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("runs")
    void theMainJobGivesTheGoldenResults(String file, List<String> options) throws IOException {
        List<String> args = new ArrayList<>(List.of("iso-area"));
        args.addAll(options);
        String shown = String.join(" ", args);
        args.addAll(List.of("--out", tmp.resolve("out").toString()));
        Cli c = Cli.run(args.toArray(String[]::new));
        assertThat(c.code()).as(c.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(tmp.resolve("out").resolve("iso-area.json").toFile());

        StringBuilder b = new StringBuilder();
        b.append("# Golden results of `pactsim ").append(shown).append("` (every other option at its default:\n")
                .append("# arch-configs/pact-14nm.yaml, int16,int8,int4,int2, unlimited,32,64 GB/s, batch 8, the shipped\n")
                .append("# cost tables). Written by org.pactsim.cli.IsoAreaGoldenTest from the run's iso-area.json and\n")
                .append("# the verdict lines of its table; the test fails when a run differs. A model change that moves\n")
                .append("# them: rerun with -D").append(Golden.UPDATE).append("=true and review this file's diff.\n")
                .append("# Network: ").append(json.get("network").asText()).append("; compute area ")
                .append(String.format(Locale.ROOT, "%.4f", json.get("computeAreaMm2").asDouble())).append(" mm^2.\n")
                .append("# cycles: of a steady-state inference; dramBytes: its DRAM bytes; outputsOnChip: layers whose\n")
                .append("# output stays on chip, of all layers.\n");
        b.append("precision,bandwidthGBps,cores,array,pes,cycles,dramBytes,weightsOnChip,outputsOnChip,speedup,peakRatio,"
                + "superLinearity\n");
        for (JsonNode p : json.get("points")) {
            b.append(String.format(Locale.ROOT, "%s,%s,%d,%dx%d,%d,%d,%d,%s,%d/%d,%.4f,%.4f,%.4f%n",
                    p.get("precision").asText(), p.get("bandwidthGBps").isNull() ? "unlimited" : p.get("bandwidthGBps").asText(),
                    p.get("cores").asLong(), p.get("rows").asLong(), p.get("cols").asLong(), p.get("pes").asLong(),
                    p.get("cycles").asLong(), p.get("dramBytes").asLong(), p.get("weightsOnChip").asBoolean(),
                    p.get("outputsOnChip").asLong(), p.get("layers").asLong(), p.get("speedup").asDouble(),
                    p.get("peakRatio").asDouble(), p.get("superLinearity").asDouble()));
        }
        b.append("# verdicts, as the table prints them:\n");
        c.out().lines().filter(l -> l.contains("x faster for")).forEach(l -> b.append("# ").append(l).append('\n'));
        assertThat(b.toString()).contains("-> ");
        Golden.checkFile(DIR.resolve(file), b.toString());
    }
}
