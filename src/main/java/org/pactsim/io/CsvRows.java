package org.pactsim.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows of a CSV file read by Jackson's CSV parser (RFC 4180 quoting), each with the line it
 * starts on, for pactsim's own CSV formats: {@code #} lines are comments, blank lines are
 * skipped, fields are trimmed, and one empty field after a trailing comma is dropped. SCALE-Sim's
 * topology files keep their own rules ({@code io.scalesim.TopologyReader}).
 */
public final class CsvRows {
    private static final CsvMapper MAPPER = CsvMapper.builder()
            .enable(CsvParser.Feature.ALLOW_COMMENTS)
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
            .enable(CsvParser.Feature.TRIM_SPACES)
            .build();

    /** One row: its fields and the 1-based line it starts on. */
    public record Row(int line, List<String> fields) {
    }

    private CsvRows() {
    }

    /**
     * Every row of {@code text}; a malformed one (an unclosed quote) is an {@link InputException}
     * naming {@code origin} and its line.
     */
    public static List<Row> read(String text, String origin) {
        List<Row> rows = new ArrayList<>();
        try (JsonParser p = MAPPER.reader().with(MAPPER.schema()).createParser(text)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t != JsonToken.START_ARRAY) {
                    continue;
                }
                int line = 0;
                List<String> f = new ArrayList<>();
                while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null) {
                    if (line == 0) {
                        line = p.currentTokenLocation().getLineNr(); // a row's first field: its line
                    }
                    String v = p.getText();
                    f.add(v == null ? "" : v.strip());
                }
                if (f.size() > 1 && f.get(f.size() - 1).isEmpty()) {
                    f.remove(f.size() - 1);
                }
                if (f.stream().allMatch(String::isEmpty)) {
                    continue;
                }
                rows.add(new Row(line, f));
            }
        } catch (IOException e) {
            int line = e instanceof com.fasterxml.jackson.core.JsonProcessingException j && j.getLocation() != null
                    ? j.getLocation().getLineNr() : 0;
            throw InputException.at(origin + (line > 0 ? ":" + line : ""), null, "CSV fields (quotes closed on the"
                    + " line they open)", InputException.oneLine(String.valueOf(e.getMessage()).split("\n")[0]));
        }
        return rows;
    }
}
