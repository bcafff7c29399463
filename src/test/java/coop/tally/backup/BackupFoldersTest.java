package coop.tally.backup;

import coop.tally.platform.DataFolder;
import coop.tally.platform.Refusal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BackupFoldersTest {

    private static final Instant BEGUN = Instant.parse("2026-03-14T15:00:00.250Z");

    @TempDir
    Path data;

    private BackupFolders folders;

    @BeforeEach
    void folders() {
        folders = new BackupFolders();
        folders.dataFolder = new DataFolder() {
            @Override
            public Path root() {
                return data;
            }
        };
    }

    @Test
    void a_backup_is_named_by_the_utc_second_it_began_and_numbered_when_another_began_in_it() throws IOException {
        assertEquals("20260314T150000Z", folders.newName(BEGUN));
        Files.createDirectories(folders.folder("20260314T150000Z"));
        assertEquals("20260314T150000Z-2", folders.newName(BEGUN));
        Files.createDirectories(folders.folder("20260314T150000Z-2"));
        assertEquals("20260314T150000Z-3", folders.newName(BEGUN.plusMillis(500)));
        assertEquals(data.resolve("backups").resolve("20260314T150000Z-2"), folders.folder("20260314T150000Z-2"));
    }

    @Test
    void a_name_from_a_client_is_only_ever_one_of_those_names_inside_the_backup_folder() {
        for (String name : List.of("..", "../keys", "20260314T150000Z/../../keys", "20260314T150000Z/db", "/etc",
                "20260314T150000Z-12345", "x20260314T150000Z", "20260314T150000z", "", " 20260314T150000Z",
                "20260314T150000Z\n", "2026031４T150000Z")) {
            Refusal refused = assertThrows(Refusal.class, () -> folders.folder(name), name);
            assertEquals(Refusal.Kind.INVALID, refused.kind());
            assertEquals("BACKUP_NAME_INVALID", refused.code());
        }
        assertThrows(Refusal.class, () -> folders.folder(null));
        assertTrue(folders.find("20260314T150000Z").isEmpty(), "no such backup");
    }

    @Test
    void the_list_is_newest_first_and_a_folder_without_its_manifest_is_unfinished() throws IOException {
        for (String name : List.of("20260314T150000Z", "20260314T150000Z-9", "20260314T150000Z-10", "20260313T235959Z")) {
            Files.createDirectories(folders.folder(name).resolve("db"));
        }
        Files.createDirectories(data.resolve("backups").resolve("not-a-backup"));
        Files.writeString(data.resolve("backups").resolve("20260315T000000Z"), "a file, not a folder");
        Backup finished = new Backup("20260314T150000Z-10", "admin1", BEGUN, BEGUN.plusSeconds(3), "db", 7, 1234,
                "ab".repeat(32), "0123456789abcdef", 5, 40, 2500, 300);
        folders.writeManifest(folders.folder(finished.name()), finished);
        Files.writeString(folders.folder("20260314T150000Z").resolve(BackupFolders.MANIFEST), "{\"name\":");

        List<BackupFolder> listed = folders.list();
        assertEquals(List.of("20260314T150000Z-10", "20260314T150000Z-9", "20260314T150000Z", "20260313T235959Z"),
                listed.stream().map(BackupFolder::name).toList());
        assertEquals(finished, listed.get(0).backup().orElseThrow(), "the manifest reads back as written");
        assertTrue(listed.get(0).sizeBytes() > 0);
        assertFalse(listed.get(1).complete());
        assertFalse(listed.get(2).complete(), "an unreadable manifest names no backup");
        assertEquals(3000, finished.totalMillis());
    }
}
