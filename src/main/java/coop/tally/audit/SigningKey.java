package coop.tally.audit;

import coop.tally.crypto.KeyFiles;
import coop.tally.crypto.KeyFingerprint;
import coop.tally.platform.DataFolder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.logging.Logger;

/**
 * The credit union's Ed25519 checkpoint key, generated on first use into
 * {@code <data>/keys/ledger-ed25519.key} (hex of the 32-byte private key, owner-only). The private
 * key never leaves this class: callers get signatures, the public key and its id. In a cluster every
 * server must be given the same key file before its first start.
 */
@ApplicationScoped
public class SigningKey {

    static final String FILE = "ledger-ed25519.key";
    private static final Logger LOG = Logger.getLogger(SigningKey.class.getName());

    @Inject
    DataFolder dataFolder;

    private byte[] privateKey;
    private byte[] publicKey;
    private String keyId;

    /** The public key, 32 bytes. */
    public synchronized byte[] publicKey() {
        load();
        return publicKey.clone();
    }

    /** First 8 bytes of SHA-256(public key) in hex: names the key a checkpoint was signed with. */
    public synchronized String keyId() {
        load();
        return keyId;
    }

    /** Recognises the key: every server of one database must sign with the same. */
    public synchronized String keyFingerprint() {
        load();
        return KeyFingerprint.of("ledger-signing", publicKey);
    }

    public synchronized byte[] sign(byte[] message) {
        load();
        return Ed25519.sign(privateKey, message);
    }

    static String keyIdOf(byte[] publicKey) {
        return Hex.of(Arrays.copyOf(Merkle.sha256().digest(publicKey), 8));
    }

    private void load() {
        if (privateKey != null) {
            return;
        }
        Path file = dataFolder.keysFolder().resolve(FILE);
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            privateKey = Hex.parse(Files.readString(file, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the ledger signing key " + file, e);
        }
        publicKey = Ed25519.publicKey(privateKey);
        keyId = keyIdOf(publicKey);
    }

    private static void create(Path file) throws IOException {
        if (KeyFiles.createOnce(file, Hex.of(Ed25519.newPrivateKey(new SecureRandom())))) {
            LOG.info(() -> "Generated the ledger signing key in " + file.getParent());
        }
    }
}
