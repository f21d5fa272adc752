package no.partnerskap.projections.commitment;

import java.util.ArrayList;
import java.util.List;
import no.partnerskap.projections.web.Csv;

/** A list of commitments as a spreadsheet: a header row, then one row per commitment. */
final class CommitmentsCsv {

    static final List<String> COLUMNS = List.of("commitmentId", "partnershipId", "partnership", "title", "organisationId",
            "organisation", "recordedOn", "originalDueDate", "dueDate", "status", "signal", "atRiskBecause",
            "latestPercent", "latestReportAsOf", "latestAssessment", "divergent", "openFollowUpSince",
            "openFollowUpRespondBy", "closedOn", "daysOverdue", "version");

    private CommitmentsCsv() {
    }

    static String write(List<CommitmentRow> rows, Csv.Separator separator) {
        StringBuilder out = new StringBuilder(separator.start());
        Csv.line(out, COLUMNS, separator);
        for (CommitmentRow c : rows) {
            List<String> row = new ArrayList<>(COLUMNS.size());
            row.add(Csv.value(c.id()));
            row.add(Csv.value(c.partnershipId()));
            row.add(Csv.text(c.partnershipName()));
            row.add(Csv.text(c.title()));
            row.add(Csv.value(c.organisationId()));
            row.add(Csv.text(c.organisationName()));
            row.add(Csv.value(c.recordedOn()));
            row.add(Csv.value(c.originalDueDate()));
            row.add(Csv.value(c.dueDate()));
            row.add(Csv.value(c.status()));
            row.add(Csv.value(c.signal()));
            row.add(Csv.value(String.join(" ", c.atRiskBecause())));
            row.add(Csv.value(c.latestPercent()));
            row.add(Csv.value(c.latestReportAsOf()));
            row.add(Csv.value(c.latestAssessment()));
            row.add(Csv.value(c.divergent()));
            row.add(Csv.value(c.openFollowUpSince()));
            row.add(Csv.value(c.openFollowUpRespondBy()));
            row.add(Csv.value(c.closedOn()));
            row.add(Csv.value(c.daysOverdue()));
            row.add(Csv.value(c.version()));
            Csv.line(out, row, separator);
        }
        return out.toString();
    }
}
