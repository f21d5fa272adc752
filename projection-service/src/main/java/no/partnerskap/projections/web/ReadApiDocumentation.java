package no.partnerskap.projections.web;

import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import no.partnerskap.security.ApiDocumentation;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The headers reads answer with, which a client uses: a resource's version, a report's event position. */
@Configuration
class ReadApiDocumentation {

    @Bean
    OpenApiCustomizer readSideTitle() {
        return ApiDocumentation.titled("Partnership commitments: read side (projection-service)",
                "Dashboards, commitment lists, scorecards, SDG coverage, the council report and the audit trail, "
                        + "read from projections of the event store. Commands go to commitment-service.");
    }

    @Bean
    OpenApiCustomizer readHeaders() {
        return api -> api.getPaths().forEach((path, item) -> {
            if (item.getGet() == null || item.getGet().getResponses() == null) {
                return;
            }
            ApiResponse ok = item.getGet().getResponses().get("200");
            if (ok == null) {
                return;
            }
            // the reads a writer reads its own write back from (minVersion) are the ones with a version
            if (item.getGet().getParameters() != null
                    && item.getGet().getParameters().stream().anyMatch(p -> "minVersion".equals(p.getName()))) {
                ok.addHeaderObject("ETag", new Header().schema(new StringSchema()).description(
                        "The resource's version, as the write that made it answered it; If-None-Match takes it"));
            }
            if (path.equals("/api/reports/council")) {
                ok.addHeaderObject("X-Event-Position", new Header().schema(new IntegerSchema().format("int64"))
                        .description("The event position the report was built from: with year and reportDate, "
                                + "what rebuilds it exactly"));
            }
        });
    }
}
