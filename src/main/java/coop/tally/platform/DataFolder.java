package coop.tally.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * The folder ({@code tally.data}) that holds what must survive a restart and never enter the
 * repository: the database files and the keys generated on first start.
 */
@ApplicationScoped
public class DataFolder {

    @Inject
    @ConfigProperty(name = "tally.data", defaultValue = "data")
    String location;

    /** Where the keys are kept when not in the data folder: several servers of one database share one keys folder (or copies of it). */
    @Inject
    @ConfigProperty(name = "tally.keys")
    Optional<String> keysLocation;

    public Path root() {
        return Path.of(location).toAbsolutePath();
    }

    /**
     * The keys folder ({@code tally.keys}, by default {@code keys} in the data folder): the ledger's
     * signing key, the row MAC key and the field encryption key. Readable by the server's user only.
     */
    public Path keysFolder() {
        return keysLocation.filter(location -> !location.isBlank())
                .map(location -> ownerOnly(Path.of(location).toAbsolutePath()))
                .orElseGet(() -> privateFolder("keys"));
    }

    /** A sub-folder readable by the server's user only, created when first asked for. */
    public Path privateFolder(String name) {
        return ownerOnly(root().resolve(name));
    }

    private static Path ownerOnly(Path folder) {
        try {
            Files.createDirectories(folder);
            try {
                Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
            } catch (UnsupportedOperationException notPosix) {
                // file permissions are left to the operating system
            }
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + folder, e);
        }
    }
}
