package no.partnerskap.projections.support;

import static org.assertj.core.api.Assertions.assertThat;

import no.partnerskap.testsupport.Api;

/** What a client is told about an invalid query parameter: a 400 problem naming it in {@code errors}. */
public final class ParameterProblems {

    private ParameterProblems() {
    }

    /** The answer refuses exactly this parameter, with a message that says why. */
    public static void assertInvalid(Api.Response response, String field) {
        assertThat(response.status()).as(response.raw().body()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.text("title")).isEqualTo("Invalid request");
        assertThat(response.body().path("errors").findValuesAsText("field")).as(response.raw().body())
                .containsExactly(field);
        String message = response.body().path("errors").get(0).path("message").asText();
        assertThat(message).isNotBlank();
        assertThat(response.text("detail")).isEqualTo("Invalid parameter: '" + field + "' " + message + ".");
    }
}
