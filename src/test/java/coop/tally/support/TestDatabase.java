package coop.tally.support;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The database the integration tests' servers run on: embedded Derby (the default), or PostgreSQL
 * when the build says {@code -Dtally.it.db=postgres} ({@code mvn verify -Ppostgres}). On PostgreSQL one
 * throw-away server is started for the whole test run, and every deployment gets a new, empty
 * database of its own, as each gets a new in-memory Derby.
 */
public final class TestDatabase {

    private static final String ROLE = "tally";
    private static final String PASSWORD = "tally-it-" + Long.toHexString(Double.doubleToLongBits(Math.random()));
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static final Map<Path, String> FOLDERS = new HashMap<>();
    private static ThrowawayPostgres postgres;

    private TestDatabase() {
    }

    public static boolean isPostgres() {
        return "postgres".equals(System.getProperty("tally.it.db"));
    }

    /**
     * The configuration lines (MicroProfile Config properties) that point a new server at a new,
     * empty database; none on Derby, where the server's in-memory database is new with it.
     */
    public static String freshDatabaseConfig() {
        if (!isPostgres()) {
            return "";
        }
        StringBuilder lines = new StringBuilder();
        settings(newDatabase()).forEach((name, value) -> lines.append(name).append('=').append(value).append('\n'));
        return lines.toString();
    }

    /**
     * The JVM options that put a server of {@link TallyProcess} on the PostgreSQL database of its
     * data folder (the same database at every start of that folder, new at the first); none on Derby,
     * whose database is in the data folder.
     */
    public static synchronized List<String> jvmOptionsFor(Path dataFolder) {
        if (!isPostgres()) {
            return List.of();
        }
        String url = FOLDERS.computeIfAbsent(dataFolder.toAbsolutePath().normalize(), folder -> newDatabase());
        return settings(url).entrySet().stream().map(setting -> "-D" + setting.getKey() + "=" + setting.getValue()).toList();
    }

    /** Servers on {@code folder} run on the database of the servers on {@code sameAs}: several servers, one database. */
    public static synchronized void share(Path folder, Path sameAs) {
        if (!isPostgres()) {
            throw new IllegalStateException("only a PostgreSQL database is shared between servers");
        }
        String url = FOLDERS.computeIfAbsent(sameAs.toAbsolutePath().normalize(), first -> newDatabase());
        FOLDERS.put(folder.toAbsolutePath().normalize(), url);
    }

    /** The PostgreSQL server the tests' databases are on, started when first asked for. */
    public static ThrowawayPostgres postgres() {
        if (!isPostgres()) {
            throw new IllegalStateException("the tests run on Derby (-Dtally.it.db=postgres for PostgreSQL)");
        }
        return server();
    }

    /** The next server on {@code dataFolder} starts on a new database: the folder was made anew. */
    public static synchronized void forget(Path dataFolder) {
        FOLDERS.remove(dataFolder.toAbsolutePath().normalize());
    }

    /** A connection, as its owner, to the database of a {@link TallyProcess} data folder (on Derby, to its files). */
    public static synchronized Connection connect(Path dataFolder) throws SQLException {
        if (!isPostgres()) {
            return DriverManager.getConnection("jdbc:derby:" + dataFolder.resolve("db").toAbsolutePath());
        }
        String url = FOLDERS.get(dataFolder.toAbsolutePath().normalize());
        if (url == null) {
            throw new IllegalStateException("no server has run on " + dataFolder);
        }
        return DriverManager.getConnection(url, ROLE, PASSWORD);
    }

    /** Tally's settings for one test database, in the order a reader expects them. */
    private static Map<String, String> settings(String url) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("tally.db.url", url);
        settings.put("tally.db.user", ROLE);
        settings.put("tally.db.password", PASSWORD);
        return settings;
    }

    private static String newDatabase() {
        String name = "tally_it_" + DATABASES.incrementAndGet();
        try {
            server().createDatabase(name, ROLE);
        } catch (Exception e) {
            throw new IllegalStateException("cannot create the PostgreSQL test database " + name, e);
        }
        return server().url(name);
    }

    private static synchronized ThrowawayPostgres server() {
        if (postgres == null) {
            ThrowawayPostgres started;
            try {
                started = ThrowawayPostgres.start().orElseThrow(() -> new IllegalStateException(
                        "-Dtally.it.db=postgres needs PostgreSQL's server binaries (Debian: postgresql-15)"));
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException("cannot start PostgreSQL for the tests", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (Exception ignored) {
                    // the build is ending; target/ is the next clean's
                }
            }, "postgres-stop"));
            try {
                started.createRole(ROLE, PASSWORD);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot create the tests' PostgreSQL role", e);
            }
            postgres = started;
        }
        return postgres;
    }
}
