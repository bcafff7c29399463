package coop.tally.architecture;

import org.junit.jupiter.api.Test;

import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No switch over EntryType, Tender or Instrument has a default branch, so adding a constant makes
 * the compiler point at every place that must decide what it does (README: "Adding a posting type").
 */
class PostingTypeSwitchTest {

    private static final Path MAIN = Path.of("src/main/java");

    @Test
    void no_switch_over_a_posting_enum_in_the_code_has_a_default() throws IOException {
        StandardJavaFileManager files = PostingTypeSwitches.fileManager();
        List<String> found = PostingTypeSwitches.withDefault(files.getJavaFileObjectsFromPaths(javaFiles()), files);
        assertEquals(List.of(), found, "give each constant its case instead of a default");
    }

    @Test
    void a_default_over_entry_type_is_named_and_other_enums_are_not() throws IOException {
        String fixture = """
                package coop.tally.fixture;

                import coop.tally.ledger.EntryType;
                import coop.tally.posting.rule.Tender;

                class Defaults {
                    enum Other { DEPOSIT, CASH }

                    int expression(EntryType type) {
                        return switch (type) {
                            case DEPOSIT -> 1;
                            default -> 0;
                        };
                    }

                    int statement(Tender tender) {
                        switch (tender) {
                            case CASH:
                                return 1;
                            default:
                                return 0;
                        }
                    }

                    int exhaustive(EntryType type) {
                        return switch (type) {
                            case DEPOSIT, WITHDRAWAL, TRANSFER, LOAN_PAYMENT, OFFICIAL_CHECK, REVERSAL,
                                 OPENING_BALANCE, VAULT_BUY, VAULT_SELL, CASH_OVER_SHORT, TELLER_TRANSFER, EARLY_WITHDRAWAL_PENALTY -> 1;
                        };
                    }

                    int other(Other other) {
                        return switch (other) {
                            case DEPOSIT -> 1;
                            default -> 0;
                        };
                    }
                }
                """;
        StandardJavaFileManager files = PostingTypeSwitches.fileManager();
        List<JavaFileObject> sources = new ArrayList<>();
        files.getJavaFileObjectsFromPaths(List.of(MAIN.resolve("coop/tally/ledger/EntryType.java"),
                MAIN.resolve("coop/tally/posting/rule/Tender.java"))).forEach(sources::add);
        sources.add(new SimpleJavaFileObject(URI.create("string:///coop/tally/fixture/Defaults.java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return fixture;
            }
        });
        List<String> found = PostingTypeSwitches.withDefault(sources, files);
        assertEquals(2, found.size(), found::toString);
        assertTrue(found.get(0).endsWith("Defaults.java:10 switch over EntryType has a default"), found::toString);
        assertTrue(found.get(1).endsWith("Defaults.java:17 switch over Tender has a default"), found::toString);
    }

    private static List<Path> javaFiles() throws IOException {
        try (Stream<Path> walk = Files.walk(MAIN)) {
            return walk.filter(path -> path.toString().endsWith(".java")).sorted().toList();
        }
    }
}
