package org.pactsim.rtl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pactsim.spec.AcceleratorSpec;
import org.pactsim.spec.Dataflow;
import org.pactsim.spec.OsDrain;

/** The core synthesizes with yosys, with the flip-flops the design has. Skipped without yosys. */
@Tag("rtl")
class SynthesisTest {
    @TempDir
    Path tmp;

    @BeforeEach
    void needsYosys() {
        Assumptions.assumeTrue(Synthesis.installed(), "yosys is not installed: the synthesis test is skipped");
    }

    private Synthesis.Result synth(int lm, String name) throws IOException {
        AcceleratorSpec acc = RtlCases.acc(2, 2, Dataflow.OS, lm, OsDrain.OVERLAPPED, 8, 8, 32, 1);
        Path d = Files.createDirectory(tmp.resolve(name));
        RtlCheck.generate(acc, RtlCases.gemm(3, 3, 3, 1), 1, false, d);
        Synthesis.Result r = Synthesis.run(d);
        assertThat(r.completed()).as(r.log()).isTrue();
        return r;
    }

    @Test
    void flipFlopsOfATwoByTwoOsArray() throws IOException {
        // Per OS PE: operands passed on, 8 + 1 + 1 (left: value, valid, last) and 8 + 1 (top),
        // accumulator 32, shadow 32 + 1: 84; and each column's output register, 32 + 1.
        // yosys keeps only registers someone reads: the right column's left operands (10 each)
        // and the bottom row's top operands (9 each) go, and so does the last flag of the left
        // column (only the wavefront drain reads it): 4 * 84 - 2 * 10 - 2 * 9 - 2 + 2 * 33 = 362.
        Synthesis.Result r0 = synth(0, "lm0");
        assertThat(r0.flipFlops()).isEqualTo(362);
        assertThat(r0.cells()).isGreaterThan(r0.flipFlops());
        // Two multiplier stages: per PE and stage a registered product and its valid flag. An
        // 8 x 8 signed product has 16 significant bits; the upper 16 of the 32-bit register copy
        // bit 15 and are merged into it: 4 PEs * 2 stages * (16 + 1) = 136 more.
        Synthesis.Result r2 = synth(2, "lm2");
        assertThat(r2.flipFlops() - r0.flipFlops()).isEqualTo(136);
    }

    @Test
    void flipFlopsOfATwoByTwoPipelinedWsArray() throws IOException {
        // Per pipelined WS PE (pactsim_pe_pl): the streamed operand passed on with its valid and
        // first-slot flags, 8 + 1 + 1; the partial sum passed down, 32 + 1; shadow and working
        // stationary registers with their valid flags, 2 * (8 + 1) (the area model's two copies);
        // the shift-state flag, 1: 62. Unread and dropped: the right column's streamed operands
        // (10 each): 4 * 62 - 2 * 10 = 228.
        AcceleratorSpec acc = RtlCases.pipelined(2, 2, Dataflow.WS, 0, 8, 8, 32, 1);
        Path d = Files.createDirectory(tmp.resolve("pl"));
        RtlCheck.generate(acc, RtlCases.gemm(3, 3, 3, 1), 1, false, d);
        assertThat(Files.readString(d.resolve(Synthesis.SCRIPT))).contains("-set PIPE 1");
        Synthesis.Result r = Synthesis.run(d);
        assertThat(r.completed()).as(r.log()).isTrue();
        assertThat(r.flipFlops()).as(r.log()).isEqualTo(228);
    }
}
