package no.partnerskap.commitments.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import no.partnerskap.commitments.support.CommitmentServiceTest;
import no.partnerskap.testsupport.Api;
import no.partnerskap.testsupport.OrganisationNumbers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * A token's subject goes into every event its writes append. JSON can carry half a surrogate pair
 * as an escape, which no UTF-8 can hold: such a subject is refused as a bad token (401), as one with
 * a control character is. The claims are written by hand here, as a foreign issuer might.
 */
@CommitmentServiceTest
@TestPropertySource(properties = "partnerships.dev-issuer.key-file=${java.io.tmpdir}/partnerships-token-subject-test/key.json")
class TokenSubjectTest {

    @LocalServerPort
    int port;
    @Value("${partnerships.dev-issuer.key-file}")
    String keyFile;

    @Test
    void a_subject_holding_half_a_surrogate_pair_is_refused_and_a_whole_pair_is_taken() throws Exception {
        Api api = Api.onPort(port);
        Map<String, Object> organisation = Map.of("name", "Emoji AS", "organisationNumber", OrganisationNumbers.next(),
                "sector", "BUSINESS");
        assertThat(api.post("/api/organisations", signed("mal\\ud800lory"), organisation).status()).isEqualTo(401);
        assertThat(api.post("/api/organisations", signed("kari\\ud83d\\ude00@havkraft.no"), organisation).status())
                .isEqualTo(201);
    }

    /** Every event records who acted: a subject a reader cannot see names no one. */
    @Test
    void a_subject_of_invisible_characters_only_is_refused() throws Exception {
        Api api = Api.onPort(port);
        Map<String, Object> organisation = Map.of("name", "Usynlig AS", "organisationNumber",
                OrganisationNumbers.next(), "sector", "BUSINESS");
        for (String invisible : new String[] {"\\u200b", "\\u00a0\\u3000", "\\ufeff"}) {
            assertThat(api.post("/api/organisations", signed(invisible), organisation).status()).as(invisible)
                    .isEqualTo(401);
        }
    }

    /** A token from the local issuer whose subject is given as JSON string content, escapes and all. */
    private String signed(String subjectJson) throws Exception {
        RSAKey key = RSAKey.parse(Files.readString(Path.of(keyFile)));
        long now = Instant.now().getEpochSecond();
        String claims = "{\"iss\":\"" + DevIssuer.ISSUER + "\",\"sub\":\"" + subjectJson + "\",\"iat\":" + now
                + ",\"exp\":" + (now + 600) + ",\"roles\":[\"SECRETARIAT\"]}";
        JWSObject token = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                .type(JOSEObjectType.JWT).build(), new Payload(claims));
        token.sign(new RSASSASigner(key));
        return token.serialize();
    }
}
