package org.pactsim.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.pactsim.spec.AcceleratorSpec;
import org.pactsim.spec.ArraySpec;
import org.pactsim.spec.Dataflow;
import org.pactsim.spec.DramSpec;
import org.pactsim.spec.PeSpec;
import org.pactsim.spec.ScheduleSpec;
import org.pactsim.spec.SramSpec;
import org.pactsim.testing.Seeds;
import org.pactsim.workload.Bits;
import org.pactsim.workload.ConvLayer;
import org.pactsim.workload.Layer;
import org.pactsim.workload.Network;
import org.pactsim.workload.Shape;
import org.pactsim.workload.VectorLayer;
import org.pactsim.workload.VectorOp;

/**
 * The compiler schedule's promises (issue 17) over random residual CNNs: never below the
 * compulsory traffic, exactly it when the whole network fits; and when it minimises traffic
 * ({@code schedule.objective: traffic}), more SRAM never more traffic, a batch never more traffic
 * per image than one image, fusion never more traffic; fusion changes no MAC and no array cycle.
 * The default objective (time) may move more to be faster, and even more SRAM may then be
 * slower: the tiling search moves least under a bandwidth limit whatever the objective, and a
 * tiling that moves less can expose more of its first load (docs/schedule.md).
 */
class ScheduleProperties {

    /** A random CNN: plain blocks (conv, relu) and residual blocks (conv, relu, conv, add, relu). */
    record Net(int h, int c0, int[] kinds, int[] widths) {
        Network build(long batch) {
            List<Layer> ls = new ArrayList<>();
            String prev = null;
            long c = c0;
            for (int b = 0; b < kinds.length; b++) {
                boolean residual = kinds[b] == 1 && prev != null;
                long out = residual ? c : widths[b];
                String conv = "b" + b + ".conv1";
                ls.add(conv(conv, batch, c, out, prev));
                ls.add(VectorLayer.of("b" + b + ".relu1", VectorOp.RELU, new Shape(batch, h, h, out), 0, Bits.INT8,
                        List.of(conv)));
                String last = "b" + b + ".relu1";
                if (residual) {
                    ls.add(conv("b" + b + ".conv2", batch, out, out, last));
                    ls.add(VectorLayer.of("b" + b + ".add", VectorOp.ADD, new Shape(batch, h, h, out), 0, Bits.INT8,
                            List.of("b" + b + ".conv2", prev)));
                    ls.add(VectorLayer.of("b" + b + ".relu", VectorOp.RELU, new Shape(batch, h, h, out), 0, Bits.INT8,
                            List.of("b" + b + ".add")));
                    last = "b" + b + ".relu";
                }
                prev = last;
                c = out;
            }
            return new Network("rnd", ls);
        }

        private ConvLayer conv(String name, long batch, long in, long out, String from) {
            return new ConvLayer(name, batch, h, h, in, out, 3, 3, 1, 1, 1, 1, 1, Bits.INT8,
                    from == null ? List.of() : List.of(from));
        }

        @Override
        public String toString() {
            return "Net(h=" + h + ", c0=" + c0 + ", kinds=" + java.util.Arrays.toString(kinds) + ", widths="
                    + java.util.Arrays.toString(widths) + ")";
        }
    }

    static Net net(SplittableRandom r) {
        int n = Seeds.between(r, 1, 5);
        int[] kinds = new int[n];
        int[] widths = new int[n];
        for (int i = 0; i < n; i++) {
            kinds[i] = r.nextInt(2);
            widths[i] = Seeds.between(r, 1, 48);
        }
        return new Net(Seeds.between(r, 2, 20), Seeds.between(r, 1, 32), kinds, widths);
    }

    static AcceleratorSpec chip(SplittableRandom r, long unifiedKiB, double gbps) {
        return new AcceleratorSpec("p", new ArraySpec(Seeds.pick(r, 4, 8, 16), Seeds.pick(r, 4, 8, 16)),
                Seeds.pick(r, Dataflow.values()), Seeds.pick(r, 1, 2, 4), 700, PeSpec.INT8, SramSpec.unified(unifiedKiB),
                Double.isInfinite(gbps) ? DramSpec.UNLIMITED : new DramSpec(gbps), 28);
    }

    static String describe(AcceleratorSpec a) {
        return a.array().rows() + "x" + a.array().cols() + " " + a.dataflow().key() + " x" + a.cores() + " cores, "
                + a.sram().unifiedKiB() + " KiB, " + a.dram().bandwidthGBps() + " GB/s";
    }

    static long traffic(List<LayerMemory> ms) {
        long t = 0;
        for (LayerMemory m : ms) {
            t += m.dramReadBytes() + m.dramWriteBytes();
        }
        return t;
    }

    @Test
    void trafficIsTheCompulsoryWhenTheWholeNetworkFitsAndNeverLess() {
        Seeds.repeat("ScheduleProperties.compulsory", 120, r -> {
            Net n = net(r);
            Network net = n.build(Seeds.pick(r, 1L, 2L, 4L));
            long compulsory = Compulsory.bytes(net);
            List<List<LayerMemory>> small = MemoryModel.firstAndSteady(chip(r, Seeds.pick(r, 2L, 8L, 32L), 8), net);
            assertThat(traffic(small.get(0))).as("%s", n).isGreaterThanOrEqualTo(compulsory);
            List<List<LayerMemory>> huge = MemoryModel.firstAndSteady(chip(r, 1L << 20, 8), net);
            assertThat(traffic(huge.get(0))).as("%s", n).isEqualTo(compulsory);
        });
    }

    /** With {@code schedule.objective: traffic} the compiler moves least: more SRAM never moves more. */
    @Test
    void moreSramNeverMoreTraffic() {
        Seeds.repeat("ScheduleProperties.moreSram", 150, r -> {
            Net n = net(r);
            long batch = Seeds.pick(r, 1L, 2L, 4L);
            Network net = n.build(batch);
            long kib = Seeds.pick(r, 2L, 4L, 8L, 16L, 64L);
            long seed = r.nextLong();
            AcceleratorSpec small = traffic(chip(new SplittableRandom(seed), kib, 8));
            AcceleratorSpec large = traffic(chip(new SplittableRandom(seed), kib * Seeds.between(r, 2, 8), 8));
            for (int inference = 0; inference < 2; inference++) {
                assertThat(traffic(MemoryModel.firstAndSteady(large, net).get(inference)))
                        .as("%s batch %d on %s, %s KiB vs %s KiB, inference %d", n, batch, describe(small), large.sram().unifiedKiB(),
                                kib, inference)
                        .isLessThanOrEqualTo(traffic(MemoryModel.firstAndSteady(small, net).get(inference)));
            }
        });
    }

    static long cycles(List<LayerMemory> ms) {
        long t = 0;
        for (LayerMemory m : ms) {
            t += m.cycles();
        }
        return t;
    }

    static AcceleratorSpec traffic(AcceleratorSpec a) {
        return a.withSchedule(a.schedule().withObjective(ScheduleSpec.Objective.TRAFFIC));
    }

    @Test
    void aBatchNeverMovesMorePerImageThanOneImage() {
        Seeds.repeat("ScheduleProperties.batch", 150, r -> {
            Net n = net(r);
            long batch = Seeds.pick(r, 2L, 4L, 8L);
            AcceleratorSpec acc = traffic(chip(r, Seeds.pick(r, 2L, 8L, 32L, 128L), Seeds.pick(r, 4.0, 16.0)));
            long one = traffic(MemoryModel.firstAndSteady(acc, n.build(1)).get(1));
            long many = traffic(MemoryModel.firstAndSteady(acc, n.build(batch)).get(1));
            assertThat(many).as("%s on %s, batch %d", n, describe(acc), batch).isLessThanOrEqualTo(one * batch);
        });
    }

    @Test
    void fusionChangesNoMacAndNoArrayCycleAndNeverAddsTraffic() {
        Seeds.repeat("ScheduleProperties.fusion", 150, r -> {
            Net n = net(r);
            long batch = Seeds.pick(r, 1L, 2L, 4L);
            Network net = n.build(batch);
            AcceleratorSpec fused = chip(r, 1L << 20, Double.POSITIVE_INFINITY);
            AcceleratorSpec apart = fused.withSchedule(new ScheduleSpec(ScheduleSpec.Policy.COMPILER, false));
            List<LayerMemory> a = MemoryModel.firstAndSteady(fused, net).get(0);
            List<LayerMemory> b = MemoryModel.firstAndSteady(apart, net).get(0);
            long gemmA = 0;
            long gemmB = 0;
            for (int i = 0; i < net.layers().size(); i++) {
                if (!(net.layers().get(i) instanceof VectorLayer)) {
                    gemmA += a.get(i).computeCycles();
                    gemmB += b.get(i).computeCycles();
                }
            }
            assertThat(gemmA).as("%s", n).isEqualTo(gemmB);
            assertThat(org.pactsim.engine.Simulator.run(fused, net, org.pactsim.engine.TimingModel.PACTSIM).macs())
                    .isEqualTo(org.pactsim.engine.Simulator.run(apart, net, org.pactsim.engine.TimingModel.PACTSIM).macs());
            AcceleratorSpec tight = traffic(chip(r, Seeds.pick(r, 2L, 8L, 32L), 8));
            assertThat(traffic(MemoryModel.firstAndSteady(tight, net).get(1))).as("%s batch %d on %s", n, batch,
                    describe(tight)).isLessThanOrEqualTo(
                    traffic(MemoryModel.firstAndSteady(tight.withSchedule(new ScheduleSpec(ScheduleSpec.Policy.COMPILER,
                            false).withObjective(ScheduleSpec.Objective.TRAFFIC)), net).get(1)));
        });
    }
}
