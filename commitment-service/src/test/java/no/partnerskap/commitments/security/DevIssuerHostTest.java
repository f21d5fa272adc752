package no.partnerskap.commitments.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import no.partnerskap.commitments.support.CommitmentServiceTest;
import no.partnerskap.testsupport.RawHttp;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The development issuer hands out any role to whoever asks on this machine. A web page the developer visits
 * can have its own name resolve to 127.0.0.1 (DNS rebinding) and ask from the browser: that request names the
 * page's host, and is refused.
 */
@CommitmentServiceTest
class DevIssuerHostTest {

    private static final String BODY = "{\"subject\":\"intruder\",\"roles\":[\"SECRETARIAT\"]}";

    @LocalServerPort
    int port;

    @Test
    void a_token_is_issued_for_requests_addressed_to_this_machine_only() {
        assertThat(statusAndBody("attacker.example:" + port)).startsWith("403").contains("localhost")
                .doesNotContain("access_token");
        assertThat(statusAndBody("127.0.0.1.attacker.example")).startsWith("403");
        for (String host : new String[] {"localhost:" + port, "127.0.0.1:" + port, "LOCALHOST", "[::1]:" + port}) {
            assertThat(statusAndBody(host)).as(host).startsWith("200").contains("access_token");
        }
    }

    /** The status code and body of POST /dev/token sent with the given Host header (a client cannot set it). */
    private String statusAndBody(String host) {
        byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
        return RawHttp.exchange(port, "POST /dev/token HTTP/1.1\r\nHost: " + host + "\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + body.length + "\r\n", body).substring("HTTP/1.1 ".length());
    }
}
