package no.partnerskap.projections.web;

import java.util.List;

/**
 * Cells and lines of a CSV download (RFC 4180, lines ending in CRLF). Free text that a spreadsheet
 * would read as a formula (starting with {@code = + - @}, a tab or a carriage return) is prefixed
 * with a single quote; values the service computes (ids, dates, numbers) are written as they are.
 */
public final class Csv {

    private Csv() {
    }

    public static void line(StringBuilder out, List<String> cells) {
        out.append(String.join(",", cells)).append("\r\n");
    }

    /** Free text: neutralised against formula injection, then quoted as RFC 4180 asks. */
    public static String text(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String safe = "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return quote(safe);
    }

    /** A value the service computed, or empty for none. */
    public static String value(Object value) {
        return value == null ? "" : quote(value.toString());
    }

    private static String quote(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\r") || value.contains("\n")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }
}
