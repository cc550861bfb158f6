package org.pactsim.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.pactsim.mapping.FoldGeometry;
import org.pactsim.spec.ArraySpec;
import org.pactsim.spec.Dataflow;
import org.pactsim.spec.OsDrain;
import org.pactsim.workload.Gemm;

/**
 * The multiplier pipeline and the OS drain styles in {@code FoldTiming}, worked by hand. The
 * Verilog array checks the same figures cycle by cycle ({@code rtl.RtlSimulationTest}).
 */
class FoldTimingRtlKeysTest {
    private static FoldGeometry g(Dataflow d, int rows, int cols, long m, long n, long k) {
        return FoldGeometry.of(d, new Gemm(m, n, k, 1), new ArraySpec(rows, cols));
    }

    @Test
    void wavefrontDrainHazardOnATallNarrowArray() {
        // 8 x 2 OS array, M = 24, N = 2, K = 3: 3 row folds of T = 3; P = 3 + 8 + 2 - 2 = 11.
        // T + C = 5 < R + 1 = 9: a column's chain is busy 2R - 1 = 15 cycles, so the period is 15.
        FoldGeometry os = g(Dataflow.OS, 8, 2, 24, 2, 3);
        assertThat(FoldTiming.span(os)).isEqualTo(11);
        assertThat(FoldTiming.period(os, Quirks.NONE, 0, OsDrain.WAVEFRONT)).isEqualTo(15);
        // (F - 1) * 15 + P + R = 30 + 11 + 8
        assertThat(FoldTiming.cycles(os, 3, Quirks.NONE, 0, OsDrain.WAVEFRONT)).isEqualTo(49);
        // the fold-wide switch has no hazard: F * P + R = 33 + 8; serial: F * (P + R) = 57
        assertThat(FoldTiming.cycles(os, 3, Quirks.NONE, 0, OsDrain.OVERLAPPED)).isEqualTo(41);
        assertThat(FoldTiming.cycles(os, 3, Quirks.NONE, 0, OsDrain.SERIAL)).isEqualTo(57);
        // LM = 2: P = 13, still < 15: 30 + 13 + 8; overlapped 3 * 13 + 8
        assertThat(FoldTiming.cycles(os, 3, Quirks.NONE, 2, OsDrain.WAVEFRONT)).isEqualTo(51);
        assertThat(FoldTiming.cycles(os, 3, Quirks.NONE, 2, OsDrain.OVERLAPPED)).isEqualTo(47);
        // LM = 4: T + C + LM = 9 = R + 1, P = 15 = 2R - 1: the hazard is just gone
        assertThat(FoldTiming.period(os, Quirks.NONE, 4, OsDrain.WAVEFRONT)).isEqualTo(15);
        assertThat(FoldTiming.period(os, Quirks.NONE, 4, OsDrain.OVERLAPPED)).isEqualTo(15);
        assertThat(FoldTiming.period(os, Quirks.NONE, 3, OsDrain.WAVEFRONT)).isEqualTo(15);
        assertThat(FoldTiming.period(os, Quirks.NONE, 3, OsDrain.OVERLAPPED)).isEqualTo(14);
    }

    @Test
    void multiplierStagesAddExactlyLmPerFoldWithoutHazard() {
        for (Dataflow d : Dataflow.values()) {
            FoldGeometry geo = g(d, 4, 4, 10, 9, 11);
            for (Quirks q : new Quirks[] {Quirks.NONE, Quirks.SCALESIM}) {
                for (OsDrain dr : OsDrain.values()) {
                    long base = FoldTiming.cycles(geo, 7, q, 0, dr);
                    for (int lm = 1; lm <= 3; lm++) {
                        assertThat(FoldTiming.cycles(geo, 7, q, lm, dr) - base).as(d + " " + dr + " " + q)
                                .isEqualTo(7L * lm);
                    }
                }
            }
        }
    }

    @Test
    void theOldSignatureIsLmZeroAndTheOverlappedDrain() {
        for (Dataflow d : Dataflow.values()) {
            FoldGeometry geo = g(d, 8, 2, 24, 5, 3);
            for (Quirks q : new Quirks[] {Quirks.NONE, Quirks.SCALESIM,
                new Quirks(false, false, true, false, false, false, false)}) {
                assertThat(FoldTiming.cycles(geo, 5, q)).isEqualTo(FoldTiming.cycles(geo, 5, q, 0, OsDrain.OVERLAPPED));
            }
        }
    }
}
