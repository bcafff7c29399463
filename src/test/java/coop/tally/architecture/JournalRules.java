package coop.tally.architecture;

import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One way into the journal: only the pipeline appends entries (so that every entry takes its locks
 * in one order and is published to every observer), only the journal builds them, only the
 * pipeline publishes them, a drawer moves only as the observer of what was published, and the only
 * SQL that writes journal rows is the pipeline's batch path for opening balances.
 */
final class JournalRules {

    /** Writing method to the one class that may call it, below the root package. */
    static final Map<String, String> WRITERS = Map.of(
            "ledger.Journal.append", "ledger.JournalPipeline",
            "ledger.OpeningBalanceBatches.write", "ledger.JournalPipeline",
            "ledger.JournalEntry.<init>", "ledger.Journal",
            "ledger.EntryPosted.<init>", "ledger.JournalPipeline",
            "drawer.DrawerMoves.record", "drawer.DrawerCashWatch");

    /** SQL that writes a journal table; {@code journal_entry}, {@code journal_line}, not the sealer's own tables. */
    private static final Pattern JOURNAL_WRITE = Pattern.compile(
            "(?i)\\b(insert\\s+into|update|delete\\s+from)\\s+journal_(entry|line)\\b");
    static final String BATCH_PATH = "ledger/OpeningBalanceBatches.java";

    private JournalRules() {
    }

    /** Each call of a journal-writing method from a class other than the one allowed to make it. */
    static List<String> writersOutsideThePipeline(JavaClasses classes, String root) {
        List<String> violations = new ArrayList<>();
        for (JavaClass origin : classes) {
            for (JavaAccess<?> call : origin.getAccessesFromSelf()) {
                String target = call.getTargetOwner().getName() + "." + call.getName();
                if (!target.startsWith(root + ".")) {
                    continue;
                }
                String allowed = WRITERS.get(target.substring(root.length() + 1));
                if (allowed != null && !outermost(origin).getName().equals(root + "." + allowed)) {
                    violations.add(call.getDescription());
                }
            }
        }
        return violations;
    }

    /** Each source file below {@code sources}, other than the batch path, whose SQL writes a journal table. */
    static List<String> sqlWritingTheJournal(Path sources) {
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(sources)) {
            files.filter(file -> file.toString().endsWith(".java")).sorted().forEach(file -> {
                String relative = sources.relativize(file).toString().replace('\\', '/');
                if (relative.endsWith(BATCH_PATH)) {
                    return;
                }
                Matcher write = JOURNAL_WRITE.matcher(read(file));
                while (write.find()) {
                    violations.add(relative + ": " + write.group());
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return violations;
    }

    private static JavaClass outermost(JavaClass type) {
        JavaClass outer = type;
        while (outer.getEnclosingClass().isPresent()) {
            outer = outer.getEnclosingClass().get();
        }
        return outer;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
