package no.partnerskap.commitments.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import no.partnerskap.commitments.support.CommitmentServiceTest;
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
    void a_token_is_issued_for_requests_addressed_to_this_machine_only() throws IOException {
        assertThat(statusAndBody("attacker.example:" + port)).startsWith("403").contains("localhost")
                .doesNotContain("access_token");
        assertThat(statusAndBody("127.0.0.1.attacker.example")).startsWith("403");
        for (String host : new String[] {"localhost:" + port, "127.0.0.1:" + port, "LOCALHOST", "[::1]:" + port}) {
            assertThat(statusAndBody(host)).as(host).startsWith("200").contains("access_token");
        }
    }

    /** The status code and body of POST /dev/token sent with the given Host header (a client cannot set it). */
    private String statusAndBody(String host) throws IOException {
        byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /dev/token HTTP/1.1\r\nHost: " + host + "\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return answer.substring("HTTP/1.1 ".length());
        }
    }
}
