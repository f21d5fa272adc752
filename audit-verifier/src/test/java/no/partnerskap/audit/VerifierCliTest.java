package no.partnerskap.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
        Path export = export(folder, events.stream().map(event -> (ObjectNode) json.valueToTree(Map.of("stored", event)))
                .toList());
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

    /**
     * Only the stored columns are hashed; the readable fields beside them are what people read. An export with
     * a readable field edited (a pledge, who, when, which event) or one added does not verify.
     */
    @Test
    void an_export_whose_readable_fields_say_otherwise_than_its_stored_columns_does_not_verify() throws Exception {
        KeyPair key = SigningKeys.generate();
        List<EventRecord> events = VerifierTest.history(6, 2);
        Checkpoint sealed = VerifierTest.sealingWith(key).seal(1, events, 0, 6, Hashes.hex(Hashes.GENESIS));
        Path folder = Files.createTempDirectory("readable");
        ObjectMapper json = new ObjectMapper();
        Path checkpoints = folder.resolve("checkpoints.json");
        json.writeValue(checkpoints.toFile(), Map.of("checkpoints", List.of(sealed)));
        Path publicKey = Files.writeString(folder.resolve("key.pem"), SigningKeys.publicPem(key.getPublic()));
        List<ObjectNode> lines = events.stream().map(event -> {
            ObjectNode line = json.createObjectNode();
            ExportLine.readable(event).forEach(line::set);
            line.set("stored", json.valueToTree(event));
            return line;
        }).toList();
        assertThat(VerifierCli.verify(export(folder, lines), checkpoints, List.of(publicKey)).valid()).isTrue();

        Map<String, java.util.function.Consumer<ObjectNode>> edits = Map.of(
                "payload", line -> ((ObjectNode) line.get("payload")).put("n", 9_999_999),
                "subject", line -> line.put("subject", "someone else"),
                "issuer", line -> line.put("issuer", "https://elsewhere.example"),
                "timestamp", line -> line.put("timestamp", "2020-01-01T00:00:00Z"),
                "event", line -> line.put("event", "CommitmentWithdrawn"),
                "globalPosition", line -> line.put("globalPosition", 99),
                "note", line -> line.put("note", "approved by the council"));
        for (Map.Entry<String, java.util.function.Consumer<ObjectNode>> edit : edits.entrySet()) {
            List<ObjectNode> edited = lines.stream().map(ObjectNode::deepCopy).toList();
            edit.getValue().accept(edited.get(3));

            Verifier.Result result = VerifierCli.verify(export(folder, edited), checkpoints, List.of(publicKey));

            assertThat(result.valid()).as(edit.getKey()).isFalse();
            assertThat(result.problems()).as(edit.getKey()).singleElement().satisfies(p -> {
                assertThat(p.globalPosition()).isEqualTo(4);
                assertThat(p.problem()).contains("'" + edit.getKey() + "'");
            });
        }
    }

    /** An export of a few events no checkpoint seals yet, as the service writes it, with its key and no checkpoints. */
    record UnsealedExport(Path folder, Path checkpoints, Path publicKey, List<String> lines) {

        static UnsealedExport of(int events) throws Exception {
            KeyPair key = SigningKeys.generate();
            Path folder = Files.createTempDirectory("unsealed");
            ObjectMapper json = new ObjectMapper();
            Path checkpoints = folder.resolve("checkpoints.json");
            json.writeValue(checkpoints.toFile(), Map.of("checkpoints", List.of()));
            Path publicKey = Files.writeString(folder.resolve("key.pem"), SigningKeys.publicPem(key.getPublic()));
            List<String> lines = Files.readAllLines(export(folder, VerifierTest.history(events, 2).stream()
                    .map(event -> (ObjectNode) json.valueToTree(Map.of("stored", event))).toList()));
            return new UnsealedExport(folder, checkpoints, publicKey, lines);
        }
    }

    /** The lines as the service writes them, ending with the line that says how many events there are. */
    static Path export(Path folder, List<ObjectNode> lines) throws Exception {
        StringBuilder text = new StringBuilder();
        for (ObjectNode line : lines) {
            text.append(line).append('\n');
        }
        text.append("{\"exportEnd\":{\"events\":").append(lines.size()).append("}}\n");
        return Files.writeString(folder.resolve("events.jsonl"), text);
    }

    /** A script whose hash variable is empty, or a mistyped option, must not verify with a check left out. */
    @Test
    void the_command_line_is_read_strictly() {
        String hash = "ab".repeat(32);
        VerifierCli.Options options = VerifierCli.Options.parse("verify", "--export", "e.jsonl", "--checkpoints",
                "c.json", "--public-key", "k.pem", "--expect-checkpoint", hash, "--part");
        assertThat(options.expectedCheckpoints()).containsExactly(hash);
        assertThat(options.part()).isTrue();

        for (String[] wrong : List.of(
                new String[] {"verify", "--export", "e", "--checkpoints", "c", "--public-key", "k", "--expect-checkpoint"},
                new String[] {"verify", "--export", "e", "--checkpoints", "c", "--public-key", "k", "--expect-checkpoint",
                        ""},
                new String[] {"verify", "--export", "e", "--checkpoints", "c", "--public-key", "k",
                        "--expect-checkpoint", "--part"},
                new String[] {"verify", "--export", "e", "--checkpoints", "c", "--public-key", "k",
                        "--expect-checkpiont", hash},
                new String[] {"verify", "--export", "e", "--checkpoints", "c", "--public-key", "k",
                        "--expect-checkpoint", "not-a-hash"},
                new String[] {"verify", "--export", "e", "--public-key", "k"})) {
            assertThatThrownBy(() -> VerifierCli.Options.parse(wrong)).as(String.join(" ", wrong))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    /** An export saved before exports had an end line; and one saved again with a byte-order mark. */
    @Test
    void an_older_export_verifies_when_told_it_has_no_end_line_and_a_byte_order_mark_is_no_change() throws Exception {
        UnsealedExport export = UnsealedExport.of(4);
        Path folder = export.folder();
        Path checkpoints = export.checkpoints();
        Path publicKey = export.publicKey();
        List<String> whole = export.lines();
        Path older = Files.write(folder.resolve("older.jsonl"), whole.subList(0, whole.size() - 1));

        assertThat(VerifierCli.verify(older, checkpoints, List.of(publicKey)).valid()).isFalse();
        assertThat(VerifierCli.verify(new VerifierCli.Options(older, checkpoints, List.of(publicKey), List.of(), false,
                true)).valid()).isTrue();
        Path marked = Files.writeString(folder.resolve("marked.jsonl"), "\uFEFF" + String.join("\n", whole) + "\n");
        assertThat(VerifierCli.verify(marked, checkpoints, List.of(publicKey)).valid()).isTrue();
    }

    /** Cut between two lines, the export would read as a shorter history; cut inside one, as no export. */
    @Test
    void an_export_cut_short_or_with_lines_removed_does_not_verify() throws Exception {
        UnsealedExport export = UnsealedExport.of(6);
        Path folder = export.folder();
        Path checkpoints = export.checkpoints();
        Path publicKey = export.publicKey();
        List<String> whole = export.lines();
        assertThat(VerifierCli.verify(folder.resolve("events.jsonl"), checkpoints, List.of(publicKey)).valid()).isTrue();

        Path betweenLines = Files.write(folder.resolve("between.jsonl"), whole.subList(0, 4));
        Verifier.Result cut = VerifierCli.verify(betweenLines, checkpoints, List.of(publicKey));
        assertThat(cut.valid()).isFalse();
        assertThat(cut.problems()).singleElement().satisfies(p -> assertThat(p.problem()).contains("no end line")
                .contains("--without-end-line"));

        List<String> oneRemoved = new java.util.ArrayList<>(whole);
        oneRemoved.remove(5);
        Verifier.Result removed = VerifierCli.verify(Files.write(folder.resolve("removed.jsonl"), oneRemoved),
                checkpoints, List.of(publicKey));
        assertThat(removed.problems()).singleElement().satisfies(p -> assertThat(p.problem())
                .contains("says 6 events, but it holds 5"));

        Path insideALine = Files.writeString(folder.resolve("inside.jsonl"), String.join("\n", whole.subList(0, 3))
                + "\n" + whole.get(3).substring(0, 40));
        assertThatThrownBy(() -> VerifierCli.verify(insideALine, checkpoints, List.of(publicKey)))
                .isInstanceOf(VerifierCli.NotAnExport.class).hasMessageContaining("line 4 is not whole JSON");
    }

    /** An error answer (or nothing) saved in place of the checkpoints: nothing could vouch for the events. */
    @Test
    void a_checkpoints_file_that_holds_no_list_of_checkpoints_is_refused_rather_than_verified() throws Exception {
        KeyPair key = SigningKeys.generate();
        Path folder = Files.createTempDirectory("no-checkpoints");
        Path export = Files.writeString(folder.resolve("events.jsonl"), "{\"exportEnd\":{\"events\":0}}\n");
        Path publicKey = Files.writeString(folder.resolve("key.pem"), SigningKeys.publicPem(key.getPublic()));
        for (String content : new String[] {"{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401}",
                "{}", "", "{\"checkpoints\":{}}"}) {
            Path checkpoints = Files.writeString(folder.resolve("checkpoints.json"), content);
            assertThatThrownBy(() -> VerifierCli.verify(export, checkpoints, List.of(publicKey))).as(content)
                    .isInstanceOf(VerifierCli.NotCheckpoints.class).hasMessageContaining("holds no list of checkpoints");
        }
        // none sealed yet is a list, and verifies
        Path none = Files.writeString(folder.resolve("checkpoints.json"), "{\"checkpoints\":[]}");
        assertThat(VerifierCli.verify(export, none, List.of(publicKey)).valid()).isTrue();
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
        // nor is a download that failed and saved nothing a history whose events were all deleted
        for (String nothing : new String[] {"", "\n\n", "\uFEFF"}) {
            Path empty = Files.writeString(folder.resolve("events.jsonl"), nothing);
            assertThatThrownBy(() -> VerifierCli.verify(empty, checkpoints, List.of(publicKey))).as(nothing)
                    .isInstanceOf(VerifierCli.NotAnExport.class).hasMessageContaining("is empty");
        }
    }
}
