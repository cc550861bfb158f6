package org.pactsim.io.format;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.pactsim.study.ReferenceDatum;

/** Reads the shipped reference data ({@link ReferenceDatum#RESOURCE}), the published figures of real chips. */
public final class ReferenceDataReader {
    private ReferenceDataReader() {
    }

    /** The shipped reference data, in file order. */
    public static List<ReferenceDatum> load() {
        CsvMapper mapper = new CsvMapper();
        mapper.enable(CsvParser.Feature.ALLOW_COMMENTS);
        List<ReferenceDatum> out = new ArrayList<>();
        try (InputStream in = ReferenceDataReader.class.getResourceAsStream(ReferenceDatum.RESOURCE);
             MappingIterator<Map<String, String>> rows = mapper.readerForMapOf(String.class)
                     .with(CsvSchema.emptySchema().withHeader()).readValues(in)) {
            while (rows.hasNext()) {
                Map<String, String> r = rows.next();
                if (r.size() != 10) {
                    throw new IllegalStateException(ReferenceDatum.RESOURCE + ": row " + r + " has not the 10 columns");
                }
                out.add(new ReferenceDatum(r.get("id"), r.get("chip"), r.get("quantity"), r.get("unit"),
                        Double.parseDouble(r.get("published")),
                        ReferenceDatum.Kind.valueOf(r.get("kind").toUpperCase(Locale.ROOT)),
                        Double.parseDouble(r.get("tolerance")), r.get("source"), r.get("location"), r.get("deviation")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
