package org.pactsim.study;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One published figure of a real chip, with where it was published and how close pactsim's
 * estimate must come ({@code src/main/resources/org/pactsim/cost/reference-chips.csv}, whose
 * header comment explains the columns).
 */
public record ReferenceDatum(String id, String chip, String quantity, String unit, double published, Kind kind,
                      double tolerance, String source, String location, String deviation) {
    public static final String RESOURCE = "/org/pactsim/cost/reference-chips.csv";

    /** How the estimate is compared with the published figure. */
    public enum Kind {
        /** Within {@code tolerance} of it, relatively. */
        VALUE,
        /** At most {@code published x (1 + tolerance)}. */
        MAX,
        /** Within {@code tolerance} of it absolutely, in its unit (a share of the die in points). */
        POINTS
    }

    public ReferenceDatum {
        if (!(published > 0) || !(tolerance >= 0) || source.isBlank() || location.isBlank()) {
            throw new IllegalArgumentException(id + ": a positive figure, a tolerance >= 0, a source and a location");
        }
    }

    public boolean knownDeviation() {
        return !deviation.isBlank();
    }

    /** Whether {@code estimate} meets the datum. */
    public boolean within(double estimate) {
        return switch (kind) {
            case VALUE -> Math.abs(estimate / published - 1) <= tolerance;
            case MAX -> estimate <= published * (1 + tolerance);
            case POINTS -> Math.abs(estimate - published) <= tolerance;
        };
    }

    /** The shipped reference data, in file order. */
    public static List<ReferenceDatum> load() throws IOException {
        CsvMapper mapper = new CsvMapper();
        mapper.enable(CsvParser.Feature.ALLOW_COMMENTS);
        List<ReferenceDatum> out = new ArrayList<>();
        try (InputStream in = ReferenceDatum.class.getResourceAsStream(RESOURCE);
             MappingIterator<Map<String, String>> rows = mapper.readerForMapOf(String.class)
                     .with(CsvSchema.emptySchema().withHeader()).readValues(in)) {
            while (rows.hasNext()) {
                Map<String, String> r = rows.next();
                if (r.size() != 10) {
                    throw new IllegalArgumentException(RESOURCE + ": row " + r + " has not the 10 columns");
                }
                out.add(new ReferenceDatum(r.get("id"), r.get("chip"), r.get("quantity"), r.get("unit"),
                        Double.parseDouble(r.get("published")), Kind.valueOf(r.get("kind").toUpperCase(java.util.Locale.ROOT)),
                        Double.parseDouble(r.get("tolerance")), r.get("source"), r.get("location"), r.get("deviation")));
            }
        }
        return out;
    }
}
