package coop.tally.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL server of the test's own: {@code initdb} into a folder under {@code target/}, started
 * on a free port of 127.0.0.1 with {@code pg_ctl}, stopped and deleted on close. Uses the machine's
 * installed PostgreSQL binaries; as root, runs them as the {@code postgres} account the Debian
 * package creates (PostgreSQL refuses to run as root).
 */
public final class ThrowawayPostgres implements AutoCloseable {

    private static final Path LOG = Path.of("target", "postgres-test.log");

    private final Path bin;
    private final Path folder;
    private final int port;
    private final boolean asPostgres = "root".equals(System.getProperty("user.name"));

    private ThrowawayPostgres(Path bin, Path folder, int port) {
        this.bin = bin;
        this.folder = folder;
        this.port = port;
    }

    /** Starts a new server, or answers empty where PostgreSQL is not installed. */
    public static Optional<ThrowawayPostgres> start() throws Exception {
        Path bin = findBin();
        if (bin == null) {
            return Optional.empty();
        }
        Files.createDirectories(Path.of("target"));
        ThrowawayPostgres postgres = new ThrowawayPostgres(bin, Files.createTempDirectory(Path.of("target"), "pg-").toAbsolutePath(), freePort());
        if (postgres.asPostgres) {
            run(false, "chown", "-R", "postgres", postgres.folder.toString());
        }
        postgres.run(postgres.bin.resolve("initdb").toString(), "-D", postgres.data(), "-A", "trust", "-U", "postgres", "-E", "UTF8");
        postgres.run(postgres.bin.resolve("pg_ctl").toString(), "-D", postgres.data(), "-w", "-l", postgres.folder.resolve("log").toString(),
                "-o", "-p " + postgres.port + " -k " + postgres.folder + " -h 127.0.0.1 -c timezone=UTC", "start");
        return Optional.of(postgres);
    }

    public int port() {
        return port;
    }

    /** One of the installed PostgreSQL's programs, e.g. {@code pgbench}. */
    public Path program(String name) {
        return bin.resolve(name);
    }

    /** The JDBC URL of one database of this server. */
    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** A connection as the superuser {@code postgres} (any password: the server trusts local connections). */
    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(url(database), "postgres", "");
    }

    /** A role that may log in with this password. */
    public void createRole(String role, String password) throws SQLException {
        execute("CREATE ROLE " + role + " LOGIN PASSWORD '" + password.replace("'", "''") + "'");
    }

    /** A new, empty database owned by {@code owner}. */
    public void createDatabase(String name, String owner) throws SQLException {
        execute("CREATE DATABASE " + name + " OWNER " + owner + " ENCODING 'UTF8'");
    }

    private void execute(String statement) throws SQLException {
        try (Connection admin = connect("postgres"); Statement sql = admin.createStatement()) {
            sql.execute(statement);
        }
    }

    @Override
    public void close() throws Exception {
        run(bin.resolve("pg_ctl").toString(), "-D", data(), "-m", "immediate", "stop");
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    private String data() {
        return folder.resolve("data").toString();
    }

    private void run(String... command) throws Exception {
        run(asPostgres, command);
    }

    private static void run(boolean asPostgres, String... command) throws Exception {
        List<String> line = asPostgres
                ? List.of("su", "postgres", "-c", String.join(" ", quoted(command)))
                : List.of(command);
        ProcessBuilder builder = new ProcessBuilder(line).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(LOG.toFile()));
        // a library preloaded into the test JVM (a faked clock, say: see the README's Tests) is not the
        // database server's: Tally takes every time from its own clock, never from the database
        builder.environment().remove("LD_PRELOAD");
        Process process = builder.start();
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException("Command failed: " + line + " (see " + LOG + ")");
        }
    }

    private static List<String> quoted(String... parts) {
        return Stream.of(parts).map(part -> "'" + part.replace("'", "'\\''") + "'").toList();
    }

    private static Path findBin() throws IOException {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return null;
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(version -> version.resolve("bin"))
                    .filter(dir -> Files.isExecutable(dir.resolve("initdb")))
                    .max(Comparator.naturalOrder()).orElse(null);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
