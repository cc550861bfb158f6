package org.pactsim.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.pactsim.cost.EnergyBreakdown;
import org.pactsim.engine.LayerResult;
import org.pactsim.memory.LayerMemory;
import org.pactsim.sim.Costing;
import org.pactsim.sim.PricedResult;
import org.pactsim.sim.SimulationResult;

/**
 * The metrics every report format shows, per layer and for the network. Keys carry their
 * units; counts of SRAM accesses are elements, DRAM traffic is bytes. A metric that does not
 * apply (a GEMM dimension of a vector layer, DRAM bytes without a memory model) is null.
 */
public final class Metrics {
    private Metrics() {
    }

    /** A layer's figures of the run itself (all but the cost). */
    private static final List<Metric<LayerRow>> LAYER_RUN = List.of(
            Metric.text("name", "layer", "layer name", r -> r.compute().name()),
            Metric.text("type", "type", "conv, dwconv, fc, matmul or a vector op (pool, add, activation, ...)",
                    r -> r.compute().type()),
            Metric.text("unit", "unit", "array (GEMM) or vector (non-GEMM layer on the vector unit)",
                    r -> r.compute().unit()),
            Metric.count("m", "M", "GEMM rows (output pixels x batch)", r -> r.gemm(g -> g.m())),
            Metric.count("n", "N", "GEMM columns (output channels per group)", r -> r.gemm(g -> g.n())),
            Metric.count("k", "K", "GEMM reduction length", r -> r.gemm(g -> g.k())),
            Metric.count("repeat", "rep", "independent GEMMs (groups, heads)", r -> r.gemm(g -> g.repeat())),
            Metric.count("folds", "folds", "folds run by the busiest core", r -> r.compute().folds()),
            Metric.count("cycles", "cycles", "cycles of the first inference, stalls included "
                    + "(SCALE-Sim model: its reported figure, count - 1)", r -> r.sim().layerCycles(r.index())),
            Metric.count("computeCycles", "compute", "cycles the arrays compute (with the memory model's tiling)",
                    r -> r.memory() != null ? r.memory().computeCycles() : r.compute().cycles()),
            Metric.count("stallCycles", "stall", "cycles the arrays wait for DRAM", r -> r.sim().layerStallCycles(r.index())),
            Metric.count("macs", "MACs", "multiply-accumulates", r -> r.compute().macs()),
            Metric.ratio("utilization", "util%", "MACs / (cycles x all PEs), 0..1", Metrics::layerUtilization),
            Metric.ratio("mappingEfficiency", "map%", "mean used PEs / PEs over folds, 0..1",
                    r -> r.compute().mappingEfficiency()),
            Metric.ratio("computeUtilization", "comp%", "mean MACs / (PEs x fold cycles) over folds, 0..1",
                    r -> r.compute().computeUtilization()),
            Metric.count("sramIfmapReads", "ifmap rd", "ifmap SRAM reads, elements", r -> r.compute().sramIfmapReads()),
            Metric.count("sramFilterReads", "filter rd", "filter SRAM reads, elements", r -> r.compute().sramFilterReads()),
            Metric.count("sramOfmapReads", "ofmap rd", "partial-sum SRAM reads, elements", r -> r.compute().sramOfmapReads()),
            Metric.count("sramOfmapWrites", "ofmap wr", "ofmap SRAM writes, elements", r -> r.compute().sramOfmapWrites()),
            Metric.count("sramReads", "SRAM rd", "all SRAM reads, elements", r -> r.compute().sramReads()),
            Metric.count("sramWrites", "SRAM wr", "all SRAM writes, elements", r -> r.compute().sramWrites()),
            Metric.count("dramIfmapReadBytes", "ifmap B", "input activation bytes read from DRAM",
                    r -> r.mem(LayerMemory::ifmapReadBytes)),
            Metric.count("dramFilterReadBytes", "filter B", "weight (or second operand) bytes read from DRAM",
                    r -> r.mem(LayerMemory::filterReadBytes)),
            Metric.count("dramPsumReadBytes", "psum rd B", "partial-sum bytes read back from DRAM",
                    r -> r.mem(LayerMemory::psumReadBytes)),
            Metric.count("dramOfmapWriteBytes", "ofmap B", "output bytes written to DRAM",
                    r -> r.mem(LayerMemory::ofmapWriteBytes)),
            Metric.count("dramPsumWriteBytes", "psum wr B", "partial-sum bytes spilled to DRAM",
                    r -> r.mem(LayerMemory::psumWriteBytes)),
            Metric.count("dramReadBytes", "DRAM rd B", "all DRAM bytes read", r -> r.mem(LayerMemory::dramReadBytes)),
            Metric.count("dramWriteBytes", "DRAM wr B", "all DRAM bytes written", r -> r.mem(LayerMemory::dramWriteBytes)),
            Metric.count("compulsoryDramBytes", "compuls. B", "DRAM bytes no schedule avoids: the layer's weights once,"
                    + " the network input it reads, the network output it writes",
                    r -> r.sim().compulsoryDramBytes(r.index())),
            Metric.real("arithmeticIntensity", "MAC/B", "MACs per DRAM byte", Metrics::intensity),
            Metric.text("onChip", "on chip", "tensors kept on chip: in (input), out (output)", Metrics::onChip),
            Metric.text("tiles", "tiles", "one core's tile Mt x Nt x Kt and loop order, outermost first",
                    Metrics::tiles),
            Metric.text("split", "split", "how the layer is divided among cores: none, n, m, groups, or a grid mPxnQ (P pixel groups by Q channel groups)",
                    r -> r.memory() == null ? null : r.memory().split()),
            Metric.count("activeCores", "cores", "cores the layer's split keeps busy", r -> r.mem(LayerMemory::activeCores)),
            Metric.count("nocBytes", "NoC B", "bytes over on-chip network links, one count per link crossed (reduction,"
                    + " multicasts of DRAM reads, kept activations and resident weights moved between cores)",
                    r -> r.mem(m -> (m.nocBits() + 7) / 8)));

    /** A layer's cost figures, from its energy in the first inference ({@code pactsim recost} replaces these). */
    public static final List<Metric<EnergyBreakdown>> LAYER_COST = List.of(
            Metric.real("energyPj", "energy pJ", "energy of the layer in the first inference, pJ (DRAM included)",
                    EnergyBreakdown::totalPj));

    public static final List<Metric<LayerRow>> LAYER = concat(LAYER_RUN, r -> r, LAYER_COST,
            r -> r.priced().cost().layers().get(r.index()));

    /** The network's figures of the run itself (all but the cost). */
    private static final List<Metric<SimulationResult>> TOTAL_RUN = List.of(
            Metric.count("cycles", "cycles", "cycles of the first inference, layer after layer", SimulationResult::cycles),
            Metric.count("steadyStateCycles", "steady cycles",
                    "cycles of a later inference (weights that fit on chip already loaded)", SimulationResult::steadyStateCycles),
            Metric.count("stallCycles", "stall", "cycles waiting for DRAM (first inference)", SimulationResult::stallCycles),
            Metric.count("macs", "MACs", "multiply-accumulates", r -> r.compute().macs()),
            Metric.ratio("utilization", "util%", "MACs / (cycles x all PEs), 0..1", SimulationResult::utilization),
            Metric.count("sramReads", "SRAM rd", "all SRAM reads, elements", r -> r.compute().sramReads()),
            Metric.count("sramWrites", "SRAM wr", "all SRAM writes, elements", r -> r.compute().sramWrites()),
            Metric.count("dramReadBytes", "DRAM rd B", "DRAM bytes read, first inference",
                    r -> r.hasMemory() ? r.dramReadBytes() : null),
            Metric.count("dramWriteBytes", "DRAM wr B", "DRAM bytes written, first inference",
                    r -> r.hasMemory() ? r.dramWriteBytes() : null),
            Metric.count("steadyStateDramBytes", "steady DRAM B", "DRAM bytes moved by a later inference",
                    r -> r.hasMemory() ? r.steadyStateDramBytes() : null),
            Metric.count("compulsoryDramBytes", "compuls. B", "DRAM bytes no schedule avoids: weights once,"
                    + " the network's input and outputs", SimulationResult::compulsoryDramBytes),
            Metric.real("dramToCompulsory", "x compuls.", "first inference's DRAM bytes / compulsory DRAM bytes"
                    + " (1 at best)", SimulationResult::dramToCompulsory),
            Metric.count("vectorCycles", "vector cyc", "cycles of the layers on the vector unit", Metrics::vectorCycles),
            Metric.ratio("vectorShare", "vector%", "vectorCycles / cycles, 0..1",
                    r -> r.cycles() == 0 ? 0.0 : (double) vectorCycles(r) / r.cycles()),
            Metric.real("latencySeconds", "latency s", "first inference at the clock, seconds",
                    SimulationResult::latencySeconds),
            Metric.real("inferencesPerSecond", "inf/s", "steady-state inferences per second",
                    SimulationResult::inferencesPerSecond),
            Metric.count("pes", "PEs", "processing elements, all cores", r -> r.accelerator().totalPes()),
            Metric.real("clockMhz", "MHz", "clock, MHz", r -> r.accelerator().clockMhz()));

    /** The network's cost figures, from the two priced inferences ({@code pactsim recost} replaces these). */
    public static final List<Metric<Costing.Priced>> COST = List.of(
            Metric.real("peakTops", "peak TOPS", "2 ops per MAC x all PEs x clock at the PE's precision, 10^12 op/s",
                    r -> r.cost().peakTops()),
            Metric.real("energyPj", "energy pJ", "energy of the first inference, pJ (MAC + SRAM + DRAM + leakage + vector + NoC)",
                    r -> r.cost().energyPj()),
            Metric.real("energyMacPj", "MAC pJ", "first inference: MAC energy, pJ", r -> r.cost().energy().macPj()),
            Metric.real("energySramPj", "SRAM pJ", "first inference: SRAM energy, pJ", r -> r.cost().energy().sramPj()),
            Metric.real("energyDramPj", "DRAM pJ", "first inference: DRAM energy, pJ", r -> r.cost().energy().dramPj()),
            Metric.real("energyLeakagePj", "leak pJ", "first inference: leakage energy, pJ",
                    r -> r.cost().energy().leakagePj()),
            Metric.real("energyVectorPj", "vector pJ", "first inference: vector-unit energy, pJ",
                    r -> r.cost().energy().vectorPj()),
            Metric.real("energyNocPj", "NoC pJ", "first inference: on-chip network energy, pJ",
                    r -> r.cost().energy().nocPj()),
            Metric.real("steadyStateEnergyPj", "steady pJ", "energy of a later inference, pJ",
                    r -> r.steadyCost().energyPj()),
            Metric.real("areaMm2", "mm^2", "estimated die area, mm^2 (array + SRAM + other)",
                    r -> r.cost().areaMm2()),
            Metric.real("areaArrayMm2", "array mm^2", "area of the PE arrays, mm^2", r -> r.cost().area().arrayMm2()),
            Metric.real("areaSramMm2", "SRAM mm^2", "area of the SRAMs, mm^2", r -> r.cost().area().sramMm2()),
            Metric.real("areaOtherMm2", "other mm^2", "other area (control, I/O, vector unit), mm^2",
                    r -> r.cost().area().otherMm2()),
            Metric.real("powerW", "W", "average power of a steady-state inference, W (DRAM included)",
                    r -> r.steadyCost().powerW()),
            Metric.real("onChipPowerW", "chip W", "average power of a steady-state inference without DRAM, W",
                    r -> r.steadyCost().onChipPowerW()),
            Metric.real("topsPerWatt", "TOPS/W", "achieved 2 x MACs per joule / 10^12, steady state",
                    r -> r.steadyCost().topsPerW()),
            Metric.real("topsPerMm2", "TOPS/mm^2", "peak TOPS per mm^2 of estimated die",
                    r -> r.cost().topsPerMm2()),
            Metric.real("inferencesPerJoule", "inf/J", "steady-state inferences per joule",
                    r -> r.steadyCost().inferencesPerJoule()));

    public static final List<Metric<PricedResult>> TOTAL = concat(TOTAL_RUN, PricedResult::run, COST,
            PricedResult::priced);

    /** {@code run}'s metrics read through {@code runPart}, then {@code cost}'s through {@code costPart}. */
    private static <T, R, C> List<Metric<T>> concat(List<Metric<R>> run, Function<T, R> runPart,
                                                    List<Metric<C>> cost, Function<T, C> costPart) {
        List<Metric<T>> all = new ArrayList<>();
        for (Metric<R> m : run) {
            all.add(new Metric<>(m.key(), m.label(), m.description(), m.integral(), m.percent(),
                    t -> m.value().apply(runPart.apply(t))));
        }
        for (Metric<C> m : cost) {
            all.add(new Metric<>(m.key(), m.label(), m.description(), m.integral(), m.percent(),
                    t -> m.value().apply(costPart.apply(t))));
        }
        return List.copyOf(all);
    }

    /** Cycles of the layers run on the vector unit. */
    public static long vectorCycles(SimulationResult r) {
        long s = 0;
        for (int i = 0; i < r.layers().size(); i++) {
            LayerResult l = r.layers().get(i);
            if (l.onVectorUnit()) {
                s = Math.addExact(s, r.layerCycles(i));
            }
        }
        return s;
    }

    static Object layerUtilization(LayerRow r) {
        long c = r.sim().layerCycles(r.index());
        return c == 0 ? 0.0 : (double) r.compute().macs() / ((double) c * r.sim().accelerator().totalPes());
    }

    static Object intensity(LayerRow r) {
        LayerMemory m = r.memory();
        if (m == null) {
            return null;
        }
        long bytes = m.dramReadBytes() + m.dramWriteBytes();
        return bytes == 0 ? null : (double) r.compute().macs() / bytes;
    }

    static Object onChip(LayerRow r) {
        LayerMemory m = r.memory();
        if (m == null) {
            return null;
        }
        return (m.inputOnChip() ? "in" : "") + (m.inputOnChip() && m.outputOnChip() ? "+" : "")
                + (m.outputOnChip() ? "out" : "") + (!m.inputOnChip() && !m.outputOnChip() ? "-" : "");
    }

    static Object tiles(LayerRow r) {
        LayerMemory m = r.memory();
        if (m == null || m.tiling() == null) {
            return null;
        }
        return String.format(Locale.ROOT, "%dx%dx%d %s", m.tiling().mt(), m.tiling().nt(), m.tiling().kt(),
                m.tiling().order().name().toLowerCase(Locale.ROOT));
    }
}
