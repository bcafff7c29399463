package coop.tally;

import coop.tally.support.Folders;
import coop.tally.support.TallyProcess;
import coop.tally.support.TestDatabase;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A newcomer's first five minutes: Tally started on a fresh data folder as {@code mvn -Pstart
 * package} starts it, a browser's first requests, and the README's first API walk-through pasted
 * into a shell as it is written. Then the server log must hold nothing that looks like a failure.
 */
class FirstStartIT {

    /** The only warning a first start may log: demo mode's published password. */
    private static final Pattern EXPECTED_WARNING = Pattern.compile(".*DEMO MODE: demo staff accounts.*");
    /** A warning or error record (either of Payara's two log formats), a stack trace, or a printed exception. */
    private static final Pattern LOOKS_LIKE_A_FAILURE = Pattern.compile(
            "^(WARNING|SEVERE|ERROR):.*|.*\\[[^\\]A-Z]*(WARNING|SEVERE|ERROR)[^\\]]*\\].*|^\\s+at .*|^Caused by:.*"
                    + "|.*\\b[\\w.$]*(Exception|Error)\\b: .*");

    @Test
    void a_first_start_serves_the_readme_walk_through_and_logs_no_failure() throws Exception {
        Path data = Folders.recreate(Path.of("target", "first-start-data"));
        try (TallyProcess tally = TallyProcess.on(data)
                .demoMembers(20)
                .jvmOptions("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1")
                .logs(Path.of("target"), "first-start")
                .start()) {
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<byte[]> icon = http.send(HttpRequest.newBuilder(tally.baseUri().resolve("favicon.ico"))
                    .header("Accept", "image/avif,image/webp,image/*,*/*;q=0.8").build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, icon.statusCode(), "a browser asks every page for /favicon.ico");
            assertTrue(icon.body().length > 0);
            assertEquals(200, http.send(HttpRequest.newBuilder(tally.baseUri()).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode());

            List<String> output = runWalkThrough(tally.baseUri());
            String all = String.join("\n", output);
            assertEquals(5, output.size(), all);
            assertTrue(output.get(1).contains("\"level\":\"BASIC\""), "the knowledge answers verify the caller: " + all);
            assertTrue(output.get(2).startsWith("{\"entry\":{") && output.get(2).contains("\"type\":\"TRANSFER\""),
                    "the transfer posts: " + all);
            assertTrue(output.get(3).contains("\"accountNumber\":\"100001-S00\""), "the balances are read: " + all);
            assertTrue(output.get(4).contains("\"state\":\"ENDED\""), "the call ends: " + all);
            List<String> again = runWalkThrough(tally.baseUri());
            assertTrue(again.get(2).contains("\"type\":\"TRANSFER\""), "pasted twice, it posts twice: " + again);

            TimeUnit.SECONDS.sleep(2); // anything the requests made the server log
            List<String> suspicious = new ArrayList<>();
            for (String line : Files.readAllLines(tally.logFile(), StandardCharsets.UTF_8)) {
                if (LOOKS_LIKE_A_FAILURE.matcher(line).matches() && !EXPECTED_WARNING.matcher(line).matches()) {
                    suspicious.add(line);
                }
            }
            assertEquals(List.of(), suspicious, "a clean first start logs no failure; see " + tally.logFile());
            if (!TestDatabase.isPostgres()) {
                assertTrue(Files.readString(data.resolve("derby.log")).contains("Booting Derby"), "Derby's own log is written");
            }
        }
    }

    /** The README's first shell walk-through, exactly as written but for the port. */
    static List<String> runWalkThrough(URI base) throws IOException, InterruptedException {
        String script = readmeWalkThrough().replace("http://localhost:8080/", base.toString());
        Process bash = new ProcessBuilder("bash", "-euc", script).redirectErrorStream(true).start();
        String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(bash.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, bash.exitValue(), output);
        return output.lines().filter(line -> !line.isBlank()).toList();
    }

    /** The indented block after the README's "A first posting from a shell" paragraph. */
    static String readmeWalkThrough() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("README.md"), StandardCharsets.UTF_8);
        int at = 0;
        while (!lines.get(at).startsWith("A first posting from a shell")) {
            at++;
        }
        while (!lines.get(at).startsWith("    ")) {
            at++;
        }
        StringBuilder script = new StringBuilder();
        for (; at < lines.size() && lines.get(at).startsWith("    "); at++) {
            script.append(lines.get(at).substring(4)).append('\n');
        }
        return script.toString();
    }
}
