package org.pactsim.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pactsim.io.format.ArchReader;
import org.pactsim.io.format.TraceReader;
import org.pactsim.sim.Simulation;
import org.pactsim.sim.SimulationResult;
import org.pactsim.spec.AcceleratorSpec;
import org.pactsim.spec.ArraySpec;
import org.pactsim.spec.Dataflow;
import org.pactsim.spec.DramSpec;
import org.pactsim.spec.NocSpec;
import org.pactsim.spec.PeSpec;
import org.pactsim.spec.ScheduleSpec;
import org.pactsim.spec.SramSpec;
import org.pactsim.engine.TimingModel;
import org.pactsim.testing.Seeds;
import org.pactsim.workload.Bits;
import org.pactsim.workload.Layer;
import org.pactsim.workload.MatMulLayer;
import org.pactsim.workload.Network;

/** Layer pipelines over core groups ({@code schedule.cores}, issue 18; {@code docs/schedule.md}). */
class LayerPipelineTest {

    /** A chain of {@code n} linear layers, each of {@code rows x cols} outputs. */
    private static Network chain(int n, int rows, int cols) {
        List<Layer> ls = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ls.add(new MatMulLayer("l" + i, MatMulLayer.Kind.LINEAR, 1, rows, cols, cols, Bits.INT8, List.of()));
        }
        return new Network("chain", ls);
    }

    private static LayerMemory layer(String name, long cycles, long dramBytes) {
        return new LayerMemory(name, "none", 1, null, cycles, cycles, 0, dramBytes, 0, 0, 0, 0, 0, 0, false, false,
                List.of());
    }

    /** Runs whose steady state takes {@code cycles[g][i]} per layer on a group of size g. */
    private static Map<Integer, List<List<LayerMemory>>> runs(Network net, Map<Integer, long[]> cycles, long bytes) {
        Map<Integer, List<List<LayerMemory>>> out = new HashMap<>();
        cycles.forEach((g, cs) -> {
            List<LayerMemory> l = new ArrayList<>();
            for (int i = 0; i < cs.length; i++) {
                l.add(layer(net.layers().get(i).name(), cs[i], bytes));
            }
            out.put(g, List.of(l, l));
        });
        return out;
    }

    private static AcceleratorSpec chip(int cores, long linkBits, DramSpec dram) {
        return new AcceleratorSpec("p", new ArraySpec(8, 8), Dataflow.WS, cores, 1000, PeSpec.INT8,
                SramSpec.unified(64), dram, 28).withNoc(new NocSpec(NocSpec.Topology.RING, linkBits));
    }

    @Test
    void handWorkedPipeline() {
        // four layers of 100, 100, 300, 100 cycles on one core; 60, 60, 160, 60 on two; on a
        // chip of 4 cores the best pipeline is l0..l1 on 1 core (200), l2 on 2 (160), l3 on 1
        // (100): a period of 200 (stage 1), where lockstep-like halves would be slower
        Network net = chain(4, 4, 4);
        Map<Integer, long[]> c = Map.of(1, new long[] {100, 100, 300, 100}, 2, new long[] {60, 60, 160, 60});
        AcceleratorSpec acc = chip(4, 1 << 20, DramSpec.UNLIMITED);
        LayerPipeline.Plan p = LayerPipeline.plan(acc, net, Graph.of(net, true), runs(net, c, 0));
        assertThat(p.pipeline().period()).isEqualTo(200);
        assertThat(p.pipeline().bound()).isEqualTo("stage 1");
        assertThat(p.pipeline().stages()).extracting(LayerPipeline.Stage::cores).containsExactly(1, 2, 1);
        assertThat(p.pipeline().stages()).extracting(LayerPipeline.Stage::firstCore).containsExactly(0, 1, 3);
        // l0's output (4 x 4 x 8 bits) crosses one cut: l0 and l1 share a stage, so only l1's and
        // l2's outputs cross, each to the next group's centre (1.5 hops: 2 rounded up)
        assertThat(p.pipeline().cutBits()).isEqualTo(2 * 128);
        assertThat(p.steady().get(1).nocBits()).isEqualTo(192);
        assertThat(p.steady().get(2).nocBits()).isEqualTo(192);
        // each layer holds its group's share of the chip: the shares sum to the period
        long[] chip = p.pipeline().chipCycles(p.steady(), 4);
        assertThat(chip).containsExactly(25, 25, 100, 50);
        assertThat(java.util.Arrays.stream(chip).sum()).isEqualTo(200);
    }

    @Test
    void theSharedDramAndANarrowCutBoundThePeriod() {
        Network net = chain(2, 64, 64); // 4,096 outputs of 8 bits cross the cut
        Map<Integer, long[]> c = Map.of(1, new long[] {100, 100});
        // 1 GB/s at 1000 MHz: 1 byte a cycle; 2 x 300 bytes a period
        LayerPipeline.Plan dram = LayerPipeline.plan(chip(2, 1 << 20, new DramSpec(1)), net, Graph.of(net, true),
                runs(net, c, 300));
        assertThat(dram.pipeline().period()).isEqualTo(600);
        assertThat(dram.pipeline().bound()).isEqualTo("dram");
        // a link of 64 bits: the cut's two links carry 32,768 bits in 256 cycles, faster than
        // both layers on one core (400)
        Map<Integer, long[]> slow = Map.of(1, new long[] {200, 200});
        LayerPipeline.Plan cut = LayerPipeline.plan(chip(2, 64, DramSpec.UNLIMITED), net, Graph.of(net, true),
                runs(net, slow, 0));
        assertThat(cut.pipeline().period()).isEqualTo(256);
        assertThat(cut.pipeline().bound()).isEqualTo("cut before l1");
    }

    /** The dynamic programme finds the period an exhaustive search over every cut and group finds. */
    @Test
    void periodIsTheExhaustiveMinimum() {
        Seeds.repeat("LayerPipelineTest.periodIsTheExhaustiveMinimum", 300, r -> {
            int n = Seeds.between(r, 1, 6);
            int cores = Seeds.between(r, 2, 9);
            long link = Seeds.pick(r, 8L, 64L, 1L << 20);
            Network net = chain(n, Seeds.between(r, 1, 16), Seeds.between(r, 1, 16));
            Map<Integer, long[]> c = new HashMap<>();
            for (int g : LayerPipeline.groupSizes(cores)) {
                long[] cs = new long[n];
                for (int i = 0; i < n; i++) {
                    cs[i] = Seeds.between(r, 0, 1000);
                }
                c.put(g, cs);
            }
            AcceleratorSpec acc = chip(cores, link, DramSpec.UNLIMITED);
            LayerPipeline.Plan p = LayerPipeline.plan(acc, net, Graph.of(net, true), runs(net, c, 0));
            long best = exhaustive(net, c, cores, link, 0, 0);
            assertThat(p.pipeline().period()).as("%d layers on %d cores, link %d", n, cores, link).isEqualTo(best);
            int used = 0;
            int next = 0;
            for (LayerPipeline.Stage s : p.pipeline().stages()) {
                assertThat(s.first()).isEqualTo(next);
                assertThat(s.firstCore()).isEqualTo(used);
                assertThat(p.pipeline().period()).isGreaterThanOrEqualTo(s.cycles());
                next = s.last() + 1;
                used += s.cores();
            }
            assertThat(next).isEqualTo(n);
            assertThat(used).isLessThanOrEqualTo(cores);
            assertThat(java.util.Arrays.stream(p.pipeline().chipCycles(p.steady(), cores)).sum())
                    .isEqualTo(p.pipeline().period());
        });
    }

    /**
     * With groups that may hold their stage's weights: a stage whose weights fit {@code room}
     * bits per core takes the held cycles; the search's period is the exhaustive minimum.
     */
    @Test
    void heldWeightsPeriodIsTheExhaustiveMinimum() {
        Seeds.repeat("LayerPipelineTest.heldWeightsPeriodIsTheExhaustiveMinimum", 300, r -> {
            int n = Seeds.between(r, 1, 6);
            int cores = Seeds.between(r, 2, 9);
            long link = 1L << 20;
            Network net = chain(n, Seeds.between(r, 1, 16), Seeds.between(r, 1, 16));
            Map<Integer, long[]> c = new HashMap<>();
            Map<Integer, long[]> h = new HashMap<>();
            for (int g : LayerPipeline.groupSizes(cores)) {
                long[] cs = new long[n];
                long[] hs = new long[n];
                for (int i = 0; i < n; i++) {
                    cs[i] = Seeds.between(r, 0, 1000);
                    hs[i] = Seeds.between(r, 0, 2 * (int) cs[i]); // an estimate: not always faster
                }
                c.put(g, cs);
                h.put(g, hs);
            }
            Graph graph = Graph.of(net, true);
            long room = Seeds.between(r, 0, (int) Math.min(Integer.MAX_VALUE, graph.totalWeightBits));
            AcceleratorSpec acc = chip(cores, link, DramSpec.UNLIMITED);
            List<int[]> cuts = LayerPipeline.cuts(acc, net, graph, runs(net, c, 0), runs(net, h, 0), room);
            long got = 0;
            int used = 0;
            for (int[] st : cuts) {
                got = Math.max(got, stageCost(net, graph, c, h, room, link, st[0], st[1], st[2]));
                used += st[2];
            }
            assertThat(used).isLessThanOrEqualTo(cores);
            assertThat(got).as("%d layers on %d cores, room %d", n, cores, room)
                    .isEqualTo(exhaustiveHeld(net, graph, c, h, room, link, cores, 0, 0));
        });
    }

    private static long stageCost(Network net, Graph graph, Map<Integer, long[]> c, Map<Integer, long[]> h, long room,
                                  long link, int from, int end, int g) {
        long weights = 0;
        long normal = 0;
        long held = 0;
        for (int i = from; i < end; i++) {
            weights += (graph.weightBits[i] + g - 1) / g;
            normal += c.get(g)[i];
            held += h.get(g)[i];
        }
        long cut = 0;
        if (end < net.layers().size()) {
            MatMulLayer l = (MatMulLayer) net.layers().get(end - 1);
            cut = (l.m() * l.n() * 8 + 2 * link - 1) / (2 * link);
        }
        return Math.max(cut, weights <= room ? held : normal);
    }

    private static long exhaustiveHeld(Network net, Graph graph, Map<Integer, long[]> c, Map<Integer, long[]> h,
                                       long room, long link, int left, int from, long sofar) {
        int n = net.layers().size();
        if (from == n) {
            return sofar;
        }
        long best = Long.MAX_VALUE;
        for (int end = from + 1; end <= n; end++) {
            for (int g : c.keySet()) {
                if (g <= left) {
                    long stage = stageCost(net, graph, c, h, room, link, from, end, g);
                    best = Math.min(best, exhaustiveHeld(net, graph, c, h, room, link, left - g, end,
                            Math.max(sofar, stage)));
                }
            }
        }
        return best;
    }

    /** Every way to cut layers {@code from..} into stages on at most {@code left} cores. */
    private static long exhaustive(Network net, Map<Integer, long[]> c, int left, long link, int from, long sofar) {
        int n = net.layers().size();
        if (from == n) {
            return sofar;
        }
        long best = Long.MAX_VALUE;
        for (int end = from + 1; end <= n; end++) {
            long cut = 0;
            if (end < n) {
                MatMulLayer l = (MatMulLayer) net.layers().get(end - 1);
                long bits = l.m() * l.n() * 8;
                cut = (bits + 2 * link - 1) / (2 * link);
            }
            for (Map.Entry<Integer, long[]> e : c.entrySet()) {
                if (e.getKey() > left) {
                    continue;
                }
                long stage = cut;
                long sum = 0;
                for (int i = from; i < end; i++) {
                    sum += e.getValue()[i];
                }
                stage = Math.max(stage, sum);
                best = Math.min(best, exhaustive(net, c, left - e.getKey(), link, end, Math.max(sofar, stage)));
            }
        }
        return best;
    }

    private static AcceleratorSpec pact14(int cores, String mode) {
        return ArchReader.read(Path.of("arch-configs/pact-14nm.yaml"), List.of("cores=" + cores,
                "pe.weightBits=4", "pe.activationBits=4", "dram.bandwidthGBps=unlimited",
                "schedule.cores=" + mode)).spec();
    }

    /**
     * The bar: ResNet-50 int4, one image per inference, on 32 cores of 128 x 128 WS with
     * unlimited bandwidth, reaches at least half of linear speedup over one core; the layer
     * pipeline is what gets it there (lockstep: 0.26), and stays within the peak.
     */
    @Test
    void resnet50Int4OnThirtyTwoCoresReachesHalfOfLinear() {
        Network net = TraceReader.read(Path.of("traces/resnet50-int4.csv"), null);
        long one = Simulation.run(pact14(1, "best"), net, TimingModel.PACTSIM).steadyStateCycles();
        SimulationResult lock = Simulation.run(pact14(32, "lockstep"), net, TimingModel.PACTSIM);
        SimulationResult best = Simulation.run(pact14(32, "best"), net, TimingModel.PACTSIM);
        assertThat(lock.pipeline()).isNull();
        assertThat(best.pipeline()).isNotNull();
        double linear = (double) one / best.steadyStateCycles() / 32;
        assertThat(linear).isGreaterThanOrEqualTo(0.5);
        assertThat(best.steadyStateCycles()).isLessThan(lock.steadyStateCycles());
        // never faster than the peak: every MAC on a PE of the 32 cores
        assertThat(best.steadyStateCycles() * best.accelerator().totalPes()).isGreaterThanOrEqualTo(net.macs());
        // the first inference runs the stages in turn: its cycles are the layers' sum
        long sum = 0;
        for (LayerMemory m : best.first()) {
            sum += m.cycles();
        }
        assertThat(best.cycles()).isEqualTo(sum).isGreaterThan(best.steadyStateCycles());
        // the MACs do not depend on the schedule
        assertThat(best.compute().macs()).isEqualTo(lock.compute().macs());
    }

    /**
     * Under a bandwidth limit a group holds its own stage's weights: ResNet-50 int4 on 32 cores of
     * 4 MiB at 32 GB/s streams no weight in steady state, and beats lockstep; the weights a group
     * keeps fit in its SRAM (a weight is never on chip for a core that does not hold it).
     */
    @Test
    void groupsHoldTheirOwnStagesWeights() {
        Network net = TraceReader.read(Path.of("traces/resnet50-int4.csv"), null);
        AcceleratorSpec acc = ArchReader.read(Path.of("arch-configs/pact-14nm.yaml"), List.of("cores=32",
                "pe.weightBits=4", "pe.activationBits=4", "dram.bandwidthGBps=32", "schedule.cores=best")).spec();
        SimulationResult best = Simulation.run(acc, net, TimingModel.PACTSIM);
        SimulationResult lock = Simulation.run(acc.withSchedule(acc.schedule().withCores(ScheduleSpec.CoreMode.LOCKSTEP)),
                net, TimingModel.PACTSIM);
        assertThat(best.pipeline()).isNotNull();
        assertThat(best.steadyStateCycles()).isLessThan(lock.steadyStateCycles());
        long unifiedBits = acc.sram().unifiedKiB() * 1024 * 8;
        for (LayerPipeline.Stage st : best.pipeline().stages()) {
            long heldPerCore = 0;
            for (int i = st.first(); i <= st.last(); i++) {
                LayerMemory m = best.steady().get(i);
                assertThat(m.filterReadBytes()).as(m.name()).isZero();
                heldPerCore += (net.layers().get(i).weightElements() * net.layers().get(i).bits().weight()
                        + st.cores() - 1) / st.cores();
            }
            assertThat(heldPerCore).as("stage at %d", st.first()).isLessThanOrEqualTo(unifiedBits);
        }
        // a period moves at least every stage's DRAM bytes
        assertThat(best.steadyStateCycles()).isGreaterThanOrEqualTo(MemoryModel.transferCycles(
                best.steadyStateDramBytes(), MemoryModel.bytesPerCycle(acc)));
    }

    /** {@code best} is never slower than lockstep, and one core has no pipeline. */
    @Test
    void bestIsNeverSlowerThanLockstep() {
        Seeds.repeat("LayerPipelineTest.bestIsNeverSlowerThanLockstep", 150, r -> {
            Network net = NocDeliveryTest.chain(r);
            int cores = Seeds.between(r, 1, 8);
            AcceleratorSpec acc = NocDeliveryTest.acc(r, cores, Seeds.pick(r, 0L, 8L, 64L))
                    .withDram(Seeds.pick(r, DramSpec.UNLIMITED, new DramSpec(Seeds.between(r, 1, 64))));
            SimulationResult lock = Simulation.run(acc, net, TimingModel.PACTSIM);
            assertThat(lock.pipeline()).isNull(); // the default
            SimulationResult best = Simulation.run(acc.withSchedule(acc.schedule().withCores(
                    ScheduleSpec.CoreMode.BEST)), net, TimingModel.PACTSIM);
            assertThat(best.steadyStateCycles()).as("%s on %s", net, acc).isLessThanOrEqualTo(lock.steadyStateCycles());
            if (cores == 1) {
                assertThat(best.pipeline()).isNull();
            }
            // MACs and the compulsory traffic do not depend on how the cores run; no first
            // inference moves less than the compulsory bytes
            assertThat(best.compute().macs()).isEqualTo(lock.compute().macs());
            assertThat(best.compulsoryDramBytes()).isEqualTo(lock.compulsoryDramBytes());
            assertThat(best.dramReadBytes() + best.dramWriteBytes()).isGreaterThanOrEqualTo(best.compulsoryDramBytes());
            if (best.pipeline() != null) {
                long bytes = best.steadyStateDramBytes();
                assertThat(best.steadyStateCycles()).isGreaterThanOrEqualTo(
                        MemoryModel.transferCycles(bytes, MemoryModel.bytesPerCycle(acc)));
            }
        });
    }
}
