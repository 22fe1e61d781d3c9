package nl.peilbot;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;

import nl.peilbot.response.ResponseCompleted;
import nl.peilbot.response.ResponseProgressed;
import nl.peilbot.response.ResponseWithdrawn;

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
                .should().dependOnClassesThat().resideInAnyPackage("nl.peilbot.response..")
                .check(classes);
        // The one exception: the Telegram channel's own delivery state (how far a chat's reply got, which message
        // has the live keyboard, a held paste) is no conversation state; one class keeps it, by _id only.
        noClasses().that().resideInAPackage("nl.peilbot.channel..").and().doNotHaveFullyQualifiedName(
                        "nl.peilbot.channel.telegram.ChatLedger")
                .should().dependOnClassesThat().resideInAnyPackage("com.mongodb..", "org.bson..")
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
    void responsesAreUsedByTheConversationModuleOnly() {
        classes().that().resideInAPackage("nl.peilbot.response..")
                .and().doNotHaveFullyQualifiedName(ResponseCompleted.class.getName())
                .and().doNotHaveFullyQualifiedName(ResponseProgressed.class.getName())
                .and().doNotHaveFullyQualifiedName(ResponseWithdrawn.class.getName())
                .should().onlyHaveDependentClassesThat()
                .resideInAnyPackage("nl.peilbot.response..", "nl.peilbot.conversation..")
                .check(classes);
    }

    /** The console makes, revokes and re-issues invitations; everyone else goes through the conversation. */
    @Test
    void invitationsAreUsedByTheConversationModuleTheConsoleAndTheMailModuleOnly() {
        classes().that().resideInAPackage("nl.peilbot.invitation..")
                .should().onlyHaveDependentClassesThat()
                .resideInAnyPackage("nl.peilbot.invitation..", "nl.peilbot.conversation..", "nl.peilbot.console..",
                        "nl.peilbot.mail..")
                .check(classes);
    }

    /** Progress events carry no answers, so live progress pages may listen to them. */
    @Test
    void theProgressEventIsSharedWithTheConsoleOnly() {
        classes().that().haveFullyQualifiedName(ResponseProgressed.class.getName())
                .should().onlyHaveDependentClassesThat()
                .resideInAnyPackage("nl.peilbot.response..", "nl.peilbot.conversation..", "nl.peilbot.console..")
                .check(classes);
    }

    /** Organisers see progress, never answers: the console reads no results and no engine state. */
    @Test
    void theConsoleReadsNeitherResultsNorTheEngine() {
        noClasses().that().resideInAPackage("nl.peilbot.console..")
                .should().dependOnClassesThat().resideInAnyPackage("nl.peilbot.aggregation..", "nl.peilbot.results..",
                        "nl.peilbot.engine..", "nl.peilbot.channel..")
                .check(classes);
    }

    /** The aggregation reads the response documents with the driver; the completion event is all it shares. */
    @Test
    void theCompletionEventIsSharedWithTheAggregationOnly() {
        classes().that().haveFullyQualifiedName(ResponseCompleted.class.getName())
                .should().onlyHaveDependentClassesThat()
                .resideInAnyPackage("nl.peilbot.response..", "nl.peilbot.conversation..", "nl.peilbot.aggregation..",
                        "nl.peilbot.results..")
                .check(classes);
    }

    @Test
    void aggregationUsesOnlyTheFlowModuleTheCompletionEventAndLibraries() {
        classes().that().resideInAPackage("nl.peilbot.aggregation..")
                .should().onlyDependOnClassesThat(DescribedPredicate.describe(
                        "in the JDK, org.bson, com.mongodb, Spring, Jackson, SLF4J, jakarta.annotation, the flow or "
                                + "aggregation module, or ResponseCompleted and ResponseWithdrawn",
                        (JavaClass type) -> type.getName().equals(ResponseCompleted.class.getName())
                                || type.getName().equals(ResponseWithdrawn.class.getName())
                                || type.getName().equals("nl.peilbot.system.PageTexts")
                                || startsWithAny(type.getPackageName(), "java", "org.bson", "com.mongodb",
                                "org.springframework", "tools.jackson", "org.slf4j", "jakarta.annotation",
                                "nl.peilbot.flow", "nl.peilbot.aggregation")))
                .check(classes);
    }

    @Test
    void nothingButChannelsAndResultsPagesMayCallTheAggregation() {
        noClasses().that().resideInAnyPackage("nl.peilbot.engine..", "nl.peilbot.flow..", "nl.peilbot.response..",
                        "nl.peilbot.invitation..", "nl.peilbot.conversation..")
                .should().dependOnClassesThat().resideInAPackage("nl.peilbot.aggregation..")
                .check(classes);
    }

    /**
     * The analysts' results are built on the aggregation's public API and the raw documents (read with the driver);
     * the completion event (for the webhook) is all they take from the response module.
     */
    @Test
    void resultsUseTheAggregationApiTheFlowModuleTheCompletionEventAndLibrariesOnly() {
        classes().that().resideInAPackage("nl.peilbot.results..")
                .should().onlyDependOnClassesThat(DescribedPredicate.describe(
                        "in the JDK, org.bson, com.mongodb, Spring, Jackson, SLF4J, jakarta.annotation, springdoc's "
                                + "annotations and customizers, the OpenAPI model, Tomcat's unreadable-query exception, the flow module, the aggregation module's public types, the results "
                                + "module, the CSV module, the outbox's public types, ResponseCompleted or PageTexts",
                        (JavaClass type) -> type.getName().equals(ResponseCompleted.class.getName())
                                || type.getName().equals("nl.peilbot.system.PageTexts")
                                || type.getName().equals("org.apache.tomcat.util.http.InvalidParameterException")
                                || (type.getPackageName().equals("nl.peilbot.aggregation") && type.getModifiers()
                                .contains(com.tngtech.archunit.core.domain.JavaModifier.PUBLIC))
                                || (type.getPackageName().equals("nl.peilbot.outbox") && type.getModifiers()
                                .contains(com.tngtech.archunit.core.domain.JavaModifier.PUBLIC))
                                || startsWithAny(type.getPackageName(), "java", "javax.crypto", "org.bson", "com.mongodb",
                                "org.springframework", "tools.jackson", "org.slf4j", "jakarta.annotation",
                                "io.swagger.v3.oas.annotations", "io.swagger.v3.oas.models", "org.springdoc.core.annotations",
                                "org.springdoc.core.customizers", "nl.peilbot.flow", "nl.peilbot.results",
                                "nl.peilbot.csv")))
                .check(classes);
    }

    @Test
    void nothingButTheResultsModuleCallsIntoIt() {
        noClasses().that().resideOutsideOfPackage("nl.peilbot.results..")
                .should().dependOnClassesThat().resideInAPackage("nl.peilbot.results..")
                .check(classes);
    }

    @Test
    void aggregationOffersResultsAndItsTableRecordsOnly() {
        classes().that().resideInAPackage("nl.peilbot.aggregation").and().arePublic().and().areTopLevelClasses()
                .should().haveSimpleName("Results").orShould().beRecords().orShould().beEnums()
                .orShould().beAssignableTo(RuntimeException.class)
                .check(classes);
    }

    /** One CSV library behind one class, so the formula guard cannot be bypassed by a second writer. */
    @Test
    void csvGoesThroughTheCsvModuleOnly() {
        noClasses().that().resideOutsideOfPackage("nl.peilbot.csv..")
                .should().dependOnClassesThat().resideInAPackage("org.apache.commons.csv..")
                .check(classes);
        classes().that().resideInAPackage("nl.peilbot.csv..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.apache.commons.csv..", "nl.peilbot.csv..")
                .check(classes);
    }

    /** The outbox and the leases are infrastructure: they know the database and Spring, no feature module. */
    @Test
    void outboxAndLeasesUseOnlyLibraries() {
        classes().that().resideInAnyPackage("nl.peilbot.outbox..", "nl.peilbot.lease..")
                .should().onlyDependOnClassesThat(DescribedPredicate.describe(
                        "in the JDK, org.bson, com.mongodb, Spring, SLF4J, jakarta.annotation or their own module",
                        (JavaClass type) -> startsWithAny(type.getPackageName(), "java", "org.bson", "com.mongodb",
                                "org.springframework", "org.slf4j", "jakarta.annotation", "nl.peilbot.outbox",
                                "nl.peilbot.lease")))
                .check(classes);
    }

    /**
     * The report is built on the aggregation's public API only (no documents, no other module); its parser, evaluator
     * and renderers are pure: Spring only in the classes that load templates, read results and answer HTTP.
     */
    @Test
    void reportUsesTheAggregationApiAndLibrariesOnlyAndRendersWithoutSpring() {
        classes().that().resideInAPackage("nl.peilbot.report..")
                .should().onlyDependOnClassesThat(DescribedPredicate.describe(
                        "in the JDK, Spring, CommonMark, OpenHTMLtoPDF, SnakeYAML, the swagger annotations, the aggregation "
                                + "module's public types, PageTexts or the report module",
                        (JavaClass type) -> type.getName().equals("nl.peilbot.system.PageTexts")
                                || (type.getPackageName().equals("nl.peilbot.aggregation") && type.getModifiers()
                                .contains(com.tngtech.archunit.core.domain.JavaModifier.PUBLIC))
                                || startsWithAny(type.getPackageName(), "java", "org.springframework", "org.commonmark",
                                "com.openhtmltopdf", "org.yaml.snakeyaml", "io.swagger.v3.oas.annotations", "nl.peilbot.report")))
                .check(classes);
        noClasses().that().resideInAPackage("nl.peilbot.report..")
                .and().doNotHaveSimpleName("Reports").and().doNotHaveSimpleName("ReportController")
                .and().doNotHaveSimpleName("ReportTemplates").and().doNotHaveSimpleName("PublishedWaves")
                .and().doNotHaveSimpleName("StoredWave")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "nl.peilbot.system..")
                .check(classes);
    }

    /**
     * E-mail is one module: it alone talks SMTP, and it knows invitations, flows and the outbox but nothing of the
     * conversation, the responses, the channels, the console or the results.
     */
    @Test
    void mailIsSentByTheMailModuleOnly() {
        noClasses().that().resideOutsideOfPackage("nl.peilbot.mail..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.mail..", "org.springframework.mail..",
                        "org.eclipse.angus..")
                .check(classes);
        noClasses().that().resideInAPackage("nl.peilbot.mail..")
                .should().dependOnClassesThat().resideInAnyPackage("nl.peilbot.conversation..", "nl.peilbot.response..",
                        "nl.peilbot.channel..", "nl.peilbot.console..", "nl.peilbot.results..", "nl.peilbot.aggregation..",
                        "nl.peilbot.engine..")
                .check(classes);
    }

    private static boolean startsWithAny(String packageName, String... prefixes) {
        for (String prefix : prefixes) {
            if (packageName.equals(prefix) || packageName.startsWith(prefix + ".")) {
                return true;
            }
        }
        return false;
    }
}
