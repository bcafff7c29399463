package coop.tally.console;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The console's files keep to what its Content-Security-Policy and its safety rules promise: no
 * inline script, style or handler, no markup built from strings, nothing from another site, and
 * nothing in browser storage but the session token.
 */
class ConsoleFilesTest {

    private static final Path WEBAPP = Path.of("src/main/webapp");

    /** Pattern, the files it is searched in, and why it must not be there. */
    private record Rule(Pattern pattern, String extension, String why) {
    }

    private static final List<Rule> RULES = List.of(
            new Rule(Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>", Pattern.CASE_INSENSITIVE), ".html", "inline script"),
            new Rule(Pattern.compile("\\sstyle\\s*=", Pattern.CASE_INSENSITIVE), ".html", "inline style attribute"),
            new Rule(Pattern.compile("<style", Pattern.CASE_INSENSITIVE), ".html", "inline style element"),
            new Rule(Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE), ".html", "inline event handler"),
            new Rule(Pattern.compile("innerHTML|outerHTML|insertAdjacentHTML|document\\.write|createContextualFragment|DOMParser"),
                    ".js", "markup built from a string"),
            new Rule(Pattern.compile("\\beval\\s*\\(|new\\s+Function\\s*\\(|setTimeout\\(\\s*['\"`]"), ".js", "code built from a string"),
            new Rule(Pattern.compile("localStorage|indexedDB|document\\.cookie"), ".js", "browser storage beyond the session token"),
            // the SVG namespace is a name that createElementNS needs, never fetched; any other address is refused
            new Rule(Pattern.compile("https?://(?!www\\.w3\\.org/2000/svg')", Pattern.CASE_INSENSITIVE), "", "a link to another site (no CDN)"));

    @Test
    void no_inline_code_no_markup_from_strings_no_other_sites() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(WEBAPP)) {
            // every text file the console serves; the icon is the one binary file, and holds no code
            for (Path file : files.filter(Files::isRegularFile).filter(path -> !path.toString().contains("WEB-INF"))
                    .filter(path -> !path.toString().endsWith(".ico")).toList()) {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                for (Rule rule : RULES) {
                    if (file.toString().endsWith(rule.extension()) && rule.pattern().matcher(text).find()) {
                        found.add(WEBAPP.relativize(file) + ": " + rule.why());
                    }
                }
            }
        }
        assertEquals(List.of(), found);
    }

    @Test
    void only_the_api_module_touches_session_storage() throws IOException {
        List<String> users = new ArrayList<>();
        try (Stream<Path> files = Files.walk(WEBAPP.resolve("js"))) {
            for (Path file : files.filter(path -> path.toString().endsWith(".js")).toList()) {
                if (Files.readString(file).contains("sessionStorage")) {
                    users.add(WEBAPP.resolve("js").relativize(file).toString());
                }
            }
        }
        assertEquals(List.of("api.js"), users);
    }

    @Test
    void the_rule_finds_what_it_looks_for() {
        // a guard that can fail: the patterns above match the things they forbid
        assertFalse(RULES.get(0).pattern().matcher("<script src=\"js/app.js\"></script>").find());
        assertEquals(true, RULES.get(0).pattern().matcher("<script>alert(1)</script>").find());
        assertEquals(true, RULES.get(4).pattern().matcher("box.innerHTML = text").find());
        assertEquals(true, RULES.get(7).pattern().matcher("<script src=\"https://cdn.example/x.js\">").find());
        assertEquals(true, RULES.get(7).pattern().matcher("fetch('http://www.w3.org/2000/svg/x.js')").find());
        assertFalse(RULES.get(7).pattern().matcher("createElementNS('http://www.w3.org/2000/svg', 'rect')").find());
    }
}
