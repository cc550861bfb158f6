package org.pactsim.io;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed YAML/JSON/INI value that remembers where it came from, so every error can name
 * the file and line. Built by {@link YamlLoader} and {@code io.scalesim.ScaleSimConfigReader}; edited only
 * by {@link Overrides} before binding.
 */
public final class YNode {
    /** What a node holds. Scalars keep the parser's idea of their type. */
    public enum Kind { MAP, LIST, STRING, INT, FLOAT, BOOL, NULL }

    private final Kind kind;
    private final String origin;
    private final int line;
    private final String text;
    private final Map<String, YNode> map;
    private final List<YNode> list;
    private String label;

    private YNode(Kind kind, String origin, int line, String text) {
        this.kind = kind;
        this.origin = origin;
        this.line = line;
        this.text = text;
        this.map = kind == Kind.MAP ? new LinkedHashMap<>() : null;
        this.list = kind == Kind.LIST ? new ArrayList<>() : null;
    }

    public static YNode map(String origin, int line) {
        return new YNode(Kind.MAP, origin, line, null);
    }

    public static YNode list(String origin, int line) {
        return new YNode(Kind.LIST, origin, line, null);
    }

    public static YNode scalar(Kind kind, String text, String origin, int line) {
        return new YNode(kind, origin, line, text);
    }

    /** The key's name in the source format when it differs (a SCALE-Sim .cfg key), else null. */
    public String label() {
        return label;
    }

    /** A copy of this scalar attributed to another origin and line. */
    public YNode relocate(String newOrigin, int newLine) {
        YNode n = new YNode(kind, newOrigin, newLine, text);
        n.label = label;
        return n;
    }

    public YNode withLabel(String l) {
        this.label = l;
        return this;
    }

    public Kind kind() {
        return kind;
    }

    public boolean isMap() {
        return kind == Kind.MAP;
    }

    public boolean isScalar() {
        return kind != Kind.MAP && kind != Kind.LIST;
    }

    /** The file (or {@code --set ...} argument) this node was read from. */
    public String origin() {
        return origin;
    }

    /** 1-based line, or 0 when the node has no line (a {@code --set} value). */
    public int line() {
        return line;
    }

    /** {@code file:line}, or just the origin when there is no line. */
    public String where() {
        return line > 0 ? origin + ":" + line : origin;
    }

    public String text() {
        return text;
    }

    public Map<String, YNode> entries() {
        return map == null ? Map.of() : Collections.unmodifiableMap(map);
    }

    public List<YNode> items() {
        return list == null ? List.of() : Collections.unmodifiableList(list);
    }

    public YNode get(String key) {
        return map == null ? null : map.get(key);
    }

    public void put(String key, YNode value) {
        map.put(key, value);
    }

    public void add(YNode value) {
        list.add(value);
    }

    /** How a user would describe this value in an error message. */
    public String describe() {
        switch (kind) {
            case MAP: return "a mapping";
            case LIST: return "a list";
            case NULL: return "nothing (null)";
            case STRING: return "the text " + InputException.quote(text);
            case BOOL: return "the boolean " + text;
            default: return text;
        }
    }
}
