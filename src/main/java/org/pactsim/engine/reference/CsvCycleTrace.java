package org.pactsim.engine.reference;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A cycle trace written as CSV, one row per event, at most {@code maxRows} rows (then one
 * comment line says the trace was cut and the engine stops reporting events):
 * {@code layer,cycle,core,fold,unit,row,col,event,value}.
 *
 * <p>{@code row}/{@code col}: for PE events the PE's position; for feeder reads the operand's
 * matrix indices (spatial index and step along {@code T}); for writes the output's indices in
 * the layer's {@code M x N} output; -1 where none applies. {@code value} is the operand, the
 * new accumulator or partial sum, the written output, or the number of PEs switched.
 */
public final class CsvCycleTrace implements CycleTrace {
    public static final String HEADER = "layer,cycle,core,fold,unit,row,col,event,value";
    /** The CLI's bound: about 40 MB of CSV. */
    public static final long DEFAULT_MAX_ROWS = 1_000_000;

    private final Appendable out;
    private final long maxRows;
    private long rows;
    private String layer = "";

    public CsvCycleTrace(Appendable out, long maxRows) {
        if (maxRows < 1) {
            throw new IllegalArgumentException("maxRows must be >= 1, found " + maxRows);
        }
        this.out = out;
        this.maxRows = maxRows;
        append(HEADER + "\n");
    }

    /** Names the layer of the rows that follow. */
    public void layer(String name) {
        layer = name.indexOf(',') >= 0 || name.indexOf('"') >= 0
                ? "\"" + name.replace("\"", "\"\"") + "\"" : name;
    }

    @Override
    public void event(long cycle, int core, long fold, Unit unit, int row, int col, Event event, long value) {
        if (rows >= maxRows) {
            return;
        }
        rows++;
        append(layer + "," + cycle + "," + core + "," + fold + "," + unit + "," + row + "," + col + ","
                + event + "," + value + "\n");
        if (rows == maxRows) {
            append("# trace cut at " + maxRows + " rows; later events are not written\n");
        }
    }

    @Override
    public boolean full() {
        return rows >= maxRows;
    }

    /** Rows written so far, header and comment excluded. */
    public long rows() {
        return rows;
    }

    private void append(String s) {
        try {
            out.append(s);
        } catch (IOException e) {
            throw new UncheckedIOException("cycle trace: " + e.getMessage(), e);
        }
    }
}
