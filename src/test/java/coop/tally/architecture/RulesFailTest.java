package coop.tally.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each architecture rule fails on the fixture classes built to break it, and names what broke it. */
class RulesFailTest {

    static final String FIXTURE = "coop.tally.architecture.fixture";
    static final Path FIXTURE_SOURCES = Path.of("src/test/java/coop/tally/architecture/fixture");

    private static JavaClasses fixture;

    @BeforeAll
    static void importFixture() {
        fixture = new ClassFileImporter().importPackages(FIXTURE);
    }

    @Test
    void a_package_without_package_info_is_named() {
        assertEquals(List.of("stray"), PackageRules.undeclaredPackages(fixture, FIXTURE));
    }

    @Test
    void a_dependency_against_the_declared_direction_is_named() {
        List<String> violations = PackageRules.undeclaredDependencies(fixture, FIXTURE);
        assertTrue(violations.stream().anyMatch(v -> v.startsWith("ledger may not use posting: ")), violations::toString);
        assertTrue(violations.stream().anyMatch(v -> v.startsWith("posting may not use stray: ")), violations::toString);
        assertTrue(violations.stream().noneMatch(v -> v.startsWith("posting may not use ledger")), violations::toString);
    }

    @Test
    void a_cycle_between_packages_is_found() {
        List<String> cycles = slices().matching(FIXTURE + ".(**)").should().beFreeOfCycles().evaluate(fixture)
                .getFailureReport().getDetails();
        assertTrue(cycles.stream().anyMatch(c -> c.contains("ledger") && c.contains("posting")), cycles::toString);
    }

    @Test
    void http_below_the_edge_is_named() {
        List<String> violations = EdgeRules.httpBelowTheEdge(fixture, FIXTURE);
        assertTrue(violations.stream().anyMatch(v -> v.contains("Teller.answer()") && v.contains("jakarta.ws.rs.core.Response")),
                violations::toString);
    }

    @Test
    void a_resource_holding_an_entity_manager_is_named() {
        List<String> violations = EdgeRules.persistenceAtTheEdge(fixture, FIXTURE);
        assertEquals(1, violations.size(), violations::toString);
        assertTrue(violations.get(0).startsWith(FIXTURE + ".posting.TellerResource uses the EntityManager"), violations::toString);
    }

    @Test
    void a_query_on_another_packages_entity_is_named() {
        assertEquals(List.of("posting/Teller.java queries JournalEntry of " + FIXTURE + ".ledger"),
                QueryRules.foreignEntityQueries(FIXTURE_SOURCES, QueryRules.entityOwners(fixture)));
    }

    @Test
    void a_write_around_the_pipeline_is_named() {
        List<String> violations = JournalRules.writersOutsideThePipeline(fixture, FIXTURE);
        assertEquals(2, violations.size(), violations::toString);
        assertTrue(violations.stream().allMatch(v -> v.contains("Teller.post(")), violations::toString);
        assertEquals(List.of("posting/Teller.java: INSERT INTO journal_line"), JournalRules.sqlWritingTheJournal(FIXTURE_SOURCES));
    }
}
