package org.pactsim.rtl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.pactsim.spec.AcceleratorSpec;
import org.pactsim.spec.ArraySpec;
import org.pactsim.spec.Dataflow;
import org.pactsim.spec.FoldOverlap;
import org.pactsim.spec.DramSpec;
import org.pactsim.spec.NumberType;
import org.pactsim.spec.OsDrain;
import org.pactsim.spec.PeSpec;
import org.pactsim.spec.SramSpec;
import org.pactsim.workload.Bits;
import org.pactsim.workload.MatMulLayer;

/** Accelerators and GEMMs for the RTL tests. */
final class RtlCases {
    private RtlCases() {
    }

    static AcceleratorSpec acc(int rows, int cols, Dataflow d, int lm, OsDrain drain, int wb, int ab, int accb,
                               int cores) {
        return new AcceleratorSpec("rtl", new ArraySpec(rows, cols, lm, drain), d, cores, 1000,
                new PeSpec(wb, ab, NumberType.INT, accb), SramSpec.split(64, 64, 64), DramSpec.UNLIMITED, 45);
    }

    /** The same array with pipelined folds (OS: the given drain style when it is faster). */
    static AcceleratorSpec pipelined(int rows, int cols, Dataflow d, int lm, int wb, int ab, int accb, int cores) {
        return pipelined(rows, cols, d, lm, OsDrain.OVERLAPPED, wb, ab, accb, cores);
    }

    static AcceleratorSpec pipelined(int rows, int cols, Dataflow d, int lm, OsDrain drain, int wb, int ab, int accb,
                                     int cores) {
        AcceleratorSpec a = acc(rows, cols, d, lm, drain, wb, ab, accb, cores);
        return a.withArray(a.array().withFoldOverlap(FoldOverlap.PIPELINED));
    }

    static MatMulLayer gemm(int m, int n, int k, int count) {
        return new MatMulLayer("g", MatMulLayer.Kind.LINEAR, count, m, n, k, Bits.INT8, List.of());
    }

    static Path tempDir() {
        try {
            return Files.createTempDirectory("pactsim-rtl-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The schedule {@link RtlCheck#generate} writes, for tests that look inside it. */
    static RtlSchedule schedule(AcceleratorSpec acc, MatMulLayer l, boolean serial, long seed, long period) {
        org.pactsim.workload.Gemm gemm = l.lower(org.pactsim.workload.OutputRounding.FLOOR);
        org.pactsim.mapping.FoldGeometry g = org.pactsim.mapping.FoldGeometry.of(acc.dataflow(), gemm, acc.array());
        RtlDesign d = RtlDesign.of(acc, serial ? new org.pactsim.engine.Quirks(false, false, true, false, false, false,
                false) : org.pactsim.engine.Quirks.NONE, g);
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(seed);
        List<Operands> gemms = new java.util.ArrayList<>();
        for (int i = 0; i < gemm.repeat(); i++) {
            gemms.add(new Operands((int) gemm.m(), (int) gemm.n(), (int) gemm.k(), acc.pe().activationBits(),
                    acc.pe().weightBits(), rnd));
        }
        List<RtlSchedule.Fold> folds = RtlSchedule.folds(g, (int) gemm.repeat(), acc.cores());
        return period > 0 ? RtlSchedule.withPeriod(d, g, folds, gemms, period) : RtlSchedule.build(d, g, folds, gemms);
    }
}
