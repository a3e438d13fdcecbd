package dev.sextant.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.domain.JavaModifier;
import dev.sextant.server.access.AnyValidKey;
import dev.sextant.server.access.RequiresScope;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Spring stays at the edge; controllers are not API; every endpoint declares its scope. */
class ArchitectureTest {
    private static final JavaClasses SEXTANT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.sextant");

    @Test
    void librariesImportNoSpring() {
        noClasses().that().resideInAnyPackage("dev.sextant.model..", "dev.sextant.store..", "dev.sextant.ingest..", "dev.sextant.cost..", "dev.sextant.otlp..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..")
                .check(SEXTANT);
    }

    @Test
    void controllersAreNotPublic() {
        noClasses().that().areAnnotatedWith(RestController.class).should().haveModifier(JavaModifier.PUBLIC)
                .check(SEXTANT);
    }

    @Test
    void everyApiEndpointDeclaresItsScope() {
        methods().that().areAnnotatedWith(GetMapping.class).or().areAnnotatedWith(PostMapping.class)
                .or().areAnnotatedWith(DeleteMapping.class)
                // boot: /health; ui: the dashboard's pages (no API, they check the login session themselves)
                .and().areDeclaredInClassesThat().resideOutsideOfPackages("dev.sextant.server.boot", "dev.sextant.server.ui")
                // the one open /api endpoint: login (open in SecurityConfiguration and ScopeCheck by its path)
                .and(DescribedPredicate.describe("are not the login endpoint", (JavaMethod m) ->
                        !(m.getOwner().getName().equals("dev.sextant.server.users.AuthController") && m.getName().equals("login"))))
                .should().beAnnotatedWith(RequiresScope.class).orShould().beAnnotatedWith(AnyValidKey.class)
                .check(SEXTANT);
    }

    @Test
    void theDomainNeverThrowsHttpTypes() {
        noClasses().that().resideInAnyPackage("dev.sextant.model..", "dev.sextant.store..", "dev.sextant.ingest..", "dev.sextant.cost..", "dev.sextant.otlp..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.servlet..", "org.springframework.http..")
                .check(SEXTANT);
    }
}
