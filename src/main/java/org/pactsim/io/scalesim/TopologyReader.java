package org.pactsim.io.scalesim;

import org.pactsim.io.InputException;
import org.pactsim.io.PlainNumber;

import java.util.ArrayList;
import java.util.List;
import org.pactsim.spec.SpecException;
import org.pactsim.workload.Bits;
import org.pactsim.workload.ConvLayer;
import org.pactsim.workload.Layer;
import org.pactsim.workload.MatMulLayer;
import org.pactsim.workload.Network;

/**
 * Reads SCALE-Sim topology CSVs. Convolution form: a header line, then
 * {@code name, IFMAP H, IFMAP W, Filter H, Filter W, Channels, Num filters, Stride[, Stride W],}
 * (no padding, batch 1). GEMM form: {@code name, M, N, K,}. Blank lines are skipped. As in
 * SCALE-Sim the field after a row's last comma is dropped, so rows end with a comma and text
 * after it (SCALE-Sim's {@code #dw} marks) is a comment; a row without the trailing comma is
 * still read when it has no field to spare (SCALE-Sim would fail on it). A layer whose name
 * contains {@code DP} is depthwise and, as in SCALE-Sim, expands into {@code Channels} layers
 * of one channel each. Every value is 8 bits wide: SCALE-Sim has one-byte words.
 */
public final class TopologyReader {
    /** Which SCALE-Sim topology form a file is in. */
    public enum Form { CONV, GEMM }

    private TopologyReader() {
    }

    /** Tells the forms apart by the header: a GEMM header's second to fourth fields are M, N, K. */
    public static Form detect(String text) {
        String[] lines = text.split("\r\n|\n|\r", -1);
        for (String l : lines) {
            if (l.isBlank()) {
                continue;
            }
            List<String> f = fields(l);
            if (f.size() == 4 && f.get(1).equalsIgnoreCase("M") && f.get(2).equalsIgnoreCase("N")
                    && f.get(3).equalsIgnoreCase("K")) {
                return Form.GEMM;
            }
            return Form.CONV;
        }
        return Form.CONV;
    }

    public static Network read(String text, String origin, String networkName, Form form) {
        String[] lines = text.split("\r\n|\n|\r", -1);
        List<Layer> layers = new ArrayList<>();
        boolean header = true;
        for (int n = 1; n <= lines.length; n++) {
            String line = lines[n - 1];
            if (line.isBlank()) {
                continue;
            }
            if (header) {
                header = false;
                continue;
            }
            List<String> f = rowFields(line, form == Form.GEMM ? 4 : 8);
            String where = origin + ":" + n;
            if (f.stream().allMatch(String::isEmpty)) {
                throw InputException.at(where, null, "a layer row", "a row of empty fields");
            }
            if (form == Form.GEMM) {
                readGemm(f, where, layers);
            } else {
                readConv(f, where, layers);
            }
        }
        if (layers.isEmpty()) {
            throw InputException.at(origin, null, "a header line and at least one layer row", "no layer rows");
        }
        return new Network(networkName, layers,
                List.of("SCALE-Sim topology: 8-bit weights, activations and outputs assumed (one-byte words)"));
    }

    private static void readConv(List<String> f, String where, List<Layer> out) {
        if (f.size() != 8 && f.size() != 9) {
            throw InputException.at(where, null,
                    "name, IFMAP H, IFMAP W, Filter H, Filter W, Channels, Num filters, Stride[, Stride W]",
                    fieldCount(f));
        }
        String name = name(f.get(0), where);
        String[] cols = {"IFMAP Height", "IFMAP Width", "Filter Height", "Filter Width", "Channels",
            "Num Filter", "Strides", "Stride W"};
        long[] v = new long[8];
        for (int i = 1; i < f.size(); i++) {
            v[i - 1] = positive(f.get(i), where, cols[i - 1]);
        }
        long strideW = f.size() == 9 ? v[7] : v[6];
        try {
            if (name.contains("DP")) {
                if (out.size() + v[4] > MAX_DEPTHWISE_LAYERS) {
                    throw InputException.at(where, "layer " + name + " Channels",
                            "at most " + MAX_DEPTHWISE_LAYERS + " channels in all on DP rows (each becomes a layer)",
                            Long.toString(v[4]));
                }
                for (long c = 0; c < v[4]; c++) {
                    out.add(new ConvLayer(name, 1, v[0], v[1], 1, v[5], v[2], v[3], v[6], strideW, 0, 0, 1,
                            Bits.INT8, List.of()));
                }
            } else {
                out.add(new ConvLayer(name, 1, v[0], v[1], v[4], v[5], v[2], v[3], v[6], strideW, 0, 0, 1,
                        Bits.INT8, List.of()));
            }
        } catch (SpecException e) {
            throw InputException.at(where, "layer " + name + " " + cols[colOf(e.violations().get(0).path())],
                    e.violations().get(0).expected(), e.violations().get(0).found());
        }
    }

    /** A DP row becomes one layer per channel, as in SCALE-Sim: bounded so a typo cannot build billions. */
    static final long MAX_DEPTHWISE_LAYERS = 1 << 16;

    private static int colOf(String path) {
        switch (path) {
            case "inH": return 0;
            case "inW": return 1;
            case "kH": return 2;
            case "kW": return 3;
            case "inC": return 4;
            case "outC": return 5;
            default: return 6;
        }
    }

    private static void readGemm(List<String> f, String where, List<Layer> out) {
        if (f.size() != 4) {
            throw InputException.at(where, null, "name, M, N, K", fieldCount(f));
        }
        String name = name(f.get(0), where);
        long m = positive(f.get(1), where, "M");
        long n = positive(f.get(2), where, "N");
        long k = positive(f.get(3), where, "K");
        out.add(new MatMulLayer(name, MatMulLayer.Kind.LINEAR, 1, m, n, k, Bits.INT8, List.of()));
    }

    private static String name(String s, String where) {
        if (s.isEmpty()) {
            throw InputException.at(where, "layer name", "a non-empty name", "an empty field");
        }
        String[] p = org.pactsim.spec.Names.problem(s);
        if (p != null) {
            throw InputException.at(where, "layer name", p[0], p[1]);
        }
        return s;
    }

    private static long positive(String s, String where, String col) {
        PlainNumber.checkText(s, where, col, "a whole number >= 1");
        long x;
        try {
            x = Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw InputException.at(where, col, "a whole number >= 1", InputException.quote(s));
        }
        if (x < 1 || x > ConvLayer.MAX_DIM) {
            throw InputException.at(where, col, "a whole number from 1 to " + ConvLayer.MAX_DIM, s);
        }
        return x;
    }

    /** "3 fields", with a hint when a lone field holds tabs or semicolons. */
    private static String fieldCount(List<String> f) {
        if (f.size() == 1 && (f.get(0).contains("\t") || f.get(0).contains(";"))) {
            return "1 field (fields are separated by commas; this row has tabs or semicolons)";
        }
        return f.size() + (f.size() == 1 ? " field" : " fields");
    }

    /**
     * A row's fields as SCALE-Sim takes them: it drops the last comma-separated field of every
     * row, so a row ends with a comma, and anything after the last comma (a comment such as
     * {@code #dw}) is ignored. A row without the trailing comma and with no field to spare
     * ({@code needed} or fewer) is kept whole, where SCALE-Sim would fail.
     */
    static List<String> rowFields(String line, int needed) {
        String[] parts = line.split(",", -1);
        List<String> f = new ArrayList<>(parts.length);
        for (String p : parts) {
            f.add(p.strip());
        }
        if (f.size() > 1 && (f.get(f.size() - 1).isEmpty() || f.size() > needed)) {
            f.remove(f.size() - 1);
        }
        return f;
    }

    /** Comma-separated fields, trimmed, with one trailing empty field dropped. */
    public static List<String> fields(String line) {
        String[] parts = line.split(",", -1);
        List<String> f = new ArrayList<>(parts.length);
        for (String p : parts) {
            f.add(p.strip());
        }
        if (f.size() > 1 && f.get(f.size() - 1).isEmpty()) {
            f.remove(f.size() - 1);
        }
        return f;
    }

}
