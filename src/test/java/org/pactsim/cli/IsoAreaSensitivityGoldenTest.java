package org.pactsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pactsim.golden.Golden;

/**
 * The README's sensitivity tables are the run of {@code bin/pactsim iso-area --sensitivity} on
 * the shipped defaults (region {@code iso-area-sensitivity}), generated and checked here like the
 * main job's tables; the files the run writes are there. About a minute: 23 studies of ResNet-50.
 */
class IsoAreaSensitivityGoldenTest {
    @TempDir
    Path tmp;

    @Test
    void theSensitivityRunIsTheReadmes() throws IOException {
        Path out = tmp.resolve("out");
        Cli c = Cli.run("iso-area", "--sensitivity", "--out", out.toString());
        assertThat(c.code()).as(c.err()).isZero();
        for (String f : List.of("sensitivity.txt", "sensitivity.csv", "sensitivity.json", "tornado-int4-pact.png",
                "tornado-int4-pact.svg", "regime-int2-pact.png", "regime-int8.svg")) {
            assertThat(out.resolve(f)).isNotEmptyFile();
        }
        assertThat(Files.readString(out.resolve("index.html"))).contains("id=\"sensitivity\"")
                .contains("id='chart-tornado-int4-pact'").contains("id='chart-regime-int4-pact'");
        JsonNode json = new ObjectMapper().readTree(out.resolve("sensitivity.json").toFile());
        List<JsonNode> ps = new ArrayList<>();
        json.get("precisions").forEach(ps::add);

        StringBuilder t = new StringBuilder("| assumption: variant |");
        ps.forEach(p -> t.append(' ').append(p.get("precision").asText()).append(" |"));
        t.append("\n|---|");
        ps.forEach(p -> t.append("---:|"));
        t.append("\n| (reference: the default run at 32 GB/s) |");
        ps.forEach(p -> t.append(String.format(Locale.ROOT, " %.2f |", p.get("reference").asDouble())));
        t.append('\n');
        // the variants in the order run (the first precision's assumptions are by swing: use the text's order)
        String text = Files.readString(out.resolve("sensitivity.txt"));
        List<String[]> rows = new ArrayList<>();
        boolean in = false;
        for (String line : text.lines().toList()) {
            if (line.startsWith("(reference)")) {
                in = true;
                continue;
            }
            if (in && line.isBlank()) {
                break;
            }
            if (in) {
                rows.add(line.split("\\s{2,}"));
            }
        }
        for (String[] r : rows) {
            t.append("| ").append(r[0]).append(": ").append(r[1]).append(" |");
            for (int i = 2; i < r.length; i++) {
                t.append(' ').append(r[i]).append(" |");
            }
            t.append('\n');
        }
        t.append('\n');
        for (JsonNode p : ps) {
            t.append("- ").append(p.get("finding").asText()).append('\n');
        }
        // int4's regime map
        JsonNode int4 = ps.stream().filter(p -> p.get("precision").asText().startsWith("int4")).findFirst().orElseThrow();
        t.append("\nint4's regime map (super-linearity; rows: total SRAM, columns: DRAM GB/s):\n\n| SRAM |");
        List<String> bws = new ArrayList<>();
        List<Long> srams = new ArrayList<>();
        for (JsonNode cell : int4.get("regime")) {
            String bw = cell.get("bandwidthGBps").isNull() ? "unlimited"
                    : String.format(Locale.ROOT, "%.0f", cell.get("bandwidthGBps").asDouble());
            if (!bws.contains(bw)) {
                bws.add(bw);
            }
            if (!srams.contains(cell.get("sramKiB").asLong())) {
                srams.add(cell.get("sramKiB").asLong());
            }
        }
        bws.forEach(b -> t.append(' ').append(b).append(" |"));
        t.append("\n|---|");
        bws.forEach(b -> t.append("---:|"));
        t.append('\n');
        int k = 0;
        List<JsonNode> cells = new ArrayList<>();
        int4.get("regime").forEach(cells::add);
        for (long kib : srams) {
            t.append("| ").append(kib / 1024).append(" MiB |");
            for (int j = 0; j < bws.size(); j++) {
                t.append(String.format(Locale.ROOT, " %.2f |", cells.get(k++).get("superLinearity").asDouble()));
            }
            t.append('\n');
        }
        Golden.checkRegion(IsoAreaGoldenTest.README, "iso-area-sensitivity", t.toString());
    }
}
