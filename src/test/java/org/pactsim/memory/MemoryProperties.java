package org.pactsim.memory;

import org.pactsim.testing.Seeds;
import org.junit.jupiter.api.Test;
import java.util.SplittableRandom;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.pactsim.spec.AcceleratorSpec;
import org.pactsim.spec.ArraySpec;
import org.pactsim.spec.Dataflow;
import org.pactsim.spec.DramSpec;
import org.pactsim.spec.PeSpec;
import org.pactsim.spec.SramSpec;
import org.pactsim.workload.Bits;
import org.pactsim.workload.ConvLayer;
import org.pactsim.workload.Layer;
import org.pactsim.workload.MatMulLayer;
import org.pactsim.workload.Network;

/** Monotonicity and bounds of the memory model over random layers and accelerators. */
class MemoryProperties {

    record Case(Layer layer, int rows, int cols, Dataflow df, long ifKiB, long fKiB, long oKiB, boolean unified, int cores) {
        AcceleratorSpec acc(double gbps) {
            SramSpec s = unified ? SramSpec.unified(ifKiB + fKiB + oKiB) : SramSpec.split(ifKiB, fKiB, oKiB);
            return new AcceleratorSpec("p", new ArraySpec(rows, cols), df, cores, 700, PeSpec.INT8, s,
                    Double.isInfinite(gbps) ? DramSpec.UNLIMITED : new DramSpec(gbps), 28);
        }

        Case withSram(long f) {
            return new Case(layer, rows, cols, df, ifKiB * f, fKiB * f, oKiB * f, unified, cores);
        }
    }

    static Layer layers(SplittableRandom r) {
        if (r.nextInt(2) == 0) {
            int h = Seeds.between(r, 3, 56);
            int ci = Seeds.between(r, 1, 256);
            int co = Seeds.between(r, 1, 256);
            int k = Seeds.pick(r, 1, 3, 5);
            int s = Seeds.pick(r, 1, 2);
            int b = Seeds.pick(r, 2, 4, 8, 16);
            return new ConvLayer("c", 1, h, h, ci, co, Math.min(k, h), Math.min(k, h), s, s, k / 2, k / 2, 1,
                    new Bits(b, b, b), List.of());
        }
        int m = Seeds.between(r, 1, 512);
        int n = Seeds.between(r, 1, 2048);
        int k = Seeds.between(r, 1, 2048);
        int b = Seeds.pick(r, 2, 4, 8, 16);
        return new MatMulLayer("f", MatMulLayer.Kind.LINEAR, 1, m, n, k, new Bits(b, b, b), List.of());
    }

    static Case cases(SplittableRandom r) {
        return new Case(layers(r), Seeds.pick(r, 4, 8, 16, 32), Seeds.pick(r, 4, 8, 16, 32),
                Seeds.pick(r, Dataflow.values()), Seeds.pick(r, 2L, 8L, 32L, 128L), Seeds.pick(r, 2L, 8L, 32L, 128L),
                Seeds.pick(r, 4L, 16L, 64L), r.nextBoolean(), 1);
    }

    static LayerMemory run(Case c, double gbps) {
        return MemoryModel.run(c.acc(gbps), new Network("n", List.of(c.layer())), MemoryOptions.FIRST_INFERENCE).get(0);
    }

    static long traffic(LayerMemory m) {
        return m.dramReadBytes() + m.dramWriteBytes();
    }

    /** Each input, weight and output crosses the interface at least once (single layer, cold). */
    static long compulsory(Layer l) {
        long out;
        long in;
        long w;
        if (l instanceof ConvLayer c) {
            in = Packing.bytes(c.batch() * c.inH() * c.inW() * c.inC(), l.bits().activation());
            w = Packing.bytes(c.weightCount(), l.bits().weight());
            out = Packing.bytes(c.batch() * c.outH(org.pactsim.workload.OutputRounding.FLOOR)
                    * c.outW(org.pactsim.workload.OutputRounding.FLOOR) * c.outC(), l.bits().output());
        } else {
            MatMulLayer m = (MatMulLayer) l;
            in = Packing.bytes(m.m() * m.k(), l.bits().activation());
            w = Packing.bytes(m.k() * m.n(), l.bits().weight());
            out = Packing.bytes(m.m() * m.n(), l.bits().output());
        }
        return in + w + out;
    }

    @Test
    void unlimitedBandwidthNeverStalls() {
        Seeds.repeat("MemoryProperties.unlimitedBandwidthNeverStalls", 150, r -> unlimitedBandwidthNeverStallsCase(cases(r)));
    }

    private void unlimitedBandwidthNeverStallsCase(Case c) {
        LayerMemory m = run(c, Double.POSITIVE_INFINITY);
        assertThat(m.stallCycles()).isZero();
        assertThat(m.cycles()).isEqualTo(m.computeCycles());
    }

    @Test
    void moreBandwidthNeverMoreCycles() {
        Seeds.repeat("MemoryProperties.moreBandwidthNeverMoreCycles", 150, r -> moreBandwidthNeverMoreCyclesCase(cases(r), Seeds.between(r, 1, 64)));
    }

    private void moreBandwidthNeverMoreCyclesCase(Case c, int gbps) {
        assertThat(run(c, 2.0 * gbps).cycles()).isLessThanOrEqualTo(run(c, gbps).cycles());
        assertThat(run(c, Double.POSITIVE_INFINITY).cycles()).isLessThanOrEqualTo(run(c, 2.0 * gbps).cycles());
    }

    @Test
    void moreBandwidthNeverMoreCyclesWithSeveralCores() {
        Seeds.repeat("MemoryProperties.moreBandwidthNeverMoreCyclesWithSeveralCores", 100, r -> moreBandwidthNeverMoreCyclesWithSeveralCoresCase(cases(r), Seeds.between(r, 2, 4), Seeds.between(r, 1, 64)));
    }

    private void moreBandwidthNeverMoreCyclesWithSeveralCoresCase(Case c, int cores, int gbps) {
        Case m = new Case(c.layer(), c.rows(), c.cols(), c.df(), c.ifKiB(), c.fKiB(), c.oKiB(), c.unified(), cores);
        assertThat(run(m, 2.0 * gbps).cycles()).isLessThanOrEqualTo(run(m, gbps).cycles());
        assertThat(run(m, Double.POSITIVE_INFINITY).cycles()).isLessThanOrEqualTo(run(m, 2.0 * gbps).cycles());
    }

    @Test
    void moreSramNeverMoreTraffic() {
        Seeds.repeat("MemoryProperties.moreSramNeverMoreTraffic", 150, r -> moreSramNeverMoreTrafficCase(cases(r), Seeds.between(r, 2, 8)));
    }

    private void moreSramNeverMoreTrafficCase(Case c, int factor) {
        assertThat(traffic(run(c.withSram(factor), 16))).isLessThanOrEqualTo(traffic(run(c, 16)));
    }

    @Test
    void trafficAtLeastCompulsoryAndEqualWhenEverythingFits() {
        Seeds.repeat("MemoryProperties.trafficAtLeastCompulsoryAndEqualWhenEverythingFits", 150, r -> trafficAtLeastCompulsoryAndEqualWhenEverythingFitsCase(cases(r)));
    }

    private void trafficAtLeastCompulsoryAndEqualWhenEverythingFitsCase(Case c) {
        long compulsory = compulsory(c.layer());
        assertThat(traffic(run(c, 16))).isGreaterThanOrEqualTo(compulsory);
        Case huge = new Case(c.layer(), c.rows(), c.cols(), c.df(), 1L << 20, 1L << 20, 1L << 20, c.unified(), 1);
        assertThat(traffic(run(huge, 16))).isEqualTo(compulsory);
    }

    @Test
    void fewerBitsNeverMoreTraffic() {
        Seeds.repeat("MemoryProperties.fewerBitsNeverMoreTraffic", 150, r -> fewerBitsNeverMoreTrafficCase(cases(r)));
    }

    private void fewerBitsNeverMoreTrafficCase(Case c) {
        Layer l = c.layer();
        int b = l.bits().weight();
        if (b <= 2) {
            return;
        }
        Bits half = new Bits(b / 2, b / 2, b / 2);
        Layer narrower = l instanceof ConvLayer cv
                ? new ConvLayer("c", cv.batch(), cv.inH(), cv.inW(), cv.inC(), cv.outC(), cv.kH(), cv.kW(), cv.strideH(),
                        cv.strideW(), cv.padH(), cv.padW(), cv.groups(), half, List.of())
                : new MatMulLayer("f", MatMulLayer.Kind.LINEAR, 1, ((MatMulLayer) l).m(), ((MatMulLayer) l).n(),
                        ((MatMulLayer) l).k(), half, List.of());
        Case n = new Case(narrower, c.rows(), c.cols(), c.df(), c.ifKiB(), c.fKiB(), c.oKiB(), c.unified(), c.cores());
        assertThat(traffic(run(n, 16))).isLessThanOrEqualTo(traffic(run(c, 16)));
    }
}
