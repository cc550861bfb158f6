package org.pactsim.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.pactsim.spec.AcceleratorSpec;
import org.pactsim.spec.ArraySpec;
import org.pactsim.spec.Dataflow;
import org.pactsim.spec.DramSpec;
import org.pactsim.spec.NocSpec;
import org.pactsim.spec.PeSpec;
import org.pactsim.spec.SramSpec;
import org.pactsim.testing.Seeds;
import org.pactsim.workload.Bits;
import org.pactsim.workload.Layer;
import org.pactsim.workload.MatMulLayer;
import org.pactsim.workload.Network;

/** What the cores' shares of a layer move on the on-chip network (issue 18), by hand and as properties. */
class NocDeliveryTest {
    private static final AcceleratorSpec FOUR = new AcceleratorSpec("g", new ArraySpec(4, 4), Dataflow.WS, 4, 1000,
            PeSpec.INT8, SramSpec.unified(1024), DramSpec.UNLIMITED, 28);

    /**
     * One int8 fc layer, M=64, N=1, K=4 (too short to split by K), weights resident (32 bits:
     * each of the 4 cores holds 8 of them in the residency plan). Split by rows, every core
     * multiplies by all 4 weights: it gathers the other 24 bits from the other cores before it
     * starts, 4 x 24 = 96 bit-hops. On links of 4 bits a cycle the gather takes 6 cycles, on the
     * default 16 x 32-bit link 1: the layer's cycles differ by exactly 5.
     */
    @Test
    void residentWeightsAPixelSplitNeedsAreGatheredFromTheOtherCores() {
        Network net = new Network("fc", List.of(new MatMulLayer("f", MatMulLayer.Kind.LINEAR, 1, 64, 1, 4, Bits.INT8,
                List.of())));
        LayerMemory wide = MemoryModel.run(FOUR, net, MemoryOptions.STEADY_STATE).get(0);
        assertThat(wide.residency()).anyMatch(n -> n.startsWith("weights: on chip"));
        assertThat(wide.split()).isEqualTo("m");
        assertThat(wide.activeCores()).isEqualTo(4);
        assertThat(wide.filterReadBytes()).isZero();
        assertThat(wide.nocBits()).isEqualTo(4 * (32 - 8));
        LayerMemory narrow = MemoryModel.run(FOUR.withNoc(new NocSpec(NocSpec.Topology.RING, 4)), net,
                MemoryOptions.STEADY_STATE).get(0);
        assertThat(narrow.split()).isEqualTo("m");
        assertThat(narrow.nocBits()).isEqualTo(wide.nocBits());
        assertThat(narrow.cycles() - wide.cycles()).isEqualTo(6 - 1);
        assertThat(narrow.computeCycles() - wide.computeCycles()).isEqualTo(6 - 1);
    }

    /**
     * The same layer with its weights replicated ({@code schedule.weightCopies: replicate}): each
     * core holds all 32 bits, so the pixel split gathers nothing and is 1 cycle (the gather over
     * the default link) faster; the plan reserves 32 bits on each core instead of 8.
     */
    @Test
    void replicatedWeightsNeedNoGather() {
        Network net = new Network("fc", List.of(new MatMulLayer("f", MatMulLayer.Kind.LINEAR, 1, 64, 1, 4, Bits.INT8,
                List.of())));
        LayerMemory spread = MemoryModel.run(FOUR, net, MemoryOptions.STEADY_STATE).get(0);
        LayerMemory copied = MemoryModel.run(FOUR, net, MemoryOptions.STEADY_STATE.withReplicate(true)).get(0);
        assertThat(copied.split()).isEqualTo("m");
        assertThat(copied.nocBits()).isZero();
        assertThat(copied.filterReadBytes()).isZero();
        assertThat(spread.cycles() - copied.cycles()).isEqualTo(1);
        assertThat(copied.residency()).anyMatch(n -> n.startsWith("weights: on chip (") && n.contains(
                " per core, replicated on every core;"));
        assertThat(spread.residency()).noneMatch(n -> n.contains("replicated"));
        // one core: nothing to replicate, the same run
        assertThat(MemoryModel.run(FOUR.withCores(1), net, MemoryOptions.STEADY_STATE.withReplicate(true)).get(0)
                .cycles()).isEqualTo(MemoryModel.run(FOUR.withCores(1), net, MemoryOptions.STEADY_STATE).get(0).cycles());
    }

    /**
     * {@code schedule.weightCopies: best} is the faster of the two plans (then the one that moves
     * less), and a replicated plan never gathers resident weights: a single layer whose weights
     * stay on chip moves no more on the network than its input multicast.
     */
    @Test
    void bestIsTheFasterPlanAndReplicasAreNeverGathered() {
        Seeds.repeat("NocDeliveryTest.bestIsTheFasterPlanAndReplicasAreNeverGathered", 60, r -> {
            int cores = Seeds.between(r, 2, 8);
            Network net = chain(r);
            AcceleratorSpec acc = acc(r, cores, Seeds.pick(r, 0L, 8L, 64L));
            org.pactsim.spec.ScheduleSpec sch = acc.schedule();
            long spread = steady(MemoryModel.firstAndSteady(acc.withSchedule(sch.withWeightCopies(
                    org.pactsim.spec.ScheduleSpec.WeightCopies.SPREAD)), net));
            long copied = steady(MemoryModel.firstAndSteady(acc.withSchedule(sch.withWeightCopies(
                    org.pactsim.spec.ScheduleSpec.WeightCopies.REPLICATE)), net));
            long best = steady(MemoryModel.firstAndSteady(acc.withSchedule(sch.withWeightCopies(
                    org.pactsim.spec.ScheduleSpec.WeightCopies.BEST)), net));
            assertThat(best).isEqualTo(Math.min(spread, copied));
            Network one = new Network("one", List.of(net.layers().get(0)));
            LayerMemory m = MemoryModel.run(acc, one, MemoryOptions.STEADY_STATE.withReplicate(true)).get(0);
            if (m.residency().stream().anyMatch(t -> t.startsWith("weights: on chip")) && m.split().equals("m")) {
                // the input is the network's, read from DRAM: split by pixels, nothing is multicast
                assertThat(m.nocBits()).as("%s: %s", m.name(), m.residency()).isZero();
            }
        });
    }

    private static long steady(List<List<LayerMemory>> both) {
        long c = 0;
        for (LayerMemory m : both.get(1)) {
            c = Math.addExact(c, m.cycles());
        }
        return c;
    }

    /**
     * Split by output channels, every core needs the whole input: read once from DRAM and
     * multicast, each bit reaching the 3 other cores over one link each (M=4, K=64: 256 bytes).
     * With each core reading its own copy instead (no broadcast) the network carries nothing.
     */
    @Test
    void anInputEveryCoreNeedsIsMulticastOnce() {
        Network net = new Network("fc", List.of(new MatMulLayer("f", MatMulLayer.Kind.LINEAR, 1, 1, 64, 7, Bits.INT8,
                List.of())));
        LayerMemory n = MemoryModel.run(FOUR, net, MemoryOptions.FIRST_INFERENCE.withWeightEighths(0)).get(0);
        assertThat(n.split()).isEqualTo("n");
        assertThat(n.ifmapReadBytes()).isEqualTo(7);
        assertThat(n.nocBits()).isEqualTo(7L * 8 * 3);
        LayerMemory copies = MemoryModel.run(FOUR, net, new MemoryOptions(false, false, 0, 0, false, null, false)).get(0);
        assertThat(copies.nocBits()).isZero();
        assertThat(copies.ifmapReadBytes()).isEqualTo(4 * 7);
    }

    /**
     * A 3x3 convolution (stride 1, 8 x 16 x 4 int8 input, 2 output channels) split by output
     * pixels over 4 cores: at each of the 3 boundaries the next core needs the 2 input rows its
     * windows overlap, 2 x 8 x 4 x 8 = 512 bits, one link away. The weights (72 bytes) are read
     * once and multicast to the 3 other cores. Nothing else crosses.
     */
    @Test
    void aPixelSplitConvolutionSendsItsHaloToTheNextCore() {
        Network net = new Network("conv", List.of(new org.pactsim.workload.ConvLayer("c", 1, 16, 8, 4, 2, 3, 3, 1, 1,
                1, 1, 1, Bits.INT8, List.of(), false)));
        LayerMemory m = MemoryModel.run(FOUR, net, MemoryOptions.FIRST_INFERENCE.withWeightEighths(0)).get(0);
        assertThat(m.split()).isEqualTo("m");
        assertThat(m.filterReadBytes()).isEqualTo(3 * 3 * 4 * 2);
        assertThat(m.nocBits()).isEqualTo(3 * 512 + 72L * 8 * 3);
    }

    /** The network's cost formulas on a ring and a mesh, by hand. */
    @Test
    void ringAndMeshArithmetic() {
        NocSpec ring = new NocSpec(NocSpec.Topology.RING, 8);
        NocSpec mesh = new NocSpec(NocSpec.Topology.MESH, 8);
        // 16 routers: a ring's average distance 16 / 4 = 4 hops; a 4 x 4 mesh's 2 (16 - 1) / 12 = 2.5
        assertThat(ring.redistributionHops(1000, 16)).isEqualTo(4000);
        assertThat(mesh.redistributionHops(1000, 16)).isEqualTo(2500);
        // links: 32 directed on the ring, 4 x 4 x 3 = 48 on the mesh, 8 bits a cycle each
        assertThat(ring.redistributionCycles(1000, 10, 16, 8)).isEqualTo(16); // 4000 / 256 = 15.6
        assertThat(mesh.redistributionCycles(1000, 10, 16, 8)).isEqualTo(7); // 2500 / 384 = 6.5
        assertThat(ring.redistributionCycles(1000, 800, 16, 8)).isEqualTo(100); // the busiest port
        assertThat(NocSpec.multicastCycles(17, 8)).isEqualTo(3);
        assertThat(ring.redistributionHops(1000, 1)).isZero();
    }

    static AcceleratorSpec acc(SplittableRandom r, int cores, long linkBits) {
        return new AcceleratorSpec("p", new ArraySpec(Seeds.pick(r, 4, 8, 16), Seeds.pick(r, 4, 8, 16)),
                Seeds.pick(r, Dataflow.values()), cores, 700, PeSpec.INT8, SramSpec.unified(Seeds.pick(r, 16L, 64L, 256L)),
                DramSpec.UNLIMITED, 28).withNoc(new NocSpec(Seeds.pick(r, NocSpec.Topology.values()), linkBits));
    }

    static Network chain(SplittableRandom r) {
        int m = Seeds.between(r, 1, 256);
        int k = Seeds.between(r, 1, 512);
        int n = Seeds.between(r, 1, 512);
        int n2 = Seeds.between(r, 1, 256);
        Layer a = new MatMulLayer("a", MatMulLayer.Kind.LINEAR, 1, m, n, k, Bits.INT8, List.of());
        Layer b = new MatMulLayer("b", MatMulLayer.Kind.LINEAR, 1, m, n2, n, Bits.INT8, List.of());
        return new Network("chain", List.of(a, b));
    }

    /**
     * A weight is never on chip for a core that does not hold it: every layer whose weights
     * stay on chip and whose split gives a core more of them than its share in the residency
     * plan (all of them by pixels) moves at least the difference to each active core.
     */
    @Test
    void residentWeightsACoreLacksCrossTheNetwork() {
        Seeds.repeat("NocDeliveryTest.residentWeightsACoreLacksCrossTheNetwork", 200, r -> {
            int cores = Seeds.between(r, 2, 8);
            Network net = chain(r);
            AcceleratorSpec acc = acc(r, cores, Seeds.pick(r, 0L, 8L, 64L));
            List<LayerMemory> ms = MemoryModel.run(acc, net, MemoryOptions.STEADY_STATE);
            for (int i = 0; i < ms.size(); i++) {
                LayerMemory m = ms.get(i);
                MatMulLayer l = (MatMulLayer) net.layers().get(i);
                long w = Math.multiplyExact(l.k(), l.n()) * 8;
                boolean resident = m.residency().stream().anyMatch(t -> t.startsWith("weights: on chip"));
                if (resident && m.split().equals("m") && m.activeCores() > 1) {
                    long share = (w + cores - 1) / cores;
                    assertThat(m.nocBits()).as("layer %s: %s", m.name(), m.residency())
                            .isGreaterThanOrEqualTo((w - share) * m.activeCores());
                }
            }
        });
    }

    /** A wider link never makes a layer slower; one core moves nothing on the network. */
    @Test
    void widerLinksNeverSlowerAndOneCoreMovesNothing() {
        Seeds.repeat("NocDeliveryTest.widerLinksNeverSlowerAndOneCoreMovesNothing", 150, r -> {
            Network net = new Network("one", List.of(chain(r).layers().get(0)));
            long seed = r.nextLong();
            int cores = Seeds.between(r, 2, 8);
            long link = Seeds.pick(r, 1L, 4L, 16L, 64L);
            AcceleratorSpec narrow = acc(new SplittableRandom(seed), cores, link);
            AcceleratorSpec wide = acc(new SplittableRandom(seed), cores, link * 4);
            MemoryOptions o = Seeds.pick(r, MemoryOptions.FIRST_INFERENCE, MemoryOptions.STEADY_STATE);
            LayerMemory a = MemoryModel.run(narrow, net, o).get(0);
            LayerMemory b = MemoryModel.run(wide, net, o).get(0);
            assertThat(b.cycles()).isLessThanOrEqualTo(a.cycles());
            LayerMemory one = MemoryModel.run(narrow.withCores(1), net, o).get(0);
            assertThat(one.nocBits()).isZero();
        });
    }
}
