package org.pactsim.io.format;

import org.pactsim.io.InputException;

import org.pactsim.testing.Gens;
import org.pactsim.testing.Seeds;
import org.quicktheories.core.Gen;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.pactsim.cost.ActionCounts;
import org.pactsim.engine.TimingModel;
import org.pactsim.report.ResultJson;
import org.pactsim.sim.Costing;
import org.pactsim.sim.Simulation;
import org.pactsim.sim.PricedResult;
import org.pactsim.spec.AcceleratorSpec;
import org.pactsim.spec.Precision;
import org.pactsim.workload.Network;

/** Reading a result back: the accelerator and every layer's counts as priced, and strict errors. */
class ResultReaderTest {
    /**
     * ResNet-20 int8 on TPU v1, native model: its 24 MiB buffer keeps weights on chip, so 22
     * of the 51 layers read less DRAM in the steady state than in the first inference.
     */
    static final class Fixture {
        static final AcceleratorSpec ACC = ArchReader.read(Path.of("arch-configs/tpu-v1.yaml"), List.of()).spec();
        static final Network NET = TraceReader.read(Path.of("traces/resnet20-int8.csv"), null);
        static final PricedResult RUN = Costing.price(Simulation.run(ACC, NET, TimingModel.PACTSIM), NET,
                CostTableReader.defaults());
        static final String JSON = ResultJson.render(RUN);
    }

    private static String edited(Consumer<ObjectNode> edit) {
        ObjectNode tree = ResultJson.tree(Fixture.RUN);
        edit.accept(tree);
        return ResultJson.render(tree);
    }

    private static ObjectNode layer(ObjectNode root, int i) {
        return (ObjectNode) root.get("layers").get(i);
    }

    private static ObjectNode actions(ObjectNode root, int i) {
        return (ObjectNode) layer(root, i).get("actions");
    }

    /** 1-based line of the first line of {@code text} containing {@code s}. */
    private static int lineOf(String text, String s) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(s)) {
                return i + 1;
            }
        }
        throw new AssertionError(s + " not in the text");
    }

    private static String error(String text) {
        try {
            ResultReader.parse(text, "r.json");
        } catch (InputException e) {
            return e.getMessage();
        }
        throw new AssertionError("no error");
    }

    @Test
    void readsBackTheAcceleratorAndEveryLayersCountsAsPriced() {
        ResultReader.Run run = ResultReader.parse(Fixture.JSON, "r.json");
        PricedResult.Pricing p = Fixture.RUN.pricing();
        assertThat(run.accelerator()).isEqualTo(Fixture.ACC);
        assertThat(run.model()).isEqualTo(TimingModel.PACTSIM);
        assertThat(run.network()).isEqualTo(Fixture.NET.name());
        assertThat(run.layers()).hasSize(51).first().isEqualTo(Fixture.NET.layers().get(0).name());
        assertThat(run.actions()).isEqualTo(p.actions());
        assertThat(run.steadyActions()).isEqualTo(p.steadyActions());
        // the fixture is worth its cost only if the steady state differs somewhere
        assertThat(run.actions()).isNotEqualTo(run.steadyActions());
        assertThat(run.costTables()).hasSize(8).containsEntry("dram", "default").containsEntry("mac-fit", "default");
        assertThat(run.totals().get("energyPj")).isEqualTo(Fixture.RUN.cost().energyPj());
        assertThat(run.totals()).doesNotContainKey("name");
        assertThat(ResultReader.SCHEMA).isEqualTo(ResultJson.SCHEMA);
    }

    @Test
    void pricingTheCountsReadBackGivesTheSameReports() {
        ResultReader.Run run = ResultReader.parse(Fixture.JSON, "r.json");
        Costing.Priced p = Costing.reprice(run.accelerator(), run.actions(), run.steadyActions(),
                CostTableReader.defaults());
        assertThat(p.cost()).isEqualTo(Fixture.RUN.cost());
        assertThat(p.steadyCost()).isEqualTo(Fixture.RUN.steadyCost());
    }

    @Test
    void theScaleSimModelKeepsEqualFirstAndSteadyCounts() {
        PricedResult r = Costing.price(Simulation.run(Fixture.ACC, Fixture.NET, TimingModel.SCALESIM), Fixture.NET,
                CostTableReader.defaults());
        ResultReader.Run run = ResultReader.parse(ResultJson.render(r), "s.json");
        assertThat(run.model()).isEqualTo(TimingModel.SCALESIM);
        assertThat(run.steadyActions()).isEqualTo(run.actions()).isEqualTo(r.pricing().actions());
    }

    @Test
    void aNegativeCountIsAnErrorAtItsLine() {
        String text = edited(t -> actions(t, 3).put("dramReadBits", -8));
        int line = lineOf(text, "\"dramReadBits\" : -8");
        assertThat(error(text)).isEqualTo("r.json:" + line
                + ": layers[3].actions.dramReadBits: expected an integer >= 0, found -8");
    }

    /** A text total was dropped silently and the comparison printed without it (issue 24). */
    @Test
    void aTextTotalIsRefused() {
        String text = edited(t -> ((ObjectNode) t.get("totals")).put("cycles", "12"));
        int line = lineOf(text, "\"cycles\" : \"12\"");
        assertThat(error(text)).isEqualTo("r.json:" + line
                + ": totals.cycles: expected a number or null (as pactsim writes it), found the text \"12\"");
    }

    @Test
    void wrongSchema() {
        assertThat(error(edited(t -> t.put("schema", "pactsim/result/9"))))
                .startsWith("r.json:2: schema: expected pactsim/result/1").contains("\"pactsim/result/9\"");
        assertThat(error("{\"schema\": \"pactsim/arch/1\"}")).contains("schema: expected pactsim/result/1");
    }

    @Test
    void aResultWithoutActionCountsSaysToSimulateAgain() {
        String text = edited(t -> layer(t, 1).remove("actions"));
        assertThat(error(text)).startsWith("r.json:").contains("layers[1].actions", "simulate again", "no such key");
        assertThat(error(edited(t -> layer(t, 0).remove("steadyActions")))).contains("layers[0].steadyActions");
        assertThat(error(edited(t -> t.remove("costTables")))).contains("costTables", "required");
    }

    @Test
    void aMisspeltOrExtraKeyOfTheCountsIsRefused() {
        String text = edited(t -> {
            ObjectNode a = actions(t, 0);
            a.put("dramReadBit", a.get("dramReadBits").asLong());
            a.remove("dramReadBits");
        });
        assertThat(error(text)).contains("layers[0].actions.dramReadBits", "required", "dramReadBit", "misspelling");
        assertThat(error(edited(t -> actions(t, 0).put("extra", 1)))).contains("layers[0].actions.extra", "unknown key");
        assertThat(error(edited(t -> ((ObjectNode) actions(t, 0).get("sram").get(1)).put("operand", "psums"))))
                .contains("layers[0].actions.sram[1].operand", "ifmap, filter, ofmap, psum", "psums");
    }

    @Test
    void precisionKeysAreThoseResultJsonWrites() {
        assertThat(error(edited(t -> ((ObjectNode) actions(t, 0).get("macs")).put("int99", 5))))
                .contains("layers[0].actions.macs.int99", "a precision key");
        // w8a8 is int8 under another spelling: not what pactsim writes, and it would count int8 twice
        assertThat(error(edited(t -> ((ObjectNode) actions(t, 0).get("macs")).put("w8a8", 5))))
                .contains("macs.w8a8", "a precision key");
        assertThat(error(edited(t -> ((ObjectNode) actions(t, 0).get("macs")).put("int4", 1.5))))
                .contains("macs.int4", "an integer >= 0", "1.5");
    }

    @Test
    void twoEntriesForOneBufferAreRefused() {
        String text = edited(t -> {
            ArrayNode sram = (ArrayNode) actions(t, 0).get("sram");
            sram.add(sram.get(0).deepCopy());
        });
        assertThat(error(text)).contains("layers[0].actions", "one entry per operand and capacity");
    }

    @Test
    void theClockMustBeTheAccelerators() {
        assertThat(error(edited(t -> actions(t, 2).put("clockMhz", 800.0))))
                .contains("layers[2].actions.clockMhz", "the accelerator's clockMhz 700.0", "800.0");
    }

    @Test
    void countsWhoseSumPasses64BitsAreRefused() {
        String text = edited(t -> {
            actions(t, 0).put("cycles", Long.MAX_VALUE);
            actions(t, 1).put("cycles", Long.MAX_VALUE);
        });
        assertThat(error(text)).contains("layers", "fit in 64 bits");
    }

    @Test
    void theAcceleratorIsBoundStrictly() {
        String text = edited(t -> ((ObjectNode) t.get("accelerator").get("array")).put("rows", 0));
        assertThat(error(text)).startsWith("r.json:" + lineOf(text, "\"rows\" : 0") + ": array.rows");
        assertThat(error(edited(t -> t.put("accelerator", "tpu")))).contains("accelerator: expected a mapping");
    }

    @Test
    void malformedFiles() {
        assertThat(error("{\"schema\": ")).contains("r.json", "not valid JSON");
        assertThat(error("")).contains("r.json", "empty");
        assertThat(error(edited(t -> t.putArray("layers")))).contains("layers: expected at least one layer");
        assertThat(error(edited(t -> t.put("model", "gem5")))).contains("model: expected one of", "pactsim", "scalesim", "gem5");
    }

    // ---- the JSON form of any counts reads back as the same counts ----------------------

    private static final List<Precision> PRECISIONS = List.of(Precision.INT8, Precision.INT2, Precision.integer(4, 8),
            Precision.FP16, Precision.BF16, Precision.FP8_E4M3, Precision.integer(32, 1));

    static Gen<ActionCounts> counts() {
        Gen<Long> n = Gens.mostly(Gens.longs(0, 1L << 50), Gens.of(0L, 1L, 1L << 50));
        return in -> {
            Map<Precision, Long> m = new LinkedHashMap<>();
            int macs = Gens.ints(0, 3).generate(in);
            for (int x = 0; x < macs; x++) {
                m.put(Gens.of(PRECISIONS).generate(in), n.generate(in));
            }
            List<ActionCounts.SramTraffic> sram = new ArrayList<>();
            for (ActionCounts.Operand op : ActionCounts.Operand.values()) {
                if (Gens.of(true, false).generate(in)) {
                    sram.add(new ActionCounts.SramTraffic(op, Gens.longs(1, 1L << 40).generate(in), n.generate(in),
                            n.generate(in)));
                }
            }
            return new ActionCounts(m, sram, n.generate(in), n.generate(in), n.generate(in), n.generate(in),
                    Fixture.ACC.clockMhz());
        };
    }

    @Test
    void anyCountsReadBackEqual() {
        Seeds.qt(60).forAll(counts(), counts()).checkAssert(ResultReaderTest::readBackEqual);
    }

    private static void readBackEqual(ActionCounts first, ActionCounts steady) {
        String text = edited(t -> {
            layer(t, 50).set("actions", ResultJson.actions(first));
            layer(t, 50).set("steadyActions", ResultJson.actions(steady));
        });
        ResultReader.Run run = ResultReader.parse(text, "p.json");
        assertThat(run.actions().get(50)).isEqualTo(first);
        assertThat(run.steadyActions().get(50)).isEqualTo(steady);
        assertThat(run.actions().subList(0, 50)).isEqualTo(Fixture.RUN.pricing().actions().subList(0, 50));
    }
}
