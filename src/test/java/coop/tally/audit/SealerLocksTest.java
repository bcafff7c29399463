package coop.tally.audit;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The sealer must never hold a lock a posting needs. Reading journal lines joined to member_account
 * did (a posting updates its accounts' rows), so the journal's sealed stream reads lines with the
 * account numbers of {@link AccountNumbers}, never through the join.
 */
class SealerLocksTest {

    private static final JavaClasses AUDIT = new ClassFileImporter().importPackages("coop.tally.audit");

    @Test
    void the_journal_stream_reads_lines_without_joining_member_account() {
        JavaClass stream = AUDIT.get(JournalStream.class);
        List<JavaMethodCall> reads = stream.getMethodCallsFromSelf().stream()
                .filter(call -> call.getTargetOwner().isEquivalentTo(JournalRows.class) && call.getName().equals("read"))
                .toList();
        assertFalse(reads.isEmpty(), "the journal stream reads journal rows");
        assertEquals(List.of(), reads.stream()
                .filter(call -> call.getTarget().getRawParameterTypes().stream()
                        .noneMatch(type -> type.isEquivalentTo(AccountNumbers.class)))
                .map(JavaMethodCall::getDescription).toList());
    }
}
