package coop.tally.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Tally's packages depend on each other in one direction, written in each {@code package-info.java}
 * ({@code @MayUse}); HTTP is spoken only at the edge.
 */
class ArchitectureTest {

    static final String ROOT = "coop.tally";

    private static JavaClasses tally;

    @BeforeAll
    static void importTally() {
        tally = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
    }

    @Test
    void every_package_says_what_it_may_use() {
        assertEquals(List.of(), PackageRules.undeclaredPackages(tally, ROOT));
    }

    @Test
    void packages_use_only_what_their_package_info_allows() {
        assertEquals(List.of(), PackageRules.undeclaredDependencies(tally, ROOT));
    }

    @Test
    void no_two_packages_depend_on_each_other_even_through_others() {
        EvaluationResult result = slices().matching(ROOT + ".(**)").should().beFreeOfCycles().evaluate(tally);
        assertEquals(List.of(), result.getFailureReport().getDetails());
    }

    @Test
    void http_is_spoken_only_at_the_edge() {
        assertEquals(List.of(), EdgeRules.httpBelowTheEdge(tally, ROOT));
    }

    @Test
    void resources_leave_queries_to_repositories() {
        assertEquals(List.of(), EdgeRules.persistenceAtTheEdge(tally, ROOT));
    }

    @Test
    void a_package_queries_only_its_own_entities() {
        assertEquals(List.of(), QueryRules.foreignEntityQueries(Path.of("src/main/java"), QueryRules.entityOwners(tally)));
    }

    @Test
    void only_the_pipeline_writes_the_journal() {
        assertEquals(List.of(), JournalRules.writersOutsideThePipeline(tally, ROOT));
        assertEquals(List.of(), JournalRules.sqlWritingTheJournal(Path.of("src/main/java/coop/tally")));
    }
}
