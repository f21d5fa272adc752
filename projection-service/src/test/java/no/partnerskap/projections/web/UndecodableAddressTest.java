package no.partnerskap.projections.web;

import static org.assertj.core.api.Assertions.assertThat;

import no.partnerskap.projections.support.ProjectionServiceTest;
import no.partnerskap.testsupport.RawHttp;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An address the server cannot decode never reaches the application: the server answers it itself, and does so
 * with a problem document like every other error, not an HTML page an API client cannot read.
 */
@ProjectionServiceTest
class UndecodableAddressTest {

    @LocalServerPort
    int port;

    @Test
    void an_address_with_a_broken_percent_escape_is_a_problem_document() {
        for (String path : new String[] {"/api/commitments/%zz", "/pages/partnerships/%", "/api/sdg%G1"}) {
            String answer = RawHttp.get(port, path);
            assertThat(answer).as(path).startsWith("HTTP/1.1 400").containsIgnoringCase(
                    "Content-Type: application/problem+json").contains("\"status\":400")
                    .contains("hexadecimal").doesNotContain("<html").doesNotContain("Tomcat");
        }
    }
}
