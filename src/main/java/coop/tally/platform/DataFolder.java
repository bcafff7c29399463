package coop.tally.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The folder ({@code tally.data}) that holds what must survive a restart and never enter the
 * repository: the database files and the keys generated on first start.
 */
@ApplicationScoped
public class DataFolder {

    @Inject
    @ConfigProperty(name = "tally.data", defaultValue = "data")
    String location;

    public Path root() {
        return Path.of(location).toAbsolutePath();
    }

    /** A sub-folder readable by the server's user only, created when first asked for. */
    public Path privateFolder(String name) {
        Path folder = root().resolve(name);
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
