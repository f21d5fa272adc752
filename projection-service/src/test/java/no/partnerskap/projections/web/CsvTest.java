package no.partnerskap.projections.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** What a partner writes in a title cannot become a formula in the spreadsheet of the one who downloads it. */
class CsvTest {

    @Test
    void a_formula_at_the_start_of_a_text_is_neutralised() {
        assertThat(Csv.text("=HYPERLINK(\"https://x.example\")")).isEqualTo("\"'=HYPERLINK(\"\"https://x.example\"\")\"");
        assertThat(Csv.text("+47 55 00 00 00")).isEqualTo("'+47 55 00 00 00");
        assertThat(Csv.text("Landstrøm på Skolten")).isEqualTo("Landstrøm på Skolten");
    }

    /**
     * Norwegian Excel splits lines on semicolons and does not honour a quote in the middle of a field: every part
     * after a semicolon, or after a line break inside a quoted text, is a cell of its own there.
     */
    @Test
    void no_part_a_semicolon_spreadsheet_makes_a_cell_of_starts_a_formula() {
        String title = "Landstrøm;=cmd|' /C calc'!A0;@SUM(1+1);-2+3\r\n+1;\t=1";
        String line = "id-1,2026-01-01," + Csv.text(title) + ",42";
        String[] cells = line.split("[;\r\n]");
        assertThat(cells).hasSizeGreaterThan(4);
        // (a spreadsheet passes over the spaces and tabs a part begins with)
        assertThat(Arrays.stream(cells).skip(1).map(String::strip)).allSatisfy(cell ->
                assertThat(cell).doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("-")
                        .doesNotStartWith("@"));
        // quoted, as a cell holding a separator is
        assertThat(Csv.text("Vei; bane")).as("a part that starts no formula is left alone").isEqualTo("\"Vei; bane\"");
    }

    /** A quote or a space after the semicolon does not hide the formula: a spreadsheet passes over them. */
    @Test
    void quotes_and_spaces_before_a_formula_do_not_hide_it() {
        for (String title : new String[] {"Q;\"=cmd|' /C calc'!A0;", "Q\n\"\"@SUM(1+1)", "Q; =1+1", "\"=1+1\"", "Q;\u00a0=1+1", "Q;\u2028@SUM(1)"}) {
            String cell = Csv.text(title);
            // the cell as a spreadsheet splitting on semicolons and line breaks reads each part, quotes removed
            for (String part : cell.split("[;\r\n]")) {
                String read = part.replace("\"", "").replaceAll("^[\\s\\p{Z}]+", "");
                assertThat(read).as(title + " gave " + cell).doesNotStartWith("=").doesNotStartWith("+")
                        .doesNotStartWith("-").doesNotStartWith("@");
            }
        }
    }
}
