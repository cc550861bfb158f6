package org.pactsim.io.format;

import org.pactsim.io.InputException;

import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pactsim.spec.NumberType;
import org.pactsim.workload.Bits;
import org.pactsim.workload.ConvLayer;
import org.pactsim.workload.Layer;
import org.pactsim.workload.MatMulLayer;
import org.pactsim.workload.Network;
import org.pactsim.workload.VectorLayer;
import org.pactsim.workload.VectorOp;

/**
 * Writes a network as a pactsim trace, CSV or YAML, in the columns of {@link TraceReader}
 * (see {@code docs/trace-format.md}). Each row carries only the columns its type reads, every
 * one of them explicit (no defaults relied on), so {@link TraceReader} reads back the same
 * layers. {@code comments} become leading {@code #} lines.
 */
public final class TraceWriter {
    private TraceWriter() {
    }

    /** Jackson's CSV writer, quoting a field only where it must. */
    private static final CsvMapper CSV = CsvMapper.builder()
            .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
            .build();

    /** The header of all {@link TraceReader#COLUMNS}; a column a row lacks is written empty. */
    private static final CsvSchema SCHEMA = columns();

    private static CsvSchema columns() {
        CsvSchema.Builder b = CsvSchema.builder().setUseHeader(true).setLineSeparator("\n");
        TraceReader.COLUMNS.forEach(b::addColumn);
        return b.build();
    }

    /** The CSV form: comments, the header of all {@link TraceReader#COLUMNS}, one row a layer. */
    public static String csv(Network net, List<String> comments) {
        StringBuilder sb = new StringBuilder();
        comments.forEach(c -> sb.append("# ").append(c).append('\n'));
        List<Map<String, String>> rows = new ArrayList<>(net.layers().size());
        for (Layer l : net.layers()) {
            rows.add(row(l));
        }
        try {
            sb.append(CSV.writer(SCHEMA).writeValueAsString(rows));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("trace " + net.name() + ": " + e.getOriginalMessage(), e);
        }
        return sb.toString();
    }

    /**
     * The YAML form ({@code schema: pactsim/trace/1}), one flow mapping per layer, so a layer
     * reads as one line as in the CSV form. Laid out here rather than by Jackson's YAML writer,
     * which writes block mappings only (a 150-layer trace would become 2,500 lines); the values
     * are the CSV form's ({@link #row}), and names are checked to need no escaping.
     */
    public static String yaml(Network net, List<String> comments) {
        StringBuilder sb = new StringBuilder();
        comments.forEach(c -> sb.append("# ").append(c).append('\n'));
        sb.append("schema: ").append(TraceReader.SCHEMA).append('\n');
        sb.append("name: ").append(quote(net.name())).append('\n');
        sb.append("layers:\n");
        for (Layer l : net.layers()) {
            sb.append("  - {");
            boolean first = true;
            for (Map.Entry<String, String> e : row(l).entrySet()) {
                boolean text = e.getKey().equals("name") || e.getKey().equals("inputs");
                sb.append(first ? "" : ", ").append(e.getKey()).append(": ")
                        .append(text ? quote(e.getValue()) : e.getValue());
                first = false;
            }
            sb.append("}\n");
        }
        return sb.toString();
    }

    /** The columns of one layer, in {@link TraceReader#COLUMNS} order, values as written. */
    static Map<String, String> row(Layer l) {
        Map<String, String> r = new LinkedHashMap<>();
        r.put("name", check(l.name()));
        r.put("type", l.type());
        if (!l.inputs().isEmpty()) {
            l.inputs().forEach(TraceWriter::check);
            r.put("inputs", String.join(";", l.inputs()));
        }
        if (l instanceof ConvLayer) {
            ConvLayer c = (ConvLayer) l;
            put(r, "batch", c.batch(), "inH", c.inH(), "inW", c.inW(), "inC", c.inC(), "outC", c.outC(),
                    "kH", c.kH(), "kW", c.kW(), "strideH", c.strideH(), "strideW", c.strideW(),
                    "padH", c.padH(), "padW", c.padW(), "groups", c.groups());
            r.put("bias", Boolean.toString(c.bias()));
        } else if (l instanceof MatMulLayer) {
            MatMulLayer m = (MatMulLayer) l;
            if (m.kind() == MatMulLayer.Kind.LINEAR) {
                if (m.count() != 1) {
                    throw new IllegalArgumentException("layer " + l.name() + ": an fc row has no count, found "
                            + m.count());
                }
                if (!m.quant().isNone()) {
                    throw new IllegalArgumentException("layer " + l.name() + ": the trace format has no column for"
                            + " group-wise weight scales or dequantization (" + m.quant() + ") yet");
                }
                put(r, "inC", m.k(), "outC", m.n());
                r.put("bias", Boolean.toString(m.bias()));
                put(r, "m", m.m());
            } else {
                put(r, "batch", m.count(), "m", m.m(), "n", m.n(), "k", m.k());
            }
        } else {
            VectorLayer v = (VectorLayer) l;
            put(r, "batch", v.batch(), "inH", v.inH(), "inW", v.inW(), "inC", v.inC());
            if (v.op().hasWindow()) {
                put(r, "kH", v.kH(), "kW", v.kW(), "strideH", v.strideH(), "strideW", v.strideW(),
                        "padH", v.padH(), "padW", v.padW());
            } else if (v.op().hasStride()) {
                put(r, "strideH", v.strideH(), "strideW", v.strideW());
            }
            if (v.op() == VectorOp.SLICE || v.op() == VectorOp.CELL) {
                put(r, "outC", v.outputShape().c());
            }
            if (v.learned() > 0) {
                put(r, "learned", v.learned());
            }
        }
        Bits b = l.bits();
        if (l.isGemm()) {
            r.put("weightBits", Integer.toString(b.weight()));
        }
        r.put("activationBits", Integer.toString(b.activation()));
        r.put("outputBits", Integer.toString(b.output()));
        r.put("numberType", b.type() == NumberType.FLOAT ? "float" : "int");
        Map<String, String> ordered = new LinkedHashMap<>();
        for (String c : TraceReader.COLUMNS) {
            if (r.containsKey(c)) {
                ordered.put(c, r.get(c));
            }
        }
        return ordered;
    }

    private static void put(Map<String, String> r, Object... kv) {
        for (int i = 0; i < kv.length; i += 2) {
            r.put((String) kv[i], kv[i + 1].toString());
        }
    }

    /** Names must survive both formats: no separators, quotes, line breaks or comment marks. */
    private static String check(String name) {
        if (name.matches(".*[,;|\"\\\\#\\r\\n].*") || !name.equals(name.strip())) {
            throw new IllegalArgumentException("layer name " + InputException.quote(name)
                    + " cannot be written to a trace (no , ; | \" \\ # or surrounding spaces)");
        }
        return name;
    }

    private static String quote(String s) {
        return "\"" + s + "\"";
    }
}
