package coop.tally.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** File helpers for tests and benchmarks that need a fresh folder under target/. */
public final class Folders {

    private Folders() {
    }

    /**
     * Deletes {@code folder} with everything in it, then creates it empty. A server's data folder made
     * anew gets a new database with it, on PostgreSQL too ({@link TestDatabase#forget}).
     */
    public static Path recreate(Path folder) {
        TestDatabase.forget(folder);
        try {
            if (Files.exists(folder)) {
                try (Stream<Path> paths = Files.walk(folder)) {
                    for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(path);
                    }
                }
            }
            return Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot recreate " + folder, e);
        }
    }
}
