package org.pactsim.memory.reference;

import static java.lang.Math.multiplyExact;

import java.util.List;
import org.pactsim.engine.LayerRate;
import org.pactsim.memory.Capacity;
import org.pactsim.memory.GemmOperands;
import org.pactsim.memory.LayerMemory;
import org.pactsim.memory.MemoryModel;
import org.pactsim.memory.MemoryOptions;
import org.pactsim.memory.Packing;
import org.pactsim.memory.TilePipeline;
import org.pactsim.spec.AcceleratorSpec;
import org.pactsim.spec.ArraySpec;
import org.pactsim.spec.Dataflow;
import org.pactsim.spec.DramSpec;
import org.pactsim.spec.NumberType;
import org.pactsim.spec.OsDrain;
import org.pactsim.spec.PeSpec;
import org.pactsim.spec.PrecisionMode;
import org.pactsim.spec.SramSpec;
import org.pactsim.testing.Gens;
import org.pactsim.workload.Bits;
import org.pactsim.workload.ConvLayer;
import org.pactsim.workload.Gemm;
import org.pactsim.workload.Layer;
import org.pactsim.workload.MatMulLayer;
import org.pactsim.workload.Network;
import org.pactsim.workload.OutputRounding;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Small single-layer, single-core cases for the memory pipeline: GEMMs with M, N, K <= 64,
 * arrays up to 8 x 8 (some with multiplier stages and each OS drain style), SRAMs of a few KiB (so that layers take several tiles and every loop
 * order occurs), 8-bit PEs in every precision mode (so layers of other widths run at
 * fractional MAC rates), bandwidths from half a byte to 16 bytes per cycle and unlimited.
 */
final class SmallCases {
    private SmallCases() {
    }

    /** Clock of the small accelerators; GB/s = bytes per cycle * 0.7. */
    static final double MHZ = 700;

    record Case(Layer layer, ArraySpec array, Dataflow df, PrecisionMode mode, long aKiB, long bKiB, long cKiB,
                boolean unified, double gbps) {
        AcceleratorSpec acc() {
            SramSpec s = unified ? SramSpec.unified(aKiB + bKiB + cKiB) : SramSpec.split(aKiB, bKiB, cKiB);
            return new AcceleratorSpec("small", array, df, 1, MHZ,
                    new PeSpec(8, 8, NumberType.INT, 32, mode), s,
                    Double.isInfinite(gbps) ? DramSpec.UNLIMITED : new DramSpec(gbps), 28);
        }

        LayerMemory model() {
            return MemoryModel.run(acc(), new Network("n", List.of(layer)), MemoryOptions.FIRST_INFERENCE).get(0);
        }

        /**
         * The pipeline of the tiling the model chose, with the operands as the model sees a
         * single layer on one core: A from DRAM (the network input), B resident and loaded at
         * first use when all weights fit in the weight space, the output written (network output).
         */
        TilePipeline.Plan plan(LayerMemory lm) {
            AcceleratorSpec acc = acc();
            Gemm gemm = layer.lower(OutputRounding.FLOOR);
            long inElems = layer instanceof ConvLayer c ? c.batch() * c.inH() * c.inW() * c.inC()
                    : multiplyExact(multiplyExact(gemm.m(), gemm.k()), gemm.repeat());
            long aTensor = Packing.bits(inElems, layer.bits().activation()) / gemm.repeat();
            long bTensor = Packing.bits(multiplyExact(gemm.k(), gemm.n()), layer.bits().weight());
            GemmOperands ops = new GemmOperands(gemm.m(), gemm.n(), gemm.k(), gemm.repeat(), aTensor, bTensor,
                    Packing.containerBits(layer.bits().output()), Packing.containerBits(acc.pe().accumulatorBits()),
                    acc.array(), acc.dataflow(), LayerRate.of(acc, layer));
            long weights = multiplyExact(bTensor, gemm.repeat());
            boolean resident = weights <= Capacity.of(acc.sram()).weightBits();
            return new TilePipeline.Plan(ops, lm.tiling(), 1, 1, 1, resident ? weights : 0, false, 0);
        }

        double bytesPerCycle() {
            return MemoryModel.bytesPerCycle(acc());
        }
    }

    record DfMode(Dataflow df, PrecisionMode mode) {
    }

    static Gen<Layer> layers() {
        Gen<Bits> bits = in -> new Bits(Gens.of(2, 4, 8).generate(in), Gens.of(3, 4, 8, 16).generate(in),
                Gens.of(4, 8, 16).generate(in));
        Gen<Layer> fc = in -> new MatMulLayer("f", MatMulLayer.Kind.LINEAR, 1, Gens.longs(1, 64).generate(in),
                Gens.longs(1, 64).generate(in), Gens.longs(1, 64).generate(in), bits.generate(in), List.of());
        Gen<Layer> conv = in -> {
            int h = Gens.ints(3, 8).generate(in);
            int ci = Gens.ints(1, 8).generate(in);
            int co = Gens.ints(1, 32).generate(in);
            int k = Gens.of(1, 3).generate(in);
            int s = Gens.of(1, 2).generate(in);
            int grp = Gens.of(1, 2).generate(in);
            Bits b = bits.generate(in);
            int g = ci % grp == 0 && co % grp == 0 ? grp : 1;
            return new ConvLayer("c", 1, h, h, ci, co, k, k, s, s, k / 2, k / 2, g, b, List.of());
        };
        return Generate.oneOf(fc, fc, conv);
    }

    /**
     * Arrays up to 8 x 8; a quarter with multiplier stages (LM 1-3) and every OS drain style, so
     * the tiles' fold timing is checked against the tiling's (and the stepped pipeline's).
     */
    static Gen<ArraySpec> arrays() {
        Gen<Integer> side = Gens.of(2, 4, 8);
        Gen<Integer> lm = Gens.mostly(Generate.constant(0), Gens.ints(1, 3));
        return in -> new ArraySpec(side.generate(in), side.generate(in), lm.generate(in),
                Gens.of(OsDrain.values()).generate(in));
    }

    static Gen<Case> cases() {
        return in -> {
            Layer l = layers().generate(in);
            ArraySpec arr = arrays().generate(in);
            Dataflow d = Gens.of(Dataflow.values()).generate(in);
            PrecisionMode m = Gens.of(PrecisionMode.FIXED, PrecisionMode.FIXED, PrecisionMode.BIT_SERIAL,
                    PrecisionMode.FUSION).generate(in);
            long a = Gens.longs(1, 4).generate(in);
            long b = Gens.longs(1, 4).generate(in);
            long c = Gens.longs(1, 4).generate(in);
            boolean unified = Gens.ints(0, 2).generate(in) == 0;
            double bw = Gens.of(0.35, 0.7, 1.0, 1.4, 2.8, 5.6, 11.2, Double.POSITIVE_INFINITY).generate(in);
            return new Case(l, arr, d, m, a, b, c, unified, bw);
        };
    }
}
