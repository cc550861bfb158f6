package org.pactsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * No design refused for want of a tile (issue 17): the runs the audit found refused ("expected
 * room for one element of each operand, double-buffered, found buffers too small") at their
 * low-bit designs, although each has 16 MiB of SRAM, and the main job on every zoo CNN, run
 * to the end with every design priced.
 */
class IsoAreaRunsEverywhereTest {
    @TempDir
    Path tmp;

    static Stream<Arguments> runs() {
        return Stream.of(
                Arguments.of("64 cores of 32x32, 256 KiB each",
                        List.of("--set", "cores=64", "--set", "array.rows=32", "--set", "array.cols=32", "--set",
                                "sram.unifiedKiB=256")),
                Arguments.of("16 cores of 32x32, 1 MiB each, batch 32",
                        List.of("--set", "cores=16", "--set", "sram.unifiedKiB=1024", "--batch", "32", "--set",
                                "array.rows=32", "--set", "array.cols=32")),
                Arguments.of("16 cores of 64x64, 1 MiB each, batch 32",
                        List.of("--set", "cores=16", "--set", "sram.unifiedKiB=1024", "--batch", "32", "--set",
                                "array.rows=64", "--set", "array.cols=64")),
                Arguments.of("alexnet", List.of("--network", "alexnet")),
                Arguments.of("vgg16", List.of("--network", "vgg16")),
                Arguments.of("resnet18", List.of("--network", "resnet18")),
                Arguments.of("resnet34", List.of("--network", "resnet34")),
                Arguments.of("mobilenet-v1", List.of("--network", "mobilenet-v1")),
                Arguments.of("mobilenet-v2", List.of("--network", "mobilenet-v2")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("runs")
    void theStudyRunsToTheEnd(String name, List<String> args) {
        List<String> a = new ArrayList<>(List.of("iso-area", "--format", "csv", "--out", tmp.resolve("r").toString()));
        a.addAll(args);
        Cli c = Cli.run(a.toArray(new String[0]));
        assertThat(c.code()).as(name + ": " + c.err()).isZero();
        // a header and 4 precisions x 3 bandwidths, each priced
        List<String> rows = c.out().lines().filter(l -> !l.isBlank()).toList();
        assertThat(rows).hasSize(13);
        assertThat(rows.subList(1, rows.size())).allSatisfy(r -> assertThat(r).doesNotContain("NaN"));
    }

    /**
     * A design that truly cannot run is named: two fc layers of 6.25e12 weight bytes each at the
     * slowest DRAM and a 1 THz clock overflow 2^63-1 cycles; the one-line error says which design.
     */
    @org.junit.jupiter.api.Test
    void aDesignThatCannotRunIsNamed() throws java.io.IOException {
        Path trace = tmp.resolve("huge.csv");
        java.nio.file.Files.writeString(trace, String.join("\n",
                "name,type,inputs,batch,inH,inW,inC,outC,kH,kW,strideH,strideW,padH,padW,groups,bias,m,n,k,learned,"
                        + "weightBits,activationBits,outputBits,numberType",
                "f1,fc,,1,,,2500000,2500000,,,,,,,,false,1,,,,8,8,8,int",
                "f2,fc,,1,,,2500000,2500000,,,,,,,,false,1,,,,8,8,8,int", ""));
        Cli c = Cli.run("iso-area", "--trace", trace.toString(), "--bandwidths", "0.001", "--set", "clockMhz=1000000",
                "--batch", "1", "--scale", "cores", "--out", tmp.resolve("out").toString());
        assertThat(c.code()).isEqualTo(2);
        assertThat(c.err().strip()).doesNotContain("\n")
                .contains("design int16 at 0.001 GB/s (4 cores of 128x128, 4096 KiB unified per core)")
                .contains("exceeds 2^63-1");
        // the search names the design it was running (a candidate, at the bandwidth it ran)
        Cli best = Cli.run("iso-area", "--trace", trace.toString(), "--bandwidths", "0.001", "--set", "clockMhz=1000000",
                "--batch", "1", "--out", tmp.resolve("out2").toString());
        assertThat(best.code()).isEqualTo(2);
        assertThat(best.err().strip()).doesNotContain("\n").containsPattern("design int16 at [^(]+ \\(\\d+ cores of \\d+x\\d+")
                .contains("exceeds 2^63-1");
    }
}
