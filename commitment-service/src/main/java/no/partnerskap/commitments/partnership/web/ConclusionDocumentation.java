package no.partnerskap.commitments.partnership.web;

import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.UUIDSchema;
import java.util.Map;
import no.partnerskap.security.ApiDocumentation;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** A refused conclusion names everything still open, for a client to act on: fields other problems lack. */
@Configuration
class ConclusionDocumentation {

    @Bean
    OpenApiCustomizer refusedConclusionNamesWhatIsOpen() {
        return api -> api.getPaths().get("/api/partnerships/{id}/conclusion").getPost().getResponses().addApiResponse(
                "409", ApiDocumentation.problem("A rule forbids it; the rule is named in rule and type. Commitments "
                        + "still open (conclusion-needs-every-commitment-ended) are all listed in openCommitments, "
                        + "thematic networks still working under it in openNetworks", Map.<String, Schema>of(
                        "openCommitments", new ArraySchema().items(new UUIDSchema()).description(
                                "every commitment of the partnership not ended by an outcome or a withdrawal"),
                        "openNetworks", new ArraySchema().items(new UUIDSchema()).description(
                                "every thematic network under the partnership not yet concluded"))));
    }
}
