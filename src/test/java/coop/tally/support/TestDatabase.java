package coop.tally.support;

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
    private static ThrowawayPostgres postgres;
    private static boolean roleCreated;

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
        String name = "tally_it_" + DATABASES.incrementAndGet();
        try {
            createDatabase(name);
        } catch (Exception e) {
            throw new IllegalStateException("cannot create the PostgreSQL test database " + name, e);
        }
        return "tally.db.url=" + server().url(name) + "\ntally.db.user=" + ROLE + "\ntally.db.password=" + PASSWORD + "\n";
    }

    private static synchronized void createDatabase(String name) throws java.sql.SQLException {
        if (!roleCreated) {
            server().createDatabase(name, ROLE, PASSWORD);
            roleCreated = true;
        } else {
            server().createDatabase(name, ROLE);
        }
    }

    private static synchronized ThrowawayPostgres server() {
        if (postgres == null) {
            try {
                postgres = ThrowawayPostgres.start().orElseThrow(() -> new IllegalStateException(
                        "-Dtally.it.db=postgres needs PostgreSQL's server binaries (Debian: postgresql-15)"));
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException("cannot start PostgreSQL for the tests", e);
            }
            ThrowawayPostgres started = postgres;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (Exception ignored) {
                    // the build is ending; target/ is the next clean's
                }
            }, "postgres-stop"));
        }
        return postgres;
    }
}
