package nl.peilbot.response;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * Storage sits below the conversation module: it is used by it, and uses nothing above the engine. Only the
 * {@link ResponseCompleted} event is shared with the aggregation, which reads the documents with the driver.
 */
class StorageArchitectureTests {

    private static final JavaClasses APPLICATION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("nl.peilbot");

    @Test
    void shouldKeepResponsesAndInvitationsFreeOfConversationAndChannels() {
        noClasses().that().resideInAnyPackage("nl.peilbot.response..", "nl.peilbot.invitation..")
                .should().dependOnClassesThat().resideInAnyPackage("nl.peilbot.conversation..", "nl.peilbot.channel..")
                .check(APPLICATION);
    }

    @Test
    void shouldKeepResponsesAndInvitationsApartFromEachOther() {
        noClasses().that().resideInAPackage("nl.peilbot.response..")
                .should().dependOnClassesThat().resideInAPackage("nl.peilbot.invitation..")
                .check(APPLICATION);
        noClasses().that().resideInAPackage("nl.peilbot.invitation..")
                .should().dependOnClassesThat().resideInAPackage("nl.peilbot.response..")
                .check(APPLICATION);
    }

    @Test
    void shouldBeUsedByTheConversationModuleOnly() {
        classes().that().resideInAnyPackage("nl.peilbot.response..", "nl.peilbot.invitation..")
                .and().doNotHaveFullyQualifiedName(ResponseCompleted.class.getName())
                .should().onlyHaveDependentClassesThat()
                .resideInAnyPackage("nl.peilbot.response..", "nl.peilbot.invitation..", "nl.peilbot.conversation..")
                .check(APPLICATION);
    }

    @Test
    void shouldShareOnlyTheCompletionEventWithTheAggregation() {
        classes().that().haveFullyQualifiedName(ResponseCompleted.class.getName())
                .should().onlyHaveDependentClassesThat()
                .resideInAnyPackage("nl.peilbot.response..", "nl.peilbot.conversation..", "nl.peilbot.aggregation..")
                .check(APPLICATION);
    }
}
