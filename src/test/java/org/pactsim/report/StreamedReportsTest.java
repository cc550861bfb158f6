package org.pactsim.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pactsim.engine.TimingModel;
import org.pactsim.io.format.ArchReader;
import org.pactsim.io.format.CostTableReader;
import org.pactsim.io.format.TraceReader;
import org.pactsim.sim.Costing;
import org.pactsim.sim.Simulation;
import org.pactsim.sim.PricedResult;
import org.pactsim.spec.AcceleratorSpec;
import org.pactsim.workload.Network;

/**
 * The reports written a layer at a time (for runs of 10^5 layers, whose whole text and JSON
 * tree did not fit a 1 GB heap) are byte for byte those built whole: the JSON as the tree
 * {@link ResultJson#tree} serialises it (which {@code recost} edits), the table and CSV as a
 * string and through a writer.
 */
class StreamedReportsTest {
    static PricedResult run(String arch, String trace, TimingModel model) {
        AcceleratorSpec acc = ArchReader.read(Path.of(arch), List.of()).spec();
        Network net = TraceReader.read(Path.of(trace), null);
        return Costing.price(Simulation.run(acc, net, model), net, CostTableReader.defaults());
    }

    static List<PricedResult> runs() {
        return List.of(
                run("arch-configs/tpu-v1.yaml", "traces/resnet20-int8.csv", TimingModel.PACTSIM),
                run("arch-configs/tpu-v1.yaml", "traces/resnet20-int8.csv", TimingModel.SCALESIM),
                run("arch-configs/tpu-v1.yaml", "traces/bert-base-int8.csv", TimingModel.PACTSIM));
    }

    @Test
    void theStreamedJsonIsTheTreesText() throws Exception {
        for (PricedResult r : runs()) {
            String whole = ResultJson.mapper().writeValueAsString(ResultJson.tree(r)) + System.lineSeparator();
            assertThat(ResultJson.render(r)).isEqualTo(whole);
            StringWriter w = new StringWriter();
            ResultJson.write(r, w);
            assertThat(w.toString()).isEqualTo(whole);
        }
    }

    @Test
    void theTableAndCsvThroughAWriterAreTheirStrings() throws Exception {
        for (PricedResult r : runs()) {
            StringWriter t = new StringWriter();
            TableRenderer.write(r, t);
            assertThat(t.toString()).isEqualTo(TableRenderer.render(r)).contains("TOTAL");
            StringWriter c = new StringWriter();
            ResultCsv.write(r, c);
            assertThat(c.toString()).isEqualTo(ResultCsv.render(r)).contains("TOTAL");
        }
    }

    /** result.csv's TOTAL row carries the cost total and the sums of the per-operand columns (issue 21). */
    @Test
    void theCsvTotalRowCarriesCostAndOperandSums() {
        PricedResult r = runs().get(0);
        String[] lines = ResultCsv.render(r).split("\\R");
        List<String> head = List.of(lines[0].split(",", -1));
        String[] total = lines[lines.length - 1].split(",", -1);
        assertThat(total[0]).isEqualTo("TOTAL");
        assertThat(Double.parseDouble(total[head.indexOf("energyPj")])).isEqualTo(r.cost().energyPj());
        long reads = 0;
        for (String k : List.of("dramIfmapReadBytes", "dramFilterReadBytes", "dramPsumReadBytes")) {
            reads += Long.parseLong(total[head.indexOf(k)]);
        }
        assertThat(reads).isEqualTo(Long.parseLong(total[head.indexOf("dramReadBytes")]));
        long writes = Long.parseLong(total[head.indexOf("dramOfmapWriteBytes")])
                + Long.parseLong(total[head.indexOf("dramPsumWriteBytes")]);
        assertThat(writes).isEqualTo(Long.parseLong(total[head.indexOf("dramWriteBytes")]));
    }
}
