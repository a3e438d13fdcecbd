package dev.sextant.genai;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The integration ships beside the SDK: it uses the JDK, the SDK's public API and google-genai, never Spring or the server. */
class IntegrationDependenciesTest {
    @Test
    void theWrapperDependsOnlyOnTheJdkTheSdkApiAndGoogleGenAi() {
        JavaClasses integration = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.sextant.genai");
        classes().should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "dev.sextant.sdk", "com.google.genai..", "dev.sextant.genai..")
                .check(integration);
    }
}
