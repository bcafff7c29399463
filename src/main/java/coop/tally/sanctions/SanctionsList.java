package coop.tally.sanctions;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The sanctions list screened against: the SDN CSV file at {@code tally.sanctions.list} (system
 * property or, as MicroProfile Config reads it, env {@code TALLY_SANCTIONS_LIST}), or the small
 * made-up list shipped for the demo and the tests. Its version is the SHA-256 of the file's bytes
 * (first 16 hex digits), written into every screening's log row, so that an auditor can tell which
 * list cleared a name. Read once at start: a new list is taken up by a restart.
 */
@ApplicationScoped
public class SanctionsList {

    static final String DEMO_LIST = "/sanctions/sdn-demo.csv";
    private static final Logger LOG = Logger.getLogger(SanctionsList.class.getName());

    @Inject
    @ConfigProperty(name = "tally.sanctions.list")
    Optional<String> location;

    @Inject
    @ConfigProperty(name = "tally.sanctions.threshold", defaultValue = "0.90")
    double threshold;

    private NameMatcher matcher;
    private String version;

    @PostConstruct
    void load() {
        byte[] bytes = location.filter(path -> !path.isBlank()).map(SanctionsList::readFile).orElseGet(SanctionsList::readDemo);
        matcher = new NameMatcher(SdnCsv.parse(new String(bytes, StandardCharsets.UTF_8)), threshold);
        version = "sha256:" + sha256(bytes).substring(0, 16);
        LOG.info(() -> "Sanctions list " + location.orElse("(demo list)") + ": " + matcher.size() + " entries, " + version
                + ", match threshold " + threshold);
    }

    public NameMatcher.Match screen(String name) {
        return matcher.best(name);
    }

    /** "sha256:0123456789abcdef": which list a screening used. */
    public String version() {
        return version;
    }

    public double threshold() {
        return matcher.threshold();
    }

    private static byte[] readFile(String path) {
        try {
            return Files.readAllBytes(Path.of(path));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the sanctions list at " + path, e);
        }
    }

    private static byte[] readDemo() {
        try (InputStream in = SanctionsList.class.getResourceAsStream(DEMO_LIST)) {
            if (in == null) {
                throw new IllegalStateException("The demo sanctions list " + DEMO_LIST + " is missing");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
