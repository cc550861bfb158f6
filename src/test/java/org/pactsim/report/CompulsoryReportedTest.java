package org.pactsim.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pactsim.engine.TimingModel;
import org.pactsim.io.format.ArchReader;
import org.pactsim.sim.Simulation;
import org.pactsim.io.format.CostTableReader;
import org.pactsim.sim.Costing;
import org.pactsim.sim.PricedResult;
import org.pactsim.sim.SimulationResult;
import org.pactsim.spec.AcceleratorSpec;
import org.pactsim.workload.Bits;
import org.pactsim.workload.MatMulLayer;
import org.pactsim.workload.Network;

/** The compulsory DRAM traffic reaches every output of a run: table, CSV, JSON, sweep columns. */
class CompulsoryReportedTest {
    /** f1 reads the input (8 B) and its weights (12 B); f2 reads its weights (15 B) and writes the output (10 B). */
    private static final Network TWO = new Network("two", List.of(
            new MatMulLayer("f1", MatMulLayer.Kind.LINEAR, 1, 2, 3, 4, Bits.INT8, List.of()),
            new MatMulLayer("f2", MatMulLayer.Kind.LINEAR, 1, 2, 5, 3, Bits.INT8, List.of())));

    private static AcceleratorSpec chip() {
        return ArchReader.read(Path.of("src/test/resources/bad-inputs/good/arch.yaml"), List.of()).spec();
    }

    @Test
    void everyOutputCarriesTheCompulsoryBytesWorkedByHand() throws Exception {
        SimulationResult r = Simulation.run(chip(), TWO, TimingModel.PACTSIM);
        PricedResult p = Costing.price(r, TWO, CostTableReader.defaults());
        assertThat(r.compulsory()).containsExactly(20L, 25L);
        assertThat(r.compulsoryDramBytes()).isEqualTo(45L);
        long moved = r.dramReadBytes() + r.dramWriteBytes();
        assertThat(moved).isGreaterThanOrEqualTo(45L);
        assertThat(r.dramToCompulsory()).isEqualTo(moved / 45.0);

        JsonNode json = new ObjectMapper().readTree(ResultJson.render(p));
        assertThat(json.at("/totals/compulsoryDramBytes").asLong()).isEqualTo(45L);
        assertThat(json.at("/totals/dramToCompulsory").asDouble()).isEqualTo(moved / 45.0);
        assertThat(json.at("/layers/0/compulsoryDramBytes").asLong()).isEqualTo(20L);
        assertThat(json.at("/layers/1/compulsoryDramBytes").asLong()).isEqualTo(25L);

        String[] csv = ResultCsv.render(p).split("\\R");
        List<String> header = List.of(csv[0].split(","));
        int col = header.indexOf("compulsoryDramBytes");
        assertThat(col).isNotNegative();
        assertThat(csv[1].split(",", -1)[col]).isEqualTo("20");
        assertThat(csv[2].split(",", -1)[col]).isEqualTo("25");
        assertThat(csv[3].split(",", -1)[col]).isEqualTo("45");

        assertThat(TableRenderer.render(p)).contains(moved + " bytes first inference, 45 compulsory");
        assertThat(SweepMetrics.TOTAL.keys()).contains("compulsoryDramBytes", "dramToCompulsory");
    }

    @Test
    void theScaleSimModelHasNoMemoryModelAndSaysNothing() throws Exception {
        SimulationResult r = Simulation.run(chip(), TWO, TimingModel.SCALESIM);
        PricedResult p = Costing.price(r, TWO, CostTableReader.defaults());
        assertThat(r.compulsoryDramBytes()).isNull();
        assertThat(r.dramToCompulsory()).isNull();
        JsonNode json = new ObjectMapper().readTree(ResultJson.render(p));
        assertThat(json.at("/totals/compulsoryDramBytes").isNull()).isTrue();
        assertThat(TableRenderer.render(p)).doesNotContain("compulsory");
    }
}
