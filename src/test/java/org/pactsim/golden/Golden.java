package org.pactsim.golden;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Text the tests generate and the repository keeps: golden files and generated regions of
 * documents. A test compares what it generates with what is committed and fails on any
 * difference; run with {@code -Dpactsim.updateGolden=true} to rewrite the files instead, then
 * review the diff ({@code git diff}) like any other change. A region of a Markdown file is
 * delimited by {@code <!-- generated:NAME -->} and {@code <!-- /generated -->} lines.
 */
public final class Golden {
    /** The system property that rewrites golden files and regions instead of checking them. */
    public static final String UPDATE = "pactsim.updateGolden";

    private static final String HOW = "; if the change is intended, rerun with -D" + UPDATE + "=true and review the diff";

    private Golden() {
    }

    public static boolean updating() {
        return Boolean.getBoolean(UPDATE);
    }

    /** Checks (or with the flag rewrites) the whole of {@code file}. */
    public static void checkFile(Path file, String expected) throws IOException {
        if (updating()) {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, expected, StandardCharsets.UTF_8);
            System.out.println("golden: wrote " + file);
            return;
        }
        assertThat(file).as(file + " is missing" + HOW).exists();
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).as(file + " is stale" + HOW).isEqualTo(expected);
    }

    /** Checks (or with the flag rewrites) the region {@code name} of {@code file}; {@code body} ends with a newline. */
    public static void checkRegion(Path file, String name, String body) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        String open = "<!-- generated:" + name + " -->\n";
        String close = "<!-- /generated -->\n";
        int from = text.indexOf(open);
        assertThat(from).as(file + " has no region " + open.trim()).isNotNegative();
        assertThat(text.indexOf(open, from + 1)).as(file + " has two regions " + open.trim()).isNegative();
        int start = from + open.length();
        int end = text.indexOf(close, start);
        assertThat(end).as(file + ": region " + name + " has no " + close.trim()).isNotNegative();
        String current = text.substring(start, end);
        if (updating()) {
            if (!current.equals(body)) {
                Files.writeString(file, text.substring(0, start) + body + text.substring(end), StandardCharsets.UTF_8);
                System.out.println("golden: rewrote region " + name + " of " + file);
            }
            return;
        }
        assertThat(current).as(file + ": region " + name + " is stale" + HOW).isEqualTo(body);
    }

    /** The body of region {@code name} of {@code file}, as committed. */
    public static String region(Path file, String name) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        String open = "<!-- generated:" + name + " -->\n";
        int start = text.indexOf(open);
        assertThat(start).as(file + " has no region " + open.trim()).isNotNegative();
        start += open.length();
        return text.substring(start, text.indexOf("<!-- /generated -->\n", start));
    }
}
