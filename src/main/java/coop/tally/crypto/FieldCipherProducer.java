package coop.tally.crypto;

import coop.tally.platform.DataFolder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;
import java.util.logging.Logger;

/**
 * Makes the one {@link FieldCipher} of the application. Key from {@code tally.field-key} when
 * set (base64, 32 bytes), otherwise from {@code <tally.data>/keys/field.key}, generated on first
 * start. Every instance of a cluster must share the key, so clustered installations set it.
 */
@ApplicationScoped
public class FieldCipherProducer {

    private static final Logger LOG = Logger.getLogger(FieldCipherProducer.class.getName());
    static final String KEY_FILE = "field.key";

    @Inject
    @ConfigProperty(name = "tally.field-key")
    Optional<String> configuredKey;

    @Inject
    DataFolder dataFolder;

    @Produces
    @Singleton
    FieldCipher fieldCipher() {
        if (configuredKey.isPresent() && !configuredKey.get().isBlank()) {
            LOG.info("Field encryption key taken from configuration (tally.field-key)");
            return new FieldCipher(FieldKeys.fromBase64(configuredKey.get()));
        }
        var keyFile = dataFolder.keysFolder().resolve(KEY_FILE);
        LOG.info(() -> "Field encryption key file: " + keyFile);
        return new FieldCipher(FieldKeys.loadOrCreate(keyFile));
    }
}
