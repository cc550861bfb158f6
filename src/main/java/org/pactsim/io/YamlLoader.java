package org.pactsim.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Parses YAML (and JSON, a subset) into a {@link YNode} tree with line numbers. Strict:
 * duplicate keys, anchors and aliases, multiple documents, nesting deeper than
 * {@value #MAX_DEPTH} and documents over {@link InputFiles#MAX_BYTES} are refused.
 */
public final class YamlLoader {
    static final int MAX_DEPTH = 32;

    private static final YAMLFactory YAML;
    private static final JsonFactory JSON;

    static {
        LoaderOptions opts = new LoaderOptions();
        opts.setMaxAliasesForCollections(0);
        opts.setNestingDepthLimit(MAX_DEPTH + 2);
        opts.setCodePointLimit(InputFiles.MAX_BYTES);
        opts.setAllowDuplicateKeys(true);
        YAML = YAMLFactory.builder().loaderOptions(opts)
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH + 2).build())
                .build();
        JSON = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH + 2).build())
                .build();
    }

    private YamlLoader() {
    }

    /** Parses {@code text} read from {@code origin}; JSON when {@code json} is true. */
    public static YNode parse(String text, String origin, boolean json) {
        if (text.isBlank()) {
            throw InputException.at(origin, null, "a " + (json ? "JSON" : "YAML") + " mapping", "an empty file");
        }
        try (JsonParser p = json ? JSON.createParser(text) : YAML.createParser(text)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw InputException.at(origin, null, "a mapping", "an empty document");
            }
            YNode root = read(p, origin, 0, "");
            if (p.nextToken() != null) {
                throw InputException.at(origin + ":" + line(p), null, "one document", "more content after it");
            }
            return root;
        } catch (JsonProcessingException e) {
            if (e.getCause() instanceof MarkedYAMLException) {
                throw new InputException(InputException.oneLine(yamlProblem((MarkedYAMLException) e.getCause(), origin)), e);
            }
            JsonLocation loc = e.getLocation();
            String complex = complexKey(e.getOriginalMessage());
            if (complex != null) {
                String at = loc != null && loc.getLineNr() > 0 ? origin + ":" + loc.getLineNr() : origin;
                throw new InputException(InputException.at(at, null, "a plain key (text)", complex).getMessage(), e);
            }
            String where = loc != null && loc.getLineNr() > 0 ? origin + ":" + loc.getLineNr() : origin;
            throw new InputException(InputException.oneLine(where + ": not valid " + (json ? "JSON" : "YAML")
                    + ": " + firstLine(e.getOriginalMessage())), e);
        } catch (IOException | RuntimeException e) {
            if (e instanceof InputException) {
                throw (InputException) e;
            }
            throw new InputException(InputException.oneLine(origin + ": not valid " + (json ? "JSON" : "YAML")
                    + ": " + firstLine(String.valueOf(e.getMessage()))), e);
        }
    }

    /**
     * A YAML syntax error at the line of the problem itself (not of the construct it is in),
     * with the construct and where it starts: {@code not valid YAML: found unexpected end of
     * stream (while scanning a quoted scalar at line 2)}.
     */
    private static String yamlProblem(MarkedYAMLException m, String origin) {
        Mark at = m.getProblemMark() != null ? m.getProblemMark() : m.getContextMark();
        StringBuilder sb = new StringBuilder(origin);
        if (at != null) {
            sb.append(':').append(at.getLine() + 1);
        }
        sb.append(": not valid YAML: ").append(m.getProblem() != null ? m.getProblem() : "unreadable");
        if (m.getContext() != null) {
            sb.append(" (").append(m.getContext());
            if (m.getContextMark() != null && at != null && m.getContextMark().getLine() != at.getLine()) {
                sb.append(" at line ").append(m.getContextMark().getLine() + 1);
            }
            sb.append(')');
        }
        return sb.toString();
    }

    /** Reads the value at the parser's token; {@code key} is its dotted path ("" at the root). */
    private static YNode read(JsonParser p, String origin, int depth, String key) throws IOException {
        int line = line(p);
        if (depth > MAX_DEPTH) {
            throw InputException.at(origin + ":" + line, null, "nesting at most " + MAX_DEPTH + " levels deep",
                    "deeper nesting");
        }
        if (p instanceof YAMLParser) {
            YAMLParser yp = (YAMLParser) p;
            Object anchor = yp.getObjectId(); // the anchor of the current node (getCurrentAnchor is deprecated)
            if (anchor != null) {
                throw InputException.at(origin + ":" + line, null, "plain values (no anchors or aliases)",
                        "the anchor &" + anchor);
            }
        }
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT: {
                YNode m = YNode.map(origin, line);
                String path = key;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String k = p.currentName();
                    int keyLine = line(p);
                    if (m.get(k) != null) {
                        throw InputException.at(origin + ":" + keyLine, k, "each key once",
                                "a duplicate (first at line " + m.get(k).line() + ")");
                    }
                    p.nextToken();
                    m.put(k, read(p, origin, depth + 1, path.isEmpty() ? k : path + "." + k));
                }
                return m;
            }
            case START_ARRAY: {
                YNode l = YNode.list(origin, line);
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    l.add(read(p, origin, depth + 1, key + "[" + l.items().size() + "]"));
                }
                return l;
            }
            case VALUE_STRING:
                if (p instanceof YAMLParser && isAlias((YAMLParser) p)) {
                    throw InputException.at(origin + ":" + line, null, "plain values (no anchors or aliases)",
                            "an alias");
                }
                if (p.getTextLength() > InputFiles.MAX_LINE) {
                    // a folded or multi-line scalar can pass the line limit
                    throw InputException.at(origin + ":" + line, key.isEmpty() ? null : key,
                            "a value of at most " + InputFiles.MAX_LINE + " characters",
                            "a value of " + p.getTextLength() + " characters");
                }
                return YNode.scalar(YNode.Kind.STRING, p.getText(), origin, line);
            case VALUE_NUMBER_INT:
                return YNode.scalar(YNode.Kind.INT, p.getText(), origin, line);
            case VALUE_NUMBER_FLOAT:
                return YNode.scalar(YNode.Kind.FLOAT, p.getText(), origin, line);
            case VALUE_TRUE:
            case VALUE_FALSE:
                return YNode.scalar(YNode.Kind.BOOL, p.getText(), origin, line);
            case VALUE_NULL:
                return YNode.scalar(YNode.Kind.NULL, null, origin, line);
            case VALUE_EMBEDDED_OBJECT:
                // a tagged binary scalar (!!binary): not a value any pactsim key takes
                throw InputException.at(origin + ":" + line, key.isEmpty() ? null : key,
                        "a plain value (a number, text or boolean)", "a !!binary value");
            default:
                throw InputException.at(origin + ":" + line, null, "a value", "the token " + t);
        }
    }

    /**
     * A YAML complex key ({@code ? [a, b]}: a list or mapping used as a key), which Jackson
     * reports with a parser event's class name: said in the user's terms, or null.
     */
    private static String complexKey(String message) {
        if (message == null || !message.startsWith("Expected a field name")) {
            return null;
        }
        if (message.contains("SequenceStartEvent")) {
            return "a list used as a key";
        }
        if (message.contains("MappingStartEvent")) {
            return "a mapping used as a key";
        }
        return "a complex key";
    }

    private static boolean isAlias(YAMLParser p) {
        try {
            return p.isCurrentAlias();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static int line(JsonParser p) {
        JsonLocation loc = p.currentTokenLocation();
        return loc == null ? 0 : Math.max(0, loc.getLineNr());
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        // Jackson's "(start marker at [Source: REDACTED ...; line: 1, column: 1])": said as "(opened at line 1)"
        return START_MARKER.matcher(line).replaceAll("(opened at line $1)");
    }

    private static final java.util.regex.Pattern START_MARKER =
            java.util.regex.Pattern.compile("\\(start marker at \\[Source: [^;]*; line: (\\d+), column: \\d+\\]\\)");
}
