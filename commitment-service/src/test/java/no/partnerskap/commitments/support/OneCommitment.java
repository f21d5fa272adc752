package no.partnerskap.commitments.support;

import java.util.Map;
import no.partnerskap.testsupport.Api;
import no.partnerskap.testsupport.OrganisationNumbers;

/** A partner organisation convening its own partnership, with one commitment, made over HTTP. */
public record OneCommitment(String secretariat, String organisation, String partnership, String partner,
                            String commitment) {

    public static OneCommitment create(Api api) {
        String secretariat = api.token("sekretariat", null, "SECRETARIAT");
        String org = api.post("/api/organisations", secretariat, Map.of("name", "Partner AS",
                "organisationNumber", OrganisationNumbers.next(), "sector", "BUSINESS")).text("id");
        String partnership = api.post("/api/partnerships", secretariat, Map.of("name", "P", "kind", "STRATEGIC",
                "mandate", "M", "period", Map.of("from", "2026-01-01"), "convenorOrganisationId", org)).text("id");
        String partner = api.token("partner", org, "PARTNER");
        String commitment = api.post("/api/partnerships/" + partnership + "/commitments", partner, Map.of(
                "organisationId", org, "title", "T", "dueDate", "2030-01-01")).text("id");
        return new OneCommitment(secretariat, org, partnership, partner, commitment);
    }
}
