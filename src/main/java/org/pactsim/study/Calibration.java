package org.pactsim.study;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.pactsim.cost.AreaBreakdown;
import org.pactsim.cost.AreaModel;
import org.pactsim.cost.CostModel;
import org.pactsim.cost.CostReport;
import org.pactsim.cost.CostTables;
import org.pactsim.engine.TimingModel;
import org.pactsim.sim.Costing;
import org.pactsim.sim.PricedResult;
import org.pactsim.sim.Simulation;
import org.pactsim.spec.AcceleratorSpec;
import org.pactsim.workload.Bits;
import org.pactsim.workload.ConvLayer;
import org.pactsim.workload.Layer;
import org.pactsim.workload.MatMulLayer;
import org.pactsim.workload.Network;

/**
 * pactsim's estimate of every published figure of the reference chips ({@link ReferenceDatum}):
 * TPU v1, Eyeriss v1 and DianNao, each computed as {@code pactsim simulate} reports it (the fold
 * engine and the memory model with its DRAM stalls, priced by {@link Costing}, steady state).
 * {@code pactsim calibrate} prints them; {@code ReferenceChipsTest} keeps them in CI.
 */
public final class Calibration {
    private Calibration() {
    }

    /** An estimate: its value in the datum's unit, and how it breaks down. */
    public record Estimate(double value, String detail) {
    }

    /** The reference chips, as their arch-configs describe them. */
    public record Chips(AcceleratorSpec tpu, AcceleratorSpec eyeriss, AcceleratorSpec diannao) {
    }

    /** AlexNet's five conv layers (Krizhevsky et al. 2012, two-group form, 227x227 input). */
    public static List<Layer> alexNetConv(long batch, Bits bits) {
        return List.of(
                new ConvLayer("conv1", batch, 227, 227, 3, 96, 11, 11, 4, 4, 0, 0, 1, bits, List.of()),
                new ConvLayer("conv2", batch, 27, 27, 96, 256, 5, 5, 1, 1, 2, 2, 2, bits, List.of()),
                new ConvLayer("conv3", batch, 13, 13, 256, 384, 3, 3, 1, 1, 1, 1, 1, bits, List.of()),
                new ConvLayer("conv4", batch, 13, 13, 384, 384, 3, 3, 1, 1, 1, 1, 2, bits, List.of()),
                new ConvLayer("conv5", batch, 13, 13, 384, 256, 3, 3, 1, 1, 1, 1, 2, bits, List.of()));
    }

    /** AlexNet, conv and fully connected layers. */
    public static List<Layer> alexNet(long batch, Bits bits) {
        List<Layer> l = new ArrayList<>(alexNetConv(batch, bits));
        l.add(new MatMulLayer("fc6", MatMulLayer.Kind.LINEAR, 1, batch, 4096, 9216, bits, List.of()));
        l.add(new MatMulLayer("fc7", MatMulLayer.Kind.LINEAR, 1, batch, 4096, 4096, bits, List.of()));
        l.add(new MatMulLayer("fc8", MatMulLayer.Kind.LINEAR, 1, batch, 1000, 4096, bits, List.of()));
        return l;
    }

    private static PricedResult simulate(AcceleratorSpec acc, Network net, CostTables t) {
        return Costing.price(Simulation.run(acc, net, TimingModel.PACTSIM), net, t);
    }

    private static double watts(double pj, CostReport r) {
        return pj * 1e-12 / r.seconds();
    }

    private static Network gemm(String name, long n, Bits bits) {
        return new Network(name, List.of(new MatMulLayer("gemm", MatMulLayer.Kind.LINEAR, 1, n, n, n, bits, List.of())),
                List.of());
    }

    /** Every estimate the reference data names, by datum id. */
    public static Map<String, Estimate> estimates(Chips chips, CostTables t) {
        Map<String, Estimate> e = new LinkedHashMap<>();
        AcceleratorSpec tpu = chips.tpu();
        CostModel tm = new CostModel(t, tpu, tpu.pe().mode(), tpu.dram().type());
        AreaBreakdown ta = tm.area();
        double tpuVector = AreaModel.vectorMm2(tpu, t);
        e.put("tpu-peak-tops", new Estimate(tm.peakTops(), ""));
        e.put("tpu-die-area", new Estimate(ta.totalMm2(), area(ta)));
        e.put("tpu-compute-share", new Estimate(100 * (ta.arrayMm2() + tpuVector) / ta.totalMm2(), String.format(
                Locale.ROOT, "array %.1f + vector unit %.1f mm^2", ta.arrayMm2(), tpuVector)));
        e.put("tpu-buffer-share", new Estimate(100 * ta.sramMm2() / ta.totalMm2(), String.format(Locale.ROOT,
                "unified buffer and accumulators %.1f mm^2", ta.sramMm2())));
        e.put("tpu-static-power", new Estimate(tm.leakageW(), ""));
        Bits int8 = new Bits(8, 8, 8);
        PricedResult busy = simulate(tpu, gemm("gemm4096", 4096, int8), t);
        CostReport b = busy.steadyCost();
        e.put("tpu-busy-power", new Estimate(b.onChipPowerW(), onChipDetail(busy, 1, "W")));
        e.put("tpu-busy-over-idle", new Estimate(watts(b.energy().onChipPj() - b.energy().leakagePj(), b),
                "the same run without leakage"));
        PricedResult alex = simulate(tpu, new Network("alexnet", alexNet(1, int8), List.of()), t);
        CostReport a = alex.steadyCost();
        e.put("tpu-alexnet-dram-bw", new Estimate(alex.run().steadyStateDramBytes() / a.seconds() / 1e9,
                String.format(Locale.ROOT, "%.1f MB in %.2f ms; DRAM %.1f W; %s", alex.run().steadyStateDramBytes() / 1e6,
                        a.seconds() * 1e3, watts(a.energy().dramPj(), a), onChipDetail(alex, 1, "W"))));

        AcceleratorSpec eye = chips.eyeriss();
        CostModel em = new CostModel(t, eye, eye.pe().mode(), eye.dram().type());
        AreaBreakdown ea = em.area();
        e.put("eyeriss-area", new Estimate(ea.totalMm2(), area(ea)));
        PricedResult conv = simulate(eye, new Network("alexnet-conv", alexNetConv(4, new Bits(16, 16, 16)), List.of()), t);
        CostReport c = conv.steadyCost();
        e.put("eyeriss-fps", new Estimate(4 * conv.run().inferencesPerSecond(), String.format(Locale.ROOT,
                "%.0f%% of the cycles stalled on DRAM", 100.0 * (conv.run().steadyStateCycles() - computeCycles(conv))
                        / conv.run().steadyStateCycles())));
        e.put("eyeriss-power", new Estimate(c.onChipPowerW() * 1e3, onChipDetail(conv, 1e3, "mW")));
        e.put("eyeriss-dram-per-mac", new Estimate(conv.run().steadyStateDramBytes() / 2.0 / c.macs(),
                String.format(Locale.ROOT, "%.1f MB per batch of 4", conv.run().steadyStateDramBytes() / 1e6)));

        AcceleratorSpec dn = chips.diannao();
        CostModel dm = new CostModel(t, dn, dn.pe().mode(), dn.dram().type());
        AreaBreakdown da = dm.area();
        e.put("diannao-peak-gops", new Estimate(dm.peakTops() * 1e3, ""));
        e.put("diannao-area", new Estimate(da.totalMm2(), area(da)));
        PricedResult dbusy = simulate(dn, gemm("gemm1024", 1024, new Bits(16, 16, 16)), t);
        e.put("diannao-power", new Estimate(dbusy.steadyCost().onChipPowerW() * 1e3, onChipDetail(dbusy, 1e3, "mW")));
        return e;
    }

    private static String area(AreaBreakdown a) {
        return String.format(Locale.ROOT, "array %s + SRAM %s + other %s", fmt(a.arrayMm2()), fmt(a.sramMm2()),
                fmt(a.otherMm2()));
    }

    private static long computeCycles(PricedResult r) {
        return r.run().steady().stream().mapToLong(m -> m.computeCycles()).sum();
    }

    /** "MAC + SRAM + leakage" of a steady-state inference, and the utilization. */
    private static String onChipDetail(PricedResult r, double scale, String unit) {
        CostReport c = r.steadyCost();
        return String.format(Locale.ROOT, "PE %s + SRAM %s + vector %s + NoC %s + leakage %s %s; utilization %.0f%%",
                fmt(watts(c.energy().macPj(), c) * scale), fmt(watts(c.energy().sramPj(), c) * scale),
                fmt(watts(c.energy().vectorPj(), c) * scale), fmt(watts(c.energy().nocPj(), c) * scale),
                fmt(watts(c.energy().leakagePj(), c) * scale), unit,
                100.0 * c.macs() / ((double) r.run().steadyStateCycles() * r.run().accelerator().totalPes()));
    }

    /** Three significant figures or so, as the tables print them. */
    public static String fmt(double v) {
        double a = Math.abs(v);
        String f = a >= 100 ? "%.0f" : a >= 10 ? "%.1f" : a >= 1 ? "%.2f" : a >= 0.1 ? "%.3f" : "%.2e";
        return String.format(Locale.ROOT, f, v);
    }
}
