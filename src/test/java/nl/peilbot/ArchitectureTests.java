package nl.peilbot;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Keeps the module boundaries honest: dependencies point inward, the engine and flow stay pure. */
class ArchitectureTests {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("nl.peilbot");
    }

    @Test
    void engineAndFlowKnowNothingOfFrameworksStorageOrChannels() {
        noClasses().that().resideInAnyPackage("nl.peilbot.engine..", "nl.peilbot.flow..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "org.bson..", "com.mongodb..", "jakarta..",
                        "org.telegram..", "tools.jackson..", "com.fasterxml..",
                        "nl.peilbot.conversation..", "nl.peilbot.response..", "nl.peilbot.invitation..",
                        "nl.peilbot.channel..", "nl.peilbot.system..")
                .check(classes);
    }

    @Test
    void engineUsesOnlyTheJdkAndTheFlowModule() {
        classes().that().resideInAPackage("nl.peilbot.engine..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "nl.peilbot.engine..", "nl.peilbot.flow..")
                .check(classes);
    }

    @Test
    void flowDoesNotDependOnTheEngine() {
        noClasses().that().resideInAPackage("nl.peilbot.flow..")
                .should().dependOnClassesThat().resideInAPackage("nl.peilbot.engine..")
                .check(classes);
    }

    @Test
    void onlyChannelsTalkToChannels() {
        noClasses().that().resideOutsideOfPackage("nl.peilbot.channel..")
                .should().dependOnClassesThat().resideInAPackage("nl.peilbot.channel..")
                .check(classes);
    }

    @Test
    void channelsGoThroughTheConversationModule() {
        noClasses().that().resideInAPackage("nl.peilbot.channel..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "nl.peilbot.response..", "com.mongodb..", "org.bson..")
                .check(classes);
    }

    @Test
    void storageDoesNotCallUpIntoConversationOrChannels() {
        noClasses().that().resideInAnyPackage("nl.peilbot.response..", "nl.peilbot.invitation..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "nl.peilbot.conversation..", "nl.peilbot.channel..")
                .check(classes);
    }

    @Test
    void responsesAndInvitationsStayApart() {
        noClasses().that().resideInAPackage("nl.peilbot.response..")
                .should().dependOnClassesThat().resideInAPackage("nl.peilbot.invitation..")
                .check(classes);
        noClasses().that().resideInAPackage("nl.peilbot.invitation..")
                .should().dependOnClassesThat().resideInAPackage("nl.peilbot.response..")
                .check(classes);
    }

    @Test
    void responsesAndInvitationsAreUsedByTheConversationModuleOnly() {
        classes().that().resideInAnyPackage("nl.peilbot.response..", "nl.peilbot.invitation..")
                .should().onlyHaveDependentClassesThat()
                .resideInAnyPackage("nl.peilbot.response..", "nl.peilbot.invitation..", "nl.peilbot.conversation..")
                .check(classes);
    }
}
