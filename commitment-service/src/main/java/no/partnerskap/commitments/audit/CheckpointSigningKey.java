package no.partnerskap.commitments.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.util.Optional;
import java.util.Set;
import no.partnerskap.audit.SigningKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The Ed25519 key that signs checkpoints: from the environment ({@code PARTNERSHIPS_AUDIT_SIGNINGKEY},
 * PEM text) or a file ({@code partnerships.audit.signing-key-file}); local mode generates one into
 * its data folder. Its public key is published in {@code event_store.signing_key}.
 */
@Component
public class CheckpointSigningKey {

    private static final Logger log = LoggerFactory.getLogger(CheckpointSigningKey.class);

    private final Optional<KeyPair> key;

    CheckpointSigningKey(@Value("${partnerships.audit.signing-key:}") String pem,
                         @Value("${partnerships.audit.signing-key-file:}") String file,
                         @Value("${partnerships.audit.generate-signing-key:false}") boolean generate,
                         JdbcTemplate jdbc) {
        this.key = load(pem, file, generate);
        key.ifPresentOrElse(pair -> publish(jdbc, pair),
                () -> log.warn("No checkpoint signing key configured (partnerships.audit.signing-key or "
                        + "signing-key-file): the history is hash-chained but no checkpoints are sealed"));
    }

    public Optional<KeyPair> key() {
        return key;
    }

    private static Optional<KeyPair> load(String pem, String file, boolean generate) {
        if (!pem.isBlank()) {
            return Optional.of(SigningKeys.readPrivate(pem));
        }
        if (file.isBlank()) {
            return generate ? Optional.of(SigningKeys.generate()) : Optional.empty();
        }
        Path path = Path.of(file);
        try {
            if (Files.exists(path)) {
                return Optional.of(SigningKeys.readPrivate(Files.readString(path)));
            }
            if (!generate) {
                throw new IllegalStateException("checkpoint signing key file " + path + " does not exist");
            }
            KeyPair pair = SigningKeys.generate();
            Files.createDirectories(path.toAbsolutePath().getParent());
            Files.writeString(path, SigningKeys.keyFile(pair));
            try {
                Files.setPosixFilePermissions(path, Set.copyOf(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                // best effort on file systems without POSIX permissions
            }
            log.info("Generated a checkpoint signing key in {}", path);
            return Optional.of(pair);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void publish(JdbcTemplate jdbc, KeyPair pair) {
        jdbc.update("""
                insert into event_store.signing_key (key_id, public_key) values (?, ?)
                on conflict (key_id) do nothing""",
                SigningKeys.keyId(pair.getPublic()), SigningKeys.publicPem(pair.getPublic()));
    }
}
