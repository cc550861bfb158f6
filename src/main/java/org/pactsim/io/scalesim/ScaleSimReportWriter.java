package org.pactsim.io.scalesim;

import org.pactsim.io.PyFloat;
import org.pactsim.io.out.AtomicFiles;

import java.nio.file.Path;
import java.util.List;
import org.pactsim.engine.LayerResult;
import org.pactsim.engine.NetworkResult;
import org.pactsim.engine.ScaleSimAccess;
import org.pactsim.engine.ScaleSimUtilization;
import org.pactsim.spec.AcceleratorSpec;
import org.pactsim.workload.Layer;

/**
 * Writes SCALE-Sim v2's three report files in its exact format: {@code ", "} separators, a
 * trailing comma on every line, floats as Python prints them.
 */
public final class ScaleSimReportWriter {
    public static final String COMPUTE = "COMPUTE_REPORT.csv";
    public static final String BANDWIDTH = "BANDWIDTH_REPORT.csv";
    public static final String DETAILED = "DETAILED_ACCESS_REPORT.csv";

    private ScaleSimReportWriter() {
    }

    /** The three reports as file name and content, in the order SCALE-Sim writes them. */
    public static List<String[]> render(NetworkResult result, List<Layer> layers) {
        AcceleratorSpec acc = result.accelerator();
        StringBuilder compute = new StringBuilder(
                "LayerID, Total Cycles, Stall Cycles, Overall Util %, Mapping Efficiency %, Compute Util %,\n");
        StringBuilder bw = new StringBuilder("LayerID, Avg IFMAP SRAM BW, Avg FILTER SRAM BW, Avg OFMAP SRAM BW, "
                + "Avg IFMAP DRAM BW, Avg FILTER DRAM BW, Avg OFMAP DRAM BW,\n");
        StringBuilder det = new StringBuilder("LayerID, SRAM IFMAP Start Cycle, SRAM IFMAP Stop Cycle, SRAM IFMAP Reads, "
                + "SRAM Filter Start Cycle, SRAM Filter Stop Cycle, SRAM Filter Reads, SRAM OFMAP Start Cycle, "
                + "SRAM OFMAP Stop Cycle, SRAM OFMAP Writes, DRAM IFMAP Start Cycle, DRAM IFMAP Stop Cycle, "
                + "DRAM IFMAP Reads, DRAM Filter Start Cycle, DRAM Filter Stop Cycle, DRAM Filter Reads, "
                + "DRAM OFMAP Start Cycle, DRAM OFMAP Stop Cycle, DRAM OFMAP Writes,\n");
        for (int i = 0; i < result.layers().size(); i++) {
            LayerResult r = result.layers().get(i);
            ScaleSimAccess a = ScaleSimAccess.of(acc, layers.get(i), r);
            ScaleSimUtilization u = ScaleSimUtilization.of(r);
            double cyc = r.cycles();
            compute.append(i).append(", ").append(r.cycles()).append(", ").append(r.stallCycles()).append(", ")
                    .append(PyFloat.repr(u.overallUtil())).append(", ")
                    .append(PyFloat.repr(u.mappingEfficiency())).append(", ")
                    .append(PyFloat.repr(u.computeUtil())).append(",\n");
            bw.append(i).append(", ")
                    .append(PyFloat.repr(a.ifmapSramReads() / cyc)).append(", ")
                    .append(PyFloat.repr(a.filterSramReads() / cyc)).append(", ")
                    .append(PyFloat.repr(a.ofmapSramWrites() / cyc)).append(", ")
                    .append(PyFloat.repr(rate(a.ifmapDramReads(), a.ifmapDramStart(), a.ifmapDramStop()))).append(", ")
                    .append(PyFloat.repr(rate(a.filterDramReads(), a.filterDramStart(), a.filterDramStop()))).append(", ")
                    .append(PyFloat.repr(rate(a.ofmapDramWrites(), a.ofmapDramStart(), a.ofmapDramStop()))).append(",\n");
            det.append(i);
            long[] v = {a.ifmapSramStart(), a.ifmapSramStop(), a.ifmapSramReads(),
                a.filterSramStart(), a.filterSramStop(), a.filterSramReads(),
                a.ofmapSramStart(), a.ofmapSramStop(), a.ofmapSramWrites(),
                a.ifmapDramStart(), a.ifmapDramStop(), a.ifmapDramReads(),
                a.filterDramStart(), a.filterDramStop(), a.filterDramReads(),
                a.ofmapDramStart(), a.ofmapDramStop(), a.ofmapDramWrites()};
            for (int j = 0; j < v.length; j++) {
                det.append(", ").append(j % 3 == 2 ? Long.toString(v[j]) : v[j] + ".0");
            }
            det.append(",\n");
        }
        return List.of(new String[] {COMPUTE, compute.toString()}, new String[] {BANDWIDTH, bw.toString()},
                new String[] {DETAILED, det.toString()});
    }

    private static double rate(long count, long start, long stop) {
        long span = stop - start + 1;
        return span <= 0 ? 0.0 : (double) count / span;
    }

    /** Writes the reports into {@code dir}, each file atomically. */
    public static void write(Path dir, NetworkResult result, List<Layer> layers) {
        for (String[] f : render(result, layers)) {
            AtomicFiles.write(dir.resolve(f[0]), f[1]);
        }
    }
}
