package dev.sextant.langchain4j;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The integration ships beside the SDK: it uses the JDK, the SDK's public API and LangChain4j, never Spring or the server. */
class IntegrationDependenciesTest {
    @Test
    void theListenerDependsOnlyOnTheJdkTheSdkApiAndLangChain4j() {
        JavaClasses integration = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.sextant.langchain4j");
        classes().should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "dev.sextant.sdk", "dev.langchain4j..", "dev.sextant.langchain4j..")
                .check(integration);
    }
}
