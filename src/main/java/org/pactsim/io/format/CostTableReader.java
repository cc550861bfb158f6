package org.pactsim.io.format;

import org.pactsim.io.InputException;
import org.pactsim.io.InputFiles;
import org.pactsim.io.InputProblems;
import org.pactsim.io.Schemas;
import org.pactsim.io.Suggest;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pactsim.cost.CostTables;
import org.pactsim.cost.DramTable;
import org.pactsim.cost.IntMacFit;
import org.pactsim.cost.LeakageTable;
import org.pactsim.cost.MacTable;
import org.pactsim.cost.ParamTable;
import org.pactsim.cost.PartTable;
import org.pactsim.cost.Provenance;
import org.pactsim.cost.SramTable;
import org.pactsim.cost.TableKind;
import org.pactsim.cost.TechTable;
import org.pactsim.spec.SiliconSpec;
import org.pactsim.spec.SpecException;

/**
 * Reads cost tables: a CSV file that starts with {@code # schema: pactsim/cost/1} and holds
 * one or more tables, each opened by a {@code # table: KIND} line and followed by a header
 * line (the kind's columns, in any order) and rows. Other lines starting with {@code #} are
 * comments. Strict: unknown or missing columns, bad values, empty sources and duplicate
 * tables are errors naming {@code FILE:LINE}. A user's file replaces the default tables of
 * the kinds it holds.
 */
public final class CostTableReader {
    public static final String SCHEMA = Schemas.COST;
    /** Classpath location of the shipped tables. */
    public static final String DEFAULT_RESOURCE = "/org/pactsim/cost/default-tables.csv";
    /** Name the shipped tables are reported under. */
    public static final String DEFAULT_ORIGIN = "default-tables.csv";

    private static final List<String> PROVENANCE = List.of("basis", "derivation", "source");
    /** The columns of each kind, provenance columns last. */
    public static final Map<TableKind, List<String>> COLUMNS = columns();

    /** Columns a file may leave out: leakage without flavour is one row for every flavour (version 1 files). */
    public static final Map<TableKind, List<String>> OPTIONAL = Map.of(TableKind.LEAKAGE, List.of("flavour"));

    private static final Pattern SCHEMA_LINE = Pattern.compile("#\\s*schema:\\s*(\\S*)\\s*");
    private static final Pattern TABLE_LINE = Pattern.compile("#\\s*table:\\s*(\\S*)\\s*");
    private static final CsvMapper CSV = CsvMapper.builder()
            .enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .enable(CsvParser.Feature.TRIM_SPACES)
            .build();

    private CostTableReader() {
    }

    private static Map<TableKind, List<String>> columns() {
        Map<TableKind, List<String>> m = new EnumMap<>(TableKind.class);
        m.put(TableKind.MAC, List.of("mode", "precision", "areaUm2", "energyPjPerPeCycle", "nodeNm"));
        m.put(TableKind.PART, List.of("part", "quantity", "k2", "k1", "k0", "nodeNm"));
        m.put(TableKind.MAC_FIT, List.of("quantity", "k2", "k1", "k0", "nodeNm"));
        m.put(TableKind.SRAM, List.of("capacityBytes", "readPjPerBit", "writePjPerBit", "areaUm2PerBit", "nodeNm"));
        m.put(TableKind.DRAM, List.of("type", "energyPjPerBit"));
        m.put(TableKind.LEAKAGE, List.of("component", "flavour", "leakageMwPerMm2", "nodeNm"));
        m.put(TableKind.TECH, List.of("nodeNm", "areaFactor", "energyFactor"));
        m.put(TableKind.PARAMS, List.of("name", "value", "unit"));
        m.replaceAll((k, v) -> {
            List<String> all = new ArrayList<>(v);
            all.addAll(PROVENANCE);
            return List.copyOf(all);
        });
        return java.util.Collections.unmodifiableMap(m);
    }

    /** The shipped tables (read once; immutable). */
    public static CostTables defaults() {
        return Defaults.TABLES;
    }

    /** The text of the shipped tables file. */
    public static String defaultText() {
        try (InputStream in = CostTableReader.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + DEFAULT_RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + DEFAULT_RESOURCE, e);
        }
    }

    private static final class Defaults {
        static final CostTables TABLES = complete(parse(defaultText(), DEFAULT_ORIGIN), DEFAULT_ORIGIN);
    }

    /** The shipped tables, each kind replaced by the last of {@code files} that holds it. */
    public static CostTables read(List<Path> files) {
        CostTables t = defaults();
        for (Path f : files) {
            t = t.override(parse(InputFiles.read(f), f.toString()));
        }
        return t;
    }

    /** A file that must hold every table kind. */
    public static CostTables complete(CostTables.Partial p, String origin) {
        if (!p.complete()) {
            throw InputException.at(origin, null, "every table (" + String.join(", ", keys()) + ")", "some missing");
        }
        return CostTables.of(p);
    }

    private static List<String> keys() {
        List<String> k = new ArrayList<>();
        for (TableKind t : TableKind.values()) {
            k.add(t.key());
        }
        return k;
    }

    /** Parses one file's tables; kinds it does not hold are null. */
    public static CostTables.Partial parse(String text, String origin) {
        return parse(text, origin, null);
    }

    /**
     * As {@link #parse(String, String)}; with {@code problems} it records every error it finds,
     * going on with the next row or table, and returns null when there was any.
     */
    public static CostTables.Partial parse(String text, String origin, InputProblems problems) {
        String[] lines = text.split("\r\n|\n|\r", -1);
        Map<TableKind, Section> sections = new EnumMap<>(TableKind.class);
        Section cur = null;
        boolean schemaSeen = false;
        boolean skipping = false;
        int before = problems == null ? 0 : problems.count();
        for (int n = 1; n <= lines.length; n++) {
            String line = lines[n - 1].strip();
            if (line.isEmpty()) {
                continue;
            }
            String where = origin + ":" + n;
            if (!schemaSeen) {
                schemaSeen = true;
                Matcher m = SCHEMA_LINE.matcher(line);
                if (m.matches() && m.group(1).equals(SCHEMA)) {
                    continue;
                }
                InputProblems.recover(problems, InputException.at(where, null, "a first line '# schema: " + SCHEMA
                        + "'", InputException.quote(line)), null);
            }
            if (line.startsWith("#")) {
                Matcher m = TABLE_LINE.matcher(line);
                if (m.matches()) {
                    TableKind kind = TableKind.parse(m.group(1));
                    if (kind == null) {
                        String hint = Suggest.closest(m.group(1), keys());
                        InputProblems.recover(problems, InputException.at(where, "table", hint != null
                                ? "a known table (did you mean " + hint + "?)" : "one of " + String.join(", ", keys()),
                                InputException.quote(m.group(1))), null);
                    } else if (sections.containsKey(kind)) {
                        InputProblems.recover(problems, InputException.at(where, "table " + kind.key(),
                                "each table once in a file", "a second one (first at line " + sections.get(kind).line
                                + ")"), null);
                        kind = null;
                    }
                    finish(cur, origin);
                    cur = kind == null ? null : new Section(kind, origin, n, problems);
                    skipping = kind == null;
                    if (kind != null) {
                        sections.put(kind, cur);
                    }
                }
                continue;
            }
            if (cur == null) {
                if (!skipping) {
                    InputProblems.recover(problems, InputException.at(where, null,
                            "a '# table: KIND' line before any header or row", InputException.quote(line)), null);
                }
                skipping = true;
                continue;
            }
            cur.line(line, n);
        }
        if (!schemaSeen) {
            InputProblems.recover(problems, InputException.at(origin, null, "a first line '# schema: " + SCHEMA + "'",
                    "an empty file"), null);
        }
        finish(cur, origin);
        if (sections.isEmpty() && (problems == null || problems.count() == before)) {
            InputProblems.recover(problems, InputException.at(origin, null, "at least one '# table: KIND' section",
                    "none"), null);
        }
        Map<TableKind, Object> t = new EnumMap<>(TableKind.class);
        for (Section sec : sections.values()) {
            t.put(sec.kind, build(sec));
        }
        if (problems != null && problems.count() > before) {
            return null;
        }
        return new CostTables.Partial((MacTable) t.get(TableKind.MAC), (IntMacFit) t.get(TableKind.MAC_FIT),
                (SramTable) t.get(TableKind.SRAM), (DramTable) t.get(TableKind.DRAM),
                (LeakageTable) t.get(TableKind.LEAKAGE), (TechTable) t.get(TableKind.TECH),
                (ParamTable) t.get(TableKind.PARAMS), (PartTable) t.get(TableKind.PART));
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> cast(List<Object> rows) {
        return (List<T>) (List<?>) rows;
    }

    private static void finish(Section s, String origin) {
        if (s == null) {
            return;
        }
        if (s.header == null || s.rowLines == 0) {
            s.broken = true;
            InputProblems.recover(s.problems, InputException.at(origin + ":" + s.line, "table " + s.kind.key(),
                    "a header line and at least one row", s.header == null ? "no header" : "no rows"), null);
        }
    }

    /** The table of a section's kind from its rows; null when the section is broken. */
    private static Object build(Section s) {
        if (s.broken) {
            return null;
        }
        try {
            return switch (s.kind) {
                case MAC -> new MacTable(cast(s.rows));
                case MAC_FIT -> fit(s.rows);
                case PART -> new PartTable(cast(s.rows));
                case SRAM -> new SramTable(cast(s.rows));
                case DRAM -> new DramTable(cast(s.rows));
                case LEAKAGE -> new LeakageTable(cast(s.rows));
                case TECH -> new TechTable(cast(s.rows));
                case PARAMS -> new ParamTable(cast(s.rows));
            };
        } catch (SpecException e) {
            for (var v : s.problems == null ? e.violations().subList(0, 1) : e.violations()) {
                InputProblems.recover(s.problems, InputException.at(s.origin + ":" + s.line, "table " + s.kind.key(),
                        v.expected(), v.found()), null);
            }
            return null;
        }
    }

    private static IntMacFit fit(List<Object> rows) {
        Map<String, IntMacFit.Term> by = new HashMap<>();
        for (Object o : rows) {
            FitRow r = (FitRow) o;
            if (by.put(r.quantity, r.term) != null) {
                throw new SpecException("quantity", "each quantity once", r.quantity + " twice");
            }
        }
        if (!by.containsKey("areaUm2") || !by.containsKey("energyPjPerPeCycle")) {
            throw new SpecException("quantity", "an areaUm2 row and an energyPjPerPeCycle row", "only " + by.keySet());
        }
        return new IntMacFit(by.get("areaUm2"), by.get("energyPjPerPeCycle"));
    }

    private record FitRow(String quantity, IntMacFit.Term term) {
    }

    /** Splits one CSV line (quotes honoured, fields trimmed). */
    static List<String> fields(String line, String where) {
        try (MappingIterator<String[]> it = CSV.readerFor(String[].class).readValues(line)) {
            if (!it.hasNext()) {
                return List.of();
            }
            String[] a = it.next();
            if (it.hasNext()) {
                throw InputException.at(where, null, "one CSV record on the line", "more");
            }
            List<String> out = new ArrayList<>(a.length);
            for (String s : a) {
                out.add(s == null ? "" : s.strip());
            }
            return out;
        } catch (IOException | RuntimeException e) {
            if (e instanceof InputException ie) {
                throw ie;
            }
            throw InputException.at(where, null, "a CSV line with closed quotes", InputException.quote(line));
        }
    }

    /** One table being read. */
    private static final class Section {
        final TableKind kind;
        final String origin;
        final int line;
        List<String> header;
        final List<Object> rows = new ArrayList<>();
        /** Null when strict. */
        final InputProblems problems;
        /** Collecting: a problem was recorded in this table, which is then not built. */
        boolean broken;
        /** Row lines seen, read or not. */
        int rowLines;

        Section(TableKind kind, String origin, int line, InputProblems problems) {
            this.kind = kind;
            this.origin = origin;
            this.line = line;
            this.problems = problems;
        }

        /** A header or row line; collecting, a bad one is recorded and the table marked broken. */
        void line(String line, int n) {
            if (header != null) {
                rowLines++;
                if (headerBad) {
                    return;
                }
            }
            try {
                List<String> f = fields(line, origin + ":" + n);
                if (header == null) {
                    header(f, n);
                } else {
                    row(f, n);
                }
            } catch (InputException e) {
                broken = true;
                InputProblems.recover(problems, e, null);
                if (header == null) {
                    header = List.of();
                    headerBad = true;
                }
            }
        }

        /** Collecting: the header had a problem, its rows are not read. */
        boolean headerBad;

        void header(List<String> f, int n) {
            List<String> known = COLUMNS.get(kind);
            Set<String> seen = new LinkedHashSet<>();
            String where = origin + ":" + n;
            int before = problems == null ? 0 : problems.count();
            for (String h : f) {
                if (!known.contains(h)) {
                    String hint = Suggest.closest(h, known);
                    InputProblems.recover(problems, InputException.at(where, "column " + InputException.quote(h),
                            hint != null ? "a " + kind.key() + " column (did you mean " + hint + "?)"
                                    : "one of the " + kind.key() + " columns " + String.join(", ", known),
                            "an unknown column"), null);
                } else if (!seen.add(h)) {
                    InputProblems.recover(problems, InputException.at(where, "column " + h, "each column once",
                            "a duplicate"), null);
                }
            }
            for (String k : known) {
                if (!seen.contains(k) && !OPTIONAL.getOrDefault(kind, List.of()).contains(k)) {
                    InputProblems.recover(problems, InputException.at(where, "column " + k, "every " + kind.key()
                            + " column (" + String.join(", ", known) + ")", "it missing"), null);
                }
            }
            header = f;
            headerBad = problems != null && problems.count() > before;
            broken |= headerBad;
        }

        void row(List<String> f, int n) {
            String where = origin + ":" + n;
            if (f.size() != header.size()) {
                throw InputException.at(where, null, header.size() + " fields (the header's)", f.size() + " fields");
            }
            CostTableCells c = new CostTableCells(header, f, where);
            Provenance p = c.build("basis", () -> new Provenance(origin, n, c.basis(), c.text("derivation"),
                    c.text("source")));
            rows.add(switch (kind) {
                case MAC -> c.build("mode", () -> new MacTable.Row(c.mode(), c.precision(), c.positive("areaUm2"),
                        c.positive("energyPjPerPeCycle"), c.node(), p));
                case MAC_FIT -> {
                    String q = c.choice("quantity", List.of("areaUm2", "energyPjPerPeCycle"));
                    yield new FitRow(q, c.build("k2", () -> new IntMacFit.Term(c.finite("k2"), c.finite("k1"),
                            c.finite("k0"), c.node(), p)));
                }
                case SRAM -> c.build("capacityBytes", () -> new SramTable.Row(c.integer("capacityBytes", 1, 1L << 50),
                        c.positive("readPjPerBit"), c.positive("writePjPerBit"), c.positive("areaUm2PerBit"), c.node(), p));
                case DRAM -> c.build("type", () -> new DramTable.Row(c.text("type").toLowerCase(Locale.ROOT),
                        c.positive("energyPjPerBit"), p));
                case PART -> c.build("part", () -> new PartTable.Row(
                        PartTable.Part.parse(c.choice("part", Arrays.stream(PartTable.Part.values())
                                .map(PartTable.Part::key).toList())),
                        PartTable.Quantity.parse(c.choice("quantity", List.of("areaUm2", "energyPj"))),
                        c.finite("k2"), c.finite("k1"), c.finite("k0"), c.node(), p));
                case LEAKAGE -> c.build("component", () -> new LeakageTable.Row(
                        LeakageTable.Component.parse(c.choice("component", List.of("logic", "sram"))),
                        header.contains("flavour")
                                ? SiliconSpec.Flavour.parse(c.choice("flavour", List.of("lp", "hp", "any"))) : null,
                        c.nonNegative("leakageMwPerMm2"), c.node(), p));
                case TECH -> c.build("nodeNm", () -> new TechTable.Row(c.node(), c.positive("areaFactor"),
                        c.positive("energyFactor"), p));
                case PARAMS -> c.build("name", () -> new ParamTable.Row(
                        c.choice("name", List.copyOf(ParamTable.UNITS.keySet())), c.nonNegative("value"),
                        c.text("unit"), p));
            });
        }
    }
}
