package org.pactsim.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.pactsim.sim.Simulation;
import org.pactsim.spec.AcceleratorSpec;
import org.pactsim.spec.ArraySpec;
import org.pactsim.spec.Dataflow;
import org.pactsim.spec.DramSpec;
import org.pactsim.spec.FoldOverlap;
import org.pactsim.spec.NumberType;
import org.pactsim.spec.OsDrain;
import org.pactsim.spec.PeSpec;
import org.pactsim.spec.SramSpec;
import org.pactsim.testing.Seeds;
import org.pactsim.workload.Bits;
import org.pactsim.workload.MatMulLayer;
import org.pactsim.workload.Network;

/**
 * {@code array.foldOverlap: pipelined} in the fold engine and the memory model: hand-worked
 * periods, never slower than non-overlapped folds, SCALE-Sim's numbers untouched, and the memory
 * model's one-tile layer equal to the fold engine's cycles.
 */
class FoldOverlapTest {
    static AcceleratorSpec acc(ArraySpec array, Dataflow d, int cores, long sramKiB) {
        return new AcceleratorSpec("fo", array, d, cores, 1000, new PeSpec(8, 8, NumberType.INT, 32),
                SramSpec.split(sramKiB, sramKiB, sramKiB), DramSpec.UNLIMITED, 45);
    }

    static MatMulLayer gemm(long m, long n, long k) {
        return new MatMulLayer("g", MatMulLayer.Kind.LINEAR, 1, m, n, k, Bits.INT8, List.of());
    }

    static long cycles(int r, int c, FoldOverlap o, Dataflow d, long m, long n, long k) {
        return FoldEngine.run(acc(new ArraySpec(r, c, 0, OsDrain.OVERLAPPED, o), d, 1, 4096), gemm(m, n, k),
                TimingModel.PACTSIM).cycles();
    }

    /**
     * 4 x 4 WS array, T = M = 5, N = 4 (one column fold), K = 8 or 12 (2 or 3 row folds), span
     * {@code P = T + R + C - 2 = 11}. Not overlapped: the first preload R, then a fold every P:
     * {@code 4 + 2*11 = 26}, {@code 4 + 3*11 = 37}. Pipelined: PE (i, j) takes the next fold's
     * weights when its first slot arrives, so a fold issues every {@code max(T, R) = 5} cycles and
     * the last one runs its whole span: {@code 4 + 5 + 11 = 20}, {@code 4 + 2*5 + 11 = 25}. With
     * T = 3 < R the next weights need R = 4 cycles to shift in: {@code 4 + 4 + 9 = 17}
     * (against {@code 4 + 2*9 = 22}). IS is the same with N temporal. OS 8 x 8, M = N = 16,
     * K = T = 3: four folds of P = 17 and the last drain R = 8 ({@code 4*17 + 8 = 76});
     * pipelined, each PE captures its result on its own last MAC and a column's drain is busy
     * {@code 2R - 1 = 15} cycles: {@code 3*15 + 17 + 8 = 70}. A tall OS array where
     * {@code 2R - 1 > P} keeps the non-overlapped period: 16 x 2, M = 32, N = 4, T = 3,
     * {@code P = 19 < 31}: {@code 4*19 + 16 = 92} either way.
     */
    @Test
    void handWorked() {
        assertThat(cycles(4, 4, FoldOverlap.NONE, Dataflow.WS, 5, 4, 8)).isEqualTo(26);
        assertThat(cycles(4, 4, FoldOverlap.PIPELINED, Dataflow.WS, 5, 4, 8)).isEqualTo(20);
        assertThat(cycles(4, 4, FoldOverlap.NONE, Dataflow.WS, 5, 4, 12)).isEqualTo(37);
        assertThat(cycles(4, 4, FoldOverlap.PIPELINED, Dataflow.WS, 5, 4, 12)).isEqualTo(25);
        assertThat(cycles(4, 4, FoldOverlap.NONE, Dataflow.WS, 3, 4, 8)).isEqualTo(22);
        assertThat(cycles(4, 4, FoldOverlap.PIPELINED, Dataflow.WS, 3, 4, 8)).isEqualTo(17);
        assertThat(cycles(4, 4, FoldOverlap.PIPELINED, Dataflow.IS, 4, 5, 8)).isEqualTo(20);
        assertThat(cycles(8, 8, FoldOverlap.NONE, Dataflow.OS, 16, 16, 3)).isEqualTo(76);
        assertThat(cycles(8, 8, FoldOverlap.PIPELINED, Dataflow.OS, 16, 16, 3)).isEqualTo(70);
        assertThat(cycles(16, 2, FoldOverlap.NONE, Dataflow.OS, 32, 4, 3)).isEqualTo(92);
        assertThat(cycles(16, 2, FoldOverlap.PIPELINED, Dataflow.OS, 32, 4, 3)).isEqualTo(92);
    }

    /** 128 x 128 WS: the fold period falls from {@code T + 254} to {@code max(T, 128)}. */
    @Test
    void tpuSizedPeriod() {
        org.pactsim.mapping.FoldGeometry g = new org.pactsim.mapping.FoldGeometry(Dataflow.WS, 128, 128, 128, 128,
                203, 1, 1, 128, 128);
        assertThat(FoldTiming.period(g, Quirks.NONE, 0, OsDrain.OVERLAPPED, FoldOverlap.NONE)).isEqualTo(203 + 254);
        assertThat(FoldTiming.period(g, Quirks.NONE, 0, OsDrain.OVERLAPPED, FoldOverlap.PIPELINED)).isEqualTo(203);
        assertThat(FoldTiming.period(g, Quirks.SCALESIM, 0, OsDrain.OVERLAPPED, FoldOverlap.PIPELINED))
                .isEqualTo(FoldTiming.period(g, Quirks.SCALESIM, 0, OsDrain.OVERLAPPED, FoldOverlap.NONE));
    }

    private record Case(ArraySpec array, Dataflow d, int cores, long m, long n, long k) {
        static Case draw(long seed) {
            SplittableRandom r = new SplittableRandom(seed);
            ArraySpec a = new ArraySpec(1 + r.nextInt(48), 1 + r.nextInt(48), r.nextInt(4),
                    OsDrain.values()[r.nextInt(OsDrain.values().length)], FoldOverlap.NONE);
            return new Case(a, Dataflow.values()[r.nextInt(3)], 1 + r.nextInt(4), 1 + r.nextInt(300),
                    1 + r.nextInt(300), 1 + r.nextInt(300));
        }
    }

    /**
     * Pipelined folds never cost cycles, in the fold engine and in the memory model with
     * unlimited bandwidth; SCALE-Sim's model ignores the key.
     */
    @Test
    void pipelinedNeverSlower() {
        Seeds.qt(300).forAll(longs().all()).checkAssert(seed -> {
            Case c = Case.draw(seed);
            AcceleratorSpec none = acc(c.array(), c.d(), c.cores(), 64);
            AcceleratorSpec pipe = acc(c.array().withFoldOverlap(FoldOverlap.PIPELINED), c.d(), c.cores(), 64);
            MatMulLayer l = gemm(c.m(), c.n(), c.k());
            assertThat(FoldEngine.run(pipe, l, TimingModel.PACTSIM).cycles()).as("%s", c)
                    .isLessThanOrEqualTo(FoldEngine.run(none, l, TimingModel.PACTSIM).cycles());
            assertThat(FoldEngine.run(pipe, l, TimingModel.SCALESIM)).as("%s", c)
                    .isEqualTo(FoldEngine.run(none, l, TimingModel.SCALESIM));
            Network net = new Network("n", List.of(l));
            assertThat(Simulation.run(pipe, net, TimingModel.PACTSIM).cycles()).as("%s", c)
                    .isLessThanOrEqualTo(Simulation.run(none, net, TimingModel.PACTSIM).cycles());
        });
    }

    /** With the layer on chip in one tile the memory model takes the fold engine's cycles. */
    @Test
    void oneTileTakesTheFoldEnginesCycles() {
        Seeds.qt(300).forAll(longs().all()).checkAssert(seed -> {
            Case c = Case.draw(seed);
            AcceleratorSpec a = acc(c.array().withFoldOverlap(FoldOverlap.PIPELINED), c.d(), 1, 4096);
            MatMulLayer l = gemm(Math.min(c.m(), 80), Math.min(c.n(), 80), Math.min(c.k(), 80));
            assertThat(Simulation.run(a, new Network("n", List.of(l)), TimingModel.PACTSIM).cycles()).as("%s", c)
                    .isEqualTo(FoldEngine.run(a, l, TimingModel.PACTSIM).cycles());
        });
    }
}
