package no.partnerskap.projections.council;

import java.util.ArrayList;
import java.util.List;
import no.partnerskap.projections.council.CouncilReport.Partnership;
import no.partnerskap.projections.council.CouncilReport.ResourceLine;
import no.partnerskap.projections.web.Csv;

/**
 * The council report as CSV ({@link Csv}): a header row, then one row per partnership. Every row
 * carries the year, the report date and the event position. Resources get a pledged and a
 * delivered column for each kind and unit that occurs in the report.
 */
final class CouncilCsv {

    static final List<String> FIXED_COLUMNS = List.of("year", "reportDate", "position", "partnershipId", "name",
            "kind", "parentName", "periodFrom", "periodTo", "concludedOn", "members", "meetings",
            "leadershipAttendances", "goals", "goalRevisionsInYear", "commitmentsMade", "commitmentsClosed",
            "closedFulfilled", "closedPartiallyFulfilled", "closedNotFulfilled", "closedWithdrawn", "overdue");

    private CouncilCsv() {
    }

    static String write(CouncilReport report, Csv.Separator separator) {
        List<ResourceLine> resourceColumns = report.totals().resources();
        StringBuilder out = new StringBuilder(separator.start());
        List<String> header = new ArrayList<>();
        FIXED_COLUMNS.forEach(column -> header.add(Csv.text(column)));
        for (ResourceLine r : resourceColumns) {
            header.add(Csv.text(r.kind() + " " + r.unit() + " pledged"));
            header.add(Csv.text(r.kind() + " " + r.unit() + " delivered"));
        }
        Csv.line(out, header, separator);
        for (Partnership p : report.partnerships()) {
            List<String> row = new ArrayList<>();
            row.add(number(report.year()));
            row.add(Csv.value(report.reportDate()));
            row.add(number(report.position()));
            row.add(Csv.value(p.id()));
            row.add(Csv.text(p.name()));
            row.add(Csv.text(p.kind()));
            row.add(Csv.text(p.parentName()));
            row.add(Csv.value(p.periodFrom()));
            row.add(Csv.value(p.periodTo()));
            row.add(Csv.value(p.concludedOn()));
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
                row.add(line == null ? "0" : separator.decimal(line.pledged()));
                row.add(line == null ? "0" : separator.decimal(line.delivered()));
            }
            Csv.line(out, row, separator);
        }
        return out.toString();
    }

    private static String number(long value) {
        return Long.toString(value);
    }


    static String filename(CouncilReport report) {
        return "council-report-" + report.year() + "-position-" + report.position() + ".csv";
    }

}
