package no.partnerskap.audit;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The auditor's verifier:
 * {@code java -jar audit-verifier-cli.jar verify --export events.jsonl --checkpoints checkpoints.json
 * --public-key key.pem}. Prints the result as JSON; exits 0 when the history verifies, 1 when it
 * does not, 2 on wrong usage.
 */
public final class VerifierCli {

    private static final ObjectMapper json = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private VerifierCli() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        if (args.length == 0 || !args[0].equals("verify") || !options.containsKey("--export")
                || !options.containsKey("--checkpoints") || !options.containsKey("--public-key")) {
            System.err.println("usage: verify --export events.jsonl --checkpoints checkpoints.json "
                    + "--public-key key.pem [--public-key-2 other.pem]");
            System.exit(2);
        }
        Verifier.Result result = verify(Path.of(options.get("--export")), Path.of(options.get("--checkpoints")),
                options.entrySet().stream().filter(e -> e.getKey().startsWith("--public-key"))
                        .map(e -> Path.of(e.getValue())).toList());
        System.out.println(json.writeValueAsString(result));
        System.exit(result.valid() ? 0 : 1);
    }

    public static Verifier.Result verify(Path export, Path checkpointsFile, List<Path> publicKeys) throws IOException {
        Map<String, PublicKey> keys = new HashMap<>();
        for (Path file : publicKeys) {
            PublicKey key = SigningKeys.readPublic(Files.readString(file));
            keys.put(SigningKeys.keyId(key), key);
        }
        Verifier verifier = new Verifier(checkpoints(checkpointsFile), keys);
        try (BufferedReader lines = Files.newBufferedReader(export, StandardCharsets.UTF_8)) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (!line.isBlank()) {
                    // an export line carries the stored columns under "stored"; a bare record is accepted too
                    JsonNode node = json.readTree(line);
                    verifier.accept(json.treeToValue(node.has("stored") ? node.get("stored") : node,
                            EventRecord.class));
                }
            }
        }
        return verifier.finish();
    }

    /** Accepts the service's answer ({@code {"checkpoints": [...]}}) or a plain array. */
    static List<Checkpoint> checkpoints(Path file) throws IOException {
        JsonNode root = json.readTree(file.toFile());
        JsonNode array = root.isArray() ? root : root.path("checkpoints");
        List<Checkpoint> checkpoints = new ArrayList<>();
        for (JsonNode node : array) {
            checkpoints.add(json.treeToValue(node, Checkpoint.class));
        }
        return checkpoints;
    }
}
