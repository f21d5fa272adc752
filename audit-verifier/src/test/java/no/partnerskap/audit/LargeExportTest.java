package no.partnerskap.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The offline verifier on an export of 100,000 events in two checkpoints, lines written as the service writes
 * them, through the same
 * entry point an auditor runs. Prints how long it took (the figure, not a pass mark).
 */
class LargeExportTest {

    @Test
    void verifies_an_export_of_100k_events() throws Exception {
        ObjectMapper json = new ObjectMapper();
        KeyPair key = SigningKeys.generate();
        List<EventRecord> events = VerifierTest.history(100_000, 5_000);
        Path folder = Files.createTempDirectory("large-export");
        Path export = folder.resolve("events.jsonl");
        try (BufferedWriter out = Files.newBufferedWriter(export)) {
            for (EventRecord event : events) {
                // as the service writes it: the readable fields, which the verifier checks too, then the stored ones
                com.fasterxml.jackson.databind.node.ObjectNode line = json.createObjectNode();
                ExportLine.readable(event).forEach(line::set);
                line.set("stored", json.valueToTree(event));
                out.write(line.toString());
                out.newLine();
            }
            out.write("{\"exportEnd\":{\"events\":" + events.size() + "}}");
            out.newLine();
        }
        VerifierTest sealing = VerifierTest.sealingWith(key);
        List<Checkpoint> checkpoints = new ArrayList<>(sealing.sealed(events, 60_000, 100_000));
        Path checkpointFile = folder.resolve("checkpoints.json");
        json.writeValue(checkpointFile.toFile(), Map.of("checkpoints", checkpoints));
        Path publicKey = folder.resolve("key.pem");
        Files.writeString(publicKey, SigningKeys.publicPem(key.getPublic()));

        long started = System.nanoTime();
        Verifier.Result result = VerifierCli.verify(export, checkpointFile, List.of(publicKey));
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertThat(result.valid()).isTrue();
        assertThat(result.eventsChecked()).isEqualTo(100_000);
        assertThat(result.checkpointsChecked()).isEqualTo(2);
        System.out.printf("Offline verifier: %d events, %d checkpoints, %d MiB export, verified in %d ms%n",
                result.eventsChecked(), result.checkpointsChecked(), Files.size(export) >> 20, millis);
    }
}
