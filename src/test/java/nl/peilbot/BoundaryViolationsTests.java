package nl.peilbot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * Proves that the module rules {@link ArchitectureTests} verifies reject each kind of boundary violation, without
 * touching the main code: the application's own classes are verified together with deliberately violating classes
 * from the test sources (placed in the real module packages, so the real {@code package-info.java} declarations
 * judge them), and the verification must name each violation and nothing else. That the application alone passes is
 * {@link ArchitectureTests#modulesDependOnlyOnEachOthersPublishedApisAndNeverInACycle()}.
 */
class BoundaryViolationsTests {

    private static final String ROOT = "nl.peilbot";

    private static final List<String> FIXTURES = List.of(
            "conversation.ConversationCallingConsoleViolation",
            "system.SystemUsingAggregationViolation",
            "aggregation.internal.AggregationInternalType",
            "results.ResultsReadingAggregationInternalsViolation",
            "aggregation.AggregationUsingResponseStoreViolation",
            "report.ReportUsingConsoleViolation");

    /** One import for all fixtures: importing the application costs seconds; Modulith reports every violation. */
    private static List<String> violations;

    @BeforeAll
    static void verifyTheApplicationWithTheFixtures() {
        violations = violations(FIXTURES);
    }

    @Test
    void aCycleBetweenConversationAndConsoleIsRejected() {
        assertThat(violations).filteredOn(message -> message.startsWith("Cycle detected"))
                .singleElement().asString()
                .contains("Slice conversation", "Slice console")
                .contains("nl.peilbot.conversation.ConversationCallingConsoleViolation");
        assertThat(violations).filteredOn(message -> message.startsWith("Module 'conversation' depends on module "
                + "'console' via nl.peilbot.conversation.ConversationCallingConsoleViolation -> "
                + "nl.peilbot.console.ReminderMessenger.")).hasSize(1);
    }

    @Test
    void theSystemModuleReachingIntoAFeatureModuleIsRejected() {
        assertThat(violations).filteredOn(message -> message.startsWith("Module 'system' depends on module "
                + "'aggregation' via nl.peilbot.system.SystemUsingAggregationViolation -> nl.peilbot.aggregation.Results."))
                .hasSize(1);
    }

    @Test
    void aModuleUsingATypeInternalToAnotherModuleIsRejected() {
        assertThat(violations).filteredOn(message -> message.startsWith("Module 'results' depends on module "
                + "'aggregation' via nl.peilbot.results.ResultsReadingAggregationInternalsViolation -> "
                + "nl.peilbot.aggregation.internal.AggregationInternalType.")).hasSize(1);
    }

    @Test
    void aModuleUsingAPublicTypeOutsideTheNamedInterfaceItMayUseIsRejected() {
        assertThat(violations).filteredOn(message -> message.startsWith("Module 'aggregation' depends on module "
                + "'response' via nl.peilbot.aggregation.AggregationUsingResponseStoreViolation -> "
                + "nl.peilbot.response.ResponseStore.")).hasSize(1);
    }

    @Test
    void theReportUsingAModuleItDoesNotDeclareIsRejected() {
        assertThat(violations).filteredOn(message -> message.startsWith("Module 'report' depends on module 'console' "
                + "via nl.peilbot.report.ReportUsingConsoleViolation -> nl.peilbot.console.ReminderMessenger."))
                .hasSize(1);
    }

    @Test
    void everyViolationComesFromAFixture() {
        assertThat(violations).hasSize(6)
                .allSatisfy(message -> assertThat(message).containsAnyOf(FIXTURES.stream()
                        .map(fixture -> ROOT + "." + fixture).toArray(String[]::new)));
    }

    /**
     * Spring Modulith's violations for the application's main classes plus the named test classes (relative to
     * {@code nl.peilbot}); every other test class stays out, as in {@link ArchitectureTests}.
     */
    private static List<String> violations(List<String> fixtures) {
        List<String> files = fixtures.stream()
                .map(fixture -> "/" + (ROOT + "." + fixture).replace('.', '/') + ".class")
                .toList();
        ImportOption mainClassesAndFixtures = location -> new ImportOption.DoNotIncludeTests().includes(location)
                || files.stream().anyMatch(location::contains);
        return ApplicationModules.of(PeilbotApplication.class, mainClassesAndFixtures).detectViolations().getMessages();
    }
}
