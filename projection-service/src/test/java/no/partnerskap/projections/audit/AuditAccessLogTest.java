package no.partnerskap.projections.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import no.partnerskap.projections.support.ProjectionServiceTest;
import no.partnerskap.projections.support.TestTokens;
import no.partnerskap.testsupport.Api;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The data protection officer's question: who read, or tried to read, the histories of who did what. */
@ProjectionServiceTest
@ExtendWith(OutputCaptureExtension.class)
class AuditAccessLogTest {

    @LocalServerPort
    int port;
    @Autowired
    TestTokens tokens;

    @Test
    void every_audit_read_is_logged_with_who_asked_also_one_refused(CapturedOutput output) {
        Api api = Api.onPort(port);
        String organisation = UUID.randomUUID().toString();
        String partner = tokens.token("kari@bergenhavn.no", organisation, "PARTNER");
        String auditor = tokens.token("revisor@example.no", null, "AUDITOR");

        assertThat(api.get("/api/audit/partners/" + organisation + "/trail", partner).status()).isEqualTo(403);
        assertThat(api.get("/api/audit/export?from=2030-01-01T00:00:00Z", partner).status()).isEqualTo(403);
        assertThat(api.get("/api/audit/checkpoints", auditor).status()).isEqualTo(200);
        assertThat(api.get("/api/audit/export", null).status()).isEqualTo(401);

        assertThat(output.getOut())
                .contains("GET /api/audit/partners/" + organisation + "/trail read by kari@bergenhavn.no ([PARTNER]), "
                        + "refused 403")
                .contains("GET /api/audit/export?from=2030-01-01T00:00:00Z read by kari@bergenhavn.no ([PARTNER]), "
                        + "refused 403")
                .contains("GET /api/audit/checkpoints read by revisor@example.no ([AUDITOR]), answered 200");
        // a read refused elsewhere is no audit read
        assertThat(api.get("/admin/projections", partner).status()).isEqualTo(403);
        assertThat(output.getOut()).doesNotContain("/admin/projections read by");
    }
}
