package org.pactsim.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvRowsTest {
    @Test
    void rowsKeepTheirLinesPastCommentsBlankLinesAndLineEndings() {
        List<CsvRows.Row> rows = CsvRows.read("# a comment\r\nname,type,\r\n\r\n  \n c1 , conv \n# another\n\"a,b\",fc\n",
                "t.csv");
        assertThat(rows).containsExactly(
                new CsvRows.Row(2, List.of("name", "type")),
                new CsvRows.Row(5, List.of("c1", "conv")),
                new CsvRows.Row(7, List.of("a,b", "fc")));
    }

    @Test
    void anUnclosedQuoteIsOneLineNamingTheFile() {
        assertThatThrownBy(() -> CsvRows.read("name,type\n\"c1,conv\n", "t.csv"))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("t.csv:")
                .hasMessageContaining("expected CSV fields")
                .matches(e -> !e.getMessage().contains("\n"));
    }
}
