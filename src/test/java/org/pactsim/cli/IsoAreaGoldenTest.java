package org.pactsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * {@code -Dpactsim.updateGolden=true} and review the diff with the change. The README's tables
 * of the default run and of batch 1 are generated from the same runs (regions
 * {@code iso-area-default}, {@code iso-area-batch1}), and the verdicts its prose states are
 * checked. The command runs in-process, as a user runs it (about a second each for ResNet-50).
 */
class IsoAreaGoldenTest {
    static final Path DIR = Path.of("src", "test", "resources", "golden");

    @TempDir
    Path tmp;

    static final Path README = Path.of("README.md");

    /**
     * Each run: its golden file, its options, the README region generated from it (or none) and
     * the verdicts the README's prose states for it, by bandwidth ({@code precision@bandwidth}
     * where one precision differs from the rest).
     */
    static Stream<Arguments> runs() {
        return Stream.of(Arguments.of("iso-area-resnet20.csv", List.of("--network", "resnet20"), "", Map.of()),
                Arguments.of("iso-area-resnet50.csv", List.<String>of(), "iso-area-default",
                        Map.of("unlimited", "sub-linear", "32 GB/s", "super-linear", "64 GB/s", "super-linear")),
                Arguments.of("iso-area-resnet50-batch1.csv", List.of("--batch", "1"), "iso-area-batch1",
                        Map.of("unlimited", "sub-linear", "32 GB/s", "super-linear", "64 GB/s", "super-linear")),
                Arguments.of("iso-area-pact-paper.csv", List.of("--arch", "arch-configs/pact-paper.yaml"),
                        "iso-area-pact-paper", Map.of("unlimited", "sub-linear", "32 GB/s", "super-linear",
                                "64 GB/s", "super-linear", "int2-pact@64 GB/s", "sub-linear")));
    }

    /** {@code int8 at 32 GB/s: 5.11x faster for 3.00x the peak -> super-linear (1.70); ...}. */
    static final Pattern VERDICT = Pattern.compile("^(\\S+) at ([^:]+): (\\S+x) faster for (\\S+x) the peak -> (\\S+) \\(([^)]+)\\).*");

    @ParameterizedTest(name = "{0}")
    @MethodSource("runs")
    void theMainJobGivesTheGoldenResults(String file, List<String> options, String readmeRegion,
                                         Map<String, String> readmeVerdicts) throws IOException {
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
        b.append("precision,bandwidthGBps,design,pes,cycles,dramBytes,weightsOnChip,outputsOnChip,speedup,peakRatio,"
                + "superLinearity,runnerUp,designsSearched,designsRun\n");
        for (JsonNode p : json.get("points")) {
            b.append(String.format(Locale.ROOT, "%s,%s,%s,%d,%d,%d,%s,%d/%d,%.4f,%.4f,%.4f,%s,%d,%d%n",
                    p.get("precision").asText(), p.get("bandwidthGBps").isNull() ? "unlimited" : p.get("bandwidthGBps").asText(),
                    shape(p), p.get("pes").asLong(),
                    p.get("cycles").asLong(), p.get("dramBytes").asLong(), p.get("weightsOnChip").asBoolean(),
                    p.get("outputsOnChip").asLong(), p.get("layers").asLong(), p.get("speedup").asDouble(),
                    p.get("peakRatio").asDouble(), p.get("superLinearity").asDouble(), p.get("runnerUp").asText(),
                    p.get("designsSearched").asLong(), p.get("designsRun").asLong()));
        }
        b.append("# verdicts, as the table prints them:\n");
        c.out().lines().filter(l -> l.contains("x faster for")).forEach(l -> b.append("# ").append(l).append('\n'));
        assertThat(b.toString()).contains("-> ");
        Golden.checkFile(DIR.resolve(file), b.toString());
        if (!readmeRegion.isEmpty()) {
            checkReadme(json, c.out(), readmeRegion, readmeVerdicts);
        }
    }

    /** {@code 5.91x for 3.25x: super-linear (1.81)} -> {@code 1.81}. */
    static String superLinearity(String cell) {
        return cell.substring(cell.lastIndexOf('(') + 1, cell.lastIndexOf(')'));
    }

    /** A point's design as the reports name it: {@code cores x rows x cols dataflow}. */
    static String shape(JsonNode p) {
        return p.get("cores").asLong() + "x" + p.get("rows").asLong() + "x" + p.get("cols").asLong() + " "
                + p.get("dataflow").asText();
    }

    /**
     * The README's table of this run (a generated region) and its prose: the verdict it states
     * for every non-baseline precision at a bandwidth, and the int4 figures it quotes.
     */
    private static void checkReadme(JsonNode json, String out, String region, Map<String, String> verdicts)
            throws IOException {
        Map<String, String> cells = new LinkedHashMap<>();
        List<String> bandwidths = new ArrayList<>();
        for (String line : out.lines().toList()) {
            Matcher m = VERDICT.matcher(line);
            if (m.matches()) {
                cells.put(m.group(1) + "@" + m.group(2), m.group(3) + " for " + m.group(4) + ": " + m.group(5)
                        + " (" + m.group(6) + ")");
                String expected = verdicts.getOrDefault(m.group(1) + "@" + m.group(2), verdicts.get(m.group(2)));
                assertThat(expected == null || m.group(5).equals(expected))
                        .as("README says %s at %s is %s; the run: %s", m.group(1), m.group(2), expected, line).isTrue();
            }
        }
        Map<String, JsonNode> first = new LinkedHashMap<>();
        for (JsonNode p : json.get("points")) {
            String bw = p.get("bandwidthGBps").isNull() ? "unlimited"
                    : String.format(Locale.ROOT, "%.0f GB/s", p.get("bandwidthGBps").asDouble());
            if (!bandwidths.contains(bw)) {
                bandwidths.add(bw);
            }
            first.putIfAbsent(p.get("precision").asText(), p);
        }
        String dramAt = bandwidths.contains("32 GB/s") ? "32 GB/s" : bandwidths.get(0);
        StringBuilder t = new StringBuilder("| precision |");
        bandwidths.forEach(bw -> t.append(' ').append(bw).append(" |"));
        t.append(" DRAM per image at ").append(dramAt).append(" |\n|---|");
        bandwidths.forEach(bw -> t.append("---|"));
        t.append("---|\n");
        for (String precision : first.keySet()) {
            t.append("| ").append(precision).append(" |");
            JsonNode dram = null;
            for (String bw : bandwidths) {
                JsonNode at = null;
                for (JsonNode p : json.get("points")) {
                    String pbw = p.get("bandwidthGBps").isNull() ? "unlimited"
                            : String.format(Locale.ROOT, "%.0f GB/s", p.get("bandwidthGBps").asDouble());
                    if (pbw.equals(bw) && p.get("precision").asText().equals(precision)) {
                        at = p;
                    }
                }
                if (bw.equals(dramAt)) {
                    dram = at;
                }
                t.append(" `").append(shape(at)).append("`: ").append(cells.getOrDefault(precision + "@" + bw, "baseline"))
                        .append(" |");
            }
            double mb = dram.get("dramBytesPerImage").asDouble() / 1e6;
            t.append(String.format(Locale.ROOT, mb >= 10 ? " %.0f MB |%n" : " %.2f MB |%n", mb));
        }
        Golden.checkRegion(README, region, t.toString());
        // the figures the prose quotes: int4's super-linearity at 32 (and 64) GB/s
        String at32 = superLinearity(cells.get("int4-pact@32 GB/s"));
        String at64 = superLinearity(cells.get("int4-pact@64 GB/s"));
        if (region.equals("iso-area-default")) {
            assertThat(Files.readString(README)).as("README's default-run prose").contains("int4 at 32 GB/s is " + at32);
        }
        if (region.equals("iso-area-batch1")) {
            assertThat(Files.readString(README)).as("README's batch-1 prose").contains("(int4 " + at32 + " and " + at64 + ")");
        }
    }
}
