package dev.sextant.sdk;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The SDK ships alone: its code uses the JDK, jackson-core and itself, never Spring or another Sextant module. */
class SdkDependenciesTest {
    @Test
    void theSdkDependsOnlyOnTheJdkAndJacksonCore() {
        JavaClasses sdk = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.sextant.sdk");
        classes().should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "tools.jackson.core..", "dev.sextant.sdk..")
                .check(sdk);
    }
}
