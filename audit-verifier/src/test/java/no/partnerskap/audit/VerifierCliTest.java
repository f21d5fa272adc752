package no.partnerskap.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VerifierCliTest {

    /** A key rotated, or another instance's own: the checkpoints each key signed verify with one file of both. */
    @Test
    void checkpoints_signed_by_two_keys_verify_with_both_keys_in_one_file() throws Exception {
        KeyPair first = SigningKeys.generate();
        KeyPair second = SigningKeys.generate();
        List<EventRecord> events = VerifierTest.history(10, 3);
        Checkpoint one = VerifierTest.sealingWith(first).seal(1, events, 0, 5, Hashes.hex(Hashes.GENESIS));
        Checkpoint two = VerifierTest.sealingWith(second).seal(2, events, 5, 10, one.checkpointHash());
        Path folder = Files.createTempDirectory("two-keys");
        ObjectMapper json = new ObjectMapper();
        StringBuilder lines = new StringBuilder();
        for (EventRecord event : events) {
            lines.append(json.writeValueAsString(Map.of("stored", event))).append('\n');
        }
        Path export = Files.writeString(folder.resolve("events.jsonl"), lines);
        Path checkpoints = folder.resolve("checkpoints.json");
        json.writeValue(checkpoints.toFile(), Map.of("checkpoints", List.of(one, two)));
        Path both = Files.writeString(folder.resolve("keys.pem"),
                SigningKeys.publicPem(first.getPublic()) + SigningKeys.publicPem(second.getPublic()));
        Path onlyFirst = Files.writeString(folder.resolve("first.pem"), SigningKeys.publicPem(first.getPublic()));

        Verifier.Result verified = VerifierCli.verify(export, checkpoints, List.of(both));
        assertThat(verified.valid()).as(verified.problems().toString()).isTrue();
        assertThat(verified.checkpointsChecked()).isEqualTo(2);
        Verifier.Result oneKey = VerifierCli.verify(export, checkpoints, List.of(onlyFirst));
        assertThat(oneKey.valid()).isFalse();
        assertThat(oneKey.problems()).anySatisfy(p -> assertThat(p.toString()).contains("unknown key"));
    }

    /** A key file that holds no usable key is a usage error, not a history that failed to verify. */
    @Test
    void a_key_file_without_a_usable_key_is_refused_rather_than_verified() throws Exception {
        Path folder = Files.createTempDirectory("bad-key");
        Path export = Files.writeString(folder.resolve("events.jsonl"), "");
        Path checkpoints = folder.resolve("checkpoints.json");
        new ObjectMapper().writeValue(checkpoints.toFile(), Map.of("checkpoints", List.of()));
        for (String content : new String[] {"", "not a key", "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n"}) {
            Path key = Files.writeString(folder.resolve("key.pem"), content);
            assertThatThrownBy(() -> VerifierCli.verify(export, checkpoints, List.of(key)))
                    .as(content).isInstanceOf(VerifierCli.NotAKeyFile.class).hasMessageContaining("key.pem holds no");
        }
    }

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
