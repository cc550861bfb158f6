package org.pactsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IsoAreaCommandTest {
    @TempDir
    Path dir;

    @Test
    void writesEveryFileAndTheHtmlIsSelfContained() throws IOException {
        Path out = dir.resolve("iso");
        Cli c = Cli.run("iso-area", "--network", "resnet20", "--bandwidths", "unlimited,32", "--out", out.toString());
        assertThat(c.code()).as(c.err()).isZero();
        assertThat(c.out()).contains("PACT iso-area study").contains("int2-pact").contains("speedup");
        for (String f : new String[] {"iso-area.txt", "iso-area.csv", "iso-area.json", "index.html",
            "accelerator.resolved.json", "speedup.png", "speedup.svg", "pe-area.png", "pe-area.svg",
            "dram-traffic.png", "dram-traffic.svg", "energy.png", "energy.svg"}) {
            assertThat(out.resolve(f)).as(f).exists().isNotEmptyFile();
        }
        // one file with everything inline: no image, script or style fetched, every link a file beside it
        String html = Files.readString(out.resolve("index.html"));
        assertThat(html).doesNotContain("src=\"").doesNotContain("<link").doesNotContainPattern("url\\((?!#)")
                .doesNotContain("@import");
        assertThat(Pattern.compile("<svg ").matcher(html).results().count()).isEqualTo(4 + 8);
        Matcher m = Pattern.compile("href=\"([^\"]+)\"").matcher(html);
        int links = 0;
        while (m.find()) {
            links++;
            assertThat(out.resolve(m.group(1))).exists();
        }
        assertThat(links).isEqualTo(3);
        JsonNode json = new ObjectMapper().readTree(out.resolve("iso-area.json").toFile());
        JsonNode points = json.get("points");
        assertThat(points).hasSize(8);
        for (String key : new String[] {"precision", "bandwidthGBps", "pes", "peakTops", "cycles", "inferencesPerSecond",
            "speedup", "peakRatio", "superLinearity", "dramBytes", "energyPj", "areaMm2"}) {
            assertThat(points.get(0).has(key)).as(key).isTrue();
        }
        assertThat(points.get(0).get("bandwidthGBps").isNull()).isTrue();
        assertThat(points.get(4).get("bandwidthGBps").asDouble()).isEqualTo(32.0);
        assertThat(points.get(0).get("precision").asText()).isEqualTo("int16");
        assertThat(Files.readString(out.resolve("iso-area.csv")).lines().count()).isEqualTo(9);
        // A second run into the same folder needs --force; nothing is half-written either way.
        Cli again = Cli.run("iso-area", "--network", "resnet20", "--bandwidths", "unlimited,32", "--out", out.toString());
        assertThat(again.code()).isEqualTo(2);
        assertThat(again.err()).contains("--force");
        Cli forced = Cli.run("iso-area", "--network", "resnet20", "--bandwidths", "unlimited,32", "--out", out.toString(),
                "--force");
        assertThat(forced.code()).as(forced.err()).isZero();
        assertThat(out.resolve("index.html")).exists();
    }

    @Test
    void jsonOnStdoutAndBadOptions() throws IOException {
        Cli c = Cli.run("iso-area", "--network", "resnet20", "--precisions", "int8,int4", "--bandwidths", "16",
                "--quantize-all", "--format", "json", "--out", dir.resolve("j").toString());
        assertThat(c.code()).as(c.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(c.out());
        assertThat(json.get("points").get(1).get("precision").asText()).isEqualTo("int4");
        Cli bad = Cli.run("iso-area", "--precisions", "int3", "--out", dir.resolve("b").toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("--precisions: expected fp16, int16, int8, int4 or int2, found \"int3\"");
        assertThat(Cli.run("iso-area", "--bandwidths", "-4", "--out", dir.resolve("c").toString()).code()).isEqualTo(2);
        assertThat(Cli.run("iso-area", "--network", "lenet", "--out", dir.resolve("d").toString()).code()).isEqualTo(2);
        assertThat(Cli.run("iso-area", "--scale", "rows", "--out", dir.resolve("e").toString()).code()).isEqualTo(2);
    }

    /** --dim works wherever a trace may be ONNX; every missing dimension is named in one line (issue 21). */
    @Test
    void anOnnxNetworkTakesItsDimensions() {
        String model = "src/test/resources/onnx/mobilenet_v2_1.0_224_int8_per_tensor.onnx";
        Cli none = Cli.run("iso-area", "--trace", model, "--bandwidths", "unlimited", "--out", dir.resolve("x").toString());
        assertThat(none.code()).isEqualTo(2);
        assertThat(none.err()).contains("(--dim unk__1590=N; in a sweep spec, dims: {unk__1590: N})");
        Cli c = Cli.run("iso-area", "--trace", model, "--dim", "unk__1590=1", "--precisions", "int8,int4",
                "--bandwidths", "unlimited", "--out", dir.resolve("onnx").toString());
        assertThat(c.code()).as(c.err()).isZero();
        assertThat(c.out()).contains("int4-pact at unlimited");
        Cli two = Cli.run("simulate", "--arch", "tpu-v1", "--trace", "src/test/resources/onnx/all-minilm-l6-v2-q.onnx");
        assertThat(two.code()).isEqualTo(2);
        assertThat(two.err().strip()).endsWith("expected values for the unknown dimensions \"batch_size\","
                + " \"sequence_length\" (--dim batch_size=N --dim sequence_length=N; in a sweep spec, dims: {batch_size: N,"
                + " sequence_length: N}), found none");
    }
}
