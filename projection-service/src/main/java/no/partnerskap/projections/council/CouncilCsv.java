package no.partnerskap.projections.council;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import no.partnerskap.projections.council.CouncilReport.Partnership;
import no.partnerskap.projections.council.CouncilReport.ResourceLine;

/**
 * The council report as CSV (RFC 4180): a header row, then one row per partnership, lines ending
 * in CRLF. Every row carries the year, the report date and the event position. Resources get a
 * pledged and a delivered column for each kind and unit that occurs in the report.
 * <p>
 * Text that a spreadsheet would read as a formula (starting with {@code = + - @}, or a tab or
 * carriage return) is prefixed with a single quote. Numbers the report computes are written as
 * they are.
 */
final class CouncilCsv {

    static final List<String> FIXED_COLUMNS = List.of("year", "reportDate", "position", "partnershipId", "name",
            "kind", "parentName", "periodFrom", "periodTo", "concludedOn", "members", "meetings",
            "leadershipAttendances", "goals", "goalRevisionsInYear", "commitmentsMade", "commitmentsClosed",
            "closedFulfilled", "closedPartiallyFulfilled", "closedNotFulfilled", "closedWithdrawn", "overdue");

    private CouncilCsv() {
    }

    static String write(CouncilReport report) {
        List<ResourceLine> resourceColumns = report.totals().resources();
        StringBuilder out = new StringBuilder();
        List<String> header = new ArrayList<>();
        FIXED_COLUMNS.forEach(column -> header.add(text(column)));
        for (ResourceLine r : resourceColumns) {
            header.add(text(r.kind() + " " + r.unit() + " pledged"));
            header.add(text(r.kind() + " " + r.unit() + " delivered"));
        }
        line(out, header);
        for (Partnership p : report.partnerships()) {
            List<String> row = new ArrayList<>();
            row.add(number(report.year()));
            row.add(value(report.reportDate()));
            row.add(number(report.position()));
            row.add(value(p.id()));
            row.add(text(p.name()));
            row.add(text(p.kind()));
            row.add(text(p.parentName()));
            row.add(value(p.periodFrom()));
            row.add(value(p.periodTo()));
            row.add(value(p.concludedOn()));
            row.add(number(p.members().size()));
            row.add(number(p.meetings()));
            row.add(number(p.leadershipAttendances()));
            row.add(number(p.goals().size()));
            row.add(number(p.goalRevisionsInYear()));
            row.add(number(p.commitments().made()));
            row.add(number(p.commitments().closed()));
            for (String result : CouncilReport.CLOSING_RESULTS) {
                row.add(number(p.commitments().closedByResult().getOrDefault(result, 0L)));
            }
            row.add(number(p.commitments().overdue()));
            for (ResourceLine column : resourceColumns) {
                ResourceLine line = p.resources().stream()
                        .filter(r -> r.kind().equals(column.kind()) && r.unit().equals(column.unit()))
                        .findFirst().orElse(null);
                row.add(line == null ? "0" : decimal(line.pledged()));
                row.add(line == null ? "0" : decimal(line.delivered()));
            }
            line(out, row);
        }
        return out.toString();
    }

    private static void line(StringBuilder out, List<String> cells) {
        out.append(String.join(",", cells)).append("\r\n");
    }

    /** Free text: neutralised against formula injection, then quoted as RFC 4180 asks. */
    static String text(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String safe = "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return quote(safe);
    }

    static String quote(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\r") || value.contains("\n")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }

    private static String value(Object value) {
        return value == null ? "" : quote(value.toString());
    }

    private static String number(long value) {
        return Long.toString(value);
    }

    private static String decimal(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }

    static String filename(CouncilReport report) {
        return "council-report-" + report.year() + "-position-" + report.position() + ".csv";
    }

}
