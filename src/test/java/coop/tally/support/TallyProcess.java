package coop.tally.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A real Tally on Payara Micro, run as a child process of the test or benchmark JVM, on a data
 * folder that survives {@link #kill9()} and {@link #restart()}. Unlike the Arquillian adapter it
 * lets a test crash the server and start it again on the same files.
 *
 * <p>Every child is registered with one JVM shutdown hook and killed there, so an aborted test or
 * a Ctrl-C never leaves a Payara behind; use it in try-with-resources all the same. (Nothing can
 * help if this JVM itself is killed with SIGKILL.)
 *
 * <p>The server only ever listens on a port chosen here and is only ever addressed on 127.0.0.1.
 */
public final class TallyProcess implements AutoCloseable {

    /** Payara Micro boots in 7–20 s; a loaded 2-core machine seeding demo data needs more. */
    public static final Duration DEFAULT_STARTUP_TIMEOUT = Duration.ofSeconds(240);

    /** How long Payara may report no application after it said "ready in". */
    private static final Duration GRACE_AFTER_PAYARA_READY = Duration.ofSeconds(20);
    /** Payara's health check name when no application is deployed. */
    private static final String NOT_DEPLOYED = "No Application deployed";

    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(TallyProcess::killAllLive, "tally-process-reaper"));
    }

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    private final Settings settings;
    private final int port;
    private Process process;
    private int starts;
    private Path currentLog;
    private Duration lastStartDuration;
    private String lastHealthBody;

    private TallyProcess(Settings settings) {
        this.settings = settings;
        this.port = settings.port > 0 ? settings.port : freePort();
    }

    /** Settings for a Tally on {@code dataFolder} (created when missing; the database goes to {@code dataFolder/db}). */
    public static Settings on(Path dataFolder) {
        return new Settings(dataFolder);
    }

    // ---------------------------------------------------------------- life cycle

    /** Starts the server and waits until {@code /health/ready} answers 200 UP. */
    public synchronized TallyProcess start() {
        if (isAlive()) {
            throw new IllegalStateException("already running, pid " + process.pid());
        }
        starts++;
        currentLog = settings.logFolder.resolve(settings.name + "-" + starts + ".log");
        long began = System.nanoTime();
        try {
            Files.createDirectories(settings.dataFolder);
            Files.createDirectories(settings.logFolder);
            // a killed Payara leaves its unpacked runtime (~130 MB) behind; this folder is ours alone
            Folders.recreate(settings.tmpFolder());
            // as the start profile does: Payara's runtime folder starts empty on every start
            Folders.recreate(settings.dataFolder.resolve("payara"));
            process = new ProcessBuilder(command())
                    .redirectErrorStream(true)
                    .redirectOutput(currentLog.toFile())
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start Payara Micro", e);
        }
        LIVE.add(process);
        try {
            awaitReady();
        } catch (RuntimeException | Error e) {
            kill9();
            throw e;
        }
        lastStartDuration = Duration.ofNanos(System.nanoTime() - began);
        return this;
    }

    /** Kills the server as a crash would (SIGKILL on Linux) and waits until it is gone. */
    public synchronized void kill9() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        waitForExit(Duration.ofSeconds(30));
        LIVE.remove(process);
    }

    /** Asks the server to shut down (SIGTERM: Payara and Derby close cleanly); kills it after 60 s. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        if (!waitForExit(Duration.ofSeconds(60))) {
            kill9();
        }
        LIVE.remove(process);
    }

    /** Stops the server cleanly if it runs, then starts it again on the same data folder and port. */
    public synchronized TallyProcess restart() {
        stop();
        return start();
    }

    @Override
    public void close() {
        stop();
    }

    // ---------------------------------------------------------------- what a test needs to know

    /** {@code http://127.0.0.1:<port>/}; the app is deployed at the context root. */
    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    public int port() {
        return port;
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** The operating system's id of the Payara JVM (for /proc/&lt;pid&gt;/status). */
    public long pid() {
        if (process == null) {
            throw new IllegalStateException("not started");
        }
        return process.pid();
    }

    /** The log of the latest start (stdout and stderr of the child). */
    public Path logFile() {
        return currentLog;
    }

    /** From launching the JVM to the first 200 on /health/ready, for the latest start. */
    public Duration lastStartDuration() {
        return lastStartDuration;
    }

    /** The body of the last health answer seen while waiting for readiness. */
    public String lastHealthBody() {
        return lastHealthBody;
    }

    /** The current body of {@code /health/ready} (any status), or null when the server does not answer. */
    public String health() {
        HttpResponse<String> response = getHealth();
        return response == null ? null : response.body();
    }

    /** The last {@code lines} lines of the latest log, for failure messages. */
    public String logTail(int lines) {
        if (currentLog == null || !Files.exists(currentLog)) {
            return "(no log)";
        }
        try {
            List<String> all = Files.readAllLines(currentLog, StandardCharsets.UTF_8);
            return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    // ---------------------------------------------------------------- internals

    private List<String> command() {
        Path data = settings.dataFolder.toAbsolutePath();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // the test database first: a test's own -Dtally.db.url (a later -D wins) names another
        command.addAll(TestDatabase.jvmOptionsFor(data));
        command.addAll(settings.jvmOptions);
        command.add("-Dtally.db=" + data.resolve("db"));
        command.add("-Dtally.data=" + data);
        command.add("-Dtally.demo.enabled=" + (settings.demoMembers > 0));
        command.add("-Dtally.demo.members=" + settings.demoMembers);
        command.add("-Dderby.stream.error.file=" + data.resolve("derby.log"));
        // the same server settings as the start profile in pom.xml (mvn -Pstart package), so that a test
        // of a first start sees what a newcomer sees
        command.add("-Dhazelcast.logging.type=none");
        // Payara unpacks itself into the temp folder on every start; keep that litter under target/.
        command.add("-Djava.io.tmpdir=" + settings.tmpFolder().toAbsolutePath());
        command.add("-jar");
        command.add(settings.microJar.toAbsolutePath().toString());
        command.add("--nocluster");
        command.add("--rootdir");
        command.add(data.resolve("payara").toString());
        command.add("--port");
        command.add(Integer.toString(port));
        command.add("--contextroot");
        command.add("/");
        if (Files.exists(settings.preBootCommands)) {
            command.add("--prebootcommandfile");
            command.add(settings.preBootCommands.toAbsolutePath().toString());
        }
        command.add("--deploy");
        command.add(settings.war.toAbsolutePath().toString());
        return command;
    }

    /**
     * Polls health rather than trusting the log: Payara prints "ready in" even when the WAR failed
     * to deploy, and only the app's own readiness check says the schema is in place. The log is
     * used only to give up early: when Payara said "ready in" and its health still reports no
     * application {@link #GRACE_AFTER_PAYARA_READY} later, the WAR failed to deploy and waiting for
     * the whole startup timeout would only hide that. (A deployed app that is DOWN, say still
     * loading data, gets the whole timeout.)
     */
    private void awaitReady() {
        long deadline = System.nanoTime() + settings.startupTimeout.toNanos();
        long payaraReadyAt = 0;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Payara Micro exited with " + process.exitValue()
                        + " before it was ready; log " + currentLog + ":\n" + logTail(40));
            }
            HttpResponse<String> response = getHealth();
            if (response != null) {
                lastHealthBody = response.body();
                if (response.statusCode() == 200 && response.body().contains("UP")) {
                    return;
                }
            }
            if (payaraReadyAt == 0 && logSays("ready in")) {
                payaraReadyAt = System.nanoTime();
            }
            if (payaraReadyAt != 0 && System.nanoTime() - payaraReadyAt > GRACE_AFTER_PAYARA_READY.toNanos()
                    && lastHealthBody != null && lastHealthBody.contains(NOT_DEPLOYED)) {
                throw new IllegalStateException("Payara is up but the WAR did not deploy; last health "
                        + lastHealthBody + "; log " + currentLog + ":\n" + severeLines());
            }
            sleep(Duration.ofMillis(250));
        }
        throw new IllegalStateException("Tally not ready within " + settings.startupTimeout.toSeconds()
                + " s; last health " + lastHealthBody + "; log " + currentLog + ":\n" + logTail(40));
    }

    private boolean logSays(String text) {
        try {
            return Files.readString(currentLog, StandardCharsets.UTF_8).contains(text);
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }

    /** The first SEVERE records of the log with a few lines each: where a failed deployment says why. */
    private String severeLines() {
        try {
            List<String> lines = Files.readAllLines(currentLog, StandardCharsets.UTF_8);
            List<String> picked = new ArrayList<>();
            for (int i = 0; i < lines.size() && picked.size() < 30; i++) {
                if (lines.get(i).contains("SEVERE")) {
                    picked.addAll(lines.subList(i, Math.min(lines.size(), i + 6)));
                }
            }
            return picked.isEmpty() ? logTail(40) : String.join(System.lineSeparator(), picked);
        } catch (IOException | UncheckedIOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    private HttpResponse<String> getHealth() {
        HttpRequest request = HttpRequest.newBuilder(baseUri().resolve("health/ready"))
                .timeout(Duration.ofSeconds(5)).GET().build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException notYetListening) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Tally", e);
        }
    }

    private boolean waitForExit(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return false;
        }
    }

    private static void killAllLive() {
        for (Process child : LIVE) {
            child.destroyForcibly();
        }
        for (Process child : LIVE) {
            try {
                child.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** A port free right now on the loopback interface (a small race with other programs remains). */
    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /**
     * What to start. Defaults: the jar and WAR that {@code mvn package} leaves in {@code target/}
     * (system properties {@code payara.microJar} and {@code tally.war} override them), a free port,
     * no demo members, {@code -Xmx512m -Duser.timezone=UTC}, logs in {@code target/}.
     */
    public static final class Settings {
        private final Path dataFolder;
        private Path microJar = Path.of(System.getProperty("payara.microJar", "target/payara-micro.jar"));
        private Path war = Path.of(System.getProperty("tally.war", "target/tally.war"));
        private Path preBootCommands = Path.of("payara-config/pre-boot-commands.asadmin");
        private Path logFolder = Path.of("target");
        private String name = "tally";
        private int port;
        private int demoMembers;
        private Duration startupTimeout = DEFAULT_STARTUP_TIMEOUT;
        // UTC as the README asks of every Tally JVM: Derby stores TIMESTAMPs in the JVM's zone
        private final List<String> jvmOptions = new ArrayList<>(List.of("-Xmx512m", "-Duser.timezone=UTC"));

        private Settings(Path dataFolder) {
            this.dataFolder = dataFolder;
        }

        /** Turns demo data on with this many members (0 = demo data off). */
        public Settings demoMembers(int members) {
            this.demoMembers = members;
            return this;
        }

        /** Extra JVM options for the Payara JVM, after the defaults (a later -Xmx wins). */
        public Settings jvmOptions(String... options) {
            this.jvmOptions.addAll(List.of(options));
            return this;
        }

        public Settings port(int port) {
            this.port = port;
            return this;
        }

        public Settings startupTimeout(Duration timeout) {
            this.startupTimeout = timeout;
            return this;
        }

        /** Log files are {@code <logFolder>/<name>-<n>.log}, one per start. */
        public Settings logs(Path logFolder, String name) {
            this.logFolder = logFolder;
            this.name = name;
            return this;
        }

        public Settings microJar(Path microJar) {
            this.microJar = microJar;
            return this;
        }

        public Settings war(Path war) {
            this.war = war;
            return this;
        }

        private Path tmpFolder() {
            return logFolder.resolve(name + "-tmp");
        }

        /** Creates the process without starting it. */
        public TallyProcess create() {
            return new TallyProcess(this);
        }

        /** Creates the process and starts it (waits for readiness). */
        public TallyProcess start() {
            return create().start();
        }
    }
}
