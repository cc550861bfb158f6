package org.pactsim.report;

import java.util.List;
import org.pactsim.engine.LayerResult;
import org.pactsim.engine.NetworkResult;

/** The metrics every report format shows, per layer and for the network. */
public final class Metrics {
    private Metrics() {
    }

    public static final List<Metric<LayerResult>> LAYER = List.of(
            Metric.text("name", "layer", "layer name", LayerResult::name),
            Metric.text("type", "type", "conv, dwconv, fc or matmul", LayerResult::type),
            Metric.count("m", "M", "GEMM rows (output pixels x batch)", r -> r.gemm().m()),
            Metric.count("n", "N", "GEMM columns (output channels per group)", r -> r.gemm().n()),
            Metric.count("k", "K", "GEMM reduction length", r -> r.gemm().k()),
            Metric.count("repeat", "rep", "independent GEMMs (groups, heads)", r -> r.gemm().repeat()),
            Metric.count("folds", "folds", "folds run by the busiest core", LayerResult::folds),
            Metric.count("cycles", "cycles", "cycles (SCALE-Sim model: its reported figure, count - 1)",
                    LayerResult::cycles),
            Metric.count("stallCycles", "stall", "cycles the array waits for memory", LayerResult::stallCycles),
            Metric.count("macs", "MACs", "multiply-accumulates", LayerResult::macs),
            Metric.ratio("utilization", "util%", "MACs / (cycles x all PEs), 0..1", LayerResult::utilization),
            Metric.ratio("mappingEfficiency", "map%", "mean used PEs / PEs over folds, 0..1",
                    LayerResult::mappingEfficiency),
            Metric.ratio("computeUtilization", "comp%", "mean MACs / (PEs x fold cycles) over folds, 0..1",
                    LayerResult::computeUtilization),
            Metric.count("sramIfmapReads", "ifmap rd", "ifmap SRAM reads, elements", LayerResult::sramIfmapReads),
            Metric.count("sramFilterReads", "filter rd", "filter SRAM reads, elements", LayerResult::sramFilterReads),
            Metric.count("sramOfmapReads", "ofmap rd", "partial-sum SRAM reads, elements", LayerResult::sramOfmapReads),
            Metric.count("sramOfmapWrites", "ofmap wr", "ofmap SRAM writes, elements", LayerResult::sramOfmapWrites),
            Metric.count("sramReads", "SRAM rd", "all SRAM reads, elements", LayerResult::sramReads),
            Metric.count("sramWrites", "SRAM wr", "all SRAM writes, elements", LayerResult::sramWrites));

    public static final List<Metric<NetworkResult>> TOTAL = List.of(
            Metric.count("cycles", "cycles", "cycles of one inference, layer after layer", NetworkResult::cycles),
            Metric.count("stallCycles", "stall", "cycles waiting for memory", NetworkResult::stallCycles),
            Metric.count("macs", "MACs", "multiply-accumulates", NetworkResult::macs),
            Metric.ratio("utilization", "util%", "MACs / (cycles x all PEs), 0..1", NetworkResult::utilization),
            Metric.count("sramReads", "SRAM rd", "all SRAM reads, elements", NetworkResult::sramReads),
            Metric.count("sramWrites", "SRAM wr", "all SRAM writes, elements", NetworkResult::sramWrites),
            Metric.real("latencySeconds", "latency s", "one inference at the clock, seconds",
                    NetworkResult::latencySeconds),
            Metric.real("inferencesPerSecond", "inf/s", "inferences per second", NetworkResult::inferencesPerSecond),
            Metric.count("pes", "PEs", "processing elements, all cores", r -> r.accelerator().totalPes()),
            Metric.real("clockMhz", "MHz", "clock, MHz", r -> r.accelerator().clockMhz()));
}
