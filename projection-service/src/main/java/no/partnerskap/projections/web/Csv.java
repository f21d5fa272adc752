package no.partnerskap.projections.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Cells and lines of a CSV download (RFC 4180, lines ending in CRLF). Free text that a spreadsheet
 * would read as a formula (starting with {@code = + - @}, a tab or a carriage return) is prefixed
 * with a single quote, and so is each part of it after a semicolon or a line break: a spreadsheet in a
 * locale whose list separator is the semicolon (Norwegian Excel) splits the text there into cells of
 * their own, quotes or not. Values the service computes (ids, dates, numbers) are written as they are.
 */
public final class Csv {

    /**
     * Where a cell may begin (the text's start, after a semicolon or a line break), then quotes or spaces a
     * spreadsheet passes over, then a formula's start: the quote goes right before the formula's character.
     */
    private static final Pattern FORMULA_START = Pattern.compile("(^|[;\\r\\n])([\"\\s\\p{Z}]*)(?=[=+\\-@\\t\\r])");

    private Csv() {
    }

    /**
     * The separator between cells: the comma of RFC 4180, or the semicolon that Excel expects where the list separator
     * is one (Norwegian and most European settings), which opens a comma-separated file with every row in one cell.
     */
    public enum Separator {
        COMMA(","), SEMICOLON(";");

        /** The {@code separator} parameter's values, as a pattern, and what they give. */
        public static final String PATTERN = "comma|semicolon";
        public static final String DESCRIPTION = "comma (RFC 4180), or semicolon for Excel where the list "
                + "separator is one (Norwegian): semicolons and a UTF-8 byte order mark";

        private final String text;

        Separator(String text) {
            this.text = text;
        }

        /** The separator a {@code separator} parameter names, one of {@link #PATTERN}. */
        public static Separator named(String name) {
            return valueOf(name.toUpperCase(Locale.ROOT));
        }

        /**
         * An amount without trailing zeros ("40", not "40.00" because one amount was sent so), with the decimal mark
         * Excel expects beside this separator: where cells part at a semicolon, 12.5 reads as text or the 12th of May.
         */
        public String decimal(BigDecimal value) {
            if (value == null) {
                return "";
            }
            String plain = value.stripTrailingZeros().toPlainString();
            return this == SEMICOLON ? plain.replace('.', ',') : plain;
        }

        /** Excel reads a file without a byte order mark in the system's legacy encoding: ø would read as Ã¸. */
        public String start() {
            return this == SEMICOLON ? "\uFEFF" : "";
        }
    }

    public static void line(StringBuilder out, List<String> cells) {
        line(out, cells, Separator.COMMA);
    }

    public static void line(StringBuilder out, List<String> cells, Separator separator) {
        out.append(String.join(separator.text, cells)).append("\r\n");
    }

    /** Free text: neutralised against formula injection, then quoted as RFC 4180 asks. */
    public static String text(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        return quote(FORMULA_START.matcher(value).replaceAll("$1$2'"));
    }

    /** A value the service computed, or empty for none. */
    public static String value(Object value) {
        return value == null ? "" : quote(value.toString());
    }

    private static String quote(String value) {
        // a semicolon too: a cell quoted needlessly reads the same, and one unquoted would split where it separates
        if (value.contains(",") || value.contains(";") || value.contains("\"") || value.contains("\r")
                || value.contains("\n")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }
}
