package coop.tally.backup;

import coop.tally.platform.DataFolder;
import coop.tally.platform.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonReader;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static coop.tally.web.JsonBuilders.JSON;

/**
 * The backup folders under {@code <tally.data>/backups} (owner-only: a backup holds member data).
 * Tally names every folder itself, from the UTC time the backup was begun; a name a client sends is
 * only ever matched against that pattern and looked up inside this folder, never used as a path.
 */
@ApplicationScoped
public class BackupFolders {

    static final String FOLDER = "backups";
    static final String MANIFEST = "backup.json";

    private static final Logger LOG = Logger.getLogger(BackupFolders.class.getName());
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    /** A name this class gives: the time, and a number when two backups begin in the same second. */
    private static final Pattern VALID = Pattern.compile("(\\d{8}T\\d{6}Z)(?:-(\\d{1,4}))?");
    /** Oldest first: by time, then by number (so that -10 comes after -9). */
    private static final Comparator<String> OLDEST_FIRST = Comparator.<String, String>comparing(name -> part(name, 1))
            .thenComparingInt(name -> part(name, 2).isEmpty() ? 1 : Integer.parseInt(part(name, 2)));

    @Inject
    DataFolder dataFolder;

    /** A name no folder has yet, for a backup begun at {@code startedAt}; the caller keeps one backup at a time. */
    String newName(Instant startedAt) {
        Path root = root();
        String base = NAME.format(startedAt);
        String name = base;
        for (int n = 2; Files.exists(root.resolve(name)); n++) {
            name = base + "-" + n;
        }
        return name;
    }

    /** The folder a backup of this name has or will have. */
    Path folder(String name) {
        if (!isName(name)) {
            String shown = name == null ? "" : name.length() > 40 ? name.substring(0, 40) : name;
            throw Refusal.invalid("BACKUP_NAME_INVALID", "A backup is named by the UTC time it was begun, as"
                    + " 20260314T150000Z; the list of backups gives the names.", Map.of("name", shown));
        }
        Path root = root();
        Path folder = root.resolve(name).normalize();
        if (!root.equals(folder.getParent())) {
            throw new IllegalStateException("backup name " + name + " leaves the backup folder");
        }
        return folder;
    }

    static boolean isName(String name) {
        return name != null && VALID.matcher(name).matches();
    }

    Optional<BackupFolder> find(String name) {
        Path folder = folder(name);
        return Files.isDirectory(folder) ? Optional.of(describe(folder)) : Optional.empty();
    }

    /** Every backup folder, newest first. Other files and folders an operator put there are left out. */
    List<BackupFolder> list() {
        try (Stream<Path> folders = Files.list(root())) {
            return folders.filter(Files::isDirectory)
                    .map(folder -> folder.getFileName().toString())
                    .filter(BackupFolders::isName)
                    .sorted(OLDEST_FIRST.reversed())
                    .map(name -> describe(root().resolve(name)))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + root(), e);
        }
    }

    /** Written last, and whole or not at all: a folder with a manifest is a finished backup. */
    void writeManifest(Path folder, Backup backup) {
        Path written = folder.resolve(MANIFEST + ".part");
        try {
            Files.writeString(written, BackupJson.of(backup).build().toString() + "\n", StandardCharsets.UTF_8);
            Files.move(written, folder.resolve(MANIFEST), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the manifest of " + folder, e);
        }
    }

    private Path root() {
        return dataFolder.privateFolder(FOLDER);
    }

    private static BackupFolder describe(Path folder) {
        return new BackupFolder(folder.getFileName().toString(), size(folder), manifest(folder));
    }

    private static Optional<Backup> manifest(Path folder) {
        Path file = folder.resolve(MANIFEST);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (JsonReader reader = JSON.createReader(new StringReader(Files.readString(file, StandardCharsets.UTF_8)))) {
            return Optional.of(BackupJson.read(reader.readObject()));
        } catch (IOException | JsonException | NullPointerException | ClassCastException | java.time.DateTimeException e) {
            // listed, but as unfinished: a manifest that cannot be read names no backup to restore
            LOG.warning(() -> "Unreadable backup manifest " + file + ": " + e);
            return Optional.empty();
        }
    }

    /** Bytes in the folder; files that vanish while it is counted (a backup being made) are skipped. */
    private static long size(Path folder) {
        long[] bytes = {0};
        try {
            Files.walkFileTree(folder, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    bytes[0] += attributes.size();
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot measure " + folder, e);
        }
        return bytes[0];
    }

    private static String part(String name, int group) {
        Matcher matcher = VALID.matcher(name);
        if (!matcher.matches()) {
            throw new IllegalArgumentException(name);
        }
        return matcher.group(group) == null ? "" : matcher.group(group);
    }
}
