package coop.tally.crypto;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes a key file of the data folder's keys directory: owner-only from the moment it exists, and
 * never replacing one that is there (a key file is never overwritten: what it signed or
 * authenticated would stop verifying).
 */
public final class KeyFiles {

    private KeyFiles() {
    }

    /**
     * Creates {@code file} holding {@code text}, unless it exists; returns whether this call created
     * it. When several servers sharing the folder race, exactly one wins and the others keep theirs
     * unwritten.
     */
    public static boolean createOnce(Path file, String text) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".new");
        Files.deleteIfExists(temporary);
        try {
            // owner-only from the moment it exists, never briefly readable by others
            Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(temporary);
        }
        Files.writeString(temporary, text, StandardCharsets.US_ASCII);
        try {
            // no replace: if another server created it meanwhile, theirs wins and ours is dropped
            Files.move(temporary, file);
            return true;
        } catch (FileAlreadyExistsException raced) {
            Files.deleteIfExists(temporary);
            return false;
        }
    }
}
