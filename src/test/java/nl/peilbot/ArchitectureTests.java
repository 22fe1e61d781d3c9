package nl.peilbot;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.NamedInterface;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;

import nl.peilbot.response.ResponseCompleted;
import nl.peilbot.response.ResponseProgressed;
import nl.peilbot.response.ResponseWithdrawn;

/**
 * Keeps the module boundaries honest: Spring Modulith verifies the modules (no cycles, published APIs only, the
 * dependencies each module's {@code package-info.java} allows), and ArchUnit rules pin what Modulith does not model:
 * the engine and flow stay pure, which libraries a module may use, which events are shared with whom.
 */
class ArchitectureTests {

    private static final ApplicationModules MODULES = ApplicationModules.of(PeilbotApplication.class);

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("nl.peilbot");
    }

    /**
     * Spring Modulith's model: every direct sub-package of {@code nl.peilbot} is a module, its public types in the
     * base package (or a {@code @NamedInterface}) are its API, sub-packages are internal. Fails on a cycle between
     * modules, on a dependency a module's {@code @ApplicationModule(allowedDependencies)} does not list (so
     * {@code system} cannot reach into a feature module), and on any use of another module's internals.
     * {@link BoundaryViolationsTests} proves it fails on each of these.
     */
    @Test
    void modulesDependOnlyOnEachOthersPublishedApisAndNeverInACycle() {
        MODULES.verify();
    }

    /**
     * The module diagram in {@code docs/modules/} is drawn by Modulith's {@link Documenter} from the code; it fails
     * when the committed one is stale. {@code -Dpeilbot.modules.diagram.update=true} writes the new one instead.
     */
    @Test
    void theCommittedModuleDiagramMatchesTheModules() throws IOException {
        Path generated = Path.of("target", "modulith-docs");
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(generated.toString()))
                .writeModulesAsPlantUml();
        Path diagram = generated.resolve("components.puml");
        Path committed = Path.of("docs", "modules", "components.puml");
        if (Boolean.getBoolean("peilbot.modules.diagram.update")) {
            Files.createDirectories(committed.getParent());
            Files.copy(diagram, committed, StandardCopyOption.REPLACE_EXISTING);
        }
        // Documenter writes the same elements and relations in a varying order: compared as sets of lines.
        assertThat(Files.readAllLines(committed)).as("docs/modules/components.puml is stale: run this test with "
                + "-Dpeilbot.modules.diagram.update=true and commit it")
                .containsExactlyInAnyOrderElementsOf(Files.readAllLines(diagram));
    }

    /** The engine and the flow module carry no Modulith annotation (they stay plain Java): pinned here instead. */
    @Test
    void engineUsesOnlyTheJdkAndTheFlowModule() {
        classes().that().resideInAPackage("nl.peilbot.engine..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "nl.peilbot.engine..", "nl.peilbot.flow..")
                .check(classes);
    }

    @Test
    void flowUsesOnlyTheJdkAndItsYamlParser() {
        classes().that().resideInAPackage("nl.peilbot.flow..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.yaml.snakeyaml..", "nl.peilbot.flow..")
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

    /** Progress events carry no answers, so live progress pages may listen to them. */
    @Test
    void theProgressEventIsSharedWithTheConsoleOnly() {
        classes().that().haveFullyQualifiedName(ResponseProgressed.class.getName())
                .should().onlyHaveDependentClassesThat()
                .resideInAnyPackage("nl.peilbot.response..", "nl.peilbot.conversation..", "nl.peilbot.console..")
                .check(classes);
    }

    /** The aggregation reads responses through the response module's reader; of the events, it shares the completion. */
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
                        "in the JDK, org.bson, com.mongodb, Spring, Jackson, SLF4J, jakarta.annotation, SnakeYAML (published "
                                + "figures), the flow or aggregation module, the lease API, the response reader, or ResponseCompleted and ResponseWithdrawn",
                        (JavaClass type) -> type.getName().equals(ResponseCompleted.class.getName())
                                || isResponseReader(type)
                                || type.getName().equals(ResponseWithdrawn.class.getName())
                                || type.getName().equals("nl.peilbot.system.PageTexts")
                                || type.getName().equals("nl.peilbot.lease.Leases")
                                || startsWithAny(type.getPackageName(), "java", "org.bson", "com.mongodb",
                                "org.springframework", "tools.jackson", "org.slf4j", "jakarta.annotation",
                                "org.yaml.snakeyaml", "nl.peilbot.flow", "nl.peilbot.aggregation")))
                .check(classes);
    }

    /**
     * The analysts' results are built on the aggregation's public API and, for what the tables cannot answer, the
     * response module's reader; of its events they take the completion (for the webhook).
     */
    @Test
    void resultsUseTheAggregationApiTheFlowModuleTheCompletionEventAndLibrariesOnly() {
        classes().that().resideInAPackage("nl.peilbot.results..")
                .should().onlyDependOnClassesThat(DescribedPredicate.describe(
                        "in the JDK, org.bson, com.mongodb, Spring, Jackson, SLF4J, jakarta.annotation, springdoc's "
                                + "annotations and customizers, the OpenAPI model, Tomcat's unreadable-query exception, the flow module, the aggregation module's public types, the results "
                                + "module, the CSV module, the outbox's public types, ResponseCompleted, the response reader, the "
                                + "console's response rates or the system module's public types",
                        (JavaClass type) -> type.getName().equals(ResponseCompleted.class.getName())
                                || isResponseReader(type)
                                || type.getName().startsWith("nl.peilbot.console.ResponseRates")
                                || (type.getPackageName().equals("nl.peilbot.system") && type.getModifiers()
                                .contains(com.tngtech.archunit.core.domain.JavaModifier.PUBLIC))
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
        classes().that().resideInAPackage("nl.peilbot.csv..").and().doNotHaveSimpleName("package-info")
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
     * The report is built on the aggregation's public API only (no documents, no other module but the flow, whose
     * titles and names head it and from which a survey without a template gets its default one); its parser,
     * evaluator and renderers are pure: Spring only in the classes that load templates, read results and answer HTTP.
     */
    @Test
    void reportUsesTheAggregationApiAndLibrariesOnlyAndRendersWithoutSpring() {
        classes().that().resideInAPackage("nl.peilbot.report..")
                .should().onlyDependOnClassesThat(DescribedPredicate.describe(
                        "in the JDK, Spring, the servlet API, the MongoDB driver (its own saved templates), CommonMark, "
                                + "OpenHTMLtoPDF, SnakeYAML, the swagger annotations, the aggregation module's public types, "
                                + "the flow, PageTexts, the app's ContentSecurityPolicy or the report module",
                        (JavaClass type) -> type.getName().equals("nl.peilbot.system.PageTexts")
                                || type.getName().equals("nl.peilbot.system.ContentSecurityPolicy")
                                || type.getPackageName().equals("nl.peilbot.flow")
                                || (type.getPackageName().equals("nl.peilbot.aggregation") && type.getModifiers()
                                .contains(com.tngtech.archunit.core.domain.JavaModifier.PUBLIC))
                                || startsWithAny(type.getPackageName(), "java", "org.springframework", "jakarta.servlet",
                                "org.bson", "com.mongodb", "org.commonmark", "com.openhtmltopdf", "org.yaml.snakeyaml",
                                "io.swagger.v3.oas.annotations", "nl.peilbot.report")))
                .check(classes);
        noClasses().that().resideInAPackage("nl.peilbot.report..").and().doNotHaveSimpleName("package-info")
                .and().doNotHaveSimpleName("Reports").and().doNotHaveSimpleName("ReportController")
                .and().doNotHaveSimpleName("ReportTemplates")
                .and().doNotHaveSimpleName("StoredWave").and().doNotHaveSimpleName("TemplateRevisions")
                .and().doNotHaveSimpleName("ReportEditorController")
                .and().doNotHaveSimpleName("ReportTemplateController").and().doNotHaveSimpleName("ReportProblems")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "nl.peilbot.system..",
                        "org.bson..", "com.mongodb..", "jakarta.servlet..")
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

    /** A type of the response module's read API ({@code @NamedInterface("reader")}): typed views, never documents. */
    private static boolean isResponseReader(JavaClass type) {
        return type.getPackageName().equals("nl.peilbot.response") && type.isAnnotatedWith(NamedInterface.class)
                && java.util.List.of(type.getAnnotationOfType(NamedInterface.class).value()).contains("reader");
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
