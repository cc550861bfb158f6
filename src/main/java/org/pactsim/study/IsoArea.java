package org.pactsim.study;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.pactsim.cost.CostTables;
import org.pactsim.engine.TimingModel;
import org.pactsim.sim.Costing;
import org.pactsim.sim.PricedResult;
import org.pactsim.sim.Simulation;
import org.pactsim.spec.AcceleratorSpec;
import org.pactsim.spec.ArraySpec;
import org.pactsim.spec.NumberType;
import org.pactsim.spec.PeSpec;
import org.pactsim.spec.Precision;
import org.pactsim.spec.SpecException;
import org.pactsim.spec.SramSpec;
import org.pactsim.workload.Network;
import org.pactsim.workload.PrecisionVariant;
import org.pactsim.workload.TracePrecision;

/**
 * The PACT iso-area study (Choi et al., arXiv 1805.06085, Sec. 6): for each precision, fill
 * the same compute area with PEs of that precision — more cores of the base array, or larger
 * arrays — keep the total on-chip SRAM and the DRAM bandwidth fixed, run the network at that
 * precision through the memory and cost models, and compare with the baseline precision at the
 * same bandwidth.
 *
 * <p>Sizing: a PE's area is the cost tables' at the base chip's node. The budget is the
 * baseline's array area unless given. Adding cores: {@code floor(budget / core area)} cores,
 * so a design is within one core of the budget. Growing arrays: the base number of cores, each
 * {@code s x c} with {@code s = floor(sqrt(budget / (cores x PE area)))} rows and as many
 * columns as then fit, so a design is within one column per core of the budget. SRAM per core
 * is the base chip's total divided among the cores.
 */
public final class IsoArea {
    private IsoArea() {
    }

    /** The sized designs and every (precision, bandwidth) point, baseline first. */
    public record Result(IsoAreaPlan plan, AcceleratorSpec base, List<IsoAreaDesign> designs, List<IsoAreaPoint> points) {
        public Result {
            designs = List.copyOf(designs);
            points = List.copyOf(points);
        }
    }

    public static Result run(AcceleratorSpec base, Function<PrecisionVariant, Network> networks, IsoAreaPlan plan,
                             CostTables tables) {
        List<IsoAreaDesign> designs = size(base, plan, tables);
        List<IsoAreaPoint> points = new ArrayList<>();
        for (double bw : plan.bandwidthsGBps()) {
            PricedResult baseline = null;
            for (IsoAreaDesign d : designs) {
                AcceleratorSpec acc = withBandwidth(d.accelerator(), bw);
                Network net = networks.apply(d.precision());
                PricedResult r;
                try {
                    r = Costing.price(Simulation.run(acc, net, TimingModel.PACTSIM), net, tables);
                } catch (SpecException e) {
                    String at = "design " + describe(d, acc, bw) + ", ";
                    throw new SpecException(e.violations().stream()
                            .map(v -> new org.pactsim.spec.Violations.Violation(at + v.path(), v.expected(), v.found()))
                            .toList());
                } catch (org.pactsim.engine.OverflowException e) {
                    throw new org.pactsim.engine.OverflowException("design " + describe(d, acc, bw) + ": " + e.getMessage());
                }
                if (baseline == null) {
                    baseline = r;
                }
                double speedup = r.run().inferencesPerSecond() / baseline.run().inferencesPerSecond();
                double peakRatio = r.cost().peakTops() / baseline.cost().peakTops();
                points.add(new IsoAreaPoint(d, bw, r, speedup, peakRatio, speedup / peakRatio,
                        org.pactsim.memory.Compulsory.bytes(net)));
            }
        }
        return new Result(plan, base, designs, points);
    }

    /**
     * One design per precision, at the area budget. The budget is what the base chip's cores
     * cost in compute: their PE arrays and their vector units (issue 20: 69 int2 cores no longer
     * get their vector units for free); each design fills it with cores of the base array or with
     * larger arrays, every core paying for its own vector unit. Control and I/O are a share of the
     * whole die ({@code otherAreaFraction}), the same for every design, so they do not move the sizing.
     */
    public static List<IsoAreaDesign> size(AcceleratorSpec base, IsoAreaPlan plan, CostTables tables) {
        double basePe = peAreaUm2(plan.precisions().get(0), base, tables);
        double baseVector = vectorUm2(plan.precisions().get(0), base, tables);
        double budgetMm2 = Double.isNaN(plan.areaMm2())
                ? (base.totalPes() * basePe + base.cores() * baseVector) / 1e6 : plan.areaMm2();
        long totalSramKiB = Math.multiplyExact(base.sram().totalKiB(), base.cores());
        List<IsoAreaDesign> out = new ArrayList<>();
        for (PrecisionVariant p : plan.precisions()) {
            double pe = peAreaUm2(p, base, tables);
            double vector = vectorUm2(p, base, tables);
            double budgetUm2 = budgetMm2 * 1e6;
            int cores;
            ArraySpec array;
            if (plan.scaleArrays()) {
                cores = base.cores();
                double arrays = budgetUm2 - cores * vector; // what the cores' vector units leave for their arrays
                long side = arrays <= 0 ? 0 : (long) Math.floor(Math.sqrt(arrays / (cores * pe)));
                long cols = side < 1 ? 0 : (long) Math.floor(arrays / (cores * side * pe));
                if (side < 1 || cols < 1) {
                    throw new SpecException("areaMm2", "room for at least one PE per core", budgetMm2 + " mm^2");
                }
                array = base.array().withSides((int) Math.min(side, ArraySpec.MAX_SIDE),
                        (int) Math.min(cols, ArraySpec.MAX_SIDE));
            } else {
                array = base.array();
                double core = array.pes() * pe + vector;
                long c = (long) Math.floor(budgetUm2 / core);
                if (c < 1) {
                    throw new SpecException("areaMm2", "room for at least one " + array.rows() + "x" + array.cols()
                            + " core of " + p.key() + " PEs (" + core / 1e6 + " mm^2)", budgetMm2 + " mm^2");
                }
                if (c > 1 << 16) {
                    throw new SpecException("areaMm2", "at most 65536 cores", c + " cores");
                }
                cores = (int) c;
            }
            // every field of the base chip but the ones sized here (name, array sides, cores, PE, SRAM per core)
            AcceleratorSpec acc = base.withName(base.name() + "-" + p.key()).withArray(array).withCores(cores)
                    .withPe(peSpec(p, base.pe())).withSram(sram(base.sram(), base.cores(), cores, totalSramKiB));
            out.add(new IsoAreaDesign(p, acc, pe, acc.totalPes() * pe / 1e6, budgetMm2,
                    acc.cores() * vector / 1e6));
        }
        return out;
    }

    /** The PE of a precision: its width for weights and activations, the base PE's accumulator and mode. */
    static PeSpec peSpec(PrecisionVariant p, PeSpec base) {
        TracePrecision t = p.precision();
        int bits = t.bits();
        NumberType type = t.type();
        return new PeSpec(bits, bits, type, Math.max(base.accumulatorBits(), bits), base.mode());
    }

    public static double peAreaUm2(PrecisionVariant p, AcceleratorSpec base, CostTables tables) {
        PeSpec pe = peSpec(p, base.pe());
        // the PE as priced (its parts, scratchpads included; the version 1 tables: its mac row)
        return tables.pe(base.withPe(pe), pe.mode()).areaUm2();
    }

    /** One core's vector unit at precision {@code p}, placed, in um^2 (0 with the version 1 tables). */
    public static double vectorUm2(PrecisionVariant p, AcceleratorSpec base, CostTables tables) {
        return org.pactsim.cost.AreaModel.vectorMm2(base.withPe(peSpec(p, base.pe())).withCores(1), tables) * 1e6;
    }

    /** The base chip's total SRAM divided among {@code cores} (each buffer in proportion). */
    static SramSpec sram(SramSpec s, int baseCores, int cores, long totalKiB) {
        if (s.isUnified()) {
            return SramSpec.unified(Math.max(1, totalKiB / cores));
        }
        return SramSpec.split(Math.max(1, s.ifmapKiB() * baseCores / cores), Math.max(1, s.filterKiB() * baseCores / cores),
                Math.max(1, s.ofmapKiB() * baseCores / cores));
    }

    /** A design point as a user names it: precision, bandwidth, cores, array and SRAM per core. */
    static String describe(IsoAreaDesign d, AcceleratorSpec acc, double bw) {
        return d.precision().key() + " at " + (Double.isInfinite(bw) ? "unlimited bandwidth" : bw + " GB/s") + " ("
                + acc.cores() + " cores of " + acc.array().rows() + "x" + acc.array().cols() + ", "
                + (acc.sram().isUnified() ? acc.sram().unifiedKiB() + " KiB unified" : "split SRAM") + " per core)";
    }

    /** {@code a} at another peak DRAM bandwidth, every other field kept (vector unit, schedule, DRAM realism). */
    static AcceleratorSpec withBandwidth(AcceleratorSpec a, double gbps) {
        return a.withDram(a.dram().withBandwidth(gbps));
    }
}
