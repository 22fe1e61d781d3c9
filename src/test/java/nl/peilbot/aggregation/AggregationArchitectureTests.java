package nl.peilbot.aggregation;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import nl.peilbot.response.ResponseCompleted;

/** The aggregation is shared: it reads documents and flows, and knows nothing of engine, conversation or channels. */
class AggregationArchitectureTests {

    private static final JavaClasses APPLICATION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("nl.peilbot");

    @Test
    void shouldDependOnlyOnTheFlowModuleTheCompletionEventAndLibraries() {
        classes().that().resideInAPackage("nl.peilbot.aggregation..")
                .should().onlyDependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.describe(
                        "in java, org.bson, com.mongodb, Spring, Jackson, SLF4J, jakarta.annotation, the flow module, "
                                + "the aggregation itself or ResponseCompleted",
                        type -> type.getPackageName().startsWith("java")
                                || type.getPackageName().startsWith("org.bson")
                                || type.getPackageName().startsWith("com.mongodb")
                                || type.getPackageName().startsWith("org.springframework")
                                || type.getPackageName().startsWith("tools.jackson")
                                || type.getPackageName().startsWith("org.slf4j")
                                || type.getPackageName().startsWith("jakarta.annotation")
                                || type.getPackageName().startsWith("nl.peilbot.flow")
                                || type.getPackageName().startsWith("nl.peilbot.aggregation")
                                || type.getName().equals(ResponseCompleted.class.getName())))
                .check(APPLICATION);
    }

    @Test
    void shouldNotBeReachedIntoByTheEngine() {
        noClasses().that().resideInAnyPackage("nl.peilbot.engine..", "nl.peilbot.flow..", "nl.peilbot.response..")
                .should().dependOnClassesThat().resideInAPackage("nl.peilbot.aggregation..")
                .check(APPLICATION);
    }

    @Test
    void shouldOfferOnlyResultsAndItsTablesAsPublicTypes() {
        classes().that().resideInAPackage("nl.peilbot.aggregation").and().arePublic()
                .and().areTopLevelClasses()
                .should().haveSimpleNameEndingWith("Results").orShould().beRecords()
                .orShould().beEnums().orShould().beAssignableTo(RuntimeException.class)
                .check(APPLICATION);
    }
}
