package org.pactsim.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pactsim.cost.ActionCounts;
import org.pactsim.engine.Actions;
import org.pactsim.engine.LayerRate;
import org.pactsim.io.format.ArchReader;
import org.pactsim.io.format.CostTableReader;
import org.pactsim.memory.TilingMemo;
import org.pactsim.spec.AcceleratorSpec;
import org.pactsim.spec.Precision;
import org.pactsim.workload.Layer;
import org.pactsim.workload.LlmConfig;
import org.pactsim.workload.LlmPrecision;
import org.pactsim.workload.LlmStep;
import org.pactsim.workload.MatMulLayer;
import org.pactsim.workload.PrecisionVariant;

/**
 * The two ways a weight-only layer reaches the PE, and what each costs: dequantized weights run
 * at activation x activation with one vector-lane multiply per weight fed to the array; a
 * mixed-width PE multiplies them as stored and is smaller.
 */
class WeightOnlyTest {
    static final AcceleratorSpec CHIP = ArchReader.read(Path.of("arch-configs/pact-14nm.yaml"), List.of()).spec();

    static LlmPrecision.Plan plan(boolean dequantize) {
        return new LlmPrecision.Plan(LlmPrecision.W4A16, LlmPrecision.W4A16, 16, 128, dequantize);
    }

    @Test
    void dequantizedWeightsRunAtTheActivationWidthAndCostALaneMultiplyEach() {
        Llm.Step deq = Llm.step(CHIP, LlmConfig.QWEN_2_5_0_5B, plan(true), LlmStep.decode(1, 32), TilingMemo.local());
        Llm.Step mix = Llm.step(CHIP, LlmConfig.QWEN_2_5_0_5B, plan(false), LlmStep.decode(1, 32), TilingMemo.local());
        List<ActionCounts> a = Actions.perLayer(deq.sim().compute(), deq.net());
        List<ActionCounts> b = Actions.perLayer(mix.sim().compute(), mix.net());
        int fcs = 0;
        for (int i = 0; i < deq.net().layers().size(); i++) {
            Layer l = deq.net().layers().get(i);
            if (l instanceof MatMulLayer m && m.kind() == MatMulLayer.Kind.LINEAR) {
                fcs++;
                assertThat(LayerRate.precision(l)).isEqualTo(Precision.integer(16, 16));
                assertThat(LayerRate.precision(mix.net().layers().get(i))).isEqualTo(Precision.integer(4, 16));
                long fed = deq.sim().compute().layers().get(i).sramFilterReads();
                assertThat(fed).isPositive();
                assertThat(a.get(i).vectorOps() - b.get(i).vectorOps()).as(l.name()).isEqualTo(fed);
            }
        }
        assertThat(fcs).isEqualTo(24 * 7 + 1);
        assertThat(plan(false).key()).isEqualTo("w4a16-mixed");
        assertThat(plan(true).key()).isEqualTo("w4a16");
    }

    @Test
    void aMixedWidthPeIsSmallerThanTheActivationWidthPe() {
        var tables = CostTableReader.defaults();
        double deq = IsoArea.peAreaUm2(PrecisionVariant.of(plan(true)), CHIP, tables);
        double mix = IsoArea.peAreaUm2(PrecisionVariant.of(plan(false)), CHIP, tables);
        double int16 = IsoArea.peAreaUm2(new PrecisionVariant(org.pactsim.workload.TracePrecision.INT16, false), CHIP,
                tables);
        assertThat(deq).isEqualTo(int16);
        assertThat(mix).isLessThan(deq * 0.75);
    }
}
