package no.partnerskap.audit;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VerifierCliTest {

    /** An error answer saved in place of the export is not a history that failed to verify. */
    @Test
    void a_file_that_is_not_an_export_is_refused_rather_than_verified() throws Exception {
        KeyPair key = SigningKeys.generate();
        Path folder = Files.createTempDirectory("not-an-export");
        Path export = Files.writeString(folder.resolve("events.jsonl"),
                "{\"type\":\"about:blank\",\"title\":\"Invalid request\",\"status\":400}\n");
        Path checkpoints = folder.resolve("checkpoints.json");
        new ObjectMapper().writeValue(checkpoints.toFile(), Map.of("checkpoints", List.of()));
        Path publicKey = Files.writeString(folder.resolve("key.pem"), SigningKeys.publicPem(key.getPublic()));

        assertThatThrownBy(() -> VerifierCli.verify(export, checkpoints, List.of(publicKey)))
                .isInstanceOf(VerifierCli.NotAnExport.class).hasMessageContaining("line 1 is not an exported event");
    }
}
