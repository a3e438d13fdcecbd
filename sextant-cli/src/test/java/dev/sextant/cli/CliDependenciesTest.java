package dev.sextant.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The CLI talks HTTP: its code uses the JDK, picocli, Jackson, the progress bar library and itself, never Spring or another Sextant module. */
class CliDependenciesTest {
    @Test
    void theCliDependsOnlyOnTheJdkPicocliAndJackson() {
        JavaClasses cli = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.sextant.cli");
        classes().should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "picocli..", "tools.jackson..", "me.tongfei.progressbar..", "dev.sextant.cli..")
                .check(cli);
    }
}
