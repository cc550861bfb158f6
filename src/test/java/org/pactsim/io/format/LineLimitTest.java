package org.pactsim.io.format;

import org.pactsim.io.InputException;
import org.pactsim.io.InputFiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The line limit of every text input names the right line whatever the line ends. */
class LineLimitTest {
    private static final String LONG = "x".repeat(InputFiles.MAX_LINE + 1);

    @Test
    void theLongLineIsNamedWithLfCrlfAndCrEnds() {
        for (String end : new String[] {"\n", "\r\n", "\r"}) {
            String text = "a" + end + "b" + end + LONG + end + "c";
            assertThatThrownBy(() -> InputFiles.checkLines(text, "f")).isInstanceOf(InputException.class)
                    .hasMessage("f:3: expected lines of at most 65536 characters, found a line of 65537 characters");
        }
        assertThatThrownBy(() -> InputFiles.checkLines(LONG, "f")).hasMessageStartingWith("f:1: ");
    }

    @Test
    void linesAtTheLimitPass() {
        String max = "y".repeat(InputFiles.MAX_LINE);
        InputFiles.checkLines(max + "\r\n" + max + "\n" + max + "\r" + max, "f");
        assertThat(max).hasSize(65_536);
    }
}
