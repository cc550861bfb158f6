package org.pactsim.arch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The main source files of pactsim read as text: each file's package and the {@code org.pactsim}
 * packages its code names, by import, by fully qualified name or by name in a string (a class
 * loaded by name is a dependency too). Comments are removed first, so javadoc mentioning a
 * package is no dependency; string literals are kept.
 */
final class SourceScan {
    /** The source roots of main code: the default tree and the Spark engine's (profile {@code spark}). */
    static final List<Path> ROOTS = List.of(Path.of("src/main/java"), Path.of("src/spark/java"));

    /** {@code org.pactsim.a.b.} followed by a class name or {@code *}: the package {@code a.b}. */
    private static final Pattern PACTSIM_REF = Pattern.compile("\\borg\\.pactsim((?:\\.[a-z_][a-z0-9_]*)+)\\.(?=[A-Z*])");
    private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+org\\.pactsim\\.([a-z0-9_.]+)\\s*;");

    /** One source file: its path, its package (below {@code org.pactsim}) and its text without comments. */
    record Source(Path path, String pkg, String code) {
        /** The pactsim packages named in the code, own package excluded. */
        Set<String> pactsimPackages() {
            Set<String> out = new TreeSet<>();
            Matcher m = PACTSIM_REF.matcher(code);
            while (m.find()) {
                String p = m.group(1).substring(1);
                if (!p.equals(pkg)) {
                    out.add(p);
                }
            }
            return out;
        }
    }

    private SourceScan() {
    }

    static List<Source> mainSources() throws IOException {
        List<Source> out = new ArrayList<>();
        for (Path root : ROOTS) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                    String code = withoutComments(Files.readString(f, StandardCharsets.UTF_8));
                    Matcher m = PACKAGE.matcher(code);
                    if (!m.find()) {
                        throw new AssertionError(f + ": no org.pactsim package declaration");
                    }
                    out.add(new Source(f, m.group(1), code));
                }
            }
        }
        return out;
    }

    /**
     * Java source without its comments: line and block comments become a space, string and
     * character literals and text blocks are kept as they are.
     */
    static String withoutComments(String s) {
        StringBuilder b = new StringBuilder(s.length());
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (s.startsWith("\"\"\"", i)) {
                int end = s.indexOf("\"\"\"", i + 3);
                end = end < 0 ? n : end + 3;
                b.append(s, i, end);
                i = end;
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < n && s.charAt(j) != c && s.charAt(j) != '\n') {
                    j += s.charAt(j) == '\\' ? 2 : 1;
                }
                j = Math.min(n, j + 1);
                b.append(s, i, j);
                i = j;
            } else if (s.startsWith("//", i)) {
                int end = s.indexOf('\n', i);
                i = end < 0 ? n : end;
                b.append(' ');
            } else if (s.startsWith("/*", i)) {
                int end = s.indexOf("*/", i + 2);
                String comment = s.substring(i, end < 0 ? n : end + 2);
                // keep the line count, so positions still match the file's lines
                b.append(' ').append("\n".repeat((int) comment.chars().filter(ch -> ch == '\n').count()));
                i = end < 0 ? n : end + 2;
            } else {
                b.append(c);
                i++;
            }
        }
        return b.toString();
    }
}
