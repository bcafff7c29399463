package coop.tally.platform;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DatabaseChoiceTest {

    private static DatabaseChoice choose(Map<String, String> settings) {
        return DatabaseChoice.from(name -> Optional.ofNullable(settings.get(name)));
    }

    @Test
    void without_a_url_tally_runs_on_embedded_derby_in_the_named_database() {
        DatabaseChoice choice = choose(Map.of("tally.db", "memory:tally"));
        assertEquals(DatabaseChoice.Kind.DERBY, choice.kind());
        assertEquals("jdbc:derby:memory:tally;create=true", choice.url());
        assertEquals(0, choice.connectionProperties().size());
    }

    @Test
    void a_blank_url_is_no_url() {
        assertEquals(DatabaseChoice.Kind.DERBY, choose(Map.of("tally.db.url", "  ", "tally.db", "data/db")).kind());
    }

    @Test
    void a_postgresql_url_brings_its_user_password_and_a_lock_timeout() {
        DatabaseChoice choice = choose(Map.of("tally.db.url", "jdbc:postgresql://db1:5432/tally",
                "tally.db.user", "tally", "tally.db.password", "s3cret"));
        assertEquals(DatabaseChoice.Kind.POSTGRESQL, choice.kind());
        assertEquals("tally", choice.connectionProperties().getProperty("user"));
        assertEquals("s3cret", choice.connectionProperties().getProperty("password"));
        assertEquals("-c lock_timeout=15s", choice.connectionProperties().getProperty("options"));
    }

    @Test
    void what_is_logged_never_holds_the_password() {
        DatabaseChoice choice = choose(Map.of("tally.db.url", "jdbc:postgresql://db1/tally?password=s3cret&ssl=true",
                "tally.db.user", "tally", "tally.db.password", "an0ther"));
        assertEquals("POSTGRESQL at jdbc:postgresql://db1/tally as tally", choice.describe());
        assertFalse(choice.toString().contains("s3cret") || choice.toString().contains("an0ther"));
        DatabaseChoice derby = choose(Map.of("tally.db.url", "jdbc:derby:/srv/tally/db;create=true;bootPassword=s3cret"));
        assertEquals("DERBY at jdbc:derby:/srv/tally/db", derby.describe());
    }

    @Test
    void only_a_derby_database_in_a_folder_has_a_folder_to_back_up() {
        assertEquals(Optional.of("data/db"), choose(Map.of("tally.db", "data/db")).derbyFolder());
        assertEquals(Optional.of("/srv/tally/db"), choose(Map.of("tally.db.url", "jdbc:derby:/srv/tally/db;create=true")).derbyFolder());
        assertEquals(Optional.of("/srv/tally/db"), choose(Map.of("tally.db.url", "jdbc:derby:directory:/srv/tally/db")).derbyFolder());
        assertEquals(Optional.of("C:/tally/db"), choose(Map.of("tally.db", "C:/tally/db")).derbyFolder());
        assertEquals(Optional.empty(), choose(Map.of("tally.db", "memory:tally")).derbyFolder());
        assertEquals(Optional.empty(), choose(Map.of("tally.db.url", "jdbc:derby:classpath:tally")).derbyFolder());
        assertEquals(Optional.empty(), choose(Map.of("tally.db.url", "jdbc:postgresql://db1/tally")).derbyFolder());
    }

    @Test
    void any_other_database_is_refused_at_start() {
        assertThrows(IllegalArgumentException.class, () -> choose(Map.of("tally.db.url", "jdbc:mysql://db1/tally")));
    }
}
