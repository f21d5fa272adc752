package no.partnerskap.audit;

import com.fasterxml.jackson.core.JsonGenerator;
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
 * --public-key keys.pem [--expect-checkpoint HASH] [--part] [--without-end-line]} ({@link #USAGE}). Prints the
 * result as JSON; exits 0 when the history verifies, 1 when
 * it does not, 2 on wrong usage or when a file is missing or holds something else (an export that is
 * not one, a key file without a usable key).
 */
public final class VerifierCli {

    private static final ObjectMapper json = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private VerifierCli() {
    }

    static final String USAGE = "usage: verify --export events.jsonl --checkpoints checkpoints.json "
            + "--public-key keys.pem [--public-key more.pem ...] [--expect-checkpoint HASH ...] [--part] "
            + "[--without-end-line]\n"
            + "  --public-key: a PEM file of one or more public keys (every key that signed a checkpoint)\n"
            + "  --expect-checkpoint: a checkpoint hash written in the minutes; it must be among the checkpoints\n"
            + "  --part: the export is a part of the history (exported with from= or to=)\n"
            + "  --without-end-line: the export was saved before exports ended with a line counting their events";

    /** What to verify, and how: the command line, read strictly (a mistyped option must not pass unnoticed). */
    public record Options(Path export, Path checkpoints, List<Path> publicKeys, List<String> expectedCheckpoints,
                          boolean part, boolean withoutEndLine) {

        /** @throws IllegalArgumentException naming what is wrong with the command line */
        public static Options parse(String... args) {
            if (args.length == 0 || !args[0].equals("verify")) {
                throw new IllegalArgumentException("the command is verify");
            }
            Map<String, String> files = new HashMap<>();
            List<Path> publicKeys = new ArrayList<>();
            List<String> expected = new ArrayList<>();
            boolean part = false;
            boolean withoutEndLine = false;
            for (int i = 1; i < args.length; i++) {
                String option = args[i];
                if (option.equals("--part")) {
                    part = true;
                    continue;
                }
                if (option.equals("--without-end-line")) {
                    withoutEndLine = true;
                    continue;
                }
                if (!List.of("--export", "--checkpoints", "--public-key", "--expect-checkpoint").contains(option)) {
                    throw new IllegalArgumentException("unknown option " + option);
                }
                if (i + 1 >= args.length || args[i + 1].isBlank() || args[i + 1].startsWith("--")) {
                    throw new IllegalArgumentException(option + " needs a value");
                }
                String value = args[++i];
                switch (option) {
                    case "--public-key" -> publicKeys.add(Path.of(value));
                    case "--expect-checkpoint" -> {
                        if (!value.trim().matches("[0-9a-fA-F]{64}")) {
                            throw new IllegalArgumentException("--expect-checkpoint takes a checkpoint hash "
                                    + "(64 hexadecimal digits), not '" + value + "'");
                        }
                        expected.add(value.trim());
                    }
                    default -> files.put(option, value);
                }
            }
            if (!files.containsKey("--export") || !files.containsKey("--checkpoints") || publicKeys.isEmpty()) {
                throw new IllegalArgumentException("--export, --checkpoints and --public-key are needed");
            }
            return new Options(Path.of(files.get("--export")), Path.of(files.get("--checkpoints")),
                    List.copyOf(publicKeys), List.copyOf(expected), part, withoutEndLine);
        }
    }

    public static void main(String[] args) throws IOException {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage() + "\n" + USAGE);
            System.exit(2);
            return;
        }
        Verifier.Result result;
        try {
            result = verify(options);
            // streamed: a history with a problem in every event makes a verdict larger than one string should be
            json.writer().without(JsonGenerator.Feature.AUTO_CLOSE_TARGET).writeValue(System.out, result);
            System.out.println();
        } catch (NotAnExport | NotAKeyFile | NotCheckpoints e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        } catch (IOException e) {
            // a file that is missing or unreadable: nothing was verified, so not "does not verify" (1)
            System.err.println("cannot read " + e.getMessage());
            System.exit(2);
            return;
        } catch (OutOfMemoryError e) {
            // nor is a verification (or its verdict) cut short: a script must not take it for tampering
            System.err.println("ran out of memory before the end, so no verdict was given: give the verifier more "
                    + "(java -Xmx1g -jar ...)");
            System.exit(2);
            return;
        }
        if (result.valid() && result.checkpointsChecked() == 0 && result.eventsChecked() > 0) {
            System.err.println("No checkpoint vouches for these events: they agree with their own hash chains, which "
                    + "anyone able to write the export can recompute. Give the checkpoints from the minutes "
                    + "(--expect-checkpoint) to rule that out" + (options.part()
                    ? ", and export whole checkpoints' ranges: a part checks only the checkpoints it holds whole."
                    : "."));
        }
        System.exit(result.valid() ? 0 : 1);
    }

    public static Verifier.Result verify(Path export, Path checkpointsFile, List<Path> publicKeys) throws IOException {
        return verify(new Options(export, checkpointsFile, publicKeys, List.of(), false, false));
    }

    public static Verifier.Result verify(Options options) throws IOException {
        Path export = options.export();
        Map<String, PublicKey> keys = new HashMap<>();
        for (Path file : options.publicKeys()) {
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
        List<Checkpoint> checkpoints = checkpoints(options.checkpoints());
        Verifier verifier = options.part() ? Verifier.part(checkpoints, keys) : new Verifier(checkpoints, keys);
        verifier.expectCheckpoints(options.expectedCheckpoints());
        Long declared = null;
        long exported = 0;
        try (BufferedReader lines = Files.newBufferedReader(export, StandardCharsets.UTF_8)) {
            String line;
            long number = 0;
            while ((line = lines.readLine()) != null) {
                number++;
                if (number == 1 && line.startsWith("\uFEFF")) {
                    // a byte-order mark, as an editor may add when the file is saved again
                    line = line.substring(1);
                }
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
        if (declared == null && exported == 0) {
            // a download that failed and saved nothing: not a history whose events were all deleted
            throw new NotAnExport(export + " is empty: no event and no end line, so nothing was verified (did its "
                    + "download fail?)");
        }
        if (declared == null && !options.withoutEndLine()) {
            verifier.problem("the export has no end line ({\"" + END + "\": ...}): it was cut short, so events may "
                    + "be missing from its end (an export saved by a version from before end lines has none: verify "
                    + "it with --without-end-line)");
        } else if (declared != null && declared != exported) {
            verifier.problem("the export's end line says " + declared + " events, but it holds " + exported
                    + ": lines were removed or added");
        }
        return verifier.finish();
    }

    /** The field of the export's last line, which says how many events it holds. */
    public static final String END = "exportEnd";

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
