package org.pactsim.engine;

import org.pactsim.testing.Seeds;
import java.util.SplittableRandom;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pactsim.spec.Dataflow;
import org.pactsim.workload.Bits;
import org.pactsim.workload.ConvLayer;
import org.pactsim.workload.Layer;
import org.pactsim.workload.MatMulLayer;

/**
 * The fold-level arithmetic of {@link ScaleSimAccess} against {@link ScaleSimNaiveModel}, which
 * serves SCALE-Sim's demand rows one request at a time. Buffers are a few hundred to a few
 * thousand words, so that read groups fill and the write buffer drains many times inside small
 * layers; windows run past the input edge whenever SCALE-Sim's rounded-up output size says so.
 */
class ScaleSimAccessModelTest {

    /** A layer in SCALE-Sim's form: {h, w, ch, fh, fw, sh, sw, n}, or a GEMM row as such a conv. */
    record Shape(int h, int w, int ch, int fh, int fw, int sh, int sw, int n, boolean gemm) {
        Layer layer() {
            if (gemm) {
                return new MatMulLayer("g", MatMulLayer.Kind.LINEAR, 1, h, n, fw, Bits.INT8, List.of());
            }
            return new ConvLayer("c", 1, h, w, ch, n, fh, fw, sh, sw, 0, 0, 1, Bits.INT8, List.of());
        }
    }

    static Shape shapes(SplittableRandom r) {
        if (r.nextInt(5) < 4) {
            int h = Seeds.between(r, 1, 12);
            int w = Seeds.between(r, 1, 12);
            int c = Seeds.between(r, 1, 6);
            int fh = Seeds.between(r, 1, 4);
            int fw = Seeds.between(r, 1, 4);
            int sh = Seeds.between(r, 1, 3);
            int sw = Seeds.between(r, 1, 3);
            int nn = Seeds.between(r, 1, 12);
            return new Shape(h, w, c, Math.min(fh, h), Math.min(fw, w), sh, sw, nn, false);
        }
        int m = Seeds.between(r, 1, 40);
        int k = Seeds.between(r, 1, 40);
        int nn = Seeds.between(r, 1, 12);
        return new Shape(m, k, 1, 1, k, 1, 1, nn, true);
    }

    static long readWords(SplittableRandom r) {
        return r.nextInt(6) < 5 ? Seeds.between(r, 100L, 3000L) : 1L << 20;
    }

    @Test
    void everyFigureEqualsTheRequestByRequestModel() {
        Seeds.repeat("ScaleSimAccessModelTest.everyFigureEqualsTheRequestByRequestModel", 250, r -> everyFigureEqualsTheRequestByRequestModelCase(shapes(r), Seeds.pick(r, Dataflow.values()), Seeds.between(r, 1, 8), Seeds.between(r, 1, 8), readWords(r), readWords(r), Seeds.between(r, 2, 3000)));
    }

    private void everyFigureEqualsTheRequestByRequestModelCase(Shape s, Dataflow df, int rows, int cols, long ifWords, long fWords, int oWords) {
        Layer layer = s.layer();
        LayerResult r = FoldEngine.run(EngineInvariantsProperties.acc(rows, cols, df, 1), layer, TimingModel.SCALESIM);
        ScaleSimNaiveModel.Result want = new ScaleSimNaiveModel(df, rows, cols, s.h(), s.w(), s.ch(), s.fh(), s.fw(),
                s.sh(), s.sw(), s.n()).run(ifWords, fWords, oWords);
        ScaleSimAccess got = ScaleSimAccess.exact(layer, r, ifWords, fWords, oWords);

        assertThat(got).isNotNull();
        assertThat(got.exact()).isTrue();
        assertThat(r.cycles()).isEqualTo(want.cycles());
        assertThat(figures(got)).containsExactly(want.detail());
        ScaleSimUtilization u = ScaleSimUtilization.of(r);
        assertThat(u.mappingEfficiency()).isEqualTo(want.mappingMean());
        assertThat(u.computeUtil()).isEqualTo(want.computeMean());
    }

    /**
     * Under OS and WS every column fold replays the ifmap blocks; once a pass ends in the
     * state the previous one ended in, later passes are extrapolated, not run. Many column
     * folds (few array columns, many filters) and small read buffers make that happen.
     */
    @Test
    void repeatedPassesAreExtrapolatedExactly() {
        Seeds.repeat("ScaleSimAccessModelTest.repeatedPassesAreExtrapolatedExactly", 150, r -> repeatedPassesAreExtrapolatedExactlyCase(Seeds.between(r, 4, 10), Seeds.between(r, 1, 4), Seeds.between(r, 2, 3), Seeds.between(r, 1, 2), Seeds.between(r, 8, 40), r.nextBoolean(), Seeds.between(r, 1, 6), Seeds.between(r, 1, 3), Seeds.between(r, 100, 300)));
    }

    private void repeatedPassesAreExtrapolatedExactlyCase(int hw, int ch, int f, int stride, int n, boolean os, int rows, int cols, int ifWords) {
        Shape s = new Shape(hw, hw, ch, f, f, stride, stride, n, false);
        Dataflow df = os ? Dataflow.OS : Dataflow.WS;
        Layer layer = s.layer();
        LayerResult r = FoldEngine.run(EngineInvariantsProperties.acc(rows, cols, df, 1), layer, TimingModel.SCALESIM);
        ScaleSimNaiveModel.Result want = new ScaleSimNaiveModel(df, rows, cols, hw, hw, ch, f, f, stride, stride, n)
                .run(ifWords, 1 << 20, 4096);
        assertThat(figures(ScaleSimAccess.exact(layer, r, ifWords, 1 << 20, 4096))).containsExactly(want.detail());
    }

    static long[] figures(ScaleSimAccess a) {
        return new long[] {a.ifmapSramStart(), a.ifmapSramStop(), a.ifmapSramReads(),
            a.filterSramStart(), a.filterSramStop(), a.filterSramReads(),
            a.ofmapSramStart(), a.ofmapSramStop(), a.ofmapSramWrites(),
            a.ifmapDramStart(), a.ifmapDramStop(), a.ifmapDramReads(),
            a.filterDramStart(), a.filterDramStop(), a.filterDramReads(),
            a.ofmapDramStart(), a.ofmapDramStop(), a.ofmapDramWrites()};
    }

    /**
     * Hand-worked: 9408 distinct ifmap words (7x7x192) on a 64 KiB buffer never fill a group
     * (sets of floor(65536/100) = 655 words, 50 to a group: 32750). They take ceil(9408/655) = 15
     * sets, loaded at 10 words a cycle before cycle 0: ceil(15*655/10) = 983 cycles, -983..-1.
     */
    @Test
    void aBufferThatNeverFillsLoadsBeforeCycleZero() {
        ScaleSimReadBuffer b = new ScaleSimReadBuffer(65536);
        assertThat(b.group).isEqualTo(32750);
        assertThat(b.finish(9408, 0)).isEqualTo(new DramWindow(-983, -1, 9408));
    }

    /**
     * Hand-worked: a group fills on rows 100 and 250 of a stream whose first request is on row 7.
     * The first group is loaded on the ceil(32750/10) = 3275 cycles before row 7; the last
     * group ends one cycle after the last fill; reads are two full groups plus the open one.
     */
    @Test
    void aBufferThatFillsEndsOneCycleAfterTheLastFill() {
        ScaleSimReadBuffer b = new ScaleSimReadBuffer(65536);
        b.trigger(100);
        b.trigger(250);
        assertThat(b.finish(17, 7)).isEqualTo(new DramWindow(7 - 3275, 251, 2 * 32750 + 17));
    }
}
