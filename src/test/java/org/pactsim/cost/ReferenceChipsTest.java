package org.pactsim.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.pactsim.engine.NetworkResult;
import org.pactsim.engine.Simulator;
import org.pactsim.engine.TimingModel;
import org.pactsim.io.ArchReader;
import org.pactsim.io.CostTableReader;
import org.pactsim.spec.AcceleratorSpec;
import org.pactsim.spec.PrecisionMode;
import org.pactsim.workload.Bits;
import org.pactsim.workload.ConvLayer;
import org.pactsim.workload.Layer;
import org.pactsim.workload.MatMulLayer;
import org.pactsim.workload.Network;

/**
 * The estimates docs/cost-model.md compares with published TPU v1 and Eyeriss figures. Prints
 * them and writes {@code target/cost-estimates.md}; the engine-independent lines (area, peak)
 * must match the document, so the document cannot drift from the tables.
 */
class ReferenceChipsTest {
    private static final CostTables T = CostTableReader.defaults();

    /** AlexNet's five conv layers (Krizhevsky et al. 2012, two-group form, 227x227 input). */
    static List<Layer> alexNetConv(long batch, Bits bits) {
        return List.of(
                new ConvLayer("conv1", batch, 227, 227, 3, 96, 11, 11, 4, 4, 0, 0, 1, bits, List.of()),
                new ConvLayer("conv2", batch, 27, 27, 96, 256, 5, 5, 1, 1, 2, 2, 2, bits, List.of()),
                new ConvLayer("conv3", batch, 13, 13, 256, 384, 3, 3, 1, 1, 1, 1, 1, bits, List.of()),
                new ConvLayer("conv4", batch, 13, 13, 384, 384, 3, 3, 1, 1, 1, 1, 2, bits, List.of()),
                new ConvLayer("conv5", batch, 13, 13, 384, 256, 3, 3, 1, 1, 1, 1, 2, bits, List.of()));
    }

    static List<Layer> alexNet(long batch, Bits bits) {
        List<Layer> l = new ArrayList<>(alexNetConv(batch, bits));
        l.add(new MatMulLayer("fc6", MatMulLayer.Kind.LINEAR, 1, batch, 4096, 9216, bits, List.of()));
        l.add(new MatMulLayer("fc7", MatMulLayer.Kind.LINEAR, 1, batch, 4096, 4096, bits, List.of()));
        l.add(new MatMulLayer("fc8", MatMulLayer.Kind.LINEAR, 1, batch, 1000, 4096, bits, List.of()));
        return l;
    }

    private static AcceleratorSpec arch(String file) throws IOException {
        return ArchReader.read(Path.of("arch-configs", file), List.of()).spec();
    }

    private static CostReport run(CostModel m, AcceleratorSpec acc, Network net) {
        NetworkResult r = Simulator.run(acc, net, TimingModel.PACTSIM);
        return m.report(EngineActions.perLayer(r, net));
    }

    @Test
    void tpuV1AndEyerissEstimates() throws IOException {
        List<String> lines = new ArrayList<>();
        AcceleratorSpec tpu = arch("tpu-v1.yaml");
        CostModel tm = new CostModel(T, tpu, PrecisionMode.FIXED, "ddr3");
        AreaBreakdown ta = tm.area();
        assertThat(tm.peakTops()).isCloseTo(91.7504, within(1e-9));
        lines.add(String.format(Locale.ROOT, "| TPU v1 | peak int8 TOPS | %.2f | 92 (91.75) |", tm.peakTops()));
        lines.add(String.format(Locale.ROOT, "| TPU v1 | die area, mm^2 (array + SRAM + other) | %.0f (%.1f + %.1f + %.1f) | <= 331 |",
                ta.totalMm2(), ta.arrayMm2(), ta.sramMm2(), ta.otherMm2()));
        lines.add(String.format(Locale.ROOT, "| TPU v1 | static (leakage) power, W | %.1f | not published separately |", tm.leakageW()));

        Bits int8 = new Bits(8, 8, 8);
        Network gemm = new Network("gemm4096", List.of(
                new MatMulLayer("gemm", MatMulLayer.Kind.LINEAR, 1, 4096, 4096, 4096, int8, List.of())));
        CostReport busy = run(tm, tpu, gemm);
        lines.add(row("TPU v1", "busy: one 4096^3 int8 GEMM", busy, tpu, "40 W busy"));
        CostReport alex = run(tm, tpu, new Network("alexnet", alexNet(1, int8)));
        lines.add(row("TPU v1", "AlexNet batch 1 (conv + fc)", alex, tpu, "40 W busy"));

        AcceleratorSpec eye = arch("eyeriss.yaml");
        CostModel em = new CostModel(T, eye, PrecisionMode.FIXED, null);
        AreaBreakdown ea = em.area();
        lines.add(String.format(Locale.ROOT, "| Eyeriss | core area, mm^2 (array + SRAM + other) | %.2f (%.2f + %.2f + %.2f) | 16 (4 x 4 mm die) |",
                ea.totalMm2(), ea.arrayMm2(), ea.sramMm2(), ea.otherMm2()));
        lines.add(String.format(Locale.ROOT, "| Eyeriss | static (leakage) power, mW | %.0f | not published separately |", em.leakageW() * 1e3));
        CostReport conv = run(em, eye, new Network("alexnet-conv", alexNetConv(4, new Bits(16, 16, 16))));
        lines.add(String.format(Locale.ROOT,
                "| Eyeriss | AlexNet conv1-5, batch 4: frames/s; on-chip mW (MAC + SRAM + leakage); DRAM mW (lpddr4) "
                        + "| %.1f fps; %.0f mW (%.0f + %.0f + %.0f); %.0f mW | 34.7 fps; 278 mW |",
                4 * conv.inferencesPerSecond(), conv.onChipPowerW() * 1e3,
                conv.energy().macPj() * 1e-9 / conv.seconds(), conv.energy().sramPj() * 1e-9 / conv.seconds(),
                conv.energy().leakagePj() * 1e-9 / conv.seconds(), conv.energy().dramPj() * 1e-9 / conv.seconds()));

        String md = "| chip | quantity | pactsim estimate | published |\n|---|---|---|---|\n"
                + String.join("\n", lines) + "\n";
        System.out.println(md);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "cost-estimates.md"), md);

        for (CostReport r : List.of(busy, alex, conv)) {
            assertThat(r.energyPj()).isPositive().isFinite();
            assertThat(r.powerW()).isGreaterThan(r.onChipPowerW());
            assertThat(r.onChipPowerW()).isGreaterThan(0);
        }
        // Engine-independent lines must be in the document as computed here.
        Path doc = Path.of("docs", "cost-model.md");
        if (Files.exists(doc)) {
            String text = Files.readString(doc);
            assertThat(text).contains(lines.get(0), lines.get(1), lines.get(2), lines.get(5), lines.get(6));
        }
    }

    private static String row(String chip, String what, CostReport r, AcceleratorSpec acc, String published) {
        return String.format(Locale.ROOT, "| %s | %s: on-chip W (MAC + SRAM + leakage); DRAM W; utilization "
                        + "| %.1f W (%.1f + %.1f + %.1f); %.1f W; %.0f%% | %s |",
                chip, what, r.onChipPowerW(), r.energy().macPj() * 1e-12 / r.seconds(),
                r.energy().sramPj() * 1e-12 / r.seconds(), r.energy().leakagePj() * 1e-12 / r.seconds(),
                r.energy().dramPj() * 1e-12 / r.seconds(),
                100.0 * r.macs() / ((double) r.cycles() * acc.totalPes()), published);
    }
}
