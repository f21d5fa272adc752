package no.partnerskap.projections.pages;

import java.util.Locale;
import java.util.UUID;
import no.partnerskap.projections.commitment.CommitmentQueries;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Which page of a commitment list is shown, and the links to its neighbours and to the whole list
 * as a spreadsheet: they keep the filter (and page size) the reader chose,
 * and leave out what the reader did not choose.
 */
public record CommitmentPager(String path, String fragment, String spreadsheetPath, CommitmentQueries.Filter filter,
                              int page, int size, int last, boolean sizeChosen) {

    /** A partnership's commitments, on its page under "#commitments". */
    static CommitmentPager ofPartnership(UUID partnership, CommitmentQueries.Filter filter, int page, int size,
                                         int last, boolean sizeChosen) {
        return new CommitmentPager("/pages/partnerships/" + partnership, "commitments",
                "/api/partnerships/" + partnership + "/commitments.csv", filter, page, size, last, sizeChosen);
    }

    /** The overdue commitments across all partnerships, the whole of their page. */
    static CommitmentPager ofOverdue(int page, int size, int last, boolean sizeChosen) {
        return new CommitmentPager("/pages/overdue", null, "/api/commitments/overdue.csv", CommitmentQueries.Filter.ALL,
                page, size, last, sizeChosen);
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return page < last;
    }

    public String previous() {
        return href(page - 1);
    }

    public String next() {
        return href(page + 1);
    }

    /**
     * The same list (the chosen filter, every page) as a spreadsheet, from the read API; for a reader in bokmål, as
     * Norwegian Excel opens it: semicolons, and a byte order mark.
     */
    public String spreadsheet(Locale locale) {
        UriComponentsBuilder uri = filtered(spreadsheetPath);
        if ("nb".equals(locale.getLanguage())) {
            uri.queryParam("separator", "semicolon");
        }
        return uri.toUriString();
    }

    private String href(int target) {
        UriComponentsBuilder uri = filtered(path).queryParam("page", target);
        if (sizeChosen) {
            uri.queryParam("size", size);
        }
        return uri.fragment(fragment).toUriString();
    }

    private UriComponentsBuilder filtered(String path) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
        if (filter.status() != null) {
            uri.queryParam("status", filter.status());
        }
        if (filter.signal() != null) {
            uri.queryParam("signal", filter.signal());
        }
        if (filter.organisationId() != null) {
            uri.queryParam("organisationId", filter.organisationId());
        }
        if (filter.dueWithinDays() != null) {
            uri.queryParam("dueWithinDays", filter.dueWithinDays());
        }
        if (filter.openFollowUp()) {
            uri.queryParam("openFollowUp", true);
        }
        if (filter.divergent()) {
            uri.queryParam("divergent", true);
        }
        return uri;
    }
}
