package nl.peilbot.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class EngineArchitectureTests {

    @Test
    void shouldDependOnlyOnJavaAndTheFlowModule() {
        JavaClasses engine = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("nl.peilbot.engine");
        classes().that().resideInAPackage("nl.peilbot.engine")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "nl.peilbot.engine..", "nl.peilbot.flow..")
                .check(engine);
    }
}
