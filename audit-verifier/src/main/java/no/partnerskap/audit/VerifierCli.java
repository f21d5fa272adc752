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
 * --public-key keys.pem [--expect-checkpoint HASH] [--part]}. Prints the result as JSON; exits 0 when the history
 * verifies, 1 when
 * it does not, 2 on wrong usage or when a file is missing or holds something else (an export that is
 * not one, a key file without a usable key).
 */
public final class VerifierCli {

    private static final ObjectMapper json = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private VerifierCli() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> options = new HashMap<>();
        List<Path> publicKeys = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        boolean part = false;
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--part")) {
                part = true;
            } else if (i + 1 < args.length && args[i].startsWith("--public-key")) {
                publicKeys.add(Path.of(args[++i]));
            } else if (i + 1 < args.length && args[i].equals("--expect-checkpoint")) {
                expected.add(args[++i]);
            } else if (i + 1 < args.length) {
                options.put(args[i], args[++i]);
            }
        }
        if (args.length == 0 || !args[0].equals("verify") || !options.containsKey("--export")
                || !options.containsKey("--checkpoints") || publicKeys.isEmpty()) {
            System.err.println("usage: verify --export events.jsonl --checkpoints checkpoints.json "
                    + "--public-key keys.pem [--public-key more.pem ...] [--expect-checkpoint HASH ...] [--part]\n"
                    + "  --public-key: a PEM file of one or more public keys (every key that signed a checkpoint)\n"
                    + "  --expect-checkpoint: a checkpoint hash written in the minutes; it must be among the checkpoints\n"
                    + "  --part: the export is a part of the history (exported with from= or to=)");
            System.exit(2);
        }
        Verifier.Result result;
        try {
            result = verify(Path.of(options.get("--export")), Path.of(options.get("--checkpoints")), publicKeys,
                    expected, part);
        } catch (NotAnExport | NotAKeyFile | NotCheckpoints e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        } catch (IOException e) {
            // a file that is missing or unreadable: nothing was verified, so not "does not verify" (1)
            System.err.println("cannot read " + e.getMessage());
            System.exit(2);
            return;
        }
        System.out.println(json.writeValueAsString(result));
        if (result.valid() && result.checkpointsChecked() == 0 && result.eventsChecked() > 0) {
            System.err.println("No checkpoint vouches for these events: they agree with their own hash chains, which "
                    + "anyone able to write the export can recompute. Give the checkpoints from the minutes "
                    + "(--expect-checkpoint) to rule that out.");
        }
        System.exit(result.valid() ? 0 : 1);
    }

    public static Verifier.Result verify(Path export, Path checkpointsFile, List<Path> publicKeys) throws IOException {
        return verify(export, checkpointsFile, publicKeys, List.of(), false);
    }

    /**
     * @param expected checkpoint hashes (from the minutes) that must be among the checkpoints
     * @param part     the export is a part of the history, exported between two instants ({@link Verifier#part})
     */
    public static Verifier.Result verify(Path export, Path checkpointsFile, List<Path> publicKeys,
                                         List<String> expected, boolean part) throws IOException {
        Map<String, PublicKey> keys = new HashMap<>();
        for (Path file : publicKeys) {
            List<PublicKey> inFile;
            try {
                inFile = SigningKeys.readPublicKeys(Files.readString(file));
            } catch (IllegalArgumentException e) {
                throw new NotAKeyFile(file + " holds no Ed25519 public key in PEM that the verifier can use: "
                        + e.getMessage());
            }
            for (PublicKey key : inFile) {
                keys.put(SigningKeys.keyId(key), key);
            }
        }
        List<Checkpoint> checkpoints = checkpoints(checkpointsFile);
        Verifier verifier = part ? Verifier.part(checkpoints, keys) : new Verifier(checkpoints, keys);
        verifier.expectCheckpoints(expected);
        Long declared = null;
        long exported = 0;
        try (BufferedReader lines = Files.newBufferedReader(export, StandardCharsets.UTF_8)) {
            String line;
            long number = 0;
            while ((line = lines.readLine()) != null) {
                number++;
                if (!line.isBlank()) {
                    JsonNode node = parsed(export, number, line);
                    if (node.has(END)) {
                        declared = node.path(END).path("events").asLong(-1);
                        continue;
                    }
                    if (declared != null) {
                        verifier.problem("line " + number + " comes after the export's end line: lines were added");
                    }
                    exported++;
                    // an export line carries the stored columns under "stored"; a bare record is accepted too
                    JsonNode stored = node.has("stored") ? node.get("stored") : node;
                    if (!stored.has("globalIndex") || !stored.has("aggregateId") || !stored.has("eventHash")) {
                        // an error answer saved in place of the export, say: not a history that failed to verify
                        throw new NotAnExport(export + ", line " + number + " is not an exported event: "
                                + abbreviated(line));
                    }
                    EventRecord event = json.treeToValue(stored, EventRecord.class);
                    verifier.accept(event);
                    if (stored != node) {
                        ExportLine.disagreements(node, event).forEach(what -> verifier.problem(event, what));
                    }
                }
            }
        }
        if (declared == null) {
            verifier.problem("the export has no end line ({\"" + END + "\": ...}): it was cut short, so events may "
                    + "be missing from its end");
        } else if (declared != exported) {
            verifier.problem("the export's end line says " + declared + " events, but it holds " + exported
                    + ": lines were removed or added");
        }
        return verifier.finish();
    }

    /** The export's last line, saying how many events it holds. */
    static final String END = "exportEnd";

    private static JsonNode parsed(Path export, long number, String line) {
        try {
            return json.readTree(line);
        } catch (IOException e) {
            throw new NotAnExport(export + ", line " + number + " is not whole JSON (the export was cut short there, "
                    + "or the line was changed): " + abbreviated(line));
        }
    }

    /** A file given as a public key holds something else (no key, or not an Ed25519 one). */
    public static final class NotAKeyFile extends IllegalArgumentException {
        NotAKeyFile(String message) {
            super(message);
        }
    }

    /** The file given as the checkpoints holds something else (an error answer saved in its place, say). */
    public static final class NotCheckpoints extends IllegalArgumentException {
        NotCheckpoints(String message) {
            super(message);
        }
    }

    /** The file given as the export holds something else. */
    public static final class NotAnExport extends IllegalArgumentException {
        NotAnExport(String message) {
            super(message);
        }
    }

    private static String abbreviated(String line) {
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }

    /** Accepts the service's answer ({@code {"checkpoints": [...]}}) or a plain array. */
    static List<Checkpoint> checkpoints(Path file) throws IOException {
        JsonNode root = json.readTree(file.toFile());
        JsonNode array = root != null && root.isArray() ? root : root == null ? null : root.get("checkpoints");
        if (array == null || !array.isArray()) {
            throw new NotCheckpoints(file + " holds no list of checkpoints: " + abbreviated(String.valueOf(root)));
        }
        List<Checkpoint> checkpoints = new ArrayList<>();
        for (JsonNode node : array) {
            checkpoints.add(json.treeToValue(node, Checkpoint.class));
        }
        return checkpoints;
    }
}
